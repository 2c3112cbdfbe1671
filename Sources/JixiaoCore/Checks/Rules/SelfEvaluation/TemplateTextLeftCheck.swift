/// SE.STRUCT.090: a text cell still holds the template's instruction instead of content.
///
/// Templates print guidance in the cells a unit is to fill (`对照年度目标,说明相关任务目标的完成情况(100字以内)`,
/// `结合自评情况,分析存在的问题及原因。(200字以内)`); published as it is, the form states no completion, no
/// problem and no remedy (四川 青神县). An instruction is recognised by its word limit, `(N字以内)`. Warning.
public struct TemplateTextLeftCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.STRUCT.090", slug: "template-text-left", name: "文字栏仍为模板填写说明",
        summary: "年度目标、完成情况、资金偏差原因和绩效分析各栏不应保留模板的填写说明（如“……(100字以内)”）。",
        basis: "财预〔2020〕10号 附件1 自评表：实际完成情况、偏差原因和分析须如实填写；已公开表中有原样保留模板说明的情况。",
        defaultSeverity: .warning, scope: .selfEvaluation,
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(ExampleForms.selfEvaluation { $0.analysis.problems = "资金下达较晚，影响进度（约30字以内说明）。" }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation { $0.goals.completion = "对照年度目标,说明相关任务目标的完成情况(100字以内)" },
                expect: [ExpectedFinding(at: "goals.completion", actual: "对照年度目标,说明相关任务目标的完成情况(100字以内)")])
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        let texts =
            [("goals.annual", form.goals.annual), ("goals.completion", form.goals.completion)]
            + form.funds.rowsWithPaths.compactMap { path, row in row.deviation.map { ("\(path).deviation", $0) } }
            + form.analysis.fields.map { ("analysis.\($0.key)", $0.text) }
        return texts.compactMap { path, text in
            guard TemplateText.isInstruction(text) else { return nil }
            return Violation(at: path, "“\(text)”是模板的填写说明，应改为实际内容", actual: text)
        }
    }
}

/// The template's own guidance, left in a cell the unit was to fill.
enum TemplateText {
    /// A text ending a sentence with its word limit: `(100字以内)`, `（200字以内）`.
    static func isInstruction(_ text: String) -> Bool { text.includes("字以内") && text.contains(wordLimit) }

    /// Stored once, see `SentenceText`.
    nonisolated(unsafe) static let wordLimit = /[(（]\d+字以内[)）]/
}
