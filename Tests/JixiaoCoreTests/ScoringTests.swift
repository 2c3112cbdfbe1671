import Foundation
import JixiaoCore
import Testing

/// The scoring engine, branch by branch, with domain.md §9's worked examples (E1–E9) as vectors; E10 and E11
/// are seed forms, checked in JixiaoFormatsTests/SeedGoldenTests.
@Suite struct ScoringTests {
    /// The national rules with the local reverse formula `t/a × w`.
    static let ratioPolicy: ScoringPolicy = {
        var policy = ScoringPolicy.national
        policy.reverseFormula = .ratio
        return policy
    }()

    /// One indicator row scored under a policy. `initial` defaults to the adjusted target (no adjustment).
    static func score(
        _ target: String, _ actual: String, weight: String, entered: String = "", initial: String? = nil,
        level2: String = "数量指标", name: String = "指标", policy: ScoringPolicy = .national
    ) -> IndicatorScore {
        let row = SelfEvaluation.Indicator(
            level1: "产出指标", level2: level2, name: name, initialTarget: initial ?? target,
            adjustedTarget: target, actual: actual, weight: EnteredNumber(weight),
            score: EnteredNumber(entered))
        return IndicatorScoring.score(row, policy: policy)
    }

    static func execution(budget: String, executed: String, policy: ScoringPolicy = .national) -> ExecutionScore {
        let total = SelfEvaluation.FundsRow(fullYearBudget: EnteredNumber(budget), executed: EnteredNumber(executed))
        return ExecutionScore(funds: SelfEvaluation.Funds(total: total), policy: policy)
    }

    // MARK: Budget execution (§3.2)

    /// E2, and half-up at the third decimal: (全年预算数, 全年执行数) → 执行率 %, 得分, problem.
    @Test(
        arguments: [
            ("262", "157.951", "60.29", "6.03", nil),  // 003 社会保障卡工本费支出: 6.03, not a truncated 6.02
            ("10", "4.464", "44.64", "4.46", nil),  // 003 社会保障卡工作经费
            ("48.5", "26.149", "53.92", "5.39", nil),  // 000 会议培训费
            ("100", "67.945", "67.95", "6.79", nil),  // the score comes from the unrounded rate, not from 67.95 %
            ("100", "105", "105.00", "10.00", .overExecuted),
            ("8", "0.1", "1.25", "0.13", nil),  // 0.125 → 0.13 (half away from zero)
            ("286", "286", "100.00", "10.00", nil),
            ("100", "0", "0.00", "0.00", nil),
            ("100", "-5", "-5.00", "0.00", nil),  // a negative execution scores 0, never below
        ] as [(String, String, String, String, ExecutionScore.Problem?)])
    func e2_executionRateAndScore(
        budget: String, executed: String, rate: String, score: String,
        problem: ExecutionScore.Problem?
    ) {
        let result = Self.execution(budget: budget, executed: executed)
        #expect(result.ratePercent == dec(rate))
        #expect(result.score == dec(score))
        #expect(result.problem == problem)
        #expect(result.rate == dec(executed) / dec(budget), "the rate itself stays unrounded")
    }

    @Test func e2_zeroBudget_isAProblem_scoring0() {
        let result = Self.execution(budget: "0", executed: "1")
        #expect(result.problem == .zeroBudget)
        #expect(result.score == 0)
        #expect(result.rate == nil)
        #expect(result.ratePercent == nil)
    }

    @Test(arguments: [("", "157.951"), ("262", ""), ("abc", "1")])
    func execution_blankOrUnreadableAmount_withoutSources_isMissing(budget: String, executed: String) {
        let result = Self.execution(budget: budget, executed: executed)
        #expect(result.problem == .missingAmounts)
        #expect(result.score == 0)
        #expect(result.ratePercent == nil)
    }

