/// SE.STRUCT.050: the four 自评结果分析 texts are one and the same.
///
/// 项目实施和预算执行, 产出, 效益 and 满意度 each call for their own analysis; one paragraph pasted into
/// all four answers none of them. Notice: the scores are unaffected.
public struct IdenticalAnalysisTextsCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.STRUCT.050", slug: "identical-analysis-texts", name: "自评结果分析内容相同",
        summary: "项目实施和预算执行情况、产出情况、效益情况、满意度情况四段分析内容完全相同。",
        basis: "财预〔2020〕10号 附件3 评价报告提纲：分别分析项目决策、过程、产出、效益；山西自评表分四栏填写。",
        defaultSeverity: .notice, scope: .selfEvaluation,
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.analysis.execution = "全年工作完成。"
                    $0.analysis.output = "全年工作完成。"
                    $0.analysis.benefit = "全年工作完成。"
                }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.analysis.execution = "档案存放无风险。"
                    $0.analysis.output = "档案存放无风险。"
                    $0.analysis.benefit = "档案存放无风险。"
                    $0.analysis.satisfaction = "档案存放 无风险。"
                }, expect: [ExpectedFinding(at: "analysis", actual: "档案存放无风险。")])
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        let analysis = form.analysis
        let texts = [analysis.execution, analysis.output, analysis.benefit, analysis.satisfaction].map(
            \.withoutWhitespace)
        guard let first = texts.first, !first.isEmpty, Set(texts).count == 1 else { return [] }
        return [Violation(at: "analysis", "自评结果分析四段（预算执行、产出、效益、满意度）内容完全相同", actual: analysis.execution)]
    }
}
