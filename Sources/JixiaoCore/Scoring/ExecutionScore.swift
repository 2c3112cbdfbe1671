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

    public init(funds: SelfEvaluation.Funds, policy: ScoringPolicy) {
        let budget = ExecutionScore.amount(funds, \.fullYearBudget)
        let executed = ExecutionScore.amount(funds, \.executed)
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
        _ funds: SelfEvaluation.Funds, _ column: KeyPath<SelfEvaluation.FundsRow, EnteredNumber>
    ) -> Decimal? {
        let total = funds.total[keyPath: column]
        if !total.isBlank { return total.value }
        let parts = funds.sources.map { $0[keyPath: column] }
        guard !parts.isEmpty, parts.allSatisfy({ $0.valueOrZero != nil }) else { return nil }
        return parts.reduce(Decimal(0)) { $0 + ($1.valueOrZero ?? 0) }
    }
}
