import Foundation

/// SE.WEIGHT.020: the 分值 under each 一级指标 should add up to the policy's split (产出 50, 效益 30,
/// 满意度 10).
///
/// The national split is "原则上": a unit may depart from it, so this is a warning, not an error. A row
/// counts under its printed 一级, or under its 二级's 一级 when the printed 一级 cannot be read. A scored
/// row that has neither, a blank or unreadable 分值, or a source that holds only part of the form makes
/// the split unknown: the rule then says so in a notice. One finding per 一级, located at that 一级's
/// first row (nil when the form has no row under it).
public struct Level1WeightsOffPolicyCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.WEIGHT.020", slug: "level1-weights-off-policy", name: "一级指标分值不符",
        summary: "各一级指标下的分值合计应符合评分口径（全国通用：产出 50、效益 30、满意度 10）。",
        basis: "财预〔2020〕10号：原则上产出 50 分、效益 30 分、满意度 10 分（特殊情况可调整）。",
        defaultSeverity: .warning, scope: .selfEvaluation,
        tolerance: "精确比较；容差 0",
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(ExampleForms.selfEvaluation { $0.indicators[5].level1 = "" }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[0].weight = "20"
                    $0.indicators[4].weight = "25"
                },
                expect: [
                    ExpectedFinding(at: "indicators[0].level1", expected: "50.00", actual: "55.00"),
                    ExpectedFinding(at: "indicators[4].level1", expected: "30.00", actual: "25.00"),
                ]),
            CheckExample(
                ExampleForms.selfEvaluation { $0.indicators[5].level1 = "效益指标" },
                expect: [
                    ExpectedFinding(at: "indicators[4].level1", expected: "30.00", actual: "40.00"),
                    ExpectedFinding(at: nil, expected: "10.00", actual: "0.00"),
                ]),
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        let all = context.score(form).rows(of: form)
        if let notice = WeightInputs.cannotSum(form, all, what: "一级指标分值") { return [notice] }
        var rows: [Level1: [ScoredIndicator]] = [:]
        var unplaced: [String] = []
        for item in all where item.score.isScored {
            guard let level1 = context.policy.level1(of: item.row.level1) ?? item.row.level2Value?.level1 else {
                unplaced.append("第 \(item.index + 1) 行“\(item.row.name)”")
                continue
            }
            rows[level1, default: []].append(item)
        }
        guard unplaced.isEmpty else {
            return [
                .cannotJudge(
                    at: nil, "无法核对一级指标分值：\(unplaced.joined(separator: "、"))的一级、二级指标均无法识别")
            ]
        }
        return context.policy.orderedLevel1Weights.compactMap { level1, expected in
            let under = rows[level1] ?? []
            let sum = under.reduce(Decimal(0)) { $0 + ($1.score.weight ?? 0) }
            guard sum != expected else { return nil }
            return Violation(
                at: under.first?.path("level1"),
                "\(level1.label)分值合计 \(DecimalText.plain(sum))，评分口径为 \(DecimalText.plain(expected))",
                expected: DecimalText.fixed(expected), actual: DecimalText.fixed(sum))
        }
    }
}
