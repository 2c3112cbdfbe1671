/// Document text for the document rules' examples.
extension ExampleForms {
    /// The 决算公开 department summary sentence in the published template; `grades` are the counts of 优, 良,
    /// 中, 差.
    public static func summarySentence(year: Int = 2023, count: Int, funds: String, grades: [Int]) -> String {
        let clauses = zip(Grade.allCases, grades).map { "\($1)个项目自评等级为“\($0.label)”" }.joined(separator: "，")
        return "\(year)年二级项目绩效自评个数\(count)个，涉及资金\(funds)万元：\(clauses)。"
    }

    /// The 预算公开 sentence: N projects, 共计金额, and the 其中 split as (category, count, amount in 万元).
    public static func budgetSentence(
        year: Int = 2023, count: Int, amount: String,
        categories: [(name: String, count: Int, amount: String)]
    ) -> String {
        let split = categories.map { "\($0.name)项目\($0.count)个，涉及金额\($0.amount)万元" }.joined(separator: "；")
        return "\(year)年示例局纳入绩效目标管理的二级项目\(count)个，共计金额\(amount)万元。" + (split.isEmpty ? "" : "其中：\(split)。")
    }

    /// Target tables named 项目1, 项目2, … with the given 资金总额 in 元 (实施期 and 年度 alike).
    public static func targetTables(amounts: [String]) -> [Form] {
        amounts.enumerated().map { index, amount in
            targetTable {
                $0.project = "项目\(index + 1)"
                $0.funds.annual = TargetTable.FundBreakdown(
                    total: EnteredNumber(amount), provincial: EnteredNumber(amount))
                $0.funds.period = $0.funds.annual
            }
        }
    }
}
