import Foundation

/// DS.BGT.010: the 其中 split of a 预算公开's sentence (其他运转类 n₁ 个 a₁ 万元；特定目标类 n₂ 个 a₂ 万元) must
/// be a partition of the attached target tables: some n₁ tables summing to a₁, the other n₂ to a₂.
///
/// Seed 002 pairs “其他运转类7个 259,821.00万元” with “特定目标类3个 2,073.09万元”; the only grouping that
/// adds up is 3 tables summing to 259,821.00 and 7 to 2,073.09, so its counts and amounts are cross-paired.
/// The tables do not say their category, so the rule searches the groupings (bounded; beyond the bound it
/// stays silent rather than guess).
public struct BudgetCategoriesCheck: DisclosureCheck {
    public static let description = CheckDescription(
        id: "DS.BGT.010", slug: "budget-categories-partition", name: "预算公开分类个数与金额无法对应目标表",
        summary:
            "预算公开“其中：××类项目n个，涉及金额a万元；…”的分类个数之和不等于目标表张数、分类金额之和不等于共计金额，或者找不到一种把目标表分成各类的分法使每类的张数和金额都与句中相符；个数与金额错配（如 7 个对应 3 个项目的金额）时指出可行的配对。",
        basis: "分类是对所附目标表的划分（docs/domain.md §8、§12.3）；目标表本身不载明类别，只能按个数和金额反推。",
        defaultSeverity: .warning, scope: .disclosure,
        tolerance: "每类金额（元）求和折合万元后按句中小数位四舍五入比较；目标表超过 24 张或分法过多时不判断",
        passing: [
            CheckExample(
                ExampleForms.targetTables(amounts: ["1,000,000", "2,000,000", "500,000"]),
                disclosure: ExampleForms.budgetSentence(
                    count: 3, amount: "350.00",
                    categories: [
                        (name: "其他运转类", count: 1, amount: "200.00"), (name: "特定目标类", count: 2, amount: "150.00"),
                    ]))
        ],
        failing: [
            // Counts and amounts cross-paired: 1 table makes 200, but the sentence gives 200 to the 2.
            CheckExample(
                ExampleForms.targetTables(amounts: ["1,000,000", "2,000,000", "500,000"]),
                disclosure: ExampleForms.budgetSentence(
                    count: 3, amount: "350.00",
                    categories: [
                        (name: "其他运转类", count: 2, amount: "200.00"), (name: "特定目标类", count: 1, amount: "150.00"),
                    ]),
                expect: [
                    ExpectedFinding(
                        document: "budgetSentences[0].categories",
                        expected: "其他运转类 1 个 200.00 万元；特定目标类 2 个 150.00 万元",
                        actual: "其他运转类 2 个 200.00 万元；特定目标类 1 个 150.00 万元")
                ]),
            // The counts do not add up to the tables.
            CheckExample(
                ExampleForms.targetTables(amounts: ["1,000,000", "2,000,000", "500,000"]),
                disclosure: ExampleForms.budgetSentence(
                    count: 3, amount: "350.00",
                    categories: [
                        (name: "其他运转类", count: 1, amount: "200.00"), (name: "特定目标类", count: 1, amount: "150.00"),
                    ]),
                expect: [ExpectedFinding(document: "budgetSentences[0].categories", expected: "3", actual: "2")]),
            // No grouping of the tables gives these amounts.
            CheckExample(
                ExampleForms.targetTables(amounts: ["1,000,000", "2,000,000", "500,000"]),
                disclosure: ExampleForms.budgetSentence(
                    count: 3, amount: "350.00",
                    categories: [
                        (name: "其他运转类", count: 1, amount: "250.00"), (name: "特定目标类", count: 2, amount: "100.00"),
                    ]),
                expect: [ExpectedFinding(document: "budgetSentences[0].categories")]),
        ])

    public init() {}

    /// Beyond this many tables the search is not attempted.
    static let maximumTables = 24
    /// Groupings examined before giving up.
    static let searchBudget = 500_000

