/// SE.FUND.020: each amount on the 资金总额 row must equal the sum of the source rows (目标申报数, 预算编制数,
/// 全年预算数, 全年执行数, 资金结(转)余).
///
/// The total row is by definition the sum over 资金来源. Error: either the total or a source amount is
/// wrong, and the execution score is computed from the total. Checked only when the form lists sources;
/// a blank source cell counts as 0, but a column left blank on every source row (not broken down) and a
/// blank total cell are skipped.
public struct FundSourcesNotSummingCheck: SelfEvaluationCheck {
    static let columns:
        [(key: String, label: String, cell: KeyPath<SelfEvaluation.FundsRow, EnteredNumber> & Sendable)] = [
            ("declared", "目标申报数", \.declared), ("compiled", "预算编制数", \.compiled),
            ("fullYearBudget", FieldVocabulary.Funds.fullYearBudget.label, \.fullYearBudget),
            ("executed", FieldVocabulary.Funds.executed.label, \.executed),
            ("balance", FieldVocabulary.Funds.balance.label, \.balance),
        ]

    public static let description = CheckDescription(
        id: "SE.FUND.020", slug: "fund-sources-not-summing", name: "资金总额与各来源之和不符",
        summary: "资金总额行的目标申报数、预算编制数、全年预算数、全年执行数、资金结(转)余应分别等于各资金来源行之和。",
        basis: "自评表资金栏：资金总额为各资金来源（财政拨款、上年结转、其他资金等）之和。",
        defaultSeverity: .error, scope: .selfEvaluation,
        tolerance: "不取整，按表上小数位精确比较；容差 0",
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(
                ExampleForms.selfEvaluation {
                    var own = $0.funds.sources[0]
                    own.source = "单位自筹"
                    (own.declared, own.compiled, own.fullYearBudget, own.executed) = ("40", "40", "40", "40")
                    $0.funds.sources[0].declared = "60"
                    $0.funds.sources[0].compiled = "60"
                    $0.funds.sources[0].fullYearBudget = "60"
                    $0.funds.sources[0].executed = "60"
                    $0.funds.sources.append(own)
                }),
            CheckExample(ExampleForms.selfEvaluation { $0.funds.sources = [] }),
            CheckExample(ExampleForms.selfEvaluation { $0.funds.sources[0].compiled = "" }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation { $0.funds.total.declared = "110" },
                expect: [ExpectedFinding(at: "funds.total.declared", expected: "100.00", actual: "110.00")]),
            CheckExample(
                ExampleForms.selfEvaluation {
                    var own = $0.funds.sources[0]
                    own.source = "单位自筹"
                    (own.declared, own.compiled, own.fullYearBudget, own.executed, own.balance) = (
                        "", "", "", "0.125", ""
                    )
                    $0.funds.sources.append(own)
                }, expect: [ExpectedFinding(at: "funds.total.executed", expected: "100.125", actual: "100.000")]),
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        let sources = form.funds.sources
        guard !sources.isEmpty else { return [] }
        return Self.columns.compactMap { key, label, cell in
            let total = form.funds.total[keyPath: cell]
            let parts = sources.map { $0[keyPath: cell] }.filter { !$0.isNotApplicable }
            guard let printed = total.amount(in: form.amountUnit), !parts.allSatisfy(\.isBlank) else { return nil }
            let values = parts.compactMap { $0.amountOrZero(in: form.amountUnit) }
            guard values.count == parts.count else { return nil }
            let sum = values.reduce(0, +)
            guard sum != printed else { return nil }
            let operands = [total] + parts
            return Violation(
                at: "funds.total.\(key)",
                "资金总额的\(label) \(total.text) 不等于各资金来源之和 \(parts.map { $0.isBlank ? "0" : $0.text }.joined(separator: " + ")) = \(DecimalText.plain(sum))",
                expected: DecimalText.fixed(sum, asPrinted: operands),
                actual: DecimalText.fixed(printed, asPrinted: operands))
        }
    }
}
