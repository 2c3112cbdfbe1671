/// SE.FUND.010: 资金结(转)余 must equal 全年预算数 − 全年执行数, on the 资金总额 row and on every source row.
///
/// The balance is defined as that difference (自评表 layout, docs/domain.md §1) and both sides are printed amounts,
/// so no rounding is involved: the comparison is exact to the printed decimals. Error: one of the three
/// printed amounts is wrong. A blank or unreadable cell is left to the value rules.
public struct BalanceMismatchCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.FUND.010", slug: "balance-mismatch", name: "结转结余与预算、执行数不符",
        summary: "资金结(转)余应等于全年预算数减全年执行数；资金总额行与各资金来源行分别核对。",
        basis: "自评表资金栏定义：资金结(转)余 = 全年预算数 − 全年执行数（备注2、3）。",
        defaultSeverity: .error, scope: .selfEvaluation,
        tolerance: "不取整，按表上小数位精确比较；容差 0",
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(
                ExampleForms.selfEvaluation {
                    ExampleForms.setUnderExecutedFunds(&$0)
                }),
            CheckExample(ExampleForms.selfEvaluation { $0.funds.total.balance = "" }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation { $0.funds.total.balance = "1" },
                expect: [ExpectedFinding(at: "funds.total.balance", expected: "0.00", actual: "1.00")]),
            CheckExample(
                ExampleForms.selfEvaluation {
                    ExampleForms.setUnderExecutedFunds(&$0)
                    $0.funds.sources[0].balance = "104.05"
                }, expect: [ExpectedFinding(at: "funds.sources[0].balance", expected: "104.049", actual: "104.050")]),
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        form.funds.rowsWithPaths.compactMap { path, row in
            let unit = form.amountUnit
            guard let budget = row.fullYearBudget.amount(in: unit), let executed = row.executed.amount(in: unit),
                let balance = row.balance.amount(in: unit)
            else { return nil }
            let expected = budget - executed
            guard balance != expected else { return nil }
            let operands = [row.fullYearBudget, row.executed, row.balance]
            return Violation(
                at: "\(path).balance",
                "\(row.rowLabel)：\(FieldVocabulary.Funds.balance.label) \(row.balance.text) 不等于\(FieldVocabulary.Funds.fullYearBudget.label) \(row.fullYearBudget.text) − \(FieldVocabulary.Funds.executed.label) \(row.executed.text) = \(DecimalText.plain(expected))",
                expected: DecimalText.fixed(expected, asPrinted: operands),
                actual: DecimalText.fixed(balance, asPrinted: operands))
        }
    }
}
