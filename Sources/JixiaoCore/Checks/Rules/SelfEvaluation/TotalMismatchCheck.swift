/// SE.TOTAL.010: the printed 总分 must equal the recomputed execution score + Σ entered 得分 of the scored
/// rows (`FormScore.total`).
///
/// The total is pure arithmetic on the form's own figures, so any difference is a slip (seed 003
/// 社会保障卡工本费支出 prints 96.03 where its rows give 86.03). Error. When the total cannot be checked —
/// it is blank or unreadable, an execution amount or a row's 得分 is unreadable, or the source holds only
/// part of the form — the rule says which input and why, as a notice.
public struct TotalMismatchCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.TOTAL.010", slug: "total-mismatch", name: "总分计算错误",
        summary: "表上总分应等于预算执行得分（按执行率重新计算）加各计分指标的填报得分之和。",
        basis: "财预〔2020〕10号 附件1：总分 = 预算执行率得分 + 各项指标得分，满分 100。",
        defaultSeverity: .error, scope: .selfEvaluation,
        tolerance: "四舍五入到 2 位；容差 0（表上“100”与 100.00 相同）",
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(ExampleForms.selfEvaluation { $0.printedTotal = "100.00" }),
            CheckExample(
                ExampleForms.selfEvaluation {
                    ExampleForms.setUnderExecutedFunds(&$0)
                    $0.printedTotal = "96.03"
                }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation { $0.printedTotal = "90" },
                expect: [ExpectedFinding(at: "total", expected: "100.00", actual: "90.00")]),
            CheckExample(
                ExampleForms.selfEvaluation {
                    ExampleForms.setUnderExecutedFunds(&$0)
                    $0.indicators[5].weight = ""
                    $0.indicators[5].score = ""
                    $0.printedTotal = "96.03"
                }, expect: [ExpectedFinding(at: "total", expected: "86.03", actual: "96.03")]),
            CheckExample(
                ExampleForms.selfEvaluation { $0.funds.total.executed = "IOO" },
                expect: [ExpectedFinding(at: "total", severity: .notice)]),
            CheckExample(
                ExampleForms.selfEvaluation { $0.printedTotal = "" },
                expect: [ExpectedFinding(at: "total", severity: .notice)]),
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        let score = context.score(form)
        // An unscored form is reported as such (SE.TOTAL.030), not as a total that cannot be checked.
        guard !score.isUnscored else { return [] }
        if let reason = cannotCheck(form, score) {
            return [.cannotJudge(at: "total", "无法核对总分：\(reason)")]
        }
        guard let printed = score.printedTotal,
            abs(context.policy.printedScore(printed) - score.total) > context.policy.scoreTolerance
        else { return [] }
        return [
            Violation(
                at: "total",
                "总分 \(form.printedTotal.text) 与预算执行得分 \(DecimalText.fixed(score.execution.score)) + 指标得分合计 \(DecimalText.plain(score.enteredSum)) = \(DecimalText.fixed(score.total)) 不符",
                expected: DecimalText.fixed(score.total), actual: DecimalText.fixed(printed))
        ]
    }

    /// Why the printed total cannot be compared with the recomputation; nil when it can.
    func cannotCheck(_ form: SelfEvaluation, _ score: FormScore) -> String? {
        if form.isTruncated { return "来源只含表单的一部分（source.truncated），表上总分“\(form.printedTotal.text)”" }
        if form.printedTotal.isBlank { return "表上总分为空（未评分或漏填）" }
        if score.printedTotal == nil {
            return "表上总分“\(form.printedTotal.text)”\(form.printedTotal.unreadableReason?.label ?? "无法读取")"
        }
        if score.execution.problem == .missingAmounts {
            let inputs = ExecutionScore.unreadableInputs(form.funds, unit: form.amountUnit)
            return "预算执行得分无法计算（\(inputs.map { "\($0.path)“\($0.text)”\($0.reason)" }.joined(separator: "；"))）"
        }
        let unreadable = score.rows(of: form).filter { $0.score.isScored && $0.row.score.unreadableReason != nil }
        if !unreadable.isEmpty {
            return unreadable.map { "第 \($0.index + 1) 行“\($0.row.name)”得分“\($0.row.score.text)”无法读取" }
                .joined(separator: "；")
        }
        return nil
    }
}
