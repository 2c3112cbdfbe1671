/// XF.TGSE.040: a self-evaluation answers every 年度 indicator of its target table, and no other.
///
/// The self-evaluation scores the targets that were set. A target indicator with no row in the
/// self-evaluation went unreported (reported on the target row, naming the self-evaluation); a
/// self-evaluation row with no target was added afterwards (reported on that row). Shanxi's 未填报 cost row
/// stands for the cost indicator: when the self-evaluation carries one, the cost rows on both sides are left
/// to XF.TGSE.030, so one defect gives one finding. Rows pair by 三级 name, or by prefix within
/// the 二级 where the target's column truncated the name. Warning: an indicator may legitimately be added
/// or dropped at adjustment, but the change should be visible to the reviewer.
public struct IndicatorsAddedOrMissingCheck: TargetPairCheck {
    public static let description = CheckDescription(
        id: "XF.TGSE.040", slug: "indicators-added-or-missing", name: "自评指标与目标表指标不对应",
        summary: "目标表的年度指标在自评表中没有对应的指标，或自评表的指标在目标表中没有对应的指标；“未填报”默认成本指标行及其对应的目标表成本指标由 XF.TGSE.030 检查。",
        basis: "自评表按绩效目标表设定的年度指标逐项自评（财预〔2020〕10号 附件1）；指标的增减应在调整中说明。",
        defaultSeverity: .warning, scope: .crossForm,
        passing: [
            CheckExample([ExampleForms.selfEvaluation(), ExampleForms.targetTable()]),
            CheckExample([
                ExampleForms.selfEvaluation(),
                ExampleForms.targetTable { $0.indicators.annual[4].name = "业务正常运转" },
            ]),
            CheckExample([
                ExampleForms.selfEvaluation(UnfilledCostRowCheck.unfilledCostRow),
                ExampleForms.targetTable(UnfilledCostRowCheck.withoutCost),
            ]),
            // A 未填报 row against a target cost indicator is XF.TGSE.030's finding.
            CheckExample([
                ExampleForms.selfEvaluation(UnfilledCostRowCheck.unfilledCostRow), ExampleForms.targetTable(),
            ]),
            // An empty 年度 set means the 实施期 set applies.
            CheckExample([ExampleForms.selfEvaluation(), ExampleForms.targetTable { $0.indicators.annual = [] }]),
        ],
        failing: [
            CheckExample(
                [
                    ExampleForms.selfEvaluation {
                        $0.indicators.append(
                            .init(
                                level1: "效益指标", level2: "可持续影响指标", name: "长效机制建立",
                                initialTarget: "", adjustedTarget: "建立", actual: "达成预期指标",
                                weight: "0", score: "0"))
                    },
                    ExampleForms.targetTable(),
                ],
                expect: [ExpectedFinding(form: 0, at: "indicators[6]")]),
            CheckExample(
                [ExampleForms.selfEvaluation { $0.indicators.remove(at: 1) }, ExampleForms.targetTable()],
                expect: [ExpectedFinding(form: 1, at: "indicators.annual[1]")]),
            // A prefix pairs names only within the same 二级.
            CheckExample(
                [
                    ExampleForms.selfEvaluation(),
                    ExampleForms.targetTable {
                        $0.indicators.annual[4].name = "业务正常运转"
                        $0.indicators.annual[4].level2 = "经济效益"
                    },
                ],
                expect: [
                    ExpectedFinding(form: 0, at: "indicators[4]"), ExpectedFinding(form: 1, at: "indicators.annual[4]"),
                ]),
        ])

    public init() {}

    public func check(_ pair: TargetPair, context: CheckContext) -> [(form: Int, violation: Violation)] {
        let match = pair.indicatorMatch
        let hasUnfilledCostRow = pair.evaluation.indicators.contains(where: \.isUnfilledCostRow)
        let missing = match.unmatchedTarget.filter { !hasUnfilledCostRow || $0.row.level2Value != .cost }.map {
            target in
            pair.onTable(
                Violation(
                    at: target.path,
                    "目标表年度指标“\(target.row.name)”（\(target.row.value.text)）在自评表中没有对应的指标"))
        }
        let added = match.unmatchedEvaluation.map { index in
            let row = pair.evaluation.indicators[index]
            return pair.onEvaluation(
                Violation(
                    at: "indicators[\(index)]",
                    "自评表指标“\(row.name)”（\(row.level2)）在目标表的年度指标中没有对应的指标"))
        }
        return added + missing
    }
}