    @Test func execution_blankTotalRow_usesTheSumOfTheSourceRows() {
        let total = SelfEvaluation.FundsRow(fullYearBudget: "", executed: "")
        let sources = [
            SelfEvaluation.FundsRow(source: "省级财政资金", fullYearBudget: "200", executed: "120.5"),
            SelfEvaluation.FundsRow(source: "单位自筹", fullYearBudget: "62", executed: "37.451"),
            SelfEvaluation.FundsRow(source: "其他资金", fullYearBudget: "", executed: ""),
        ]
        let result = ExecutionScore(funds: SelfEvaluation.Funds(total: total, sources: sources), policy: .national)
        #expect(result.budget == dec("262"))
        #expect(result.executed == dec("157.951"))
        #expect(result.ratePercent == dec("60.29"))
        #expect(result.score == dec("6.03"))

        let unreadable = [
            sources[0], SelfEvaluation.FundsRow(source: "单位自筹", fullYearBudget: "六十二", executed: "37.451"),
        ]
        let missing = ExecutionScore(funds: SelfEvaluation.Funds(total: total, sources: unreadable), policy: .national)
        #expect(missing.problem == .missingAmounts)
    }

    /// Some places weight 预算执行 at 20 and score 20 × 执行率; the indicators then share 80.
    @Test(arguments: [
        ("262", "157.951", "12.06"), ("10", "4.464", "8.93"), ("100", "105", "20.00"), ("8", "0.1", "0.25"),
    ])
    func execution_weight20Policy_scores20TimesTheRate(budget: String, executed: String, score: String) {
        var policy = ScoringPolicy.national
        policy.executionWeight = 20
        #expect(policy.indicatorWeightTotal == 80)
        #expect(Self.execution(budget: budget, executed: executed, policy: policy).score == dec(score))
    }

    // MARK: Positive ≥ ＞ (§3.3)

    /// (target, actual, w) → rule score, 偏离度 notice. E3 and unit scale.
    @Test(arguments: [
        ("≥30台", "24", "10", "8.00", false),  // E3: reason required
        ("≥30台", "24台", "10", "8.00", false),
        ("＞30台", "24台", "10", "8.00", false),  // ＞ scores exactly like ≥
        (">30台", "30台", "10", "10", false),
        ("≥30台", "30台", "10", "10", false),
        ("≥50人次", "60人次", "10", "10", true),  // E3: exactly 1.2× is over-achievement (inclusive)
        ("≥50人次", "59人次", "10", "10", false),  // 1.18×
        ("≥70%", "85%", "10", "10", true),  // E3: 003 满意度
        ("≥5次", "≥18次", "20", "20", true),  // E1: 000 培训班次, actual written with an operator
        ("≥8次", "1次", "5", "0.63", false),  // 0.625 → 0.63
        ("≥3次", "2次", "10", "6.67", false),
        ("≥12万人", "60000人", "10", "5.00", false),  // actual in the base unit
        ("≥12万人", "≥12万人", "10", "10", false),
        ("≥12万人", "6", "10", "5.00", false),  // a bare actual is read in the target's unit
        ("≥15台（套）", "15台(套)", "15", "15", false),  // （） ≡ ()
        ("≥6000平米", "3000平方米", "10", "5.00", false),  // 平米 ≡ 平方米
    ])
    func e3_positive(target: String, actual: String, weight: String, rule: String, over: Bool) {
        let result = Self.score(target, actual, weight: weight)
        #expect(result.method == .positive)
        #expect(result.ruleScore == dec(rule))
        #expect(result.isOverAchieved == over)
    }

    /// A negative actual counts as 0 (the platform rule). The parser never yields one (a leading `-` is read
    /// as a mistyped operator, below), so the formulas are driven directly.
    @Test(arguments: [(ComparisonOperator.atLeast, "0"), (.equal, "0"), (.atMost, "10")])
    func negativeActual_countsAs0_target30_w10(op: ComparisonOperator, score: String) {
        let scored = IndicatorScoring.quantitative(op: op, target: 30, actual: -5, weight: 10, policy: .national)
        #expect(scored.score == dec(score))
    }

    // MARK: Reverse ≤ ＜ (§3.3)

