/// XF.TGSE.030: Shanxi's 未填报 cost row stands exactly where the target table set no 成本指标.
///
/// The platform inserts 产出指标 / 成本指标 / 未填报 into a self-evaluation when its target table has no cost
/// indicator (docs/domain.md §4.1), and that row is capped at 5 points. A 未填报 row against a target that does set a
/// cost indicator drops a real target (and takes the cap wrongly); a self-evaluation with no cost row at all
/// against a target without one has lost the inserted row. A real cost row against a target without one is
/// fine: the unit set a cost indicator at adjustment. Warning: the score may be affected, the form is not
/// necessarily wrong in its arithmetic.
public struct UnfilledCostRowCheck: TargetPairCheck {
    public static let description = CheckDescription(
        id: "XF.TGSE.030", slug: "unfilled-cost-row-vs-target", name: "未填报成本指标行与目标表不符",
        summary: "目标表设有成本指标，自评表却是“未填报”的默认成本指标行；或目标表没有成本指标，自评表既没有“未填报”行也没有成本指标行。",
        basis: "山西平台：目标表未设成本指标的项目，自评表自动带出“成本指标 / 未填报”行，得分不超过 5 分（领域文档 §4.1）。",
        defaultSeverity: .warning, scope: .crossForm,
        passing: [
            CheckExample([ExampleForms.selfEvaluation(), ExampleForms.targetTable()]),
            CheckExample([
                ExampleForms.selfEvaluation(Self.unfilledCostRow), ExampleForms.targetTable(Self.withoutCost),
            ]),
            CheckExample([ExampleForms.selfEvaluation(), ExampleForms.targetTable(Self.withoutCost)]),
        ],
        failing: [
            CheckExample(
                [ExampleForms.selfEvaluation(Self.unfilledCostRow), ExampleForms.targetTable()],
                expect: [
                    ExpectedFinding(form: 0, at: "indicators[3].adjustedTarget", expected: "≤100万元", actual: "未填报")
                ]),
            CheckExample(
                [
                    ExampleForms.selfEvaluation { $0.indicators.remove(at: 3) },
                    ExampleForms.targetTable(Self.withoutCost),
                ],
                expect: [ExpectedFinding(form: 0, at: "indicators")]),
        ])

    /// The example self-evaluation with Shanxi's default cost row in place of its own.
    static func unfilledCostRow(_ form: inout SelfEvaluation) {
        form.indicators[3] = .init(
            level1: "产出指标", level2: "成本指标", name: "成本指标", adjustedTarget: "未填报",
            actual: "达成预期指标", weight: "10", score: "10")
    }

    /// The example target table without its cost indicator.
    static func withoutCost(_ table: inout TargetTable) {
        table.indicators.period?.remove(at: 3)
        table.indicators.annual.remove(at: 3)
    }

    public init() {}

    public func check(_ pair: TargetPair, context: CheckContext) -> [(form: Int, violation: Violation)] {
        let rows = pair.evaluation.indicators.enumerated()
        if let cost = pair.targetRows.first(where: { $0.row.level2Value == .cost }) {
            return rows.filter { $0.element.isUnfilledCostRow }.map { index, row in
                pair.onEvaluation(
                    Violation(
                        at: "indicators[\(index)].adjustedTarget",
                        "目标表已设成本指标“\(cost.row.name)”（\(cost.row.value.text)），自评表仍是“未填报”的默认成本指标行",
                        expected: cost.row.value.text, actual: row.adjustedTarget.text))
            }
        }
        guard !rows.contains(where: { $0.element.isUnfilledCostRow || $0.element.level2Value == .cost }) else {
            return []
        }
        return [
            pair.onEvaluation(
                Violation(
                    at: "indicators", "目标表未设成本指标，自评表应带出“成本指标 / 未填报”的默认行，但表中没有任何成本指标行"))
        ]
    }
}
