import Foundation

/// XF.TGSE.020: a self-evaluation's 目标申报数 is its target table's 年度资金总额.
///
/// 备注1 of every 自评表: "目标申报数"的数据来源于项目目标申报表中的项目资金总额表中的年度资金. The two are one
/// number, each printed in its form's unit (Shanxi: 万元 and 元), so both are compared in 元, exactly (no
/// rounding). Error: one of the two forms misstates the budget, and the department summary's 涉及资金
/// (declared) inherits it.
public struct DeclaredDiffersFromTargetFundsCheck: TargetPairCheck {
    public static let description = CheckDescription(
        id: "XF.TGSE.020", slug: "declared-differs-from-target-funds", name: "目标申报数与目标表年度资金不一致",
        summary: "自评表资金总额行的目标申报数应等于同一项目、同一年度目标表的年度资金总额（各按本表金额单位折算成元后比较；山西为万元 × 10000 与元）。",
        basis: "自评表备注1：“目标申报数”的数据来源于项目目标申报表中的项目资金总额表中的年度资金。",
        defaultSeverity: .error, scope: .crossForm,
        tolerance: "折算成元后精确比较，不舍入",
        passing: [
            CheckExample([ExampleForms.selfEvaluation(), ExampleForms.targetTable()]),
            CheckExample([
                ExampleForms.selfEvaluation { $0.funds.total.declared = "100.0000" },
                ExampleForms.targetTable { $0.funds.annual.total = "1,000,000.00" },
            ]),
            // Both forms printed in 万元.
            CheckExample([
                ExampleForms.selfEvaluation(),
                ExampleForms.targetTable {
                    $0.amountUnit = .wanYuan
                    $0.funds.annual = TargetTable.FundBreakdown(total: "100", provincial: "100")
                },
            ]),
            // A blank 资金总额 cell is the sum of the source rows.
            CheckExample([ExampleForms.selfEvaluation { $0.funds.total.declared = "" }, ExampleForms.targetTable()]),
        ],
        failing: [
            CheckExample(
                [ExampleForms.selfEvaluation { $0.funds.total.declared = "101" }, ExampleForms.targetTable()],
                expect: [
                    ExpectedFinding(form: 0, at: "funds.total.declared", expected: "1000000.00", actual: "1010000.00")
                ]),
            CheckExample(
                [ExampleForms.selfEvaluation(), ExampleForms.targetTable { $0.funds.annual.total = "1,000,000.50" }],
                expect: [
                    ExpectedFinding(form: 0, at: "funds.total.declared", expected: "1000000.50", actual: "1000000.00")
                ]),
        ])

    public init() {}

    public func check(_ pair: TargetPair, context: CheckContext) -> [(form: Int, violation: Violation)] {
        guard let declared = ExecutionScore.amount(pair.evaluation.funds, \.declared),
            let annual = pair.table.funds.annual.total.value
        else { return [] }
        let inYuan = pair.evaluation.amountUnit.convert(declared, to: .yuan)
        let annualInYuan = pair.table.amountUnit.convert(annual, to: .yuan)
        guard inYuan != annualInYuan else { return [] }
        return [
            pair.onEvaluation(
                Violation(
                    at: "funds.total.declared",
                    "目标申报数 \(DecimalText.plain(declared)) \(pair.evaluation.amountUnit.label)（\(DecimalText.fixed(inYuan)) 元）与目标表年度资金总额 \(pair.table.funds.annual.total.text) \(pair.table.amountUnit.label)不一致",
                    expected: DecimalText.fixed(annualInYuan), actual: DecimalText.fixed(inYuan)))
        ]
    }
}
