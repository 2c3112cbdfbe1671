import Foundation

/// Budget execution (预算执行率) and its score, recomputed from the funds block.
///
/// `rate = 全年执行数 / 全年预算数` on the 资金总额 row (Σ of the source rows when that row is blank);
/// the printed 执行率 is `round2(rate × 100)`, the score `round2(weight × rate)` (at the policy's printed places) kept within 0…weight, both
/// from the unrounded rate (67.945/100 → 67.95 % but 6.79).
public struct ExecutionScore: Sendable, Hashable {
    /// 全年预算数 used.
    public let budget: Decimal?
    /// 全年执行数 used.
    public let executed: Decimal?
    /// The unrounded fraction; nil when it cannot be computed.
    public let rate: Decimal?
    /// 执行率 in percent, rounded half away from zero to the policy's printed places (2 nationally).
    public let ratePercent: Decimal?
    /// 得分 at the policy's printed places (2 nationally); within 0…weight (a negative amount never scores below 0).
    public let score: Decimal
    /// 得分 before rounding (weight × min(rate, 1)): the platform grades the unrounded sum.
    public let unroundedScore: Decimal
    /// Why the score is not simply weight × rate.
    public let problem: Problem?

    public enum Problem: String, Sendable, Hashable {
        /// 全年执行数 above 全年预算数: rate above 100 %, score capped.
        case overExecuted
        /// 全年预算数 = 0: no rate; score 0.
        case zeroBudget
        /// A budget or execution amount is blank or not a number.
        case missingAmounts
    }

    /// `unit` is the form's money unit: amounts printed with a unit of their own (`259.45万元`) are read in it.
    public init(
        funds: SelfEvaluation.Funds, policy: ScoringPolicy, unit: MoneyUnit = SelfEvaluation.defaultAmountUnit
    ) {
        let budget = ExecutionScore.amount(funds, \.fullYearBudget, in: unit)
        let executed = ExecutionScore.amount(funds, \.executed, in: unit)
        self.budget = budget
        self.executed = executed
        guard let budget, let executed else {
            (rate, ratePercent, score, unroundedScore, problem) = (nil, nil, 0, 0, .missingAmounts)
            return
        }
        guard budget != 0 else {
            (rate, ratePercent, score, unroundedScore, problem) = (nil, nil, 0, 0, .zeroBudget)
            return
        }
        let rate = executed / budget
        self.rate = rate
        self.ratePercent = policy.printedRate(rate * 100)
        self.unroundedScore = policy.executionWeight * min(max(rate, 0), 1)
        self.score = policy.printedScore(unroundedScore)
        self.problem = rate > 1 ? .overExecuted : nil
    }

    /// The 资金总额 row's amount, or Σ of the source rows when that cell is blank.
    public static func amount(
        _ funds: SelfEvaluation.Funds, _ column: KeyPath<SelfEvaluation.FundsRow, EnteredNumber>,
        in unit: MoneyUnit = SelfEvaluation.defaultAmountUnit
    ) -> Decimal? {
        let total = funds.total[keyPath: column]
        if !total.isBlank { return total.amount(in: unit) }
        let parts = funds.sources.map { $0[keyPath: column] }.filter { !$0.isNotApplicable }
        guard !parts.isEmpty, parts.allSatisfy({ $0.amountOrZero(in: unit) != nil }) else { return nil }
        return parts.reduce(Decimal(0)) { $0 + ($1.amountOrZero(in: unit) ?? 0) }
    }

    /// The cells that kept the rate from being computed, with why: blank or unreadable amounts on the
    /// 资金总额 row (or the source rows it is summed from). Empty when the rate is known.
    public static func unreadableInputs(
        _ funds: SelfEvaluation.Funds, unit: MoneyUnit
    ) -> [(path: String, text: String, reason: String)] {
        var inputs: [(String, String, String)] = []
        for (column, name) in [(\SelfEvaluation.FundsRow.fullYearBudget, "fullYearBudget"), (\.executed, "executed")] {
            guard amount(funds, column, in: unit) == nil else { continue }
            let total = funds.total[keyPath: column]
            if !total.isBlank {
                inputs.append(("funds.total.\(name)", total.text, total.unreadableReason?.label ?? "无法读取"))
                continue
            }
            let bad = funds.sources.enumerated().filter { $0.element[keyPath: column].amountOrZero(in: unit) == nil }
            if funds.sources.isEmpty || bad.isEmpty {
                inputs.append(("funds.total.\(name)", "", "为空"))
            }
            for (index, row) in bad where !row[keyPath: column].isNotApplicable {
                let cell = row[keyPath: column]
                inputs.append(("funds.sources[\(index)].\(name)", cell.text, cell.unreadableReason?.label ?? "无法读取"))
            }
        }
        return inputs
    }
}

extension ExecutionScore {
    /// Whether a printed 执行率 states `ratePercent` at the precision it is printed in (`86.5` for
    /// 86.48 %, `86%` for 86.20 %), or within the policy's `rateTolerance` (a truncated 60.28 for
    /// 60.2866 % misleads nobody). The one comparison `score` and `check` share.
    public static func printedRateAgrees(
        _ printed: Decimal, decimals: Int, with ratePercent: Decimal, policy: ScoringPolicy
    ) -> Bool {
        printed == ratePercent.rounded(decimals) || abs(printed - ratePercent) <= policy.rateTolerance
    }
}
