import Foundation

/// SE.EXEC.060: budget execution well below 100 % while every output indicator is reported complete.
///
/// If a sizeable share of the money was not spent, some planned output should be missing or cheaper than
/// planned; a form that reports every 产出 row complete (宁夏 原州区: 86.48 % executed, all outputs in full,
/// a time indicator claiming 100 % paid) should say why. "Well below" is under 90 %. A row counts as
/// complete when it scores its full 分值, or its actual reaches its target. Notice: there may be a good
/// reason (a tender below budget), but the form must give it.
public struct LowExecutionOutputsCompleteCheck: SelfEvaluationCheck {
    static let threshold = Decimal(90)

    public static let description = CheckDescription(
        id: "SE.EXEC.060", slug: "low-execution-outputs-complete", name: "执行率偏低而产出全部完成",
        summary: "预算执行率低于 90%，而产出指标全部完成（满分或实际完成值达到指标值）：应说明未支出资金与产出的关系。",
        basis: "财预〔2020〕10号：对预算执行与绩效目标偏离较大的项目应分析原因；产出与资金执行应相互印证。",
        defaultSeverity: .notice, scope: .selfEvaluation,
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(
                ExampleForms.selfEvaluation {
                    ExampleForms.setUnderExecutedFunds(&$0)
                    ExampleForms.missFirstTarget(&$0)
                    $0.printedTotal = "93.03"
                }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation {
                    ExampleForms.setUnderExecutedFunds(&$0)
                    $0.printedTotal = "96.03"
                }, expect: [ExpectedFinding(at: "funds.total.rate", expected: "90", actual: "60.29")])
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        let score = context.score(form)
        guard let rate = score.execution.ratePercent, rate < Self.threshold else { return [] }
        let outputs = score.rows(of: form).filter {
            $0.score.isScored && (context.policy.level1(of: $0.row.level1) ?? $0.row.level2Value?.level1) == .output
        }
        guard !outputs.isEmpty, outputs.allSatisfy(Self.isComplete) else { return [] }
        return [
            Violation(
                at: "funds.total.rate",
                "预算执行率 \(DecimalText.fixed(rate))%，而 \(outputs.count) 项产出指标全部完成：请说明未支出的资金与产出的关系",
                expected: DecimalText.plain(Self.threshold), actual: DecimalText.fixed(rate))
        ]
    }

    /// Full marks, or an actual that reaches its target.
    static func isComplete(_ item: ScoredIndicator) -> Bool {
        if let weight = item.score.weight, weight > 0, item.score.entered == weight { return true }
        // A bare number (no 计算符号) in an output counts as a floor, as ≥ and ＝ read it.
        guard case .quantity(let op, let target) = item.row.target.reading, op?.direction != .lowerIsBetter,
            let actual = item.row.actual.quantity,
            let value = IndicatorScoring.baseValue(of: actual, against: target)
        else { return false }
        return value >= target.baseValue
    }
}
