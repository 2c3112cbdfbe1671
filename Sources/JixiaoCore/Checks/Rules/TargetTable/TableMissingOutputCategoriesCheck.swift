/// TG.IND.040: the 年度 indicators lack a 数量, 质量 or 时效 indicator.
///
/// Same test as SE.STRUCT.070, at target time: output is measured by quantity, quality and timeliness.
/// Notice here (the self-evaluation raises a warning when the gap carries over into scoring).
public struct TableMissingOutputCategoriesCheck: TargetTableCheck {
    public static let description = CheckDescription(
        id: "TG.IND.040", slug: "table-missing-output-categories", name: "目标表缺少数量、质量或时效指标",
        summary: "年度绩效指标（年度指标为空时看实施期指标）应包含数量、质量和时效指标；按二级指标标签判断，每缺一类报告一次。",
        basis: "财预〔2020〕10号 附件2 指标体系框架：产出指标分数量、质量、时效、成本。",
        defaultSeverity: .notice, scope: .targetTable,
        passing: [
            CheckExample(ExampleForms.targetTable()),
            CheckExample(ExampleForms.targetTable { $0.indicators.annual[2].level2 = "时效" }),
        ],
        failing: [
            CheckExample(
                ExampleForms.targetTable {
                    $0.indicators.annual[2] = TargetTable.Indicator(level2: "时效指标", name: "", value: "")
                }, expect: [ExpectedFinding(at: "indicators.annual", expected: "时效指标")])
        ])

    public init() {}

    public func check(_ table: TargetTable, context: CheckContext) -> [Violation] {
        let set = table.annualSet
        return OutputCategories.missing(in: set.rows.map(\.row)).map { category in
            if table.isTruncated {
                return .cannotJudge(
                    at: "indicators.\(set.half.rawValue)",
                    "来源只含表单的一部分（source.truncated），可见部分没有\(category.rawValue)，无法判断是否缺少")
            }
            return Violation(
                at: "indicators.\(set.half.rawValue)", "\(set.half.label)绩效指标中没有\(category.rawValue)",
                expected: category.rawValue)
        }
    }
}