    /// E4 (≤24小时, w 15) under both formulas: (target, actual, w) → platform score, ratio score.
    @Test(arguments: [
        ("≤24小时", "20小时", "15", "15", "15"),
        ("≤24小时", "24小时", "15", "15", "15"),
        ("≤24小时", "30小时", "15", "11.25", "12.00"),
        ("≤24小时", "36小时", "15", "7.50", "10.00"),
        ("≤24小时", "48小时", "15", "0", "7.50"),
        ("≤24小时", "96小时", "15", "0", "3.75"),
        ("＜24小时", "30小时", "15", "11.25", "12.00"),  // ＜ scores exactly like ≤
        ("≤24小时", "≤20小时", "15", "15", "15"),  // actual written with an operator
        ("≤8次", "15次", "5", "0.63", "2.67"),  // (1 − 7/8) × 5 = 0.625 → 0.63
        ("≤8次", "64次", "5", "0", "0.63"),  // 8/64 × 5 = 0.625 → 0.63
        ("≤0次", "1次", "5", "0", "0"),
        ("≤0次", "0次", "5", "5", "5"),
        ("≤20万元", "45000元", "5", "5", "5"),  // unit scale: 45 000 元 ≤ 200 000 元
        ("≤20万元", "4.5", "5", "5", "5"),
        ("≤20万元", "25万元", "5", "3.75", "4.00"),
        ("≤20万元", "250000元", "5", "3.75", "4.00"),
    ])
    func e4_reverse_platformAndRatio(target: String, actual: String, weight: String, platform: String, ratio: String) {
        let byPlatform = Self.score(target, actual, weight: weight)
        #expect(byPlatform.method == .reverse(.platform))
        #expect(byPlatform.ruleScore == dec(platform))
        let byRatio = Self.score(target, actual, weight: weight, policy: Self.ratioPolicy)
        #expect(byRatio.method == .reverse(.ratio))
        #expect(byRatio.ruleScore == dec(ratio))
        #expect(!byPlatform.isOverAchieved && !byRatio.isOverAchieved, "a ceiling is never over-achieved")
    }

    // MARK: Equal ＝ (§3.3)

    /// E5: (target, actual, w) → rule score, 偏离度 notice.
    @Test(arguments: [
        ("=0次", "0次", "5", "5", false),
        ("=0次", "1次", "5", "0", false),
        ("＝0次", "0", "5", "5", false),
        ("=100%", "98%", "15", "14.70", false),
        ("=100%", "102%", "15", "15", false),  // overshoot is not penalised
        ("=100%", "120%", "15", "15", true),
        ("=100%", "=100%", "10", "10", false),
        ("=8次", "1次", "5", "0.63", false),
        ("=263000元", "26.3万元", "10", "10", false),
    ])
    func e5_equal(target: String, actual: String, weight: String, rule: String, over: Bool) {
        let result = Self.score(target, actual, weight: weight)
        #expect(result.method == .equal)
        #expect(result.ruleScore == dec(rule))
        #expect(result.isOverAchieved == over)
    }

    @Test func bareNumberTarget_isEqualOnlyUnderTheSetting() {
        #expect(Self.score("257.34平方米", "257.34平方米", weight: "20", entered: "18").method == .manual(.bareNumberTarget))
        #expect(Self.score("257.34平方米", "257.34平方米", weight: "20", entered: "18").ruleScore == dec("18"))
        var policy = ScoringPolicy.national
        policy.bareNumberOperator = .equal
        let result = Self.score("257.34平方米", "200平方米", weight: "20", policy: policy)
        #expect(result.method == .equal)
        #expect(result.ruleScore == dec("15.54"))  // 200 / 257.34 × 20 = 15.543…
    }

    // MARK: Qualitative bands (§3.4)

