/// TG.GOAL.010: a target table's goal (年度目标, 实施期目标) states a quantity of the same thing, in the same
/// unit, as an indicator of the same half, and the two differ. The reading is SE.GOAL.010's
/// (`GoalText.quantityContradictions`). Warning.
public struct TableGoalQuantityContradictionCheck: TargetTableCheck {
    public static let description = CheckDescription(
        id: "TG.GOAL.010", slug: "table-goal-quantity-contradiction", name: "目标表的目标数量与指标值不符",
        summary: "年度（实施期）目标写明的数量与同一事物、同一计量单位的年度（实施期）指标值不一致；只在能一一对应时报告，不比较百分比和金额。",
        basis: "财预〔2020〕10号：绩效指标是绩效目标的细化，应与目标一致。",
        defaultSeverity: .warning, scope: .targetTable,
        passing: [
            CheckExample(ExampleForms.targetTable()),
            CheckExample(ExampleForms.targetTable { $0.goals.annual = "完成设备维护10台。" }),
        ],
        failing: [
            CheckExample(
                ExampleForms.targetTable { $0.goals.annual = "完成设备维护8台。" },
                expect: [ExpectedFinding(at: "goals.annual", expected: "≥10台", actual: "8台")])
        ])

    public init() {}

    public func check(_ table: TargetTable, context: CheckContext) -> [Violation] {
        var found = GoalText.quantityContradictions(
            goal: table.goals.annual, goalPath: "goals.annual",
            rows: GoalText.Row.rows(table.indicators.annual, half: "annual"))
        if let period = table.indicators.period {
            found += GoalText.quantityContradictions(
                goal: table.goals.period, goalPath: "goals.period", rows: GoalText.Row.rows(period, half: "period"))
        }
        return found
    }
}
