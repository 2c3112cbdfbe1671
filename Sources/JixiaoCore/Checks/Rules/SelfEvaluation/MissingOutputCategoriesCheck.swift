/// SE.STRUCT.070: the 产出指标 lack a 数量, 质量 or 时效 indicator.
///
/// The framework measures output by quantity, quality and timeliness (and cost); a form without one of
/// them leaves that side of the output unassessed. Categories are read from the printed 二级 labels, so a
/// row whose label is missing counts for none. One finding per missing category. Warning under the
/// self-evaluation, where the output share of the score rests on these rows.
public struct MissingOutputCategoriesCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.STRUCT.070", slug: "missing-output-categories", name: "产出指标缺少数量、质量或时效指标",
        summary: "产出指标应包含数量指标、质量指标和时效指标；按二级指标标签判断，每缺一类报告一次。",
        basis: "财预〔2020〕10号 附件2 指标体系框架：产出指标分数量、质量、时效、成本。",
        defaultSeverity: .warning, scope: .selfEvaluation,
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(ExampleForms.selfEvaluation { $0.indicators[0].level2 = "数量" }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation { $0.indicators[0].level2 = "" },
                expect: [ExpectedFinding(at: "indicators", expected: "数量指标")]),
            CheckExample(
                ExampleForms.selfEvaluation { $0.indicators[2].level2 = "质量指标" },
                expect: [ExpectedFinding(at: "indicators", expected: "时效指标")]),
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        OutputCategories.missing(in: form.indicators.filter { !$0.isTemplateRow }).map { category in
            Violation(at: "indicators", "产出指标中没有\(category.rawValue)", expected: category.rawValue)
        }
    }
}
