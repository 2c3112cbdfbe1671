import Foundation

/// SE.EXEC.050: the form awards budget execution no points although the policy gives it some.
///
/// Two ways it shows: the funds block prints 得分 0 although money was spent (安徽 池州: 年度资金总额 row
/// 0 | 0 | 0, 得分 0, while 本年财政拨款 executed 89.974 of 89.974), or the template's 一级 labels already
/// share out all 100 points (`产出指标(40分)`, `效益指标(40分)`, `满意度指标(20分)`) and the funds block prints
/// no 分值 of its own. Under a policy that gives execution 0 points (a 40/40/20 template) nothing is
/// reported. Warning: the unspent money then weighs nothing in the total.
public struct NoExecutionPointsCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.EXEC.050", slug: "no-execution-points", name: "预算执行未计分",
        summary: "评分口径给预算执行计分，但表上预算执行得分为 0 而资金已有执行，或一级指标所标分值已合计 100 分且资金栏无分值。",
        basis: "财预〔2020〕10号 附件1：预算执行率 10 分（原则上），得分 = 分值 × 执行率。",
        defaultSeverity: .warning, scope: .selfEvaluation,
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(ExampleForms.selfEvaluation { $0.funds.total.score = "" }),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.funds.total.score = "0"
                    $0.funds.total.executed = "0"
                    $0.funds.sources[0].executed = "0"
                }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.funds.total = SelfEvaluation.FundsRow(
                        compiled: "0", fullYearBudget: "0", executed: "0", weight: "10", rate: "0", score: "0")
                },
                expect: [ExpectedFinding(at: "funds.total.score", expected: "10.00", actual: "0")]),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.funds.total.score = ""
                    for index in $0.indicators.indices {
                        let label = $0.indicators[index].level1
                        $0.indicators[index].level1 =
                            label + (label == "产出指标" ? "(50分)" : label == "效益指标" ? "(40分)" : "(10分)")
                    }
                }, expect: [ExpectedFinding(at: "funds.total.score", expected: "10.00", actual: "")]),
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        let weight = context.policy.executionWeight
        guard weight > 0 else { return [] }
        let score = form.funds.total.score
        let unit = form.amountUnit
        let spent =
            ([form.funds.total] + form.funds.sources).compactMap { $0.executed.amount(in: unit) }.max() ?? 0
        if score.points == 0, spent > 0 {
            return [
                Violation(
                    at: "funds.total.score",
                    "预算执行得分为 0，而资金已执行 \(DecimalText.plain(spent)) \(unit.label)；评分口径给预算执行 \(DecimalText.plain(weight)) 分（分值 × 执行率）",
                    expected: DecimalText.fixed(weight), actual: score.text)
            ]
        }
        let printed = Self.printedLevel1Weights(form)
        guard form.funds.total.weight?.points == nil, score.points == nil, !printed.isEmpty,
            printed.reduce(0, +) >= 100
        else { return [] }
        return [
            Violation(
                at: "funds.total.score",
                "一级指标所标分值合计 \(DecimalText.plain(printed.reduce(0, +))) 分，资金栏无分值、无得分：预算执行未计分，而评分口径给预算执行 \(DecimalText.plain(weight)) 分",
                expected: DecimalText.fixed(weight), actual: score.text)
        ]
    }

    /// `(40分)` in a label (stored once, see `SentenceText`).
    nonisolated(unsafe) static let printedPoints = /[(（](\d+(?:\.\d+)?)分[)）]/

    /// The points printed in the 一级 labels (`产出指标(40分)` → 40), once per 一级.
    static func printedLevel1Weights(_ form: SelfEvaluation) -> [Decimal] {
        var seen: Set<String> = []
        var weights: [Decimal] = []
        for row in form.indicators {
            let label = row.level1.withoutWhitespace
            guard let match = label.firstMatch(of: Self.printedPoints),
                let value = DecimalText.parse(String(match.1)),
                seen.insert(LabelText.withoutAnnotation(label)).inserted
            else { continue }
            weights.append(value)
        }
        return weights
    }
}
