/// Every rule of the catalogue, in catalogue order. A test fails when a `Check` type is missing here, and
/// `docs/rules.md` is generated from this list.
public enum CheckRegistry {
    public static let all: [any Check.Type] = [
        AgencyCodeOutsideDepartmentCheck.self,
        NarrativeAmountContradictionCheck.self,
        ScoreOutOfRangeCheck.self,
        Level2InvalidCheck.self,
        NoSatisfactionIndicatorCheck.self,
        DuplicateIndicatorCheck.self,
        AnnualGoalMissingCheck.self,
        IdenticalAnalysisTextsCheck.self,
        MisfiledIndicatorCheck.self,
        MissingOutputCategoriesCheck.self,
        ActualNotNumericCheck.self,
        UnitMismatchCheck.self,
        TargetFormatCheck.self,
        QualitativeActualNotOutcomeCheck.self,
        TargetAdjustedCheck.self,
        DoubledValueCheck.self,
        SourcesNotSummingCheck.self,
        AnnualExceedsPeriodCheck.self,
        NaturePeriodMismatchCheck.self,
        NoCostIndicatorCheck.self,
        CostIndicatorNotMonetaryCheck.self,
        TableNoSatisfactionIndicatorCheck.self,
        TableMissingOutputCategoriesCheck.self,
        QuantityWithoutUnitCheck.self,
        TableValueFormatCheck.self,
        TableLevel2InvalidCheck.self,
        AnnualWithoutPeriodCounterpartCheck.self,
        PeriodAnnualInconsistentCheck.self,
    ]

    /// Version of the catalogue: bump when a rule is added, removed or changes meaning.
    public static let catalogueVersion = "1.0"

    public static func check(id: String) -> (any Check.Type)? { all.first { $0.description.id == id } }
}
