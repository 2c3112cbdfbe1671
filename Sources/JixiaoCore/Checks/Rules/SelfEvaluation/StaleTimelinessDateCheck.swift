/// SE.GOAL.020: a 时效指标 dated in a year before the form's (宁夏 web-16, a 2022 form: 指标“2021年11月30日前完成资金
/// 支付”). A deadline in an earlier year cannot be the evaluated year's target: the indicator was carried over
/// from an earlier form. Name, target and actual are read (`GoalText.staleDates`). Warning.
public struct StaleTimelinessDateCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.GOAL.020", slug: "stale-timeliness-date", name: "时效指标的年份早于本年度",
        summary: "时效指标的名称、指标值或实际完成值写的年份（如“2021年11月30日前完成资金支付”）早于自评表的年度，可能沿用了往年的指标。",
        basis: "财预〔2020〕10号：时效指标反映本年度任务的完成时限；已公开的 2022 年度自评表中有 2021 年的时限。",
        defaultSeverity: .warning, scope: .selfEvaluation,
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(ExampleForms.selfEvaluation { $0.indicators[2].name = "2023年12月底前完成维修" }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation { $0.indicators[2].name = "2022年12月底前完成维修" },
                expect: [ExpectedFinding(at: "indicators[2].name", expected: "2023", actual: "2022")])
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        GoalText.staleDates(year: form.year, rows: GoalText.Row.rows(of: form))
    }
}