    public func check(_ disclosure: Disclosure, context: CheckContext) -> [Violation] {
        disclosure.budgetSentences.enumerated().compactMap { index, sentence -> Violation? in
            let categories = sentence.categories
            guard !categories.isEmpty, let tally = disclosure.budgetTally(index) else { return nil }
            let path = "budgetSentences[\(index)].categories"
            let claimedCount = categories.reduce(0) { $0 + $1.projectCount }
            if claimedCount != tally.projectCount {
                return Violation(
                    at: path, "预算公开各类项目个数之和为 \(claimedCount) 个，所附目标表为 \(tally.projectCount) 张",
                    expected: "\(tally.projectCount)", actual: "\(claimedCount)")
            }
            let funds = sentence.matchingDefinitions(tally).first ?? .period
            let amounts = tally.tables.map { BudgetTally.amount($0, funds) }
            guard amounts.allSatisfy({ $0 != nil }), tally.tables.count <= Self.maximumTables,
                categories.allSatisfy({ $0.amount.value != nil })
            else { return nil }
            let search = GroupingSearch(amounts: amounts.map { $0! / 10000 }, budget: Self.searchBudget)
            let claimed = describe(categories.map { ($0.name, $0.projectCount, $0.amount) })
            if search.grouping(counts: categories.map(\.projectCount), targets: categories.map(\.amount)) != nil {
                return nil
            }
            for counts in permutations(categories.map(\.projectCount)) where counts != categories.map(\.projectCount) {
                guard let groups = search.grouping(counts: counts, targets: categories.map(\.amount)) else { continue }
                let paired = zip(categories, counts).map { ($0.name, $1, $0.amount) }
                let members = zip(categories, groups).filter { $1.count <= 5 }.map { category, group in
                    "\(category.amount.text) 万元对应的 \(group.count) 个项目："
                        + group.map { tally.tables[$0].project }.joined(separator: "、")
                }
                return Violation(
                    at: path,
                    "预算公开的分类个数与金额疑似错配：按目标表的\(funds.label)，只有“\(describe(paired))”能对上"
                        + (members.isEmpty ? "" : "（\(members.joined(separator: "；"))）"),
                    expected: describe(paired), actual: claimed)
            }
            guard !search.exhausted else { return nil }
            return Violation(
                at: path, "找不到一种把 \(tally.projectCount) 张目标表按句中个数分组、使各组\(funds.label)合计与句中金额（\(claimed)）都相符的分法",
                actual: claimed)
        }
    }

    func describe(_ categories: [(String, Int, EnteredNumber)]) -> String {
        categories.map { "\($0.0) \($0.1) 个 \($0.2.text) 万元" }.joined(separator: "；")
    }

    /// Every ordering of `counts` (a sentence has two or three categories).
    func permutations(_ counts: [Int]) -> [[Int]] {
        guard counts.count > 1, counts.count <= 4 else { return [counts] }
        return counts.indices.flatMap { index in
            var rest = counts
            let head = rest.remove(at: index)
            return permutations(rest).map { [head] + $0 }
        }
    }
}

/// Searches a grouping of amounts (万元) into groups of given sizes whose sums equal given printed amounts,
/// within a budget of subsets examined.
final class GroupingSearch {
    let amounts: [Decimal]
    private var budget: Int
    /// Whether the budget ran out before the search finished.
    private(set) var exhausted = false

    init(amounts: [Decimal], budget: Int) {
        self.amounts = amounts
        self.budget = budget
    }

    /// The indices of each group, or nil when no grouping exists (or the budget ran out).
    func grouping(counts: [Int], targets: [EnteredNumber]) -> [[Int]]? {
        assign(Array(amounts.indices), counts[...], targets[...])
    }

    private func assign(_ remaining: [Int], _ counts: ArraySlice<Int>, _ targets: ArraySlice<EnteredNumber>) -> [[Int]]?
    {
        guard let count = counts.first, let target = targets.first else { return remaining.isEmpty ? [] : nil }
        var found: [[Int]]?
        choose(count, from: remaining[...], sum: 0, chosen: [], target: target) { group in
            let rest = remaining.filter { !group.contains($0) }
            guard let others = assign(rest, counts.dropFirst(), targets.dropFirst()) else { return false }
            found = [group] + others
            return true
        }
        return found
    }

    /// Calls `accept` with each subset of `count` indices whose sum equals `target` as printed, until it
    /// returns true. Amounts are not negative, so a partial sum more than 1 万元 above the target (more than
    /// any rounding of a printed amount) ends a branch. Returns whether `accept` took a subset.
    @discardableResult
    private func choose(
        _ count: Int, from pool: ArraySlice<Int>, sum: Decimal, chosen: [Int], target: EnteredNumber,
        accept: ([Int]) -> Bool
    ) -> Bool {
        guard budget > 0 else {
            exhausted = true
            return false
        }
        budget -= 1
        if count == 0 { return SentenceText.equalAsPrinted(target, sum) && accept(chosen) }
        guard pool.count >= count, sum <= (target.value ?? 0) + 1 else { return false }
        for (offset, index) in pool.enumerated() where pool.count - offset >= count {
            if choose(
                count - 1, from: pool.dropFirst(offset + 1), sum: sum + amounts[index], chosen: chosen + [index],
                target: target, accept: accept)
            {
                return true
            }
        }
        return false
    }
}
