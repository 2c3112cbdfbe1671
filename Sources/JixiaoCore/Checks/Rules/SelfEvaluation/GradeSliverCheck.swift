import Foundation

/// SE.GRADE.030: the rounded total and the unrounded sum fall in different grades.
///
/// Jixiao grades the total readers see, rounded to 2 places; the platform grades the unrounded sum
/// (docs/domain.md §3.5, E7: Σ 84.60 + 5.3955 prints 90.00 优, the platform says 良). Notice: both readings are
/// defensible, and the reviewer should know the platform may disagree.
public struct GradeSliverCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.GRADE.030", slug: "grade-sliver", name: "四舍五入跨越等级线",
        summary: "四舍五入后的总分与未取整的合计落在不同等级（平台按未取整的合计定级，结果可能不同）。",
        basis: "平台按未取整的预算执行得分合计定级；本工具按显示的 2 位小数总分定级。",
        defaultSeverity: .notice, scope: .selfEvaluation,
        tolerance: "总分四舍五入到 2 位；未取整合计保留全部小数",
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(
                ExampleForms.selfEvaluation {
                    ExampleForms.setFunds(
                        &$0, budget: "100", executed: "53.955", balance: "46.045", rate: "53.96",
                        score: "5.40")
                    $0.indicators[4].score = "24.65"
                    $0.printedTotal = "90.05"
                }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation {
                    ExampleForms.setFunds(
                        &$0, budget: "100", executed: "53.955", balance: "46.045", rate: "53.96",
                        score: "5.40")
                    $0.indicators[4].score = "24.6"
                    $0.printedTotal = "90.00"
                }, expect: [ExpectedFinding(at: "total", expected: "89.9955", actual: "90.00")])
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        let score = context.score(form)
        let thresholds = context.policy.gradeThresholds
        let unroundedGrade = thresholds.grade(of: score.unroundedTotal)
        guard score.execution.rate != nil, let grade = score.grade, unroundedGrade != grade else { return [] }
        let unrounded = Self.truncated(score.unroundedTotal)
        return [
            Violation(
                at: "total",
                "总分 \(DecimalText.fixed(score.total))（\(context.policy.label(of: grade))）由未取整的合计 \(unrounded) 四舍五入而来；按未取整合计定级为“\(context.policy.label(of: unroundedGrade))”，平台可能给出该等级",
                expected: unrounded, actual: DecimalText.fixed(score.total))
        ]
    }

    /// The unrounded sum cut (not rounded) to 4 places, so that 89.99996 still reads below 90.
    static func truncated(_ value: Decimal) -> String {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, 4, .down)
        return DecimalText.fixed(result, scale: 4)
    }
}
