/// Every rule of the catalogue, in catalogue order. A test fails when a `Check` type is missing here, and
/// `docs/rules.md` is generated from this list.
public enum CheckRegistry {
    public static let all: [any Check.Type] = [
        ScoreOutOfRangeCheck.self,
        DuplicateFormCheck.self,
        NearDuplicateFormCheck.self,
        CodeNameConflictCheck.self,
        InitialTargetDiffersCheck.self,
        DeclaredDiffersFromTargetFundsCheck.self,
        UnfilledCostRowCheck.self,
        IndicatorsAddedOrMissingCheck.self,
        UnitNameConflictCheck.self,
    ]

    /// Version of the catalogue: bump when a rule is added, removed or changes meaning.
    public static let catalogueVersion = "1.0"

    public static func check(id: String) -> (any Check.Type)? { all.first { $0.description.id == id } }
}
