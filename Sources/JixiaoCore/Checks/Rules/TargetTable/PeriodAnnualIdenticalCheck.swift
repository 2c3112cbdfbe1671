/// TG.IND.120: the 实施期 and 年度 indicator sets are identical on a project longer than the year.
///
/// The 实施期 targets state what the whole period achieves and the 年度 targets the year's share; for a
/// project of several years, or whose 实施期 funds exceed the year's, the same names with the same values
/// mean one of the two sets was copied. An open-ended 经常性 project (99年) with equal funds is not
/// concerned: its period and year coincide. Notice.
public struct PeriodAnnualIdenticalCheck: TargetTableCheck {
    public static let description = CheckDescription(
        id: "TG.IND.120", slug: "period-annual-identical", name: "实施期与年度指标完全相同",
        summary: "项目期多于一年（或实施期资金大于年度资金）时，实施期与年度指标的名称和指标值逐项相同，说明其中一套是照抄的。",
        basis: "财预〔2020〕10号 附件2 与目标表“实施期目标 | 年度目标”两栏：年度指标是实施期指标在当年的分解。",
        defaultSeverity: .notice, scope: .targetTable,
        passing: [
            CheckExample(ExampleForms.targetTable()),
            CheckExample(
                ExampleForms.targetTable {
                    $0.period = "3年"
                    $0.indicators.annual[0] = TargetTable.Indicator(level2: "数量指标", name: "设备维护数量", value: "≥4台")
                }),
        ],
        failing: [
            CheckExample(
                ExampleForms.targetTable {
                    $0.nature = "延续性项目（阶段开展）"
                    $0.period = "3年"
                }, expect: [ExpectedFinding(at: "indicators.annual")])
        ])

    public init() {}

    public func check(_ table: TargetTable, context: CheckContext) -> [Violation] {
        let period = table.filledRows(.period)
        let annual = table.filledRows(.annual)
        guard !period.isEmpty, period.count == annual.count else { return [] }
        let unit = table.amountUnit
        let longer =
            (table.periodYears.map { $0 > 1 && $0 != 99 } ?? false)
            || {
                guard let whole = table.funds.period?.total.amount(in: unit),
                    let year = table.funds.annual.total.amount(in: unit)
                else { return false }
                return whole > year
            }()
        guard longer else { return [] }
        let same = zip(period, annual).allSatisfy { a, b in
            a.row.name.withoutWhitespace == b.row.name.withoutWhitespace
                && a.row.value.text.withoutWhitespace == b.row.value.text.withoutWhitespace
        }
        guard same else { return [] }
        return [
            Violation(
                at: "indicators.annual",
                "项目期\(table.period)，实施期与年度的 \(annual.count) 项指标名称和指标值完全相同：年度指标应为实施期指标在当年的分解")
        ]
    }
}
