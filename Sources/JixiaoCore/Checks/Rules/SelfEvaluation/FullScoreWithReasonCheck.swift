/// SE.SCORE.050: a row scored at its full 分值 that nevertheless gives a 偏差原因.
///
/// A reason on a full-score row says something went differently from the target (seed 003 工本费:
/// 支付社保卡张数 "全省补卡量较少", scored 20 of 20), so either the score or the target deserves a look.
/// Notice: it may just be a remark.
public struct FullScoreWithReasonCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.SCORE.050", slug: "full-score-with-reason", name: "满分但填写了偏差原因",
        summary: "指标得满分，却填写了偏差原因分析及改进措施：请确认得分或指标值是否恰当。",
        basis: "财预〔2020〕10号：偏差原因针对未完成或偏离目标的指标；满分行有偏差说明值得复核。",
        defaultSeverity: .notice, scope: .selfEvaluation,
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(ExampleForms.selfEvaluation { ExampleForms.missFirstTarget(&$0) }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation { $0.indicators[0].deviation = "全省维修量较少" },
                expect: [ExpectedFinding(at: "indicators[0].deviation", expected: "15.00", actual: "15.00")])
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        context.score(form).rows(of: form).compactMap { item in
            guard item.score.isScored, let weight = item.score.weight, item.score.entered == weight,
                item.row.deviation.isFilledCell
            else { return nil }
            return Violation(
                at: item.path("deviation"),
                "指标“\(item.row.name)”得满分 \(item.row.score.text)，但填写了偏差原因“\(item.row.deviation)”",
                expected: DecimalText.fixed(weight), actual: DecimalText.fixed(weight))
        }
    }
}
