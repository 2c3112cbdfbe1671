/// SE.SCORE.040: a scored row with 得分 below its 分值 must give a 偏差原因分析及改进措施.
///
/// 财预〔2020〕10号 requires the reason and the remedy for every target missed; the platform refuses to
/// save such a row ("第N行请填写偏差原因及改进措施！"). Error. This covers Shanxi's 未填报 cost row too:
/// weighted above the cap, it must score below its 分值 and so needs a reason (docs/domain.md §4.1, E8).
public struct DeductionWithoutReasonCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.SCORE.040", slug: "deduction-without-reason", name: "扣分未填偏差原因",
        summary: "指标得分低于分值时，应填写偏差原因分析及改进措施。",
        basis: "财预〔2020〕10号：对未完成绩效目标的要分析说明原因并提出改进措施；平台保存时校验“请填写偏差原因及改进措施”。",
        defaultSeverity: .error, scope: .selfEvaluation,
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(ExampleForms.selfEvaluation { ExampleForms.missFirstTarget(&$0) }),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[3] = ExampleForms.unfilledCostRow(weight: "5", score: "5")
                }, policy: .shanxi),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation { ExampleForms.missFirstTarget(&$0, reason: "") },
                expect: [ExpectedFinding(at: "indicators[0].deviation", expected: "15.00", actual: "12.00")]),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[3] = ExampleForms.unfilledCostRow(weight: "10", score: "5", deviation: " ")
                }, expect: [ExpectedFinding(at: "indicators[3].deviation", expected: "10.00", actual: "5.00")],
                policy: .shanxi),
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        context.score(form).rows(of: form).compactMap { item in
            guard item.score.isScored, let weight = item.score.weight, let entered = item.score.entered,
                entered < weight, !item.row.deviation.isFilledCell
            else { return nil }
            return Violation(
                at: item.path("deviation"),
                "指标“\(item.row.name)”得分 \(item.row.score.text) 低于分值 \(item.row.weight.text)，未填写偏差原因分析及改进措施",
                expected: DecimalText.fixed(weight), actual: DecimalText.fixed(entered))
        }
    }
}