    /// E6: w → (outcome, lower, upper, upper included).
    @Test(arguments: [
        ("5", QualitativeOutcome.achieved, "4", "5", true), ("5", .partlyAchieved, "3", "4", false),
        ("5", .notAchieved, "0", "3", false),
        ("7", .achieved, "5.60", "7", true), ("7", .partlyAchieved, "4.20", "5.60", false),
        ("7", .notAchieved, "0", "4.20", false),
        ("10", .achieved, "8", "10", true), ("10", .partlyAchieved, "6", "8", false),
        ("10", .notAchieved, "0", "6", false),
        ("15", .achieved, "12", "15", true), ("15", .partlyAchieved, "9", "12", false),
        ("15", .notAchieved, "0", "9", false),
        ("30", .achieved, "24", "30", true), ("30", .partlyAchieved, "18", "24", false),
        ("30", .notAchieved, "0", "18", false),
    ])
    func e6_qualitativeBand_boundsAndHalfOpenUpperEnds(
        weight: String, outcome: QualitativeOutcome, lower: String,
        upper: String, includesUpper: Bool
    ) {
        let band = QualitativeBand.of(outcome, weight: dec(weight), policy: .national)
        #expect(band.lower == dec(lower))
        #expect(band.upper == dec(upper))
        #expect(band.includesUpper == includesUpper)
        let cent = dec("0.01")
        #expect(band.contains(dec(lower)))
        #expect(band.contains(dec(upper)) == includesUpper)
        #expect(band.contains(dec(upper) - cent))
        #expect(!band.contains(dec(lower) - cent))
        #expect(!band.contains(dec(upper) + cent))
    }

    /// E6 failing examples: w 15 with 部分达成 scored 12, or 未达成 scored 9, lie outside their bands.
    @Test func e6_upperEndsAreOpen_部分达成12_未达成9_w15() {
        #expect(!QualitativeBand.of(.partlyAchieved, weight: 15, policy: .national).contains(12))
        #expect(!QualitativeBand.of(.notAchieved, weight: 15, policy: .national).contains(9))
    }

    /// (w, actual, entered) → rule score: an entered score is brought into its outcome's band; 达成 with no
    /// score gets w; the other outcomes with no score get their band's floor.
    @Test(arguments: [
        ("15", "部分达成预期指标并具有一定效果", "12", "11.99"),
        ("15", "未完成预期指标且效果较差", "9", "8.99"),
        ("15", "达成预期指标", "10", "12"),
        ("15", "达成预期指标", "15", "15"),
        ("15", "达成预期指标", "16", "15"),
        ("15", "达成预期指标", "", "15"),
        ("15", "达成年度指标", "", "15"),
        ("15", "达成", "", "15"),
        ("15", "部分达成", "", "9"),
        ("15", "未达成年度指标且效果较差", "", "0"),
        ("10", "达成年度指标", "9.5", "9.5"),
        ("5", "部分达成", "3.5", "3.5"),
        ("5", "部分达成", "2", "3"),
        ("7", "未达成", "5", "4.19"),
    ])
    func e6_qualitativeScore_isBroughtIntoTheBand(weight: String, actual: String, entered: String, rule: String) throws
    {
        let result = Self.score("及时", actual, weight: weight, entered: entered)
        let outcome = try #require(IndicatorValue(actual).outcome)
        #expect(result.method == .qualitative(outcome))
        #expect(result.band == QualitativeBand.of(outcome, weight: dec(weight), policy: .national))
        #expect(result.ruleScore == dec(rule))
    }

    @Test func qualitativeActual_onAQuantitativeTarget_isScoredByItsBand() {
        let result = Self.score("≥90%", "达成预期指标", weight: "10")
        #expect(result.method == .qualitative(.achieved))
        #expect(result.ruleScore == 10)
    }

    // MARK: Rows the rules cannot score

    /// (target, actual, w, entered) → reason; the entered score stands, kept within 0…w.
    @Test(arguments: [
        ("", "10台", "10", "7", IndicatorScore.ManualReason.emptyTarget, "7"),
        ("≥人", "10人", "10", "7", .unreadableTarget, "7"),
        ("-100%", "-100%", "10", "10", .unreadableTarget, "10"),  // 003 工本费 合格率
        ("≥30台", "", "10", "6", .emptyActual, "6"),
        ("≥30台", "≥台", "10", "6", .unreadableActual, "6"),
        ("≥30台", "-5台", "10", "6", .unreadableActual, "6"),  // a leading hyphen is not a minus sign
        ("≥30台", "基本完成", "10", "6", .qualitativeActual, "6"),
        ("及时", "基本完成", "10", "6", .qualitativeWithoutOutcome, "6"),
        ("及时", "", "10", "6", .emptyActual, "6"),
        ("≤20万元", "50%", "5", "4", .incompatibleUnits, "4"),  // unit scale cannot bridge 元 and %
        ("", "10台", "10", "12", .emptyTarget, "10"),  // above w: clamped to w
        ("", "10台", "10", "-1", .emptyTarget, "0"),  // below 0: clamped to 0
    ])
    func manualRow_keepsTheEnteredScore_within0ToW(
        target: String, actual: String, weight: String, entered: String,
        reason: IndicatorScore.ManualReason, rule: String
    ) {
        let result = Self.score(target, actual, weight: weight, entered: entered)
        #expect(result.method == .manual(reason))
        #expect(result.ruleScore == dec(rule))
        #expect(result.isScored)
    }

