/// TG.GOAL.020: a 年度 时效指标 of a target table dated in a year before the table's (SE.GOAL.020's reading;
/// the 实施期 half may span earlier years and is not read). Warning.
public struct TableStaleTimelinessDateCheck: TargetTableCheck {
    public static let description = CheckDescription(
        id: "TG.GOAL.020", slug: "table-stale-timeliness-date", name: "目标表时效指标的年份早于本年度",
        summary: "年度时效指标的名称或指标值写的年份早于目标表的年度，可能沿用了往年的指标。",
        basis: "财预〔2020〕10号：年度时效指标反映本年度任务的完成时限。",
        defaultSeverity: .warning, scope: .targetTable,
        passing: [
            CheckExample(ExampleForms.targetTable()),
            CheckExample(ExampleForms.targetTable { $0.indicators.annual[2].name = "2023年12月底前完成维修" }),
        ],
        failing: [
            CheckExample(
                ExampleForms.targetTable { $0.indicators.annual[2].name = "2022年12月底前完成维修" },
                expect: [ExpectedFinding(at: "indicators.annual[2].name", expected: "2023", actual: "2022")])
        ])

    public init() {}

    public func check(_ table: TargetTable, context: CheckContext) -> [Violation] {
        GoalText.staleDates(year: table.year, rows: GoalText.Row.rows(table.indicators.annual, half: "annual"))
    }
}
