/// SE.WEIGHT.010: the 分值 of the scored indicator rows must add up to the policy's indicator total (90
/// nationally: 100 − 10 for budget execution).
///
/// Any other sum makes a total out of 100 impossible or unearned (seed 003 社会保障卡工本费支出 sums to
/// 80). Error. Rows the policy does not score (Shanxi: dropped at adjustment), empty template rows and
/// `其中` breakdown rows are left out; a blank or unreadable 分值 on a scored row, or a source that holds
/// only part of the form, makes the sum unknown: the rule then says so in a notice naming the rows.
public struct WeightsNotPolicyTotalCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.WEIGHT.010", slug: "weights-not-policy-total", name: "指标分值合计不符",
        summary: "计分指标的分值合计应等于 100 减预算执行分值（全国通用为 90）。",
        basis: "财预〔2020〕10号：原则上预算执行率 10 分、产出 50 分、效益 30 分、满意度 10 分，合计 100 分。",
        defaultSeverity: .error, scope: .selfEvaluation,
        tolerance: "精确比较；容差 0",
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators.append(ExampleForms.droppedRow())
                }, policy: .shanxi),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation { $0.indicators[5].weight = "20" },
                expect: [ExpectedFinding(at: nil, expected: "90.00", actual: "100.00")]),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators.append(ExampleForms.droppedRow())
                }, expect: [ExpectedFinding(at: nil, expected: "90.00", actual: "100.00")]),
            // An empty template row does not switch the rule off.
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[5].weight = "20"
                    $0.indicators.append(
                        .init(
                            level1: "效益指标", level2: "经济效益指标", name: "", adjustedTarget: "", actual: "",
                            weight: "", score: ""))
                }, expect: [ExpectedFinding(at: nil, expected: "90.00", actual: "100.00")]),
            CheckExample(
                ExampleForms.selfEvaluation { $0.indicators[0].weight = "(0-20)分" },
                expect: [ExpectedFinding(at: nil, severity: .notice)]),
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        let score = context.score(form)
        let rows = score.rows(of: form)
        let scored = rows.filter(\.score.isScored)
        if let notice = WeightInputs.cannotSum(form, rows, what: "指标分值合计") { return [notice] }
        let expected = context.policy.indicatorWeightTotal
        guard score.weightSum != expected else { return [] }
        return [
            Violation(
                at: nil,
                "计分指标分值合计 \(DecimalText.plain(score.weightSum))（\(scored.map(\.row.weight.text).joined(separator: "+"))），应为 \(DecimalText.plain(expected))",
                expected: DecimalText.fixed(expected), actual: DecimalText.fixed(score.weightSum))
        ]
    }
}
