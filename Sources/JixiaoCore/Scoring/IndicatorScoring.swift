import Foundation

/// How one indicator row is scored: the rule score beside the entered one, and why.
///
/// `w` = 分值, `t` = 调整后指标值, `a` = 实际完成值 (an operator or unit in the actual is stripped; a
/// negative `a` counts as 0). Results are clamped to 0…w and rounded half away from zero to 2 places.
///
/// - ≥ ＞ (正向): `a ≥ t → w`, else `a/t × w`.
/// - ＝: `t = 0 → (a ≤ 0 ? w : 0)`, else as ≥ (overshoot is not penalised).
/// - ≤ ＜ (反向), platform formula: `a ≤ t → w`; `t < a < 2t → (1 − (a−t)/t) × w`; `a ≥ 2t → 0`.
///   Ratio formula (`ScoringPolicy.ReverseFormula.ratio`): `a ≤ t → w`, else `t/a × w`.
/// - 定性: the engine cannot compute a qualitative score. 达成 with no entered score gets `w`; otherwise the
///   entered score is brought into its outcome's band (达成 80–100 %, 部分达成 60–80 %, 未达成 0–60 %).
/// - Shanxi's 未填报 cost row: the entered score, capped at `policy.unfilledCostRowCap`; no band.
/// - Rows the rules cannot score (unreadable values, incompatible units, a bare-number target): the entered
///   score stands (clamped to 0…w), with the reason.
public struct IndicatorScore: Sendable, Hashable {
    /// 分值, read.
    public let weight: Decimal?
    /// 得分 as entered, read.
    public let entered: Decimal?
    /// What the rules give; nil when the row is not scored at all (dropped at adjustment).
    public let ruleScore: Decimal?
    public let method: Method
    /// The band a qualitative score must fall in.
    public let band: QualitativeBand?
    /// `a / t` for quantitative rows (both in the target's base unit).
    public let achievement: Decimal?
    /// 偏离度: a ≥/＞/＝ actual at or above `overAchievementRatio × t`.
    public let isOverAchieved: Bool

    public enum Method: Sendable, Hashable {
        case positive
        case equal
        case reverse(ScoringPolicy.ReverseFormula)
        case qualitative(QualitativeOutcome)
        case unfilledCostRow(cap: Decimal?)
        case manual(ManualReason)
        /// Not scored: dropped at adjustment (调整后指标值 empty) under a policy that skips such rows.
        case notScored
        /// Not an indicator: an empty template row, or a breakdown (`其中…`) row with no 分值 and no 得分.
        case notAnIndicator
    }

    /// Why the rules leave a row to the person who scored it.
    public enum ManualReason: String, Sendable, Hashable {
        case missingWeight  // 分值 blank or unreadable
        case emptyTarget  // 调整后指标值 blank
        case unreadableTarget  // `≥人`, `-100%`
        case bareNumberTarget  // `257.34平方米` without an operator
        case emptyActual
        case unreadableActual
        case incompatibleUnits  // target in 元, actual in %
        case qualitativeActual  // a quantitative target with a free-text actual
        case qualitativeWithoutOutcome  // a qualitative target whose actual is not 达成/部分达成/未达成
    }

    /// Whether this row counts towards Σ分值 and Σ得分.
    public var isScored: Bool { method != .notScored && method != .notAnIndicator }

    /// The difference entered − rule, when both exist.
    public var difference: Decimal? {
        guard let entered, let ruleScore else { return nil }
        return entered - ruleScore
    }
}

/// A qualitative score band, `lower ≤ s ≤ upper` or `lower ≤ s < upper`.
public struct QualitativeBand: Sendable, Hashable {
    public let lower: Decimal
    public let upper: Decimal
    public let includesUpper: Bool
    /// The smallest printed score step (0.01 for scores printed to 2 places).
    public let step: Decimal

    public func contains(_ score: Decimal) -> Bool {
        score >= lower && (includesUpper ? score <= upper : score < upper)
    }

    /// The nearest score inside the band (an open upper bound is `upper − step`).
    public func clamp(_ score: Decimal) -> Decimal {
        let top = includesUpper ? upper : max(lower, upper - step)
        return min(max(score, lower), top)
    }

    /// 达成 [0.8w, w]; 部分达成 [0.6w, 0.8w); 未达成 [0, 0.6w) nationally (the policy's `achievedBand`,
    /// `partlyAchievedBand`), bounds at the policy's printed score places.
    public static func of(_ outcome: QualitativeOutcome, weight: Decimal, policy: ScoringPolicy) -> QualitativeBand {
        let high = policy.printedScore(weight * policy.achievedBand)
        let middle = policy.printedScore(weight * policy.partlyAchievedBand)
        let step = Decimal(sign: .plus, exponent: -policy.scorePrintedDecimals, significand: 1)
        switch outcome {
        case .achieved: return QualitativeBand(lower: high, upper: weight, includesUpper: true, step: step)
        case .partlyAchieved: return QualitativeBand(lower: middle, upper: high, includesUpper: false, step: step)
        case .notAchieved: return QualitativeBand(lower: 0, upper: middle, includesUpper: false, step: step)
        }
    }
}

