/// SE.STRUCT.030: the same 三级 indicator appears twice in one form.
///
/// One indicator filed twice (e.g. under 质量 and again under 社会效益) is scored twice, which inflates the
/// total, or it hides a row that should have been a different indicator. Names are compared without
/// whitespace. Warning: occasionally deliberate, but reviewers should see it.
public struct DuplicateIndicatorCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.STRUCT.030", slug: "duplicate-indicator", name: "三级指标重复",
        summary: "同一张自评表中同名三级指标出现两次及以上（忽略空白）。",
        basis: "财预〔2020〕10号 附件2：三级指标应细化、量化，不应重复设置；重复指标被重复计分。",
        defaultSeverity: .warning, scope: .selfEvaluation,
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[0].name = ""
                    $0.indicators[1].name = ""
                }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation { $0.indicators[4].name = "设备完好 率" },
                expect: [ExpectedFinding(at: "indicators[4].name", expected: "indicators[1].name", actual: "设备完好 率")])
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        var first: [String: Int] = [:]
        return form.indicators.enumerated().compactMap { index, row in
            let key = row.name.withoutWhitespace
            guard !key.isEmpty, !row.isTemplateRow else { return nil }
            guard let earlier = first[key] else {
                first[key] = index
                return nil
            }
            return Violation(
                at: "indicators[\(index)].name",
                "三级指标“\(row.name)”重复：第 \(earlier + 1) 行已有同名指标（\(form.indicators[earlier].level2)），此处在第 \(index + 1) 行（\(row.level2)）",
                expected: "indicators[\(earlier)].name", actual: row.name)
        }
    }
}
