import Foundation

/// Every number and wording the scoring rules depend on, as one value: provinces differ in weights,
/// thresholds, bands, formulas and printed precision, so none of this is a constant in the engine.
///
/// A policy file (`docs/policies/*.yml`, read by `PolicyFileReader`) names a built-in policy to extend and
/// overrides any of these fields; the file keys are the property names below.
public struct ScoringPolicy: Sendable, Hashable {
    /// Stable identifier (`national`, `shanxi`, or a policy file's own).
    public var id: String
    /// Chinese name for reports.
    public var name: String
    public var version: String
    /// The published rule the policy follows (document number and title), shown by `jixiao policies`.
    public var basis: String = ""
    /// Points for budget execution (预算执行率): 10 nationally, 20 in some places, 0 where the template
    /// awards none (the indicators then carry all 100 points).
    public var executionWeight: Decimal
    /// Expected 一级 weights (产出 50, 效益 30, 满意度 10), any names (决策 / 过程 for 部门整体 forms).
    /// "原则上": deviations are reported, not refused.
    public var level1Weights: [Level1: Decimal]
    /// Lower bounds of 优 / 良 / 中, inclusive.
    public var gradeThresholds: GradeThresholds
    /// The printed label of each grade (优 / 良 / 中 / 差; some templates print 优秀 / 良好 / 合格 / 不合格).
    public var gradeLabels: [Grade: String] = Dictionary(uniqueKeysWithValues: Grade.allCases.map { ($0, $0.rawValue) })
    /// How ≤ / ＜ indicators are scored when the actual exceeds the ceiling.
    public var reverseFormula: ReverseFormula
    /// Lower bounds of the qualitative bands as fractions of the weight: 达成 ≥ 80 %, 部分达成 ≥ 60 %
    /// (达成 [0.8w, w], 部分达成 [0.6w, 0.8w), 未达成 [0, 0.6w)). A 100–80 / 80–50 / 50–0 template is 0.8 / 0.5.
    public var achievedBand: Decimal
    public var partlyAchievedBand: Decimal
    /// The wordings that count as each qualitative outcome, matched as prefixes of the actual (published
    /// text is often cut at the column width); the longest matching wording wins.
    public var qualitativeWordings: [QualitativeOutcome: [String]] = [
        .achieved: ["达成"], .partlyAchieved: ["部分达成", "部分完成"], .notAchieved: ["未达成", "未完成"],
    ]
    /// An actual at or above this multiple of a ≥/＞/＝ target raises the 偏离度 notice (指标值设定偏低).
    public var overAchievementRatio: Decimal
    /// Shanxi: a 成本指标 row marked 未填报 may score at most this many points. nil: no cap.
    public var unfilledCostRowCap: Decimal?
    /// Shanxi: a row whose 调整后指标值 is empty (dropped at adjustment) is not scored.
    public var skipsDroppedIndicators: Bool
    /// The operator a quantitative target printed without one (`257.34平方米`) is scored with; nil: such a
    /// row is not rule-scored (its entered score stands).
    public var bareNumberOperator: ComparisonOperator? = nil
    /// The platform prints every 实际完成值 as 计算符号 + value + unit (Shanxi: `≥18次` means 18), so an actual
    /// written like its target is the platform's rendering, not a copied target (SE.VAL.090 stays quiet).
    public var actualsCarryOperator: Bool = false
    /// Decimal places of the printed 执行率 (percent): the recomputed rate is rounded half-up to this.
    public var ratePrintedDecimals: Int = 2
    /// Percentage points a printed 执行率 may differ from the recomputed one and still be right
    /// (a truncated 60.28 for 60.2866 % misleads nobody).
    public var rateTolerance: Decimal = Decimal(string: "0.01")!
    /// Decimal places of printed scores (预算执行得分, 指标得分, 总分): recomputed scores are rounded half-up to this.
    public var scorePrintedDecimals: Int = 2
    /// Points a printed score or total may differ from the recomputed one and still be right.
    public var scoreTolerance: Decimal = 0
    /// Check severities that differ from the catalogue's defaults under this policy (rule id → severity).
    public var checkSeverities: [String: Severity] = [:]
    /// 项目绩效分析 texts (`SelfEvaluation.Analysis.fields` keys) the template requires before submission.
    public var requiredAnalysis: [String] = SelfEvaluation.Analysis.fields.map(\.key)