public enum IndicatorScoring {
    /// Scores one row under a policy.
    public static func score(_ row: SelfEvaluation.Indicator, policy: ScoringPolicy) -> IndicatorScore {
        let weight = row.weight.points
        let entered = row.score.points
        func result(
            _ rule: Decimal?, _ method: IndicatorScore.Method, band: QualitativeBand? = nil,
            achievement: Decimal? = nil, overAchieved: Bool = false
        ) -> IndicatorScore {
            IndicatorScore(
                weight: weight, entered: entered, ruleScore: rule, method: method, band: band,
                achievement: achievement, isOverAchieved: overAchieved)
        }
        if row.isTemplateRow || row.isSubItem { return result(nil, .notAnIndicator) }
        if policy.skipsDroppedIndicators, row.isDroppedAtAdjustment { return result(nil, .notScored) }
        guard let w = weight, w >= 0 else { return result(entered, .manual(.missingWeight)) }
        /// The entered score where the rules cannot compute one, kept within 0…w.
        func manual(_ reason: IndicatorScore.ManualReason) -> IndicatorScore {
            result(clamp(entered ?? 0, w), .manual(reason))
        }

        if row.isUnfilledCostRow {
            let cap = policy.unfilledCostRowCap.map { min($0, w) } ?? w
            return result(clamp(entered ?? 0, cap), .unfilledCostRow(cap: policy.unfilledCostRowCap))
        }

        let target = row.target
        switch target.reading {
        case .empty: return manual(.emptyTarget)
        case .unparsed, .notFilled: return manual(.unreadableTarget)
        case .qualitative, .outcome:
            guard let outcome = outcome(of: row, policy: policy) else {
                return manual(row.actual.isEmpty ? .emptyActual : .qualitativeWithoutOutcome)
            }
            return qualitative(outcome, entered: entered, weight: w, policy: policy, result: result)
        case .quantity(let op, let t):
            if let outcome = policy.outcome(of: row.actual) {
                return qualitative(outcome, entered: entered, weight: w, policy: policy, result: result)
            }
            guard let op = op ?? policy.bareNumberOperator else { return manual(.bareNumberTarget) }
            let a: IndicatorValue.Quantity
            switch row.actual.reading {
            case .quantity(_, let quantity): a = quantity
            case .empty: return manual(.emptyActual)
            case .unparsed, .notFilled: return manual(.unreadableActual)
            case .qualitative, .outcome: return manual(.qualitativeActual)
            }
            guard let actual = baseValue(of: a, against: t) else { return manual(.incompatibleUnits) }
            let scored = quantitative(op: op, target: t.baseValue, actual: max(actual, 0), weight: w, policy: policy)
            let over =
                op.direction != .lowerIsBetter && t.baseValue != 0
                && max(actual, 0) >= policy.overAchievementRatio * t.baseValue
            let achievement = t.baseValue == 0 ? nil : max(actual, 0) / t.baseValue
            return result(scored.score, scored.method, achievement: achievement, overAchieved: over)
        }
    }

    /// The outcome a qualitative row's 实际完成值 reports: 达成 / 部分达成 / 未达成 in the policy's wordings,
    /// or 达成 when the actual restates the qualitative target word for word (`有效` → `有效`, `是` → `是`), as
    /// provinces without the three wordings print it. nil for anything else.
    public static func outcome(of row: SelfEvaluation.Indicator, policy: ScoringPolicy) -> QualitativeOutcome? {
        if let outcome = policy.outcome(of: row.actual) { return outcome }
        guard case .qualitative(let target) = row.target.reading, case .qualitative(let actual) = row.actual.reading
        else { return nil }
        return target.withoutWhitespace == actual.withoutWhitespace ? .achieved : nil
    }

    /// The quantitative formulas, on values in the same base unit.
    public static func quantitative(
        op: ComparisonOperator, target t: Decimal, actual a: Decimal, weight w: Decimal,
        policy: ScoringPolicy
    ) -> (score: Decimal, method: IndicatorScore.Method) {
        switch op.direction {
        case .higherIsBetter:
            return (positive(t: t, a: a, w: w, policy: policy), .positive)
        case .equal:
            if t == 0 { return (a <= 0 ? w : 0, .equal) }
            return (positive(t: t, a: a, w: w, policy: policy), .equal)
        case .lowerIsBetter:
            let method = IndicatorScore.Method.reverse(policy.reverseFormula)
            if a <= t { return (w, method) }
            if t == 0 { return (0, method) }
            switch policy.reverseFormula {
            case .platform:
                if a >= 2 * t { return (0, method) }
                return (clamp(policy.printedScore((1 - (a - t) / t) * w), w), method)
            case .ratio:
                return (clamp(policy.printedScore(t / a * w), w), method)
            }
        }
    }

    static func positive(t: Decimal, a: Decimal, w: Decimal, policy: ScoringPolicy) -> Decimal {
        if a >= t || t <= 0 { return w }
        return clamp(policy.printedScore(a / t * w), w)
    }

    static func qualitative(
        _ outcome: QualitativeOutcome, entered: Decimal?, weight w: Decimal, policy: ScoringPolicy,
        result: (Decimal?, IndicatorScore.Method, QualitativeBand?, Decimal?, Bool) -> IndicatorScore
    )
        -> IndicatorScore
    {
        let band = QualitativeBand.of(outcome, weight: w, policy: policy)
        let rule: Decimal
        if let entered { rule = band.clamp(entered) } else { rule = outcome == .achieved ? w : band.lower }
        return result(rule, .qualitative(outcome), band, nil, false)
    }

    /// The actual in the target's base unit. A bare actual number is read in the target's unit.
    static func baseValue(of actual: IndicatorValue.Quantity, against target: IndicatorValue.Quantity) -> Decimal? {
        if actual.unit.text.isEmpty { return actual.number * target.unit.scale }
        guard actual.unit.isCompatible(with: target.unit) else { return nil }
        return actual.baseValue
    }

    static func clamp(_ score: Decimal, _ weight: Decimal) -> Decimal { min(max(score, 0), weight) }
}
