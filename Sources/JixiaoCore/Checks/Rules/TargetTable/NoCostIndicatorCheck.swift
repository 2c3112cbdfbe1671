/// TG.IND.010: the 年度 indicators include no 成本指标.
///
/// Shanxi's self-evaluation inserts a default 成本 row marked 未填报 for such projects and caps its score
/// at 5 points, so the gap costs points a year later. Warning (a Shanxi expectation; the template prints an
/// empty 成本 row that was left blank).
public struct NoCostIndicatorCheck: TargetTableCheck {
    public static let description = CheckDescription(
        id: "TG.IND.010", slug: "no-cost-indicator", name: "缺少成本指标",
        summary: "年度绩效指标中没有填写成本指标（年度指标为空时看实施期指标）。",
        basis: "山西平台：未填报成本指标的项目，自评时成本指标得分不得超过5分；财预〔2021〕101号 将成本指标列为一级指标。",
        defaultSeverity: .warning, scope: .targetTable,
        passing: [
            CheckExample(ExampleForms.targetTable()),
            CheckExample(ExampleForms.targetTable { $0.indicators.annual = [] }),
        ],
        failing: [
            CheckExample(
                ExampleForms.targetTable {
                    $0.indicators.annual[3] = TargetTable.Indicator(level2: "成本指标", name: "", value: "")
                }, expect: [ExpectedFinding(at: "indicators.annual")])
        ])

    public init() {}

    public func check(_ table: TargetTable, context: CheckContext) -> [Violation] {
        let set = table.annualSet
        // 成本指标 as a 二级, or the 2021 frame's cost categories under 成本指标 as a 一级.
        guard !set.rows.contains(where: { $0.row.level2Value == .cost || $0.row.level2Value?.level1 == .cost })
        else { return [] }
        if table.isTruncated {
            return [
                .cannotJudge(
                    at: "indicators.\(set.half.rawValue)", "来源只含表单的一部分（source.truncated），可见部分没有成本指标，无法判断是否缺少")
            ]
        }
        return [Violation(at: "indicators.\(set.half.rawValue)", "\(set.half.label)绩效指标中没有成本指标")]
    }
}
