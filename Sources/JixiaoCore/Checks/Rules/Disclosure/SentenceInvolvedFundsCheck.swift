/// DS.AMT.010: the 涉及资金 Y of a 决算公开's summary sentence should be the total of the attached
/// self-evaluations under one of the three definitions.
///
/// No rule defines 涉及资金 and the published documents disagree (docs/domain.md §8): seed 003 sums 年初预算数,
/// seed 000 全年执行数. A Y that matches none of them cannot be traced to the forms at all.
public struct SentenceInvolvedFundsCheck: DisclosureCheck {
    public static let description = CheckDescription(
        id: "DS.AMT.010", slug: "summary-involved-funds", name: "汇总句涉及资金无法与附表对应",
        summary: "汇总句的“涉及资金Y万元”既不等于所附自评表的年初预算数（目标申报数）合计，也不等于全年预算数合计或全年执行数合计（先求和，再按句中的小数位四舍五入）。",
        basis: "“涉及资金”的口径没有统一规定，已公开的文档分别采用年初预算数和全年执行数（docs/domain.md §8）；三种口径都对不上时，无法从附表核实该金额。",
        defaultSeverity: .warning, scope: .disclosure,
        tolerance: "各表金额先求和，再按句中金额的小数位四舍五入后比较",
        passing: [
            CheckExample(
                [ExampleForms.selfEvaluation()],
                disclosure: ExampleForms.summarySentence(count: 1, funds: "100.00", grades: [1, 0, 0, 0])),
            // Σ年初预算数 (150) matches although Σ全年执行数 (100) does not.
            CheckExample(
                [ExampleForms.selfEvaluation { $0.funds.total.declared = "150" }],
                disclosure: ExampleForms.summarySentence(count: 1, funds: "150.00", grades: [1, 0, 0, 0])),
            // Rounded to whole 万元 as printed: 100.4 is “100”.
            CheckExample(
                [ExampleForms.selfEvaluation { $0.funds.total.executed = "100.4" }],
                disclosure: ExampleForms.summarySentence(count: 1, funds: "100", grades: [1, 0, 0, 0])),
        ],
        failing: [
            CheckExample(
                [ExampleForms.selfEvaluation()],
                disclosure: ExampleForms.summarySentence(count: 1, funds: "120.00", grades: [1, 0, 0, 0]),
                expect: [
                    ExpectedFinding(
                        document: "summarySentences[0].involvedFunds",
                        expected:
                            "年初预算数（目标申报数） 100.00、\(FieldVocabulary.Funds.fullYearBudget.label) 100.00、\(FieldVocabulary.Funds.executed.label) 100.00",
                        actual: "120.00")
                ])
        ])

    public init() {}

    public func check(_ disclosure: Disclosure, context: CheckContext) -> [Violation] {
        disclosure.summarySentences.enumerated().compactMap { index, sentence in
            guard let claimed = sentence.involvedFunds,
                let tally = disclosure.summaryTally(index, policy: context.policy),
                sentence.matchingDefinitions(tally).isEmpty
            else { return nil }
            let totals = InvolvedFunds.allCases.map { "\($0.label) \(DecimalText.fixed(tally.total($0)))" }.joined(
                separator: "、")
            return Violation(
                at: "summarySentences[\(index)].involvedFunds",
                "汇总句的涉及资金 \(claimed.text) 万元与所附自评表的三种合计都不相等（\(totals)），无法核实其口径",
                expected: totals, actual: claimed.text)
        }
    }
}
