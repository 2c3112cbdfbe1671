import Testing

@testable import JixiaoCore

/// Rules ask the context for scores; the form a rule is checking is scored once per run, any other form
/// is scored when asked.
@Suite struct CheckContextTests {
    @Test func theFocusedFormsScoreIsComputedOnceAndOthersFresh() {
        let form = ExampleForms.selfEvaluationValue()
        let other = ExampleForms.selfEvaluationValue { $0.indicators[0].score = "5" }
        let context = CheckContext(policy: .national, forms: [ExampleForms.targetTable(), .selfEvaluation(form)])
        let focused = context.focused(on: 1, form)
        #expect(focused.score(form) == FormScore(form, policy: .national))
        #expect(focused.score(other) == FormScore(other, policy: .national))
        #expect(focused.score(other).total != focused.score(form).total)
        #expect(
            context.focused(on: 0, form).score(form) == FormScore(form, policy: .national),
            "a target table has no score to reuse")
    }
}
