/// TG.IND.030: the 年度 indicators include no 满意度 indicator.
///
/// 满意度 is one of the three 一级 and carries its own share of the self-evaluation's weights; a target
/// without it leaves that share with nothing to score. Warning.
public struct TableNoSatisfactionIndicatorCheck: TargetTableCheck {
    public static let description = CheckDescription(
        id: "TG.IND.030", slug: "table-no-satisfaction-indicator", name: "目标表缺少满意度指标",
        summary: "年度绩效指标中没有满意度指标（年度指标为空时看实施期指标）。",
        basis: "财预〔2020〕10号 附件2：一级指标为产出、效益、满意度；自评时满意度原则上占 10 分。",
        defaultSeverity: .warning, scope: .targetTable,
        passing: [
            CheckExample(ExampleForms.targetTable()),
            CheckExample(ExampleForms.targetTable { $0.indicators.annual[5].level2 = "服务对象" }),
        ],
        failing: [
            CheckExample(
                ExampleForms.targetTable { $0.indicators.annual.removeLast() },
                expect: [ExpectedFinding(at: "indicators.annual")])
        ])

    public init() {}

    public func check(_ table: TargetTable, context: CheckContext) -> [Violation] {
        let set = table.annualSet
        guard !set.rows.contains(where: \.row.isSatisfaction) else { return [] }
        if table.isTruncated {
            return [
                .cannotJudge(
                    at: "indicators.\(set.half.rawValue)", "来源只含表单的一部分（source.truncated），可见部分没有满意度指标，无法判断是否缺少")
            ]
        }
        return [Violation(at: "indicators.\(set.half.rawValue)", "\(set.half.label)绩效指标中没有满意度指标")]
    }
}
