import Foundation
import Testing

@testable import JixiaoCore

/// What the conformance suite cannot see: occurrence severities, policy-dependent severities, and the
/// engine numbers the arithmetic rules are built on.
@Suite struct SelfEvaluationArithmeticTests {
    func findings(_ check: any Check.Type, _ form: SelfEvaluation, policy: ScoringPolicy) -> [Finding] {
        CheckRunner(checks: [check], policy: policy).run([CheckRunner.Input(file: "form", form: .selfEvaluation(form))])
            .findings
    }

    func funds(budget: EnteredNumber, executed: EnteredNumber) -> SelfEvaluation {
        ExampleForms.selfEvaluationValue {
            ExampleForms.setFunds(&$0, budget: budget, executed: executed, balance: "", rate: "", score: "")
        }
    }

    /// E2: (100, 105) → warning; (0, 1) → error.
    @Test func executionAboveBudgetIsAWarningAndAZeroBudgetAnError() {
        let over = findings(ExecutionAboveBudgetCheck.self, funds(budget: "100", executed: "105"), policy: .national)
        #expect(over.map(\.severity) == [.warning])
        #expect(over.first?.actual == "105.00")
        let zero = findings(ExecutionAboveBudgetCheck.self, funds(budget: "0", executed: "1"), policy: .national)
        #expect(zero.map(\.severity) == [.error])
        #expect(zero.first?.location.fieldPath == "funds.total.fullYearBudget")
    }

    /// Shanxi lowers SE.SCORE.030 to a warning; the national policy keeps it an error.
    @Test func bandSeverityFollowsThePolicy() {
        let form = ExampleForms.selfEvaluationValue {
            $0.indicators[4].actual = IndicatorValue("部分达成预期指标并具有一定效果")
            $0.indicators[4].score = "30"
        }
        #expect(findings(QualitativeScoreOutsideBandCheck.self, form, policy: .national).map(\.severity) == [.error])
        #expect(findings(QualitativeScoreOutsideBandCheck.self, form, policy: .shanxi).map(\.severity) == [.warning])
        #expect(
            findings(QualitativeScoreOutsideBandCheck.self, form, policy: .shanxi).first?.expected == "[18.00, 24.00)")
    }

    /// E7: Σ 84.60 with 53.955 of 100 executed: 5.3955 unrounded, 5.40 rounded, total 90.00 优, unrounded
    /// 89.9955 良.
    @Test func gradeSliverNumbers() {
        var form = funds(budget: "100", executed: "53.955")
        form.indicators[4].score = "24.6"
        let score = FormScore(form, policy: .national)
        #expect(score.execution.unroundedScore == Decimal(string: "5.3955")!)
        #expect(score.execution.score == Decimal(string: "5.4")!)
        #expect(score.total == 90)
        #expect(score.unroundedTotal == Decimal(string: "89.9955")!)
        #expect(score.grade == .excellent)
        let sliver = findings(GradeSliverCheck.self, form, policy: .national)
        #expect(sliver.map(\.expected) == ["89.9955"])
        #expect(sliver.map(\.actual) == ["90.00"])
    }

    /// An unrounded sum just below a grade line is cut, not rounded, so it never reads as the line itself.
    @Test func sliverTextStaysBelowTheLine() {
        #expect(GradeSliverCheck.truncated(Decimal(string: "89.99996")!) == "89.9999")
    }

    /// A source row's rate is judged on its own amounts, not the project's.
    @Test func sourceRateUsesItsOwnAmounts() {
        var form = ExampleForms.selfEvaluationValue()
        var own = form.funds.sources[0]
        own.source = "单位自筹"
        (own.fullYearBudget, own.executed, own.rate) = ("10", "5", "100.00")
        form.funds.sources.append(own)
        let found = findings(RateMismatchCheck.self, form, policy: .national)
        #expect(found.map(\.location.fieldPath) == ["funds.sources[1].rate"])
        #expect(found.first?.expected == "50.00")
    }
}
