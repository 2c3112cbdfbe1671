import Foundation

/// Every number the scoring rules depend on, as one value: provinces differ in weights, thresholds and
/// formulas, so none of this is a constant in the engine.
public struct ScoringPolicy: Sendable, Hashable {
    /// Stable identifier (`national`, `shanxi`).
    public var id: String
    /// Chinese name for reports.
    public var name: String
    public var version: String
    /// Points for budget execution (预算执行率): 10 nationally, 20 in some places.
    public var executionWeight: Decimal
    /// Expected 一级 weights (产出 50, 效益 30, 满意度 10). "原则上": deviations are reported, not refused.
    public var level1Weights: [Level1: Decimal]
    public var gradeThresholds: GradeThresholds
    /// How ≤ / ＜ indicators are scored when the actual exceeds the ceiling.
    public var reverseFormula: ReverseFormula
    /// Lower bounds of the qualitative bands as fractions of the weight: 达成 ≥ 80 %, 部分达成 ≥ 60 %.
    public var achievedBand: Decimal
    public var partlyAchievedBand: Decimal
    /// An actual at or above this multiple of a ≥/＞/＝ target raises the 偏离度 notice (指标值设定偏低).
    public var overAchievementRatio: Decimal
    /// Shanxi: a 成本指标 row marked 未填报 may score at most this many points. nil: no cap.
    public var unfilledCostRowCap: Decimal?
    /// Shanxi: a row whose 调整后指标值 is empty (dropped at adjustment) is not scored.
    public var skipsDroppedIndicators: Bool
    /// A quantitative target without an operator (`257.34平方米`) is scored as ＝ only when this is set.
    public var bareNumberMeansEqual: Bool
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

    public enum ReverseFormula: String, Sendable, Hashable, CaseIterable {
        /// Platform template: full marks up to the ceiling, linear to 0 at twice the ceiling.
        case platform
        /// Local variant: 指标值 / 实际 × 分值.
        case ratio
    }

    /// 财预〔2020〕10号: 产出 50 + 效益 30 + 满意度 10 + 预算执行 10; bands 80 %/60 %; grades 90/80/60.
    public static let national = ScoringPolicy(
        id: "national", name: "全国通用（财预〔2020〕10号）", version: "1.0",
        executionWeight: 10,
        level1Weights: [.output: 50, .benefit: 30, .satisfaction: 10],
        gradeThresholds: .national, reverseFormula: .platform,
        achievedBand: Decimal(string: "0.8")!, partlyAchievedBand: Decimal(string: "0.6")!,
        overAchievementRatio: Decimal(string: "1.2")!,
        unfilledCostRowCap: nil, skipsDroppedIndicators: false, bareNumberMeansEqual: false)

    /// The national rules plus the Shanxi platform's: the 未填报 cost row is capped at 5 points and
    /// indicators dropped at adjustment are not scored.
    public static let shanxi: ScoringPolicy = {
        var policy = ScoringPolicy.national
        policy.id = "shanxi"
        policy.name = "山西省"
        policy.unfilledCostRowCap = 5
        policy.skipsDroppedIndicators = true
        // The Shanxi platform does not enforce qualitative bands (its template compares the national wording).
        policy.checkSeverities = ["SE.SCORE.030": .warning]
        return policy
    }()

    public static let builtIn: [ScoringPolicy] = [.national, .shanxi]

    public static func named(_ id: String) -> ScoringPolicy? { builtIn.first { $0.id == id } }
}