    @Test func missingWeight_keepsTheEnteredScoreUnclamped() {
        let result = Self.score("≥30台", "24台", weight: "", entered: "8")
        #expect(result.method == .manual(.missingWeight))
        #expect(result.ruleScore == 8)
        #expect(result.weight == nil)
    }

    // MARK: Shanxi profile (§4)

    /// E8: the 未填报 cost row. (w, entered) → Shanxi rule (cap 5), national rule (no cap). No band applies:
    /// 达成 at 0 of 10 stands (000 会议培训费).
    @Test(arguments: [
        ("10", "6", "5", "6"), ("10", "5", "5", "5"), ("10", "0", "0", "0"), ("5", "5", "5", "5"),
        ("5", "4", "4", "4"), ("10", "10", "5", "10"), ("10", "11", "5", "10"),
    ])
    func e8_unfilledCostRow_shanxiCap5_nationalNoCap(weight: String, entered: String, shanxi: String, national: String)
    {
        for (level2, name) in [("成本指标", "成本指标"), ("", "成本指标")] {
            let underShanxi = Self.score(
                "未填报", "达成预期指标", weight: weight, entered: entered, initial: "",
                level2: level2, name: name, policy: .shanxi)
            #expect(underShanxi.method == .unfilledCostRow(cap: 5))
            #expect(underShanxi.ruleScore == dec(shanxi))
            #expect(underShanxi.band == nil)
            let underNational = Self.score(
                "未填报", "达成预期指标", weight: weight, entered: entered, initial: "",
                level2: level2, name: name, policy: .national)
            #expect(underNational.method == .unfilledCostRow(cap: nil))
            #expect(underNational.ruleScore == dec(national))
        }
    }

    @Test func 未填报_outsideTheCostSlot_isUnreadable() {
        let result = Self.score(
            "未填报", "达成预期指标", weight: "10", entered: "10", initial: "", level2: "质量指标",
            name: "合格率", policy: .shanxi)
        #expect(result.method == .manual(.unreadableTarget))
    }

    /// E9: 年初 `≥10台`, 调整后 empty. Shanxi: not scored; national: the year-start target stands, and with
    /// no actual the row is left to the entered score.
    @Test func e9_droppedRow_shanxiSkipsIt_nationalScoresItManually() {
        let underShanxi = Self.score("", "", weight: "15", entered: "", initial: "≥10台", policy: .shanxi)
        #expect(underShanxi.method == .notScored)
        #expect(!underShanxi.isScored)
        #expect(underShanxi.ruleScore == nil)
        let underNational = Self.score("", "", weight: "15", entered: "", initial: "≥10台", policy: .national)
        #expect(underNational.method == .manual(.emptyActual))
        #expect(underNational.isScored)
        #expect(underNational.ruleScore == 0)
        // Added at adjustment (年初 empty, 调整后 set) is scored normally under both.
        #expect(Self.score("≥10台", "10台", weight: "15", initial: "", policy: .shanxi).ruleScore == 15)
    }

    @Test func e9_droppedRow_isExcludedFromΣ分值_onlyUnderShanxi() {
        let form = ExampleForms.selfEvaluationValue {
            $0.indicators[0] = SelfEvaluation.Indicator(
                level1: "产出指标", level2: "数量指标", name: "设备维护数量",
                initialTarget: "≥10台", adjustedTarget: "", actual: "",
                weight: "15", score: "")
        }
        let shanxi = FormScore(form, policy: .shanxi)
        #expect(shanxi.weightSum == 75)
        #expect(shanxi.enteredSum == 75)
        #expect(shanxi.total == dec("85.00"))
        let national = FormScore(form, policy: .national)
        #expect(national.weightSum == 90)
        #expect(national.ruleSum == 75)
        #expect(national.total == dec("85.00"))
    }

