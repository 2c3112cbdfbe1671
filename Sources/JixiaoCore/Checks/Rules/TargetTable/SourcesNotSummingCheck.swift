import Foundation

/// TG.FUND.010: a 资金总额 (实施期 or 年度) must equal the sum of its 其中 rows.
///
/// The funding block states each total and its split by source; a blank source cell means 0. Amounts are
/// in 元 to the 分, so the comparison is exact. Error: one of the printed numbers is wrong, and the
/// self-evaluation's 目标申报数 is taken from the 年度 total.
public struct SourcesNotSummingCheck: TargetTableCheck {
    public static let description = CheckDescription(
        id: "TG.FUND.010", slug: "sources-not-summing", name: "资金总额与各来源之和不符",
        summary: "实施期资金总额、年度资金总额应分别等于其中中央、省级、市县、单位自筹、其他资金之和（空白按 0）。",
        basis: "山西省省级项目支出绩效目标表“项目资金（元）”栏：资金总额下列“其中”各来源；自评表“目标申报数”取自年度资金总额。",
        defaultSeverity: .error, scope: .targetTable, tolerance: "精确比较（元，至分）",
        passing: [
            CheckExample(ExampleForms.targetTable()),
            CheckExample(
                ExampleForms.targetTable {
                    $0.funds.period = TargetTable.FundBreakdown(
                        total: "8,266,024.73", provincial: "8,265,800", selfRaised: "224.73")
                }),
        ],
        failing: [
            CheckExample(
                ExampleForms.targetTable { $0.funds.annual.provincial = "900,000" },
                expect: [ExpectedFinding(at: "funds.annual.total", expected: "900000.00", actual: "1000000.00")]),
            CheckExample(
                ExampleForms.targetTable { $0.funds.period.other = "5,000" },
                expect: [ExpectedFinding(at: "funds.period.total", expected: "1005000.00", actual: "1000000.00")]),
        ])

    public init() {}

    public func check(_ table: TargetTable, context: CheckContext) -> [Violation] {
        TargetTable.Half.allCases.compactMap { half in
            let breakdown = half == .period ? table.funds.period : table.funds.annual
            let amounts = breakdown.sources.map(\.amount.valueOrZero)
            guard let total = breakdown.total.value, amounts.allSatisfy({ $0 != nil }) else { return nil }
            let sum = amounts.reduce(Decimal(0)) { $0 + ($1 ?? 0) }
            guard sum != total else { return nil }
            return Violation(
                at: "funds.\(half.rawValue).total",
                "\(half.label)资金总额 \(breakdown.total.text) 元不等于各来源之和 \(DecimalText.fixed(sum)) 元",
                expected: DecimalText.fixed(sum), actual: DecimalText.fixed(total))
        }
    }
}
