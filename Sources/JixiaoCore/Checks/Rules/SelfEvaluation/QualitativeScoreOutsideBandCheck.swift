/// SE.SCORE.030: a qualitative row's 得分 must lie in its outcome's band: 达成 [80 %, 100 %] of the 分值,
/// 部分达成 [60 %, 80 %), 未达成 [0, 60 %).
///
/// The national bands; the platform enforces them for the national wording. Error by default; the Shanxi
/// policy lowers it to a warning, because the Shanxi platform's template never matches its own wording
/// and so does not enforce the bands (docs/domain.md §4.3). Shanxi's 未填报 cost row is exempt: its cap beats the
/// band (docs/domain.md §4.1). Scores outside 0…分值 are SE.SCORE.010's.
public struct QualitativeScoreOutsideBandCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.SCORE.030", slug: "qualitative-score-outside-band", name: "定性指标得分不在档次区间",
        summary: "定性指标得分应落在完成情况对应的区间：达成 [80%, 100%] 分值，部分达成 [60%, 80%)，未达成 [0, 60%)；未填报的成本指标行按封顶规则，不查区间。",
        basis: "财预〔2020〕10号 定性指标三档评分；平台区间校验；山西平台未执行区间校验（山西口径降为警告）。",
        defaultSeverity: .error, scope: .selfEvaluation,
        tolerance: "区间端点四舍五入到 2 位",
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[4].actual = IndicatorValue("部分达成预期指标并具有一定效果")
                    $0.indicators[4].score = "20"
                    $0.indicators[4].deviation = "部分业务仍需优化。"
                }),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[3] = ExampleForms.unfilledCostRow(
                        weight: "10", score: "0",
                        deviation: "年初未设定成本指标，下年度按要求设置")
                }),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[3] = ExampleForms.unfilledCostRow(
                        weight: "10", score: "0",
                        deviation: "年初未设定成本指标，下年度按要求设置")
                }, policy: .shanxi),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[4].actual = IndicatorValue("部分达成预期指标并具有一定效果")
                    $0.indicators[4].score = "24"
                    $0.indicators[4].deviation = "部分业务仍需优化。"
                }, expect: [ExpectedFinding(at: "indicators[4].score", expected: "[18.00, 24.00)", actual: "24.00")]),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[4].actual = IndicatorValue("未完成预期指标且效果较差")
                    $0.indicators[4].score = "18"
                    $0.indicators[4].deviation = "业务系统迁移延误。"
                }, expect: [ExpectedFinding(at: "indicators[4].score", expected: "[0.00, 18.00)", actual: "18.00")],
                policy: .shanxi),
            CheckExample(
                ExampleForms.selfEvaluation { $0.indicators[2].score = "7.99" },
                expect: [ExpectedFinding(at: "indicators[2].score", expected: "[8.00, 10.00]", actual: "7.99")]),
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        context.score(form).rows(of: form).compactMap { item in
            guard case .qualitative(let outcome) = item.score.method, let band = item.score.band,
                let entered = item.score.enteredWithinWeight, !band.contains(entered)
            else { return nil }
            return Violation(
                at: item.path("score"),
                "定性指标“\(item.row.name)”完成情况为“\(outcome.label)”，得分 \(item.row.score.text) 不在区间 \(band.text) 内",
                expected: band.text, actual: DecimalText.fixed(entered))
        }
    }
}
