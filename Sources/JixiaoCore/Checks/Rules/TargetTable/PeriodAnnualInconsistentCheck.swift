/// TG.IND.090: the 实施期 and 年度 halves hold different numbers of indicators.
///
/// The 年度 set is the 实施期 set broken down to the year, indicator by indicator; a different count
/// means an indicator was added or dropped on one side. An empty 年度 half is not counted: the platform
/// copies the 实施期 indicators into it. Notice.
public struct PeriodAnnualInconsistentCheck: TargetTableCheck {
    public static let description = CheckDescription(
        id: "TG.IND.090", slug: "period-annual-inconsistent", name: "实施期与年度指标数量不一致",
        summary: "实施期与年度已填写的指标行数不同（年度指标为空时不报告，平台会复制实施期指标）。",
        basis: "山西平台：年度指标为空时复制实施期指标，否则按名称与二级指标关联两者。",
        defaultSeverity: .notice, scope: .targetTable,
        passing: [
            CheckExample(ExampleForms.targetTable()),
            CheckExample(ExampleForms.targetTable { $0.indicators.annual = [] }),
        ],
        failing: [
            CheckExample(
                ExampleForms.targetTable {
                    $0.indicators.period?.append(
                        TargetTable.Indicator(level1: "效益指标", level2: "可持续影响", name: "长期保障", value: "保障"))
                }, expect: [ExpectedFinding(at: "indicators.annual", expected: "7", actual: "6")])
        ])

    public init() {}

    public func check(_ table: TargetTable, context: CheckContext) -> [Violation] {
        // A table with a single (年度) set has no 实施期 half to count.
        guard table.indicators.period != nil else { return [] }
        let period = table.filledRows(.period).count
        let annual = table.filledRows(.annual).count
        guard annual > 0, annual != period else { return [] }
        return [
            Violation(
                at: "indicators.annual", "实施期有 \(period) 个指标，年度有 \(annual) 个指标",
                expected: "\(period)", actual: "\(annual)")
        ]
    }
}
