import Foundation

/// SE.EXEC.070: the same spending shortfall is deducted twice — once in the budget execution score and
/// again in an indicator that measures the money itself.
///
/// Budget execution has its own points; an indicator whose target is the budget and whose actual is the
/// amount spent (河北 廊坊: `工程资金金额` 43.2 → 37.24, scored 9 of 10, beside an execution score of 9)
/// or whose actual is the execution rate penalises the unspent money a second time. Amounts are compared
/// in the form's unit (a bare number is taken in it). Warning: the indicator should measure an output.
public struct ShortfallDeductedTwiceCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.EXEC.070", slug: "shortfall-deducted-twice", name: "资金执行差额重复扣分",
        summary: "预算执行已按执行率扣分，又有指标以预算数为指标值、执行数（或执行率）为完成值再次扣分。",
        basis: "财预〔2020〕10号 附件1：预算执行率单独计分，绩效指标衡量产出、效益与满意度。",
        defaultSeverity: .warning, scope: .selfEvaluation,
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(
                ExampleForms.selfEvaluation {
                    ExampleForms.setUnderExecutedFunds(&$0)
                    $0.printedTotal = "96.03"
                }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation {
                    ExampleForms.setUnderExecutedFunds(&$0)
                    $0.indicators[3] = .init(
                        level1: "产出指标", level2: "成本指标", name: "项目资金金额", initialTarget: "262",
                        adjustedTarget: "262", actual: "157.951", weight: "10", score: "6.03",
                        deviation: "资金未全部支出。")
                    $0.printedTotal = "92.06"
                }, expect: [ExpectedFinding(at: "indicators[3].score", expected: "10", actual: "6.03")])
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        let score = context.score(form)
        guard let rate = score.execution.ratePercent, let budget = score.execution.budget,
            let executed = score.execution.executed, score.execution.score < context.policy.executionWeight
        else { return [] }
        return score.rows(of: form).compactMap { item in
            guard item.score.isScored, let weight = item.score.weight, let entered = item.score.entered,
                entered < weight,
                Self.measuresFunds(item.row, budget: budget, executed: executed, rate: rate, form.amountUnit)
            else { return nil }
            return Violation(
                at: item.path("score"),
                "指标“\(item.row.name)”（\(item.row.target.text) → \(item.row.actual.text)）衡量的正是预算执行，已按执行率 \(DecimalText.fixed(rate))% 扣分，又在此扣 \(DecimalText.plain(weight - entered)) 分",
                expected: DecimalText.plain(weight), actual: item.row.score.text)
        }
    }

    /// The row's target is the budget and its actual the amount spent, or its actual is the execution rate.
    static func measuresFunds(
        _ row: SelfEvaluation.Indicator, budget: Decimal, executed: Decimal, rate: Decimal, _ unit: MoneyUnit
    ) -> Bool {
        func amount(_ value: IndicatorValue) -> Decimal? {
            guard let quantity = value.quantity else { return nil }
            if quantity.unit.text.isEmpty { return quantity.number }
            guard quantity.unit.base == "元" else { return nil }
            return MoneyUnit.yuan.convert(quantity.baseValue, to: unit)
        }
        if amount(row.target) == budget, amount(row.actual) == executed { return true }
        guard let actual = row.actual.quantity, actual.unit.base == "%" else { return false }
        return actual.number == rate.rounded(row.actual.text.decimalsAfterPoint) && row.name.contains("执行")
    }
}

extension String {
    /// Digits after the decimal point in a printed value (`86.5%` → 1).
    var decimalsAfterPoint: Int {
        guard let dot = firstIndex(of: ".") else { return 0 }
        return self[index(after: dot)...].prefix { $0.isNumber }.count
    }
}
