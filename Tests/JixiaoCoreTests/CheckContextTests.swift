import Testing

@testable import JixiaoCore

/// Rules ask the context for scores; the form the rules are checking is scored once per run (its score is
/// handed to the context), any other form is scored when asked.
@Suite struct CheckContextTests {
    @Test func theFocusedFormsScoreIsReusedAndOthersComputedFresh() {
        let form = ExampleForms.selfEvaluationValue()
        let other = ExampleForms.selfEvaluationValue { $0.indicators[0].score = "5" }
        let given = FormScore(other, policy: .national)
        let focused = CheckContext(policy: .national).focused(on: form, score: given)
        #expect(focused.score(form) == given, "the focused form's score is the one handed over, not recomputed")
        #expect(focused.score(other) == FormScore(other, policy: .national))
        #expect(CheckContext(policy: .national).score(form) == FormScore(form, policy: .national))
        #expect(CheckContext(policy: .national).score(form) != given)
    }
}
