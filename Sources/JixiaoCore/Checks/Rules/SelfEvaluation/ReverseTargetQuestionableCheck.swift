import Foundation

/// SE.SCORE.070: a ceiling (＜/≤) that looks wrongly set: on a 数量指标, or met with half of it or less
/// to spare.
///
/// A 数量指标 states how much is delivered, so its target is a floor; a ceiling there (支付社保卡张数
/// ≤200000张) usually means the operator was chosen wrongly, and any shortfall scores full marks. A
/// ceiling the actual stays far below (用水量 ≤1000吨 → 300) was set too loose to measure anything.
/// Notice: both are judgements about the target, not arithmetic errors. One finding per row; the actual
/// is given as a percentage of the ceiling when the second reason applies.
public struct ReverseTargetQuestionableCheck: SelfEvaluationCheck {
    /// An actual at or below this fraction of its ceiling makes the ceiling look loose.
    static let looseCeilingRatio = Decimal(string: "0.5")!

    public static let description = CheckDescription(
        id: "SE.SCORE.070", slug: "reverse-target-questionable", name: "反向指标值设定存疑",
        summary: "数量指标使用了＜或≤（数量指标一般为下限），或反向指标的实际完成值不超过指标值的 50%（上限过宽）。",
        basis: "财预〔2020〕10号 附件2：数量指标反映应提供的产品或服务数量；指标值应科学合理、可衡量。",
        defaultSeverity: .notice, scope: .selfEvaluation,
        tolerance: "实际完成值 ≤ 指标值的 50% 即提示（含等于）",
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(ExampleForms.selfEvaluation { $0.indicators[3].actual = IndicatorValue("51万元") }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation { $0.indicators[3].actual = IndicatorValue("50万元") },
                expect: [ExpectedFinding(at: "indicators[3].adjustedTarget", expected: "50.00", actual: "50.00")]),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[0].initialTarget = IndicatorValue("≤10台")
                    $0.indicators[0].adjustedTarget = IndicatorValue("≤10台")
                    $0.indicators[0].actual = IndicatorValue("8台")
                }, expect: [ExpectedFinding(at: "indicators[0].adjustedTarget")]),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[0].initialTarget = IndicatorValue("≤200000张")
                    $0.indicators[0].adjustedTarget = IndicatorValue("≤200000张")
                    $0.indicators[0].actual = IndicatorValue("≤100000张")
                }, expect: [ExpectedFinding(at: "indicators[0].adjustedTarget", expected: "50.00", actual: "50.00")]),
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        context.score(form).rows(of: form).compactMap { item in
            guard item.score.isScored, case .reverse = item.score.method else { return nil }
            var reasons: [String] = []
            if item.row.level2Value == .quantity {
                reasons.append("数量指标使用了上限（\(item.row.target.text)），数量指标一般应为下限")
            }
            let loose = item.score.achievement.flatMap { $0 <= Self.looseCeilingRatio ? $0 * 100 : nil }
            if let loose {
                reasons.append(
                    "\(FieldVocabulary.Indicators.actual.label) \(item.row.actual.text) 仅为上限的 \(DecimalText.fixed(loose))%，上限过宽"
                )
            }
            guard !reasons.isEmpty else { return nil }
            return Violation(
                at: item.path("adjustedTarget"),
                "指标“\(item.row.name)”：\(reasons.joined(separator: "；"))",
                expected: loose.map { _ in DecimalText.fixed(Self.looseCeilingRatio * 100) },
                actual: loose.map { DecimalText.fixed($0) })
        }
    }
}
