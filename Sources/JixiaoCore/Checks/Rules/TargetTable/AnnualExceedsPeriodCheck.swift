/// TG.FUND.020: the 年度资金总额 must not exceed the 实施期资金总额.
///
/// The 实施期 covers the whole project period and includes the budget year, so one year cannot cost more
/// than the whole. Error: one of the two totals is wrong.
public struct AnnualExceedsPeriodCheck: TargetTableCheck {
    public static let description = CheckDescription(
        id: "TG.FUND.020", slug: "annual-exceeds-period", name: "年度资金超过实施期资金",
        summary: "年度资金总额不应大于实施期资金总额（实施期包含本年度）。",
        basis: "山西省省级项目支出绩效目标表：实施期资金总额为项目全周期资金，年度资金总额为其中本年度部分。",
        defaultSeverity: .error, scope: .targetTable, tolerance: "精确比较（按本表金额单位）",
        passing: [
            CheckExample(ExampleForms.targetTable()),
            CheckExample(
                ExampleForms.targetTable {
                    $0.funds.annual = TargetTable.FundBreakdown(total: "538,600", provincial: "538,600")
                }),
        ],
        failing: [
            CheckExample(
                ExampleForms.targetTable {
                    $0.funds.period = TargetTable.FundBreakdown(total: "800,000", provincial: "800,000")
                }, expect: [ExpectedFinding(at: "funds.annual.total", expected: "800000.00", actual: "1000000.00")])
        ])

    public init() {}

    public func check(_ table: TargetTable, context: CheckContext) -> [Violation] {
        guard let periodFunds = table.funds.period, let period = periodFunds.total.amount(in: table.amountUnit),
            let annual = table.funds.annual.total.amount(in: table.amountUnit), annual > period
        else { return [] }
        let unit = table.amountUnit.label
        return [
            Violation(
                at: "funds.annual.total",
                "年度资金总额 \(table.funds.annual.total.text) \(unit)大于实施期资金总额 \(periodFunds.total.text) \(unit)",
                expected: DecimalText.fixed(period), actual: DecimalText.fixed(annual))
        ]
    }
}
