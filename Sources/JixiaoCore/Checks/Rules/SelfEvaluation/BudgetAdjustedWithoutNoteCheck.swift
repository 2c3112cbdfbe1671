/// SE.FUND.030: a 全年预算数 that differs from the year-start budget should be explained.
///
/// 全年预算数 is the 预算编制数 unless the budget was adjusted, in which case it is the adjusted amount
/// (备注2). An adjustment changes the base of the execution rate and so the execution score; a reader
/// should find why in the funds 偏差原因 or in the execution analysis. Warning: an adjustment is allowed,
/// an unexplained one needs a reviewer's look. The year-start budget is the 预算编制数, or the 目标申报数
/// when the 预算编制数 cell is blank. A template instruction left in the cell (SE.STRUCT.090) explains
/// nothing.
public struct BudgetAdjustedWithoutNoteCheck: SelfEvaluationCheck {
    /// Words by which a text mentions a budget adjustment.
    static let adjustmentWords = ["调整", "调减", "调增", "追加", "压减", "收回"]

    public static let description = CheckDescription(
        id: "SE.FUND.030", slug: "budget-adjusted-without-note", name: "预算调整未说明",
        summary: "全年预算数与年初预算数（预算编制数，空白时取目标申报数）不同，但资金栏偏差原因和“项目实施和预算执行情况”均未提及调整（调整、调减、调增、追加、压减、收回）。",
        basis: "自评表备注2：全年预算数在年初预算调整时取调整后的预算数；财预〔2020〕10号：偏离目标应说明原因。",
        defaultSeverity: .warning, scope: .selfEvaluation,
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(
                ExampleForms.selfEvaluation {
                    ExampleForms.setFunds(&$0, budget: "90", executed: "90", balance: "0", rate: "100", score: "10")
                    $0.analysis.execution = "年中预算调减10万元，全年预算90万元，执行90万元。"
                }),
            CheckExample(
                ExampleForms.selfEvaluation {
                    ExampleForms.setFunds(
                        &$0, budget: "110", executed: "110", balance: "0", rate: "100", score: "10",
                        deviation: "年中追加预算10万元。")
                }),
            CheckExample(ExampleForms.selfEvaluation { $0.funds.total.compiled = "" }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation {
                    ExampleForms.setFunds(&$0, budget: "90", executed: "90", balance: "0", rate: "100", score: "10")
                }, expect: [ExpectedFinding(at: "funds.total.fullYearBudget", expected: "100.00", actual: "90.00")]),
            CheckExample(
                ExampleForms.selfEvaluation {
                    ExampleForms.setFunds(&$0, budget: "90", executed: "90", balance: "0", rate: "100", score: "10")
                    $0.funds.total.compiled = ""
                    $0.funds.total.declared = "95.5"
                }, expect: [ExpectedFinding(at: "funds.total.fullYearBudget", expected: "95.50", actual: "90.00")]),
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        let total = form.funds.total
        let (start, startLabel) = total.compiled.isBlank ? (total.declared, "目标申报数") : (total.compiled, "预算编制数")
        guard let initial = start.amount(in: form.amountUnit),
            let budget = total.fullYearBudget.amount(in: form.amountUnit),
            initial != budget
        else { return [] }
        // The template's own instruction (`年中发生预算调整的…应单独说明理由`) explains nothing.
        let texts = (form.funds.rowsWithPaths.compactMap(\.row.deviation) + [form.analysis.execution])
            .filter { !TemplateText.isInstruction($0) }
        guard !texts.contains(where: { text in Self.adjustmentWords.contains { text.contains($0) } }) else { return [] }
        let operands = [start, total.fullYearBudget]
        return [
            Violation(
                at: "funds.total.fullYearBudget",
                "\(FieldVocabulary.Funds.fullYearBudget.label) \(total.fullYearBudget.text) 与年初\(startLabel) \(start.text) 不同，但偏差原因和预算执行情况分析均未说明预算调整",
                expected: DecimalText.fixed(initial, asPrinted: operands),
                actual: DecimalText.fixed(budget, asPrinted: operands))
        ]
    }
}
