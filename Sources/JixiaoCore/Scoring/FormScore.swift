import Foundation

/// A self-evaluation recomputed under a policy: execution score, each row's rule score, totals and grades.
///
/// Two totals are kept apart on purpose:
/// - `total` is what the form should have printed from its own rows: recomputed execution score + Σ entered
///   indicator scores. A difference from the printed 总分 is an arithmetic slip.
/// - `ruleTotal` is execution score + Σ rule scores: what the scoring rules give. A difference from `total`
///   is a scoring judgement to review.
public struct FormScore: Sendable, Hashable {
    /// The policy the form was scored under (its labels, tolerances and printed precision).
    public let policy: ScoringPolicy
    public var policyID: String { policy.id }
    public let execution: ExecutionScore
    /// One per indicator row, in printed order.
    public let indicators: [IndicatorScore]
    /// Σ分值 of the scored rows.
    public let weightSum: Decimal
    /// Σ entered 得分 of the scored rows (blank counts as 0).
    public let enteredSum: Decimal
    /// Σ rule scores of the scored rows.
    public let ruleSum: Decimal
    public let total: Decimal
    /// The grade of `total`; nil for an unscored form (`isUnscored`): a total of blanks deserves no grade.
    public let grade: Grade?
    /// Unrounded execution score + Σ entered scores: what the platform grades (docs/domain.md §3.5).
    public let unroundedTotal: Decimal
    public let ruleTotal: Decimal
    /// The grade of `ruleTotal`; nil for an unscored form.
    public let ruleGrade: Grade?
    /// 总分 and 等级 as printed (nil when unreadable).
    public let printedTotal: Decimal?
    public let printedGrade: Grade?
    /// The grade the printed total deserves.
    public let gradeOfPrintedTotal: Grade?
    /// The score cells left blank on a form published unscored (`indicators[0].score`, …, `total`); empty
    /// when the form is scored. A form is unscored when it has rows to score, none of them has an entered
    /// 得分 and its 总分 is blank: its recomputed total would only be the execution score.
    public let missingScores: [String]
    public var isUnscored: Bool { !missingScores.isEmpty }

    /// How reports name the grade of `total`: the policy's label, or 未评分 for an unscored form.
    public var gradeLabel: String { grade.map(policy.label(of:)) ?? FormScore.unscoredLabel }
    public var ruleGradeLabel: String { ruleGrade.map(policy.label(of:)) ?? FormScore.unscoredLabel }
    public static let unscoredLabel = "未评分"

    public init(_ form: SelfEvaluation, policy: ScoringPolicy) {
        self.policy = policy
        execution = ExecutionScore(funds: form.funds, policy: policy, unit: form.amountUnit)
        indicators = form.indicators.map { IndicatorScoring.score($0, policy: policy) }
        let scored = indicators.filter(\.isScored)
        weightSum = scored.reduce(0) { $0 + ($1.weight ?? 0) }
        enteredSum = scored.reduce(0) { $0 + ($1.entered ?? 0) }
        ruleSum = scored.reduce(0) { $0 + ($1.ruleScore ?? 0) }
        let missing = FormScore.missingScores(form, indicators: indicators, policy: policy)
        missingScores = missing
        total = policy.printedScore(execution.score + enteredSum)
        grade = missing.isEmpty ? policy.gradeThresholds.grade(of: total) : nil
        unroundedTotal = execution.unroundedScore + enteredSum
        ruleTotal = policy.printedScore(execution.score + ruleSum)
        ruleGrade = missing.isEmpty ? policy.gradeThresholds.grade(of: ruleTotal) : nil
        printedTotal = form.printedTotal.points
        printedGrade = form.printedGrade.flatMap(policy.grade(ofLabel:))
        gradeOfPrintedTotal = printedTotal.map { policy.gradeThresholds.grade(of: policy.printedScore($0)) }
    }

    /// The blank score cells of an unscored form (see `missingScores`); empty for a scored one.
    static func missingScores(
        _ form: SelfEvaluation, indicators: [IndicatorScore], policy: ScoringPolicy
    ) -> [String] {
        let counted = form.indicators.indices.filter { indicators[$0].isScored }
        guard !counted.isEmpty, form.printedTotal.isBlank,
            counted.allSatisfy({ form.indicators[$0].score.isBlank })
        else { return [] }
        var paths = counted.map { "indicators[\($0)].score" }
        if policy.executionWeight > 0, form.funds.total.score.isBlank { paths.insert("funds.total.score", at: 0) }
        return paths + ["total"]
    }

