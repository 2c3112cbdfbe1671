/// SE.STRUCT.020: a self-evaluation has no 满意度 indicator.
///
/// The framework has three 一级, and 满意度 carries its own share of the weights (10 nationally). A row
/// counts when either its 一级 or its 二级 label says 满意度; the content of the row is not judged here.
/// Warning: a missing 满意度 row usually means a lost row, and the weights no longer add up. When the
/// source holds only part of the form, the missing part may hold it: a notice says so instead.
public struct NoSatisfactionIndicatorCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.STRUCT.020", slug: "no-satisfaction-indicator", name: "缺少满意度指标",
        summary: "自评表应至少有一个满意度指标（一级为满意度指标，或二级为服务对象满意度指标）。",
        basis: "财预〔2020〕10号 附件1、附件2：一级指标为产出、效益、满意度，满意度原则上占 10 分。",
        defaultSeverity: .warning, scope: .selfEvaluation,
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(ExampleForms.selfEvaluation { $0.indicators[5].level2 = "" }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation { $0.indicators.removeLast() },
                expect: [ExpectedFinding(at: "indicators")]),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators.removeLast()
                    $0.source = SourceReference(document: "web.txt", isTruncated: true)
                }, expect: [ExpectedFinding(at: "indicators", severity: .notice)]),
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        guard !form.indicators.contains(where: \.isSatisfaction) else { return [] }
        if form.isTruncated {
            return [.cannotJudge(at: "indicators", "来源只含表单的一部分（source.truncated），可见部分没有满意度指标，无法判断是否缺少")]
        }
        return [Violation(at: "indicators", "自评表没有满意度指标（一级或二级均未标明满意度）")]
    }
}
