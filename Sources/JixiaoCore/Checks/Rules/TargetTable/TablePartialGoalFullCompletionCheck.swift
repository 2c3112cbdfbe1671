/// TG.GOAL.030: a target table whose 年度目标 plans only part of the work (湖南 web-21: `完成项目主体工程70%`)
/// while a 年度 completion indicator asks for all of it (`项目(工程)完成及时率 ≥100%`); SE.GOAL.030's reading.
/// Warning.
public struct TablePartialGoalFullCompletionCheck: TargetTableCheck {
    public static let description = CheckDescription(
        id: "TG.GOAL.030", slug: "table-partial-goal-full-completion", name: "目标表的目标只完成部分而指标要求全部完成",
        summary: "年度目标写明只完成一部分（“完成……70%”），而名称含“完成”的年度比率指标要求 100% 及以上：目标与指标相互矛盾。",
        basis: "财预〔2020〕10号：绩效指标是年度目标的细化；已公开目标表中有“完成项目主体工程70%”与“完成及时率≥100%”并列的情况。",
        defaultSeverity: .warning, scope: .targetTable,
        passing: [
            CheckExample(ExampleForms.targetTable()),
            CheckExample(
                ExampleForms.targetTable {
                    $0.indicators.annual[1].name = "维护任务完成率"
                    $0.indicators.annual[1].value = IndicatorValue("≥100%")
                    $0.goals.annual = "完成设备维护任务。"
                }),
        ],
        failing: [
            CheckExample(
                ExampleForms.targetTable {
                    $0.indicators.annual[1].name = "维护任务完成率"
                    $0.indicators.annual[1].value = IndicatorValue("≥100%")
                    $0.goals.annual = "完成设备维护任务的70%。"
                }, expect: [ExpectedFinding(at: "indicators.annual[1].value", expected: "70%", actual: "≥100%")])
        ])

    public init() {}

    public func check(_ table: TargetTable, context: CheckContext) -> [Violation] {
        GoalText.partialGoalVersusFullCompletion(
            goal: table.goals.annual, goalPath: "goals.annual",
            rows: GoalText.Row.rows(table.indicators.annual, half: "annual"))
    }
}
