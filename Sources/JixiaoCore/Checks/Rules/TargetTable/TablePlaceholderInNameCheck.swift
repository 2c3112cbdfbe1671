/// TG.IND.100: a 目标表 indicator name that still holds the template's placeholder (`(≥**个)`).
///
/// The 目标表 counterpart of SE.VAL.080: the name states no target. Values with a placeholder are
/// TG.IND.060's. Warning.
public struct TablePlaceholderInNameCheck: TargetTableCheck {
    public static let description = CheckDescription(
        id: "TG.IND.100", slug: "table-placeholder-in-name", name: "目标表指标名称含模板占位符",
        summary: "目标表三级指标名称中不应留有模板占位符（**、××、XX 等）。",
        basis: "指标库模板以“**”示意待填数值；已公开目标表中有“(≥**个)”“(≥**%)”等未填写的名称。",
        defaultSeverity: .warning, scope: .targetTable,
        passing: [CheckExample(ExampleForms.targetTable())],
        failing: [
            CheckExample(
                ExampleForms.targetTable { $0.indicators.annual[0].name = "设备维护数量(≥**台)" },
                expect: [ExpectedFinding(at: "indicators.annual[0].name", actual: "设备维护数量(≥**台)")])
        ])

    public init() {}

    public func check(_ table: TargetTable, context: CheckContext) -> [Violation] {
        table.allFilledRows.compactMap { filled in
            Placeholder.violation(in: filled.row.name, at: "\(filled.path).name", half: filled.half.label)
        }
    }
}
