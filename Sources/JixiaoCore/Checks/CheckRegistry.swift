/// Every rule of the catalogue, in catalogue order. A test fails when a `Check` type is missing here, and
/// `docs/rules.md` is generated from this list.
public enum CheckRegistry {
    public static let all: [any Check.Type] = [
        RateMismatchCheck.self,
        ExecutionScoreMismatchCheck.self,
        ExecutionAboveBudgetCheck.self,
        MissingExecutionDeviationCheck.self,
        BalanceMismatchCheck.self,
        FundSourcesNotSummingCheck.self,
        BudgetAdjustedWithoutNoteCheck.self,
        GradeInconsistentWithPrintedTotalCheck.self,
        GradeDiffersAfterRecomputationCheck.self,
        GradeSliverCheck.self,
        ScoreOutOfRangeCheck.self,
        ScoreDiffersFromRuleCheck.self,
        QualitativeScoreOutsideBandCheck.self,
        DeductionWithoutReasonCheck.self,
        FullScoreWithReasonCheck.self,
        OverAchievementCheck.self,
        ReverseTargetQuestionableCheck.self,
        FullScoreTargetMissedCheck.self,
        UnfilledCostRowOverCapCheck.self,
        DroppedRowHasValuesCheck.self,
        TotalMismatchCheck.self,
        WeightsNotPolicyTotalCheck.self,
        Level1WeightsOffPolicyCheck.self,
    ]

    /// Version of the catalogue: bump when a rule is added, removed or changes meaning.
    public static let catalogueVersion = "1.0"

    public static func check(id: String) -> (any Check.Type)? { all.first { $0.description.id == id } }
}
