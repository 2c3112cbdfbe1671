/// SE.SCORE.010: an indicator's 得分 must lie between 0 and its 分值.
///
/// A score above the weight inflates the total; a negative score has no meaning. Error: the total built on
/// it is wrong whatever the rest of the form says.
public struct ScoreOutOfRangeCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.SCORE.010", slug: "score-out-of-range", name: "得分超出分值范围",
        summary: "指标得分应在 0 与该指标分值之间。",
        basis: "财预〔2020〕10号 附件1 自评表：各指标得分不超过分值；平台导入校验“得分不能大于分值”。",
        defaultSeverity: .error, scope: .selfEvaluation,
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(ExampleForms.selfEvaluation { $0.indicators[0].score = "0" }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation { $0.indicators[0].score = "16" },
                expect: [ExpectedFinding(at: "indicators[0].score", expected: "15.00", actual: "16.00")]),
            CheckExample(
                ExampleForms.selfEvaluation { $0.indicators[1].score = "-1" },
                expect: [ExpectedFinding(at: "indicators[1].score", expected: "0.00", actual: "-1.00")]),
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        form.indicators.enumerated().compactMap { index, row in
            guard let weight = row.weight.points, let score = row.score.points else { return nil }
            let path = "indicators[\(index)].score"
            if score > weight {
                return Violation(
                    at: path, "指标“\(row.name)”得分 \(row.score.text) 超过分值 \(row.weight.text)",
                    expected: DecimalText.fixed(weight), actual: DecimalText.fixed(score))
            }
            if score < 0 {
                return Violation(
                    at: path, "指标“\(row.name)”得分 \(row.score.text) 为负数",
                    expected: DecimalText.fixed(0), actual: DecimalText.fixed(score))
            }
            return nil
        }
    }
}
