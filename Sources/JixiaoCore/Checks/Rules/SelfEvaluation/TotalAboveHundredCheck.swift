import Foundation

/// SE.TOTAL.020: the points a form can award — the 分值 of its scored indicator rows plus the points for
/// budget execution — add up to more than 100.
///
/// A total out of 100 cannot then be a percentage of anything (四川 中江县: 产出 70 + 效益 20 + 满意度 10 = 100
/// for the indicators, and 10 more for execution: 110). Budget execution counts with the 分值 printed in the
/// funds block, or the policy's when none is printed. The visible rows of a partial source already count:
/// if they exceed 100 the whole form does. Error: some points are counted twice or the template's split
/// was not followed. Unreadable 分值 are left out of the sum (SE.VAL.070 reports them).
public struct TotalAboveHundredCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.TOTAL.020", slug: "total-above-hundred", name: "满分合计超过 100 分",
        summary: "计分指标分值合计加预算执行分值（表上所印，未印时按评分口径）不应超过 100 分。",
        basis: "财预〔2020〕10号 附件1：总分满分 100 分，由预算执行率和各项指标分值组成。",
        defaultSeverity: .error, scope: .selfEvaluation, tolerance: "精确比较；容差 0",
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(ExampleForms.selfEvaluation { $0.indicators[5].weight = "5" }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.funds.total.weight = "10"
                    $0.indicators[4].weight = "40"
                    $0.indicators[4].score = "40"
                    $0.printedTotal = "110"
                }, expect: [ExpectedFinding(at: nil, expected: "100.00", actual: "110.00")])
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        let weights = context.score(form).indicators.filter(\.isScored).compactMap(\.weight)
        let indicatorSum = weights.reduce(Decimal(0), +)
        let execution = form.funds.total.weight?.points ?? context.policy.executionWeight
        let possible = indicatorSum + execution
        guard possible > 100 else { return [] }
        return [
            Violation(
                at: nil,
                "指标分值合计 \(DecimalText.plain(indicatorSum)) 加预算执行 \(DecimalText.plain(execution)) 分共 \(DecimalText.plain(possible)) 分，超过满分 100 分",
                expected: DecimalText.fixed(100), actual: DecimalText.fixed(possible))
        ]
    }
}
