/// SE.SCORE.080: a row whose target was not met yet scores its full 分值.
///
/// Full marks are for targets met (财预〔2020〕10号). "Not met" is read from the rules: a quantitative row
/// whose formula gives less than the 分值, or Shanxi's 未填报 cost row whose actual is not 达成. Warning: a
/// reviewer may accept it, but the score is unearned by the rules. An ordinary qualitative row scored in
/// full while 部分达成/未达成 lies outside its band, which SE.SCORE.030 already reports; the 未填报 row is
/// exempt from the band, so this rule covers it.
public struct FullScoreTargetMissedCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.SCORE.080", slug: "full-score-target-missed", name: "未完成指标却得满分",
        summary: "指标未完成（定量指标按规则计分低于分值，或未填报成本指标行的完成情况不是“达成”），填报得分却为满分。",
        basis: "财预〔2020〕10号：完成指标值得满分，未完成按比例记分。",
        defaultSeverity: .warning, scope: .selfEvaluation,
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(ExampleForms.selfEvaluation { ExampleForms.missFirstTarget(&$0) }),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[3] = ExampleForms.unfilledCostRow(weight: "5", score: "5")
                }, policy: .shanxi),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation { ExampleForms.missFirstTarget(&$0, score: "15", reason: "") },
                expect: [ExpectedFinding(at: "indicators[0].score", expected: "12.00", actual: "15.00")]),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[3] = ExampleForms.unfilledCostRow(weight: "5", score: "5", actual: "未完成预期指标且效果较差")
                }, expect: [ExpectedFinding(at: "indicators[3].score", actual: "5.00")], policy: .shanxi),
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        context.score(form).rows(of: form).compactMap { item in
            guard let weight = item.score.weight, item.score.entered == weight else { return nil }
            let missed: String
            var expected: String?
            switch item.score.method {
            case .positive, .equal, .reverse:
                guard let rule = item.score.ruleScore, rule < weight else { return nil }
                missed =
                    "\(FieldVocabulary.Indicators.actual.label) \(item.row.actual.text) 未达到指标值 \(item.row.target.text)，按规则应得 \(DecimalText.fixed(rule))"
                expected = DecimalText.fixed(rule)
            case .unfilledCostRow:
                guard let outcome = item.row.actual.outcome, outcome != .achieved else { return nil }
                missed = "完成情况为“\(outcome.label)”"
            default:
                return nil
            }
            return Violation(
                at: item.path("score"), "指标“\(item.row.name)”\(missed)，填报得分却为满分 \(item.row.score.text)",
                expected: expected, actual: DecimalText.fixed(weight))
        }
    }
}
