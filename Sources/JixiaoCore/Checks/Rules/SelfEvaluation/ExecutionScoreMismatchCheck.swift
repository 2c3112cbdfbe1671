/// SE.EXEC.020: the printed funds 得分 must be round2(预算执行分值 × min(执行率, 1)), from the unrounded rate.
///
/// Hand-typed forms sometimes truncate the score (157.951/262 → 6.02 instead of 6.03) or round the
/// rounded rate (67.945/100 → 6.80 instead of 6.79); the total is built on it. Error. Only the 资金总额
/// row is checked: the points belong to the project, and no rule defines a source row's score (the
/// national layout prints `—` there). A blank score gets a notice with the score it should be (one seed
/// lost that cell in extraction; an unscored form leaves it blank). When the rate cannot be computed (an
/// amount blank or unreadable, a zero budget) or the printed score cannot be read, the rule says which
/// input and why, as a notice.
public struct ExecutionScoreMismatchCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.EXEC.020", slug: "execution-score-mismatch", name: "预算执行得分计算错误",
        summary: "资金总额行的得分应为预算执行分值（全国通用 10 分）× 执行率（超过 100% 按 100% 计），由未取整的执行率计算后四舍五入到 2 位。",
        basis: "财预〔2020〕10号 附件1：预算执行率得分 = 分值 × 执行率；山西已公开自评表均按此四舍五入到 2 位。",
        defaultSeverity: .error, scope: .selfEvaluation,
        tolerance: "四舍五入到 2 位；容差 0",
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(ExampleForms.selfEvaluation { $0.funds.total.score = "—" }),
            CheckExample(
                ExampleForms.selfEvaluation {
                    ExampleForms.setRoundingEdgeFunds(&$0)
                }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation {
                    ExampleForms.setUnderExecutedFunds(&$0, score: "6.02")
                }, expect: [ExpectedFinding(at: "funds.total.score", expected: "6.03", actual: "6.02")]),
            CheckExample(
                ExampleForms.selfEvaluation {
                    ExampleForms.setRoundingEdgeFunds(&$0, score: "6.80")
                }, expect: [ExpectedFinding(at: "funds.total.score", expected: "6.79", actual: "6.80")]),
            CheckExample(
                ExampleForms.selfEvaluation { $0.funds.total.score = "" },
                expect: [ExpectedFinding(at: "funds.total.score", severity: .notice)]),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.funds.total.executed = "2021年12月"
                    $0.funds.sources[0].executed = "2021年12月"
                }, expect: [ExpectedFinding(at: "funds.total.score", severity: .notice)]),
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        let execution = context.score(form).execution
        let printed = form.funds.total.score
        guard !printed.isNotApplicable else { return [] }
        if printed.isBlank {
            guard execution.rate != nil, context.policy.executionWeight > 0 else { return [] }
            let why = form.isTruncated ? "不在来源中（source.truncated）" : "为空（未评分或漏填）"
            return [
                .cannotJudge(
                    at: "funds.total.score",
                    "预算执行得分\(why)；按执行率 \(DecimalText.fixed(execution.ratePercent ?? 0))% 应为 \(DecimalText.fixed(execution.score))"
                )
            ]
        }
        guard let value = printed.points else {
            return [
                .cannotJudge(
                    at: "funds.total.score",
                    "无法核对预算执行得分：得分“\(printed.text)”\(printed.unreadableReason?.label ?? "无法读取")")
            ]
        }
        guard execution.rate != nil else {
            let why =
                execution.problem == .zeroBudget
                ? "\(FieldVocabulary.Funds.fullYearBudget.label)为 0，执行率无法计算"
                : ExecutionScore.unreadableInputs(form.funds, unit: form.amountUnit)
                    .map { "\($0.path)“\($0.text)”\($0.reason)" }.joined(separator: "；")
            return [.cannotJudge(at: "funds.total.score", "无法核对预算执行得分 \(printed.text)：\(why)")]
        }
        guard abs(value - execution.score) > context.policy.scoreTolerance else { return [] }
        return [
            Violation(
                at: "funds.total.score",
                "预算执行得分 \(printed.text) 与 \(DecimalText.plain(context.policy.executionWeight)) × 执行率 \(DecimalText.fixed(execution.ratePercent ?? 0))% = \(DecimalText.fixed(execution.score)) 不符",
                expected: DecimalText.fixed(execution.score), actual: DecimalText.fixed(value))
        ]
    }
}
