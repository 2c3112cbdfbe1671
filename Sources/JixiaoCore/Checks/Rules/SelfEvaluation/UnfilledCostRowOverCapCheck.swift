/// SE.SX.010 (Shanxi): the 未填报 cost row may score at most min(cap, 分值) points (cap 5).
///
/// When the target table set no 成本指标, the Shanxi platform inserts a 成本指标 row marked 未填报 and
/// rules that it "得分不得超过5分" (docs/domain.md §4.1, E8). Error: the points are not earnable. Runs only under
/// a policy with `unfilledCostRowCap`; a score above the 分值 itself is SE.SCORE.010's.
public struct UnfilledCostRowOverCapCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.SX.010", slug: "unfilled-cost-row-over-cap", name: "未填报成本指标得分超过上限",
        summary: "（山西）目标表未设成本指标时，自评表自动生成的“未填报”成本指标行得分不得超过 5 分（且不超过分值）。",
        basis: "山西预算管理一体化平台规则：未填报成本指标的项目，成本指标得分不得超过5分。",
        defaultSeverity: .error, scope: .selfEvaluation,
        tolerance: "精确比较；容差 0",
        passing: [
            CheckExample(ExampleForms.selfEvaluation(), policy: .shanxi),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[3] = ExampleForms.unfilledCostRow(
                        weight: "10", score: "0",
                        deviation: "年初未设定成本指标，下年度按要求设置")
                }, policy: .shanxi),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[3] = ExampleForms.unfilledCostRow(weight: "5", score: "5")
                }, policy: .shanxi),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[3] = ExampleForms.unfilledCostRow(weight: "10", score: "6", deviation: "未设成本指标。")
                }, policy: .national),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[3] = ExampleForms.unfilledCostRow(weight: "10", score: "6", deviation: "未设成本指标。")
                }, expect: [ExpectedFinding(at: "indicators[3].score", expected: "5.00", actual: "6.00")],
                policy: .shanxi)
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        guard let cap = context.policy.unfilledCostRowCap else { return [] }
        return context.score(form).rows(of: form).compactMap { item in
            guard item.row.isUnfilledCostRow, let weight = item.score.weight,
                let entered = item.score.enteredWithinWeight, entered > min(cap, weight)
            else { return nil }
            let limit = min(cap, weight)
            return Violation(
                at: item.path("score"),
                "未填报的成本指标“\(item.row.name)”得分 \(item.row.score.text) 超过上限 \(DecimalText.plain(limit)) 分",
                expected: DecimalText.fixed(limit), actual: DecimalText.fixed(entered))
        }
    }
}
