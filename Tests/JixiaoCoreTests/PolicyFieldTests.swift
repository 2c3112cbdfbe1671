import Foundation
import JixiaoCore
import Testing

/// The scoring engine honours every `ScoringPolicy` field a policy file may set (the national defaults are
/// today's behaviour, checked by ScoringTests).
@Suite struct PolicyFieldTests {
    /// 会议培训费's funds (48.5 / 26.149 → 53.92 %) under the example form's rows (entered Σ 90): total 95.39.
    static func form(_ change: (inout SelfEvaluation) -> Void = { _ in }) -> SelfEvaluation {
        ExampleForms.selfEvaluationValue {
            $0.funds = SelfEvaluation.Funds(total: SelfEvaluation.FundsRow(fullYearBudget: "48.5", executed: "26.149"))
            change(&$0)
        }
    }

    static func policy(_ change: (inout ScoringPolicy) -> Void) -> ScoringPolicy {
        var policy = ScoringPolicy.national
        change(&policy)
        return policy
    }

    @Test func executionWeight0_awardsNoExecutionPoints() {
        let none = Self.policy {
            $0.executionWeight = 0
            $0.level1Weights = [.output: 40, .benefit: 40, .satisfaction: 20]
        }
        let score = FormScore(Self.form(), policy: none)
        #expect(score.execution.ratePercent == dec("53.92"))
        #expect(score.execution.score == 0)
        #expect(score.total == score.enteredSum)
        #expect(none.indicatorWeightTotal == 100)
    }

    @Test func gradeLabelsReadThePrintedGradeAndWordTheDifferences() {
        let labelled = Self.policy {
            $0.gradeLabels = [.excellent: "优秀", .good: "良好", .fair: "合格", .poor: "不合格"]
        }
        let form = Self.form {
            $0.printedTotal = "95.39"
            $0.printedGrade = "合格"
        }
        let score = FormScore(form, policy: labelled)
        #expect(score.printedGrade == .fair)
        #expect(score.differences(in: form).contains("等级：表上“合格”，按总分 95.39 应为“优秀”"))
        #expect(FormScore(form, policy: .national).printedGrade == nil)  // 合格 is no national label
        #expect(labelled.grade(ofLabel: "不合格") == .poor && labelled.grade(ofLabel: "优秀等次") == .excellent)
    }

    @Test func ratePrecisionAndToleranceDecideWhatScoreReports() {
        // A rate printed to fewer places is read at the precision it is printed in (issue 10: 86.5 for 86.48 %
        // is right): 53.9 for 53.92 % passes, 53.8 does not.
        let form = Self.form { $0.funds.total.rate = "53.9" }
        #expect(!FormScore(form, policy: .national).differences(in: form).contains { $0.hasPrefix("执行率") })
        let wrong = Self.form { $0.funds.total.rate = "53.8" }
        #expect(FormScore(wrong, policy: .national).differences(in: wrong).contains("执行率：表上 53.8，应为 53.92"))
        let oneDecimal = Self.policy { $0.ratePrintedDecimals = 1 }
        let score = FormScore(form, policy: oneDecimal)
        #expect(score.execution.ratePercent == dec("53.9"))
        #expect(!score.differences(in: form).contains { $0.hasPrefix("执行率") })
        // A truncated rate within the national tolerance (0.01) is not reported either.
        let truncated = Self.form { $0.funds.total.rate = "53.91" }
        #expect(!FormScore(truncated, policy: .national).differences(in: truncated).contains { $0.hasPrefix("执行率") })
    }

    @Test func scorePrecisionAndTolerance() {
        let oneDecimal = Self.policy { $0.scorePrintedDecimals = 1 }
        #expect(FormScore(Self.form(), policy: oneDecimal).execution.score == dec("5.4"))
        let band = QualitativeBand.of(.partlyAchieved, weight: 15, policy: oneDecimal)
        #expect(band.clamp(15) == dec("11.9"))  // open upper end 12, one printed step below
        let form = Self.form { $0.printedTotal = "95.4" }
        #expect(FormScore(form, policy: .national).differences(in: form).first == "总分：表上 95.4，按表内数字应为 95.39")
        let lenient = Self.policy { $0.scoreTolerance = dec("0.05") }
        #expect(FormScore(form, policy: lenient).differences(in: form).isEmpty)
    }

    @Test func qualitativeWordingsAndBandsComeFromThePolicy() {
        let row = { (actual: String, entered: String) in
            SelfEvaluation.Indicator(
                level1: "产出指标", level2: "质量指标", name: "验收", initialTarget: "合格", adjustedTarget: "合格",
                actual: actual, weight: "10", score: EnteredNumber(entered))
        }
        #expect(
            IndicatorScoring.score(row("已完成", "9"), policy: .national).method == .manual(.qualitativeWithoutOutcome))
        let local = Self.policy {
            $0.qualitativeWordings[.achieved] = ["达成", "已完成", "完成"]
            $0.partlyAchievedBand = dec("0.5")
        }
        let done = IndicatorScoring.score(row("已完成", "9"), policy: local)
        #expect(done.method == .qualitative(.achieved) && done.ruleScore == 9)
        // 部分达成 is [5, 8) under 100–80 / 80–50 / 50–0, so 5.5 stands; nationally it is raised to 6.
        #expect(IndicatorScoring.score(row("部分达成", "5.5"), policy: local).ruleScore == dec("5.5"))
        #expect(IndicatorScoring.score(row("部分达成", "5.5"), policy: .national).ruleScore == 6)
        #expect(local.outcome(ofText: "未完成") == .notAchieved)  // the longest wording wins over 完成
    }

    @Test func bareNumberOperatorScoresATargetWithoutOne() {
        let atLeast = Self.policy { $0.bareNumberOperator = .atLeast }
        let row = SelfEvaluation.Indicator(
            level1: "产出指标", level2: "数量指标", name: "面积", initialTarget: "200平方米", adjustedTarget: "200平方米",
            actual: "250平方米", weight: "10", score: "8")
        #expect(IndicatorScoring.score(row, policy: .national).method == .manual(.bareNumberTarget))
        let scored = IndicatorScoring.score(row, policy: atLeast)
        #expect(scored.method == .positive && scored.ruleScore == 10)
    }
}
