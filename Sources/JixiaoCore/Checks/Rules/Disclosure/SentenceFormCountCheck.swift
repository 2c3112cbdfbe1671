/// DS.COUNT.010: the 自评个数 X of a 决算公开's summary sentence must be the number of self-evaluations
/// attached, an exact copy counted once.
public struct SentenceFormCountCheck: DisclosureCheck {
    public static let description = CheckDescription(
        id: "DS.COUNT.010", slug: "summary-form-count", name: "汇总句自评个数与附表不符",
        summary: "决算公开汇总句“二级项目绩效自评个数X个”的 X 与文档所附的自评表张数不一致（内容完全相同的重复表只计一次）；句中个数把重复公开的表也计入时，消息指出 X 个中有几个是重复的、是哪张表。",
        basis: "汇总句概括的是所附自评表（docs/domain.md §8）；重复公开的表会使个数虚增。",
        defaultSeverity: .error, scope: .disclosure,
        passing: [
            CheckExample(
                [ExampleForms.selfEvaluation()],
                disclosure: ExampleForms.summarySentence(count: 1, funds: "100.00", grades: [1, 0, 0, 0])),
            // The same form printed twice is one project.
            CheckExample(
                [ExampleForms.selfEvaluation(), ExampleForms.selfEvaluation()],
                disclosure: ExampleForms.summarySentence(count: 1, funds: "100.00", grades: [1, 0, 0, 0])),
            // No sentence: nothing to compare.
            CheckExample([ExampleForms.selfEvaluation()], disclosure: "附件：二级项目绩效自评表"),
        ],
        failing: [
            CheckExample(
                [ExampleForms.selfEvaluation()],
                disclosure: ExampleForms.summarySentence(count: 2, funds: "100.00", grades: [2, 0, 0, 0]),
                expect: [ExpectedFinding(document: "summarySentences[0].formCount", expected: "1", actual: "2")]),
            CheckExample(
                [ExampleForms.selfEvaluation(), ExampleForms.selfEvaluation()],
                disclosure: ExampleForms.summarySentence(count: 2, funds: "200.00", grades: [2, 0, 0, 0]),
                expect: [ExpectedFinding(document: "summarySentences[0].formCount", expected: "1", actual: "2")]),
        ])

    public init() {}

    public func check(_ disclosure: Disclosure, context: CheckContext) -> [Violation] {
        disclosure.summarySentences.enumerated().compactMap { index, sentence in
            guard let claimed = sentence.formCount else { return nil }
            let tally = disclosure.summaryTally(index, policy: context.policy)
            let counted = tally?.formCount ?? 0
            guard claimed != counted else { return nil }
            var message = "汇总句称绩效自评个数 \(claimed) 个，文档中读出的自评表为 \(counted) 张"
            if let tally {
                let copies = tally.entries.filter { !$0.isCounted }.map(\.form.project)
                message += DuplicateNote.text(claimed: claimed, counted: counted, copies: copies)
            }
            return Violation(
                at: "summarySentences[\(index)].formCount", message + "；无法读取的表不计入，见审查报告的“无法读取”部分",
                expected: "\(counted)", actual: "\(claimed)")
        }
    }
}
