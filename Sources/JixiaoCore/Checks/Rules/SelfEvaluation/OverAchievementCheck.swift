import Foundation

/// SE.SCORE.060: a ≥/＞/＝ actual at or above `overAchievementRatio` (1.2) × the target (偏离度).
///
/// 财预〔2020〕10号 asks to analyse results far above target and, where the target was set too low, to
/// lower the score by the deviation; the platform marks such rows red but deducts nothing. Notice: the
/// score stands unless a reviewer lowers it with a reason. Expected and actual are percentages of the
/// target (threshold and achievement).
public struct OverAchievementCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.SCORE.060", slug: "over-achievement", name: "实际完成值远超指标值",
        summary: "正向或等于型指标的实际完成值达到指标值的 120%（评分口径的偏离度阈值）及以上：请分析原因，确认指标值是否设定偏低。",
        basis: "财预〔2020〕10号：对偏离绩效目标较大的要分析原因，指标值设定明显偏低的按偏离度适度调减分值；平台偏离度提示（默认 1.2 倍）。",
        defaultSeverity: .notice, scope: .selfEvaluation,
        tolerance: "达到阈值即提示（含等于）",
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(ExampleForms.selfEvaluation { $0.indicators[0].actual = IndicatorValue("11.99台") }),
            CheckExample(ExampleForms.selfEvaluation { $0.indicators[3].actual = IndicatorValue("20万元") }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation { $0.indicators[0].actual = IndicatorValue("12台") },
                expect: [ExpectedFinding(at: "indicators[0].actual", expected: "120.00", actual: "120.00")]),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[5].adjustedTarget = IndicatorValue("≥70%")
                    $0.indicators[5].actual = IndicatorValue("≥85%")
                }, expect: [ExpectedFinding(at: "indicators[5].actual", expected: "120.00", actual: "121.43")]),
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        let threshold = context.policy.overAchievementRatio * 100
        return context.score(form).rows(of: form).compactMap { item in
            guard item.score.isScored, item.score.isOverAchieved, let achievement = item.score.achievement else {
                return nil
            }
            let percent = DecimalText.fixed(achievement * 100)
            return Violation(
                at: item.path("actual"),
                "指标“\(item.row.name)”\(FieldVocabulary.Indicators.actual.label) \(item.row.actual.text) 为指标值 \(item.row.target.text) 的 \(percent)%，达到偏离度阈值 \(DecimalText.plain(threshold))%：请确认指标值是否设定偏低",
                expected: DecimalText.fixed(threshold), actual: percent)
        }
    }
}
