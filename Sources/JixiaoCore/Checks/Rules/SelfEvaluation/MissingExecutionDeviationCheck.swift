/// SE.EXEC.040: an execution rate below 100 % with no 偏差原因 in the funds block.
///
/// 财预〔2020〕10号 asks for the reason of every deviation from the target, and unspent budget is one.
/// Warning, not error: the Shanxi forms leave that cell blank (or have no such column) and explain the
/// shortfall in 项目绩效分析 instead (docs/domain.md §3.6), so the reason may exist elsewhere on the form.
public struct MissingExecutionDeviationCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.EXEC.040", slug: "missing-execution-deviation", name: "执行率未达 100% 未填偏差原因",
        summary: "预算执行率低于 100%，但资金栏的偏差原因分析及改进措施为空或表上没有该栏。",
        basis: "财预〔2020〕10号：对未完成绩效目标或偏离绩效目标较大的项目要分析并说明原因，研究提出改进措施。",
        defaultSeverity: .warning, scope: .selfEvaluation,
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(
                ExampleForms.selfEvaluation {
                    ExampleForms.setFunds(
                        &$0, budget: "100", executed: "90", balance: "10", rate: "90", score: "9",
                        deviation: "部分培训改为线上举办，节约资金10万元。")
                }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation {
                    ExampleForms.setFunds(&$0, budget: "100", executed: "90", balance: "10", rate: "90", score: "9")
                }, expect: [ExpectedFinding(at: "funds.total.deviation", expected: "100.00", actual: "90.00")]),
            CheckExample(
                ExampleForms.selfEvaluation {
                    ExampleForms.setFunds(
                        &$0, budget: "10", executed: "4.464", balance: "5.536", rate: "44.64",
                        score: "4.46", deviation: nil)
                }, expect: [ExpectedFinding(at: "funds.total.deviation", expected: "100.00", actual: "44.64")]),
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        let execution = context.score(form).execution
        guard let rate = execution.rate, rate < 1, !form.funds.hasDeviationNote else { return [] }
        let percent = DecimalText.fixed(execution.ratePercent ?? 0)
        let column = form.funds.total.deviation == nil ? "表上没有资金偏差原因栏" : "资金偏差原因为空"
        return [
            Violation(
                at: "funds.total.deviation", "预算执行率 \(percent)% 未达 100%，\(column)",
                expected: DecimalText.fixed(100), actual: percent)
        ]
    }
}
