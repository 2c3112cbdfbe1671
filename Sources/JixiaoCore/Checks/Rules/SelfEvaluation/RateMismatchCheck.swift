import Foundation

/// SE.EXEC.010: the printed 执行率 must be round2(全年执行数 ÷ 全年预算数 × 100).
///
/// 备注4 defines the rate; the 资金总额 row is checked against the project's execution (`ExecutionScore`)
/// and every source row against its own amounts. A rate is read at the precision it is printed in (`86.5%`
/// for 86.48 %, `86%` for 86.20 %), and a difference of at most 0.01 passes: a rate truncated instead of
/// rounded (60.28 for 60.2866 %) misleads nobody, and the score it feeds is checked exactly by SE.EXEC.020.
/// Error beyond that: the printed rate misstates the execution. Blank rates, and source rows whose amounts
/// are blank or zero, are left alone; a 资金总额 rate that cannot be compared (its amounts unreadable) is
/// reported as a notice naming the input.
public struct RateMismatchCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.EXEC.010", slug: "rate-mismatch", name: "执行率计算错误",
        summary: "表上执行率应为全年执行数 ÷ 全年预算数 × 100，四舍五入到 2 位；资金总额行与各资金来源行分别按本行金额核对。",
        basis: "自评表备注4：执行率是执行数与全年预算数相比较；平台按 2 位小数四舍五入显示。",
        defaultSeverity: .error, scope: .selfEvaluation,
        tolerance: "四舍五入到 2 位；容差 0.01（表上“100”与 100.00 相同）",
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(ExampleForms.selfEvaluation { $0.funds.total.rate = "100.00" }),
            CheckExample(
                ExampleForms.selfEvaluation {
                    ExampleForms.setUnderExecutedFunds(&$0)
                    $0.funds.sources[0].rate = "60.28"
                }),
            CheckExample(ExampleForms.selfEvaluation { $0.funds.total.rate = "" }),
            // 86.48 % printed to one decimal, and to none.
            CheckExample(
                ExampleForms.selfEvaluation {
                    ExampleForms.setFunds(
                        &$0, compiled: "300", budget: "300", executed: "259.45", balance: "40.55", rate: "86.5%",
                        score: "8.65")
                    $0.funds.sources[0].rate = "86%"
                }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation { $0.funds.total.rate = "99" },
                expect: [ExpectedFinding(at: "funds.total.rate", expected: "100.00", actual: "99.00")]),
            CheckExample(
                ExampleForms.selfEvaluation {
                    ExampleForms.setUnderExecutedFunds(&$0)
                    $0.funds.sources[0].rate = "60.27"
                }, expect: [ExpectedFinding(at: "funds.sources[0].rate", expected: "60.29", actual: "60.27")]),
            CheckExample(
                ExampleForms.selfEvaluation { $0.funds.total.executed = "IOO" },
                expect: [ExpectedFinding(at: "funds.total.rate", severity: .notice)]),
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        let project = context.score(form).execution
        let sources = form.funds.sources.map {
            ExecutionScore(funds: SelfEvaluation.Funds(total: $0), policy: context.policy, unit: form.amountUnit)
        }
        return zip(form.funds.rowsWithPaths, [project] + sources).compactMap { pathed, execution in
            let (path, row) = pathed
            guard let printed = row.rate.percent else { return nil }
            guard let rate = execution.ratePercent else {
                guard path == "funds.total", execution.problem == .missingAmounts else { return nil }
                let inputs = ExecutionScore.unreadableInputs(form.funds, unit: form.amountUnit)
                return .cannotJudge(
                    at: "\(path).rate",
                    "无法核对执行率 \(row.rate.text)：\(inputs.map { "\($0.path)“\($0.text)”\($0.reason)" }.joined(separator: "；"))"
                )
            }
            guard
                !ExecutionScore.printedRateAgrees(
                    printed, decimals: row.rate.printedDecimals, with: rate, policy: context.policy)
            else {
                return nil
            }
            return Violation(
                at: "\(path).rate",
                "\(row.rowLabel)：执行率 \(row.rate.text) 与\(FieldVocabulary.Funds.executed.label) \(row.executed.text) ÷ \(FieldVocabulary.Funds.fullYearBudget.label) \(row.fullYearBudget.text) = \(DecimalText.fixed(rate))% 不符",
                expected: DecimalText.fixed(rate), actual: DecimalText.fixed(printed))
        }
    }
}
