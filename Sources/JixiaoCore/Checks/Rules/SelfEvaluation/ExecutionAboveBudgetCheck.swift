/// SE.EXEC.030: 全年执行数 above 全年预算数 (warning), or a 全年预算数 of 0 (error).
///
/// Spending more than the budget gives a rate above 100 %, which the score caps at the full points: the
/// reviewer should see why the budget was exceeded. A zero budget leaves no rate at all (the platform
/// silently divides by 1), so the execution score is 0 and the total cannot be trusted: that occurrence is
/// an error. Checked on the project (资金总额 row, or Σ sources when it is blank).
public struct ExecutionAboveBudgetCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.EXEC.030", slug: "execution-above-budget", name: "执行数超出预算或预算为零",
        summary: "全年执行数超过全年预算数（执行率超过 100%，得分按满分封顶）为警告；全年预算数为 0（无法计算执行率，得分按 0 计）为错误。",
        basis: "自评表备注2–4；平台对预算为 0 按除以 1 处理、对超支不封顶，本工具封顶并提示。",
        defaultSeverity: .warning, scope: .selfEvaluation,
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(
                ExampleForms.selfEvaluation {
                    ExampleForms.setRoundingEdgeFunds(&$0)
                }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation {
                    ExampleForms.setFunds(
                        &$0, budget: "100", executed: "105", balance: "-5", rate: "105.00", score: "10.00")
                }, expect: [ExpectedFinding(at: "funds.total.executed", expected: "100.00", actual: "105.00")]),
            CheckExample(
                ExampleForms.selfEvaluation {
                    ExampleForms.setFunds(&$0, budget: "0", executed: "1", balance: "-1", rate: "", score: "0")
                }, expect: [ExpectedFinding(at: "funds.total.fullYearBudget", actual: "0.00")]),
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        let execution = context.score(form).execution
        switch execution.problem {
        case .overExecuted:
            guard let budget = execution.budget, let executed = execution.executed else { return [] }
            return [
                Violation(
                    at: "funds.total.executed",
                    "\(FieldVocabulary.Funds.executed.label) \(DecimalText.plain(executed)) 超过\(FieldVocabulary.Funds.fullYearBudget.label) \(DecimalText.plain(budget))（执行率 \(DecimalText.fixed(execution.ratePercent ?? 0))%），预算执行得分按满分封顶",
                    expected: DecimalText.fixed(budget), actual: DecimalText.fixed(executed))
            ]
        case .zeroBudget:
            return [
                Violation(
                    at: "funds.total.fullYearBudget",
                    "\(FieldVocabulary.Funds.fullYearBudget.label)为 0，无法计算执行率，预算执行得分按 0 计",
                    actual: DecimalText.fixed(0), severity: .error)
            ]
        case .missingAmounts, nil:
            return []
        }
    }
}
