import Foundation

/// TG.IND.110: per-unit cost indicators times their counts do not make the year's funds.
///
/// A 成本指标 priced per unit (`≤475元/亩`) and the one 数量 indicator counted in that unit (`≥60亩`) give a
/// cost; the costs together should not exceed the 年度资金总额 (warning when they do), and where they are the
/// only cost indicators and every count is exact (`＝` or no operator, not a floor such as `≥60000人`) they
/// should make it (notice when they fall short: some spending is unexplained). 湖南 南岳区: 60亩 × 475 + 4个 × 2875 + 20平方米 × 3000 =
/// 100 000 元 = 10万元. A unit cost with no count, or with two counts in its unit, cannot be paired and is
/// left out; a table with nothing paired is not concerned.
public struct UnitCostsVsBudgetCheck: TargetTableCheck {
    public static let description = CheckDescription(
        id: "TG.IND.110", slug: "unit-costs-vs-budget", name: "单位成本 × 数量与资金总额不符",
        summary: "按单位计价的成本指标（如 ≤475元/亩）乘以同单位的数量指标（如 ≥60亩），合计不应超过年度资金总额；成本指标全部可配对时合计应等于年度资金总额。",
        basis: "财预〔2020〕10号 附件2：成本指标反映预算资金的构成，应与数量指标和资金总额相互印证。",
        defaultSeverity: .warning, scope: .targetTable, tolerance: "按元精确比较",
        passing: [
            CheckExample(ExampleForms.targetTable()),
            CheckExample(
                ExampleForms.targetTable {
                    $0.indicators.annual[0] = TargetTable.Indicator(level2: "数量指标", name: "设备维护数量", value: "≥10台")
                    $0.indicators.annual[3] = TargetTable.Indicator(
                        level2: "成本指标", name: "单台维护成本", value: "≤10万元/台")
                }),
            // ≥10台 is a floor: 10 × 8万元 short of the budget proves nothing.
            CheckExample(
                ExampleForms.targetTable {
                    $0.indicators.annual[3] = TargetTable.Indicator(
                        level2: "成本指标", name: "单台维护成本", value: "≤8万元/台")
                }),
        ],
        failing: [
            CheckExample(
                ExampleForms.targetTable {
                    $0.indicators.annual[3] = TargetTable.Indicator(
                        level2: "成本指标", name: "单台维护成本", value: "≤12万元/台")
                }, expect: [ExpectedFinding(at: "indicators.annual", expected: "1000000.00", actual: "1200000.00")]),
            CheckExample(
                ExampleForms.targetTable {
                    $0.indicators.annual[0] = TargetTable.Indicator(level2: "数量指标", name: "设备维护数量", value: "＝10台")
                    $0.indicators.annual[3] = TargetTable.Indicator(
                        level2: "成本指标", name: "单台维护成本", value: "≤8万元/台")
                },
                expect: [
                    ExpectedFinding(
                        at: "indicators.annual", expected: "1000000.00", actual: "800000.00", severity: .notice)
                ]),
        ])

    public init() {}

    public func check(_ table: TargetTable, context: CheckContext) -> [Violation] {
        let (half, rows) = table.annualSet
        guard let budget = table.funds.annual.total.amount(in: table.amountUnit) else { return [] }
        let budgetYuan = table.amountUnit.convert(budget, to: .yuan)
        let costs = rows.filter { $0.row.level2Value == .cost }
        var products: [(text: String, yuan: Decimal)] = []
        var unpaired = 0
        var exactCounts = true
        for cost in costs {
            guard let price = cost.row.value.quantity, price.unit.base.hasPrefix("元/") else {
                unpaired += 1
                continue
            }
            let per = MeasureUnit(String(price.unit.base.dropFirst(2)))
            let counts = rows.filter { row in
                guard row.row.level2Value == .quantity, let count = row.row.value.quantity else { return false }
                return count.unit.isCompatible(with: per)
            }
            guard counts.count == 1, let count = counts[0].row.value.quantity else {
                unpaired += 1
                continue
            }
            if let op = counts[0].row.value.comparisonOperator, op != .equal { exactCounts = false }
            let yuan = price.baseValue / per.scale * count.baseValue
            products.append(("\(counts[0].row.value.text) × \(cost.row.value.text)", yuan))
        }
        guard !products.isEmpty else { return [] }
        let sum = products.reduce(Decimal(0)) { $0 + $1.yuan }
        let shown = products.map(\.text).joined(separator: " + ")
        let path = "indicators.\(half.rawValue)"
        if sum > budgetYuan {
            return [
                Violation(
                    at: path,
                    "数量 × 单位成本 \(shown) = \(DecimalText.fixed(sum)) 元，超过年度资金总额 \(DecimalText.fixed(budgetYuan)) 元",
                    expected: DecimalText.fixed(budgetYuan), actual: DecimalText.fixed(sum))
            ]
        }
        guard unpaired == 0, exactCounts, sum < budgetYuan else { return [] }
        return [
            Violation(
                at: path,
                "成本指标全部按单位计价：\(shown) = \(DecimalText.fixed(sum)) 元，少于年度资金总额 \(DecimalText.fixed(budgetYuan)) 元，其余资金用途未说明",
                expected: DecimalText.fixed(budgetYuan), actual: DecimalText.fixed(sum), severity: .notice)
        ]
    }
}