    // MARK: Totals and grades (§3.5)

    /// E7: lower bounds inclusive.
    @Test(arguments: [
        ("100.00", Grade.excellent), ("90.00", .excellent), ("89.99", .good), ("80.00", .good),
        ("79.99", .fair), ("60.00", .fair), ("59.99", .poor), ("0.00", .poor),
    ])
    func e7_grade(total: String, grade: Grade) {
        #expect(GradeThresholds.national.grade(of: dec(total)) == grade)
    }

    @Test func grade_thresholdsLiveInThePolicy_olderPlatformDefault80_70_60() {
        let older = GradeThresholds(excellent: 80, good: 70, fair: 60)
        #expect(older.grade(of: dec("85.39")) == .excellent)
        #expect(older.grade(of: dec("79.99")) == .good)
        #expect(older.grade(of: dec("69.99")) == .fair)
    }

    /// E7 sliver: Σ 84.60 + budget 100 executed 53.955 → 5.3955 → 5.40 → 90.00 → 优 (the platform's
    /// unrounded 89.9955 would say 良).
    @Test func e7_sliver_Σ84_60_executed53_955_totalIs90_00_优() {
        let form = ExampleForms.selfEvaluationValue {
            $0.funds = SelfEvaluation.Funds(total: SelfEvaluation.FundsRow(fullYearBudget: "100", executed: "53.955"))
            $0.indicators[5].score = "4.60"
        }
        let score = FormScore(form, policy: .national)
        #expect(score.execution.score == dec("5.40"))
        #expect(score.enteredSum == dec("84.60"))
        #expect(score.total == dec("90.00"))
        #expect(score.grade == .excellent)
        #expect(score.ruleTotal == dec("95.40"), "the rules give the 满意度 row its full 10")
    }

    /// E1 (000 会议培训费) rebuilt from its rows: 5.39 + 20 + 10 + 10 + 0 + 15 + 15 + 10 = 85.39 良.
    @Test(arguments: ScoringPolicy.builtIn.map(\.id))
    func e1_会议培训费_totalIs85_39_良(policyID: String) throws {
        let policy = try #require(ScoringPolicy.named(policyID))
        let rows: [(String, String, String, String, String, String)] = [
            ("数量指标", "培训班次（会议次数）", "≥5次", "≥18次", "20", "20"),
            ("质量指标", "培训需求满足度", "满足", "达成预期指标", "10", "10"),
            ("时效指标", "培训（会议）时间", "按计划及时", "达成预期指标", "10", "10"),
            ("成本指标", "成本指标", "未填报", "达成预期指标", "10", "0"),
            ("社会效益指标", "工作效率", "加快推进", "达成预期指标", "15", "15"),
            ("可持续影响指标", "业务能力提升度", "加大提升", "达成预期指标", "15", "15"),
            ("服务对象满意度指标", "参训人员满意度", "≥90%", "≥90%", "10", "10"),
        ]
        let form = ExampleForms.selfEvaluationValue {
            $0.funds = SelfEvaluation.Funds(total: SelfEvaluation.FundsRow(fullYearBudget: "48.5", executed: "26.149"))
            $0.indicators = rows.map {
                SelfEvaluation.Indicator(
                    level1: "", level2: $0.0, name: $0.1, initialTarget: $0.2 == "未填报" ? "" : $0.2,
                    adjustedTarget: $0.2, actual: $0.3, weight: EnteredNumber($0.4),
                    score: EnteredNumber($0.5))
            }
            $0.printedTotal = "85.39"
            $0.printedGrade = "良"
        }
        let score = FormScore(form, policy: policy)
        #expect(score.execution.score == dec("5.39"))
        #expect(score.weightSum == 90)
        #expect(score.total == dec("85.39"))
        #expect(score.grade == .good)
        #expect(score.ruleTotal == dec("85.39"))
        #expect(score.indicators[0].isOverAchieved, "培训班次 18 of 5 is 360 %")
        #expect(score.differences(in: form).isEmpty)
    }
}
