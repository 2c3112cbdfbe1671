/// DS.BGT.020: the project count and 共计金额 of a 预算公开's sentence should be those of the target
/// tables attached.
public struct BudgetSentenceTotalsCheck: DisclosureCheck {
    public static let description = CheckDescription(
        id: "DS.BGT.020", slug: "budget-sentence-totals", name: "预算公开项目个数或金额与目标表不符",
        summary:
            "预算公开中“纳入绩效目标管理的二级项目N个，共计金额Y万元”的 N 与所附目标表张数（重复公开的表只计一次，消息指出 N 中有几个是重复的）不同，或 Y 既不等于实施期资金总额合计、也不等于年度资金总额合计（元折合万元，先求和再按句中小数位四舍五入）。",
        basis: "该句概括所附的项目支出绩效目标表；已公开的文档以实施期资金总额合计为共计金额（docs/domain.md §8、§12.3）。",
        defaultSeverity: .warning, scope: .disclosure,
        tolerance: "各表金额（元）先求和、折合万元，再按句中金额的小数位四舍五入后比较",
        passing: [
            CheckExample(
                ExampleForms.targetTables(amounts: ["1,000,000", "2,500,000"]),
                disclosure: ExampleForms.budgetSentence(count: 2, amount: "350.00", categories: []))
        ],
        failing: [
            CheckExample(
                ExampleForms.targetTables(amounts: ["1,000,000", "2,500,000"]),
                disclosure: ExampleForms.budgetSentence(count: 3, amount: "360.00", categories: []),
                expect: [
                    ExpectedFinding(document: "budgetSentences[0].projectCount", expected: "2", actual: "3"),
                    ExpectedFinding(
                        document: "budgetSentences[0].amount",
                        expected: "实施期资金总额 350.00、年度资金总额 350.00", actual: "360.00"),
                ])
        ])

    public init() {}

    public func check(_ disclosure: Disclosure, context: CheckContext) -> [Violation] {
        disclosure.budgetSentences.enumerated().flatMap { index, sentence -> [Violation] in
            let tally = disclosure.budgetTally(index)
            var violations: [Violation] = []
            let count = tally?.projectCount ?? 0
            if sentence.projectCount != count {
                violations.append(
                    Violation(
                        at: "budgetSentences[\(index)].projectCount",
                        "预算公开称纳入绩效目标管理的项目 \(sentence.projectCount) 个，文档中读出的目标表为 \(count) 张"
                            + DuplicateNote.text(
                                claimed: sentence.projectCount, counted: count,
                                copies: tally?.copies.map(\.project) ?? []),
                        expected: "\(count)", actual: "\(sentence.projectCount)"))
            }
            if let amount = sentence.amount, let tally, sentence.matchingDefinitions(tally).isEmpty {
                let totals = BudgetFunds.allCases.map { "\($0.label) \(DecimalText.fixed(tally.total($0)))" }.joined(
                    separator: "、")
                violations.append(
                    Violation(
                        at: "budgetSentences[\(index)].amount",
                        "预算公开的共计金额 \(amount.text) 万元与所附目标表的合计都不相等（\(totals)）",
                        expected: totals, actual: amount.text))
            }
            return violations
        }
    }
}
