/// SE.TOTAL.030: a self-evaluation published unscored: none of its indicator rows has a 得分 and its 总分 is
/// blank (`FormScore.isUnscored`).
///
/// Such a form gets no total and no grade from Jixiao (`score` reports it as 未评分): the recomputed total
/// would be the execution score alone (10 of 100, 差), a grade the form never claimed. The finding lists the
/// blank score cells. Warning: the self-evaluation is incomplete as published; the reviewer should ask for
/// the scores.
public struct UnscoredFormCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.TOTAL.030", slug: "unscored-form", name: "自评表未评分",
        summary: "各计分指标的得分和总分都为空：自评表未评分，不计算总分和等级（报告为“未评分”），并列出为空的得分栏。",
        basis: "财预〔2020〕10号 附件1：自评表应逐项填写得分并计算总分；已公开自评表中有得分栏全部空白的情况。",
        defaultSeverity: .warning, scope: .selfEvaluation,
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            // One score left blank is a slip in a scored form (SE.TOTAL.010 compares the total), not an unscored form.
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[5].score = ""
                    $0.printedTotal = "90"
                }),
            // A total without row scores is a scored form whose rows are blank: SE.TOTAL.010 compares it.
            CheckExample(
                ExampleForms.selfEvaluation {
                    for index in $0.indicators.indices { $0.indicators[index].score = "" }
                    $0.printedTotal = "10"
                }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation {
                    for index in $0.indicators.indices { $0.indicators[index].score = "" }
                    $0.funds.total.score = ""
                    $0.printedTotal = ""
                    $0.printedGrade = ""
                },
                expect: [
                    ExpectedFinding(
                        at: "total",
                        expected:
                            "funds.total.score、indicators[0].score、indicators[1].score、indicators[2].score、indicators[3].score、indicators[4].score、indicators[5].score、total"
                    )
                ])
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        let score = context.score(form)
        guard score.isUnscored else { return [] }
        let missing = score.missingScores.joined(separator: "、")
        return [
            Violation(
                at: "total",
                "自评表未评分：各指标得分和总分都为空（\(missing)），不计算总分和等级；按表内数字只有预算执行得分 \(DecimalText.fixed(score.execution.score))",
                expected: missing)
        ]
    }
}
