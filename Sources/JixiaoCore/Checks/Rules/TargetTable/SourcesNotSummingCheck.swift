import Foundation

/// TG.FUND.010: a 资金总额 (实施期 or 年度) must equal the sum of its 其中 rows.
///
/// The funding block states each total and its split by source, under whatever names it prints; a blank
/// source cell means 0. The comparison is exact, in the form's unit (an amount printed with its unit,
/// `854万(…)`, is read in it). Error: one of the printed numbers is wrong, and the self-evaluation's
/// 目标申报数 is taken from the 年度 total. A total printed without 其中 rows has nothing to be compared
/// with; an amount that cannot be read is reported as a notice naming it.
public struct SourcesNotSummingCheck: TargetTableCheck {
    public static let description = CheckDescription(
        id: "TG.FUND.010", slug: "sources-not-summing", name: "资金总额与各来源之和不符",
        summary: "实施期资金总额、年度资金总额应分别等于其中各资金来源（中央、省级、市县、单位自筹、其他资金，或表上印出的其他名称）之和（空白按 0）。",
        basis: "山西省省级项目支出绩效目标表“项目资金（元）”栏：资金总额下列“其中”各来源；自评表“目标申报数”取自年度资金总额。",
        defaultSeverity: .error, scope: .targetTable, tolerance: "精确比较（按本表金额单位）",
        passing: [
            CheckExample(ExampleForms.targetTable()),
            CheckExample(
                ExampleForms.targetTable {
                    $0.funds.period = TargetTable.FundBreakdown(
                        total: "8,266,024.73", provincial: "8,265,800", selfRaised: "224.73")
                }),
            // 湖南's layout, in 万元: 财政拨款 and 其他资金; a single-year table prints no 实施期 funds.
            CheckExample(
                ExampleForms.targetTable {
                    $0.amountUnit = .wanYuan
                    $0.funds = TargetTable.Funds(
                        period: nil,
                        annual: TargetTable.FundBreakdown(
                            total: "10",
                            sources: [.init(label: "财政拨款", amount: "10"), .init(label: "其他资金", amount: "0")]
                        ))
                }),
            CheckExample(
                ExampleForms.targetTable {
                    $0.amountUnit = .wanYuan
                    $0.funds = TargetTable.Funds(
                        period: TargetTable.FundBreakdown(total: "65", sources: []),
                        annual: TargetTable.FundBreakdown(
                            total: "65万(含配套)", sources: [.init(label: "财政资金", amount: "650000元")]))
                }),
        ],
        failing: [
            CheckExample(
                ExampleForms.targetTable { $0.funds.annual.sources[1].amount = "854万854万" },
                expect: [ExpectedFinding(at: "funds.annual.total", severity: .notice)]),
            CheckExample(
                ExampleForms.targetTable { $0.funds.annual.sources[1].amount = "900,000" },
                expect: [ExpectedFinding(at: "funds.annual.total", expected: "900000.00", actual: "1000000.00")]),
            CheckExample(
                ExampleForms.targetTable { $0.funds.period?.sources[4].amount = "5,000" },
                expect: [ExpectedFinding(at: "funds.period.total", expected: "1005000.00", actual: "1000000.00")]),
        ])

    public init() {}

    public func check(_ table: TargetTable, context: CheckContext) -> [Violation] {
        TargetTable.Half.allCases.compactMap { half in
            guard let breakdown = half == .period ? table.funds.period : table.funds.annual else { return nil }
            guard !breakdown.sources.isEmpty else { return nil }
            let amounts = breakdown.sources.map { $0.amount.amountOrZero(in: table.amountUnit) }
            let unreadable =
                [("资金总额", breakdown.total)].filter { $0.1.amount(in: table.amountUnit) == nil && !$0.1.isBlank }
                + breakdown.sources.filter { $0.amount.amountOrZero(in: table.amountUnit) == nil }.map {
                    ($0.label, $0.amount)
                }
            if !unreadable.isEmpty {
                return .cannotJudge(
                    at: "funds.\(half.rawValue).total",
                    "无法核对\(half.label)资金：\(unreadable.map { "\($0.0)“\($0.1.text)”无法读取为金额" }.joined(separator: "；"))")
            }
            guard let total = breakdown.total.amount(in: table.amountUnit), amounts.allSatisfy({ $0 != nil }) else {
                return nil
            }
            let sum = amounts.reduce(Decimal(0)) { $0 + ($1 ?? 0) }
            guard sum != total else { return nil }
            return Violation(
                at: "funds.\(half.rawValue).total",
                "\(half.label)资金总额 \(breakdown.total.text) \(table.amountUnit.label)不等于各来源之和 \(DecimalText.fixed(sum)) \(table.amountUnit.label)",
                expected: DecimalText.fixed(sum), actual: DecimalText.fixed(total))
        }
    }
}
