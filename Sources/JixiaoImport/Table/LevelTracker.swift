import JixiaoCore

/// Carries the 一级 and 二级 labels down the rows of an indicator table, as a reader does with merged
/// cells: a row that prints no label belongs to the label above it.
///
/// A 一级 printed on a row whose 二级 still belongs to the previous 一级 (PDF extraction moved the merged
/// cell up a row: `效益指标` beside `成本指标`) is held back until the first row of its own family.
struct LevelTracker {
    private(set) var level1 = ""
    private(set) var level2 = ""
    private var pendingLevel1: String?

    /// A 一级 label printed on the current row.
    mutating func see(level1 text: String) { pendingLevel1 = text }

    /// Whether `label` differs from the 二级 carried so far (a new merged cell starts).
    func isNew(level2 label: String) -> Bool { label != level2 }

    /// Starts an indicator row. `label` is the 二级 printed on it (nil: none printed); `lost` says the row's
    /// own 二级 is known to be missing (the other half of the row starts a new 二级), so it must not be
    /// carried down. Returns the row's 一级 and 二级.
    mutating func row(
        level2 label: String?, family: Level2? = nil, lost: Bool = false
    ) -> (level1: String, level2: String) {
        if let pending = pendingLevel1 {
            let keepsPrevious = family.map { belongs($0, to: level1) && !belongs($0, to: pending) } ?? false
            if !keepsPrevious {
                level1 = pending
                level2 = ""
                pendingLevel1 = nil
            }
        }
        if let label { level2 = label } else if lost { level2 = "" }
        return (level1, level2)
    }

    /// Whether a 二级 belongs under a printed 一级: in the Shanxi frame (成本 under 产出), or under a 成本 一级
    /// (the central 2021 frame).
    private func belongs(_ level2: Level2, to level1: String) -> Bool {
        guard let parent = Level1(label: level1) else { return false }
        return level2.level1 == parent || level2 == .cost && parent == .cost
    }
}
