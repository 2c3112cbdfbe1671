/// SE.GOAL.030: the 年度目标 plans only part of the work (`完成项目主体工程70%`) while a completion indicator asks
/// for all of it (`项目(工程)完成及时率 ≥100%`): goal and indicator contradict each other
/// (`GoalText.partialGoalVersusFullCompletion`). Warning.
public struct PartialGoalFullCompletionCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.GOAL.030", slug: "partial-goal-full-completion", name: "目标只完成部分而指标要求全部完成",
        summary: "年度目标写明只完成一部分（“完成……70%”），而名称含“完成”的比率指标要求 100% 及以上：目标与指标相互矛盾。",
        basis: "财预〔2020〕10号：绩效指标是年度目标的细化；已公开目标表中有“完成项目主体工程70%”与“完成及时率≥100%”并列的情况。",
        defaultSeverity: .warning, scope: .selfEvaluation,
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[1].name = "维护任务完成率"
                    $0.indicators[1].adjustedTarget = IndicatorValue("≥70%")
                    $0.indicators[1].actual = IndicatorValue("75%")
                    $0.goals.annual = "完成设备维护任务的70%。"
                }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[1].name = "维护任务完成率"
                    $0.indicators[1].adjustedTarget = IndicatorValue("≥100%")
                    $0.indicators[1].actual = IndicatorValue("100%")
                    $0.goals.annual = "完成设备维护任务的70%。"
                }, expect: [ExpectedFinding(at: "indicators[1].adjustedTarget", expected: "70%", actual: "≥100%")])
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        GoalText.partialGoalVersusFullCompletion(
            goal: form.goals.annual, goalPath: "goals.annual", rows: GoalText.Row.rows(of: form))
    }
}
