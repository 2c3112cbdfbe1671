/// SE.GOAL.040: a money total stated in the form's texts and broken down after 其中 whose parts do not add up
/// to it (安徽 web-08: `共申请预算资金2026400元，其中村级组织运转400000元，…` with the parts making 1,740,000元).
///
/// Read in one sentence (to 。 or ；): the last amount before 其中 is the total, the amounts after it in the
/// same unit are the parts (at least two; `GoalText.breakdownMismatches`). Warning: the sum is exact, but a
/// 其中 may list only some of the parts.
public struct BreakdownNotSummingCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.GOAL.040", slug: "breakdown-not-summing", name: "文字中的分项金额之和与总额不符",
        summary: "年度目标、完成情况或绩效分析中“共……X元，其中……”列出的分项金额（同一单位，至少两项）之和不等于所写总额。",
        basis: "算术：分项之和应等于总额；已公开自评表中有总额 2,026,400 元而分项合计 1,740,000 元的情况。",
        defaultSeverity: .warning, scope: .selfEvaluation,
        tolerance: "精确相等",
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(
                ExampleForms.selfEvaluation { $0.goals.annual = "共安排资金100万元，其中设备维护60万元，设备购置40万元。" }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation { $0.goals.annual = "共安排资金100万元，其中设备维护60万元，设备购置30万元。" },
                expect: [ExpectedFinding(at: "goals.annual", expected: "100万元", actual: "90万元")])
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        GoalText.breakdownMismatches(
            texts: [("goals.annual", form.goals.annual), ("goals.completion", form.goals.completion)]
                + form.analysis.fields.map { ("analysis.\($0.key)", $0.text) })
    }
}
