import Foundation

/// SE.SCORE.020: a quantitative row's entered 得分 differs from what its formula gives (正向, 等于, 反向).
///
/// 财预〔2020〕10号: targets met earn full marks, targets missed score in proportion; the platform's
/// formulas implement it. Warning: a unit may deviate with a recorded reason, and the reviewer decides.
/// Left to other rules, so that one cell gets one finding: a full score on a missed target
/// (SE.SCORE.080), a score outside 0…分值 (SE.SCORE.010). A 偏离度 deduction — an over-achieved row scored
/// below full marks with a 偏差原因 (docs/domain.md §3.7) — is a recorded override and passes.
public struct ScoreDiffersFromRuleCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.SCORE.020", slug: "score-differs-from-rule", name: "定量指标得分与计分规则不符",
        summary: "定量指标（≥、＞、＝、＜、≤）的填报得分与按完成值计算的规则得分不同：完成得满分，未完成按完成比例计分，反向指标超出部分按比例扣分。",
        basis: "财预〔2020〕10号：完成指标值得满分，未完成按完成值与指标值的比例记分；平台正向、等于、反向计分模板。",
        defaultSeverity: .warning, scope: .selfEvaluation,
        tolerance: "四舍五入到 2 位；容差 0",
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(ExampleForms.selfEvaluation { ExampleForms.missFirstTarget(&$0) }),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[0].actual = IndicatorValue("13台")
                    $0.indicators[0].score = "12"
                    $0.indicators[0].deviation = "指标值设定偏低，按偏离度调减分值。"
                }),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[1].adjustedTarget = IndicatorValue("=100%")
                    $0.indicators[1].actual = IndicatorValue("98%")
                    $0.indicators[1].score = "14.70"
                }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation { ExampleForms.missFirstTarget(&$0, score: "10") },
                expect: [ExpectedFinding(at: "indicators[0].score", expected: "12.00", actual: "10.00")]),
            CheckExample(
                ExampleForms.selfEvaluation { $0.indicators[0].score = "14" },
                expect: [ExpectedFinding(at: "indicators[0].score", expected: "15.00", actual: "14.00")]),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[1].adjustedTarget = IndicatorValue("≤24小时")
                    $0.indicators[1].actual = IndicatorValue("30小时")
                    $0.indicators[1].score = "12"
                }, expect: [ExpectedFinding(at: "indicators[1].score", expected: "11.25", actual: "12.00")]),
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        context.score(form).rows(of: form).compactMap { item in
            let score = item.score
            guard score.isFormulaScored, let entered = score.enteredWithinWeight, let rule = score.ruleScore,
                let weight = score.weight, entered != rule, entered != weight
            else { return nil }
            if score.isOverAchieved, item.row.deviation.isFilledCell { return nil }
            return Violation(
                at: item.path("score"),
                "指标“\(item.row.name)”填报得分 \(item.row.score.text)，按计分规则应为 \(DecimalText.fixed(rule))（\(ScoreExplanation.describe(score))）",
                expected: DecimalText.fixed(rule), actual: DecimalText.fixed(entered))
        }
    }
}
