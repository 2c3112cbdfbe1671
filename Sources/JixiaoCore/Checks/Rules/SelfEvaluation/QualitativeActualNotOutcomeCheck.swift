/// SE.VAL.040: a qualitative target's 实际完成值 should say which of 达成 / 部分达成 / 未达成 was reached.
///
/// The qualitative score band depends on which outcome was reached; free text (`及时`, `已完成`) leaves
/// the band undefined, so the entered score stands unchecked. Any recognised wording counts, and so does
/// an actual that restates the target word for word (`有效` → `有效`: 达成), as provinces without the three
/// wordings print it. Shanxi's 未填报 cost row has no qualitative target and is not concerned. Warning,
/// not error: the Shanxi platform offers only the three outcomes, but most provinces never use them, and
/// the figures are not wrong for it.
public struct QualitativeActualNotOutcomeCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.VAL.040", slug: "qualitative-actual-not-outcome", name: "定性指标实际完成值不是规定等级",
        summary: "定性指标的实际完成值应为“达成预期指标”“部分达成预期指标并具有一定效果”“未完成预期指标且效果较差”（或全国及简写措辞）之一。",
        basis: "财预〔2020〕10号 附件1：定性指标按达成、部分达成并具有一定效果、未达成且效果较差三档评分；山西平台定性完成值枚举 PMKPISELFINDEXVAL。",
        defaultSeverity: .warning, scope: .selfEvaluation,
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(ExampleForms.selfEvaluation { $0.indicators[2].actual = IndicatorValue("部分达成年度指标并具有一定效果") }),
            CheckExample(ExampleForms.selfEvaluation { $0.indicators[2].actual = IndicatorValue("及时") }),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[3] = .init(
                        level1: "产出指标", level2: "成本指标", name: "成本指标", adjustedTarget: "未填报",
                        actual: "达成预期指标", weight: "10", score: "10")
                }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation { $0.indicators[2].actual = IndicatorValue("已完成") },
                expect: [ExpectedFinding(at: "indicators[2].actual", actual: "已完成")]),
            CheckExample(
                ExampleForms.selfEvaluation { $0.indicators[4].actual = IndicatorValue("100%") },
                expect: [ExpectedFinding(at: "indicators[4].actual", actual: "100%")]),
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        form.indicators.enumerated().compactMap { index, row in
            switch row.target.reading {
            case .qualitative, .outcome: break
            default: return nil
            }
            guard !row.isTemplateRow, IndicatorScoring.outcome(of: row, policy: context.policy) == nil else {
                return nil
            }
            let shown = row.actual.isEmpty ? "为空" : "“\(row.actual.text)”"
            return Violation(
                at: "indicators[\(index)].actual",
                "定性指标“\(row.name)”的\(FieldVocabulary.Indicators.actual.label)\(shown)，应为达成、部分达成或未达成之一",
                actual: row.actual.text)
        }
    }
}
