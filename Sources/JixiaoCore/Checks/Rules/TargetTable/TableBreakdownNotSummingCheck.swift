/// TG.GOAL.040: a money total in a target table's goals or overview broken down after 其中 whose parts do not
/// add up to it; SE.GOAL.040's reading. Warning.
public struct TableBreakdownNotSummingCheck: TargetTableCheck {
    public static let description = CheckDescription(
        id: "TG.GOAL.040", slug: "table-breakdown-not-summing", name: "目标表文字中的分项金额之和与总额不符",
        summary: "实施期目标、年度目标或项目概况中“共……X元，其中……”列出的分项金额（同一单位，至少两项）之和不等于所写总额。",
        basis: "算术：分项之和应等于总额。", defaultSeverity: .warning, scope: .targetTable,
        tolerance: "精确相等",
        passing: [
            CheckExample(ExampleForms.targetTable()),
            CheckExample(
                ExampleForms.targetTable { $0.goals.annual = "共安排资金100万元，其中设备维护60万元，设备购置40万元。" }),
        ],
        failing: [
            CheckExample(
                ExampleForms.targetTable { $0.goals.annual = "共安排资金100万元，其中设备维护60万元，设备购置30万元。" },
                expect: [ExpectedFinding(at: "goals.annual", expected: "100万元", actual: "90万元")])
        ])

    public init() {}

    public func check(_ table: TargetTable, context: CheckContext) -> [Violation] {
        GoalText.breakdownMismatches(texts: [
            ("goals.period", table.goals.period), ("goals.annual", table.goals.annual), ("overview", table.overview),
        ])
    }
}