    /// What differs between the printed form and the recomputation, in Chinese, most important first.
    public func differences(in form: SelfEvaluation) -> [String] {
        var notes: [String] = []
        let fixed = { DecimalText.fixed($0) }
        let label = { self.policy.label(of: $0) }
        if isUnscored {
            return [
                "未评分：表上得分均为空（\(missingScores.joined(separator: "、"))），不计算总分等级；按表内数字只有预算执行得分 \(fixed(execution.score))"
            ]
        }
        if let printed = printedTotal, abs(policy.printedScore(printed) - total) > policy.scoreTolerance {
            notes.append("总分：表上 \(form.printedTotal.text)，按表内数字应为 \(fixed(total))")
        } else if printedTotal == nil {
            notes.append("总分“\(form.printedTotal.text)”无法读取，按表内数字应为 \(fixed(total))")
        }
        if let printedGrade, printedGrade != grade {
            notes.append("等级：表上“\(label(printedGrade))”，按总分 \(fixed(total)) 应为“\(gradeLabel)”")
        } else if printedGrade == nil, let text = form.printedGrade, !text.isEmpty {
            let labels = Grade.allCases.map(label).joined(separator: "/")
            notes.append("等级“\(text)”不是\(labels)之一，应为“\(gradeLabel)”")
        }
        if let printedGrade, let gradeOfPrintedTotal, printedGrade != gradeOfPrintedTotal {
            notes.append(
                "等级“\(label(printedGrade))”与表上总分 \(form.printedTotal.text) 不符（应为“\(label(gradeOfPrintedTotal))”）")
        }
        let printedRate = form.funds.total.rate
        if let rate = execution.ratePercent, let printed = printedRate.percent,
            !ExecutionScore.printedRateAgrees(
                printed, decimals: printedRate.printedDecimals, with: rate, policy: policy)
        {
            notes.append("执行率：表上 \(form.funds.total.rate.text)，应为 \(fixed(rate))")
        }
        if let printed = form.funds.total.score.points, execution.rate != nil,
            abs(printed - execution.score) > policy.scoreTolerance
        {
            notes.append("预算执行得分：表上 \(form.funds.total.score.text)，应为 \(fixed(execution.score))")
        }
        for (index, score) in indicators.enumerated() where score.isScored {
            guard let difference = score.difference, abs(difference) > policy.scoreTolerance, let rule = score.ruleScore
            else { continue }
            let row = form.indicators[index]
            notes.append(
                "指标“\(row.name)”：填报得分 \(row.score.text)，规则得分 \(fixed(rule))（\(ScoreExplanation.describe(score))）")
        }
        if ruleTotal != total {
            notes.append("按评分规则总分为 \(fixed(ruleTotal))（\(ruleGradeLabel)）")
        }
        return notes
    }
}

/// Chinese one-line explanations of how a rule score was reached.
public enum ScoreExplanation {
    public static func describe(_ score: IndicatorScore) -> String {
        switch score.method {
        case .positive: return "正向指标：完成值达到指标值得满分，未达到按完成比例计分"
        case .equal: return "等于型指标：达到指标值得满分，未达到按完成比例计分"
        case .reverse(.platform): return "反向指标：不超过指标值得满分，超过部分按 1 −（实际−指标）/指标 计分，达到两倍得 0 分"
        case .reverse(.ratio): return "反向指标：不超过指标值得满分，超过按 指标值/实际值 计分"
        case .qualitative(let outcome):
            guard let band = score.band else { return "定性指标" }
            let upper = band.includesUpper ? "≤" : "<"
            return
                "定性指标“\(outcome.label)”：得分应在 \(DecimalText.fixed(band.lower)) ≤ 得分 \(upper) \(DecimalText.fixed(band.upper))"
        case .unfilledCostRow(let cap?): return "未填报成本指标：得分不得超过 \(DecimalText.plain(cap)) 分"
        case .unfilledCostRow(nil): return "未填报成本指标：无法按规则计分，保留填报得分"
        case .manual(let reason): return "无法自动计分（\(reason.label)），保留填报得分"
        case .notScored: return "调整后指标值为空：该指标不计分"
        case .notAnIndicator: return "空白模板行或“其中”分项行：不计分"
        }
    }
}

extension IndicatorScore.ManualReason {
    /// Chinese label.
    public var label: String {
        switch self {
        case .missingWeight: "分值缺失或无法读取"
        case .emptyTarget: "调整后指标值为空"
        case .unreadableTarget: "调整后指标值无法读取"
        case .bareNumberTarget: "指标值缺少计算符号"
        case .emptyActual: "实际完成值为空"
        case .unreadableActual: "实际完成值无法读取"
        case .incompatibleUnits: "实际完成值与指标值计量单位不一致"
        case .qualitativeActual: "定量指标的实际完成值不是数值"
        case .qualitativeWithoutOutcome: "定性指标的实际完成值不是达成/部分达成/未达成"
        }
    }
}
