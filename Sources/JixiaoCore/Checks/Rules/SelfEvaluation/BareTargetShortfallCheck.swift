import Foundation

/// SE.SCORE.110: a quantitative row whose target is printed without an operator (`100%`, `550`), whose actual
/// falls short of it, and which still scores its full 分值.
///
/// Without a 计算符号 the rules cannot tell a floor from a ceiling, so such a row is not rule-scored and
/// SE.SCORE.080 cannot see a missed target. Most bare targets are floors or exact amounts (政府采购执行率
/// `100%`, a count of equipment `550`); read either way an actual below the target misses it, and a full score
/// is unearned. Rows whose name says the target is a ceiling (控制率, 调整率, 结余率, 成本, 费用, 时限…, see
/// `ceilingWords`) and 成本指标 rows are left alone, as is a policy that gives bare targets an operator
/// (`bareNumberOperator`: the row is then rule-scored and SE.SCORE.080 applies). Warning: the finding says
/// on which reading it rests; the reviewer confirms the target's direction.
public struct BareTargetShortfallCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.SCORE.110", slug: "bare-target-shortfall-full-score", name: "无计算符号的指标未达到指标值却得满分",
        summary:
            "指标值未写计算符号（如“100%”“550”），\(FieldVocabulary.Indicators.actual.label)低于指标值（同一计量单位），按下限或等于理解未完成，填报得分却为满分；名称表明是上限的指标（控制率、调整率、结余率、成本、费用、时限等）和成本指标除外。",
        basis: "财预〔2020〕10号：完成指标值得满分，未完成按比例记分；已公开自评表中有实际完成值 72.74% 对指标值 100%、20 对 550 却得满分的情况。",
        defaultSeverity: .warning, scope: .selfEvaluation,
        tolerance: "按下限计分（实际/指标 × 分值，四舍五入到 2 位）低于分值超过得分容差即报告",
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(ExampleForms.selfEvaluation { $0.indicators[0].adjustedTarget = IndicatorValue("10台") }),
            // Partial marks for a shortfall are what the rules would give.
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[0].adjustedTarget = IndicatorValue("10台")
                    $0.indicators[0].actual = IndicatorValue("5台")
                    $0.indicators[0].score = "7.5"
                    $0.printedTotal = "92.5"
                }),
            // A ceiling by its name: less is better.
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[1].name = "公用经费控制率"
                    $0.indicators[1].adjustedTarget = IndicatorValue("100%")
                    $0.indicators[1].actual = IndicatorValue("97%")
                }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[1].name = "政府采购执行率"
                    $0.indicators[1].adjustedTarget = IndicatorValue("100%")
                    $0.indicators[1].actual = IndicatorValue("72.74%")
                },
                expect: [ExpectedFinding(at: "indicators[1].score", expected: "10.91", actual: "15.00")]),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[0].adjustedTarget = IndicatorValue("550")
                    $0.indicators[0].actual = IndicatorValue("20")
                },
                expect: [ExpectedFinding(at: "indicators[0].score", expected: "0.55", actual: "15.00")]),
        ])

    /// Words in an indicator's name that make its target a ceiling (less is better).
    static let ceilingWords = [
        "控制", "调整", "结余", "结转", "变动", "降低", "减少", "下降", "压缩", "成本", "费用", "价格", "单价", "支出",
        "时间", "时限", "周期", "投诉", "事故", "差错", "误差", "不高于", "不超过", "以内", "以下",
    ]

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        let policy = context.policy
        return context.score(form).rows(of: form).compactMap { item in
            guard item.score.method == .manual(.bareNumberTarget), let weight = item.score.weight, weight > 0,
                item.score.entered == weight,
                case .quantity(nil, let target) = item.row.target.reading, target.baseValue > 0,
                let actual = item.row.actual.quantity,
                let measured = IndicatorScoring.baseValue(of: actual, against: target),
                measured < target.baseValue,
                Level2(label: item.row.level2) != .cost,
                !Self.ceilingWords.contains(where: { item.row.name.contains($0) })
            else { return nil }
            let floor = IndicatorScoring.positive(t: target.baseValue, a: max(measured, 0), w: weight, policy: policy)
            guard weight - floor > policy.scoreTolerance else { return nil }
            return Violation(
                at: item.path("score"),
                "指标“\(item.row.name)”的指标值“\(item.row.target.text)”未写计算符号；按下限（≥）或等于（＝）理解，\(FieldVocabulary.Indicators.actual.label)“\(item.row.actual.text)”未达到指标值，按比例应得 \(DecimalText.fixed(floor))，填报得分却为满分 \(item.row.score.text)",
                expected: DecimalText.fixed(floor), actual: DecimalText.fixed(weight))
        }
    }
}