    /// The policy's 一级 weights in a fixed order: the known 一级 in frame order, then its own by name.
    public var orderedLevel1Weights: [(level1: Level1, weight: Decimal)] {
        let known = Level1.known.map(\.level1)
        return level1Weights.sorted { a, b in
            let (i, j) = (known.firstIndex(of: a.key) ?? known.count, known.firstIndex(of: b.key) ?? known.count)
            return i != j ? i < j : a.key.label < b.key.label
        }.map { ($0.key, $0.value) }
    }

    /// A printed 一级 label read among the known names and the policy's own.
    public func level1(of label: String) -> Level1? { Level1(label: label, among: Array(level1Weights.keys)) }

    /// The sum of indicator weights the policy expects (100 − execution weight).
    public var indicatorWeightTotal: Decimal { 100 - executionWeight }

    /// The grade's label as this policy prints it.
    public func label(of grade: Grade) -> String { gradeLabels[grade] ?? grade.rawValue }

    /// A printed 等级 read against this policy's labels (exactly, else by the longest label it starts with).
    public func grade(ofLabel text: String) -> Grade? {
        let text = text.trimmed
        guard !text.isEmpty else { return nil }
        let labelled = Grade.allCases.map { ($0, label(of: $0)) }
        if let exact = labelled.first(where: { $0.1 == text }) { return exact.0 }
        return labelled.filter { !$0.1.isEmpty && text.hasPrefix($0.1) }.max { $0.1.count < $1.1.count }?.0
    }

    /// The qualitative outcome a text states under this policy's wordings (longest matching prefix).
    public func outcome(ofText text: String) -> QualitativeOutcome? {
        let text = text.trimmed
        var best: (outcome: QualitativeOutcome, length: Int)?
        for outcome in QualitativeOutcome.allCases {
            for wording in qualitativeWordings[outcome] ?? [] where !wording.isEmpty && text.hasPrefix(wording) {
                if wording.count > (best?.length ?? 0) { best = (outcome, wording.count) }
            }
        }
        return best?.outcome
    }

    /// The outcome an indicator value states: nil for numbers, blanks and unreadable cells.
    public func outcome(of value: IndicatorValue) -> QualitativeOutcome? {
        switch value.reading {
        case .outcome, .qualitative: outcome(ofText: value.text)
        case .empty, .quantity, .notFilled, .unparsed: nil
        }
    }

    /// A recomputed 执行率 (percent) as the template prints it.
    public func printedRate(_ percent: Decimal) -> Decimal { percent.rounded(ratePrintedDecimals) }

    /// A recomputed score as the template prints it.
    public func printedScore(_ score: Decimal) -> Decimal { score.rounded(scorePrintedDecimals) }

    public enum ReverseFormula: String, Sendable, Hashable, CaseIterable {
        /// Platform template: full marks up to the ceiling, linear to 0 at twice the ceiling.
        case platform
        /// Local variant: 指标值 / 实际 × 分值.
        case ratio
    }

    /// 财预〔2020〕10号: 产出 50 + 效益 30 + 满意度 10 + 预算执行 10; bands 80 %/60 %; grades 90/80/60.
    public static let national = ScoringPolicy(
        id: "national", name: "全国通用（财预〔2020〕10号）", version: "1.0",
        basis: "财政部 财预〔2020〕10号《项目支出绩效评价管理办法》",
        executionWeight: 10,
        level1Weights: [.output: 50, .benefit: 30, .satisfaction: 10],
        gradeThresholds: .national, reverseFormula: .platform,
        achievedBand: Decimal(string: "0.8")!, partlyAchievedBand: Decimal(string: "0.6")!,
        overAchievementRatio: Decimal(string: "1.2")!,
        unfilledCostRowCap: nil, skipsDroppedIndicators: false)

    /// The national rules plus the Shanxi platform's: the 未填报 cost row is capped at 5 points and
    /// indicators dropped at adjustment are not scored.
    public static let shanxi: ScoringPolicy = {
        var policy = ScoringPolicy.national
        policy.id = "shanxi"
        policy.name = "山西省"
        policy.basis = "财政部 财预〔2020〕10号；山西省平台自评表模板的计分规则（未填报成本指标不超过 5 分，调整时删去的指标不计分）"
        policy.unfilledCostRowCap = 5
        policy.skipsDroppedIndicators = true
        policy.actualsCarryOperator = true
        // The Shanxi platform does not enforce qualitative bands (its template compares the national wording).
        policy.checkSeverities = ["SE.SCORE.030": .warning]
        return policy
    }()

    public static let builtIn: [ScoringPolicy] = [.national, .shanxi]

    public static func named(_ id: String) -> ScoringPolicy? { builtIn.first { $0.id == id } }
}
