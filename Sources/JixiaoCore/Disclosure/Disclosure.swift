import Foundation

/// A published 决算/预算公开 document as the DS rules see it: the forms found in it and the sentences in
/// which it sums them up. Built by `jixiao audit` from an import; the rules compare what the sentences claim
/// with what the forms say.
public struct Disclosure: Sendable {
    /// The document's name, for findings.
    public let document: String
    /// Every form found, in document order; `source.firstLine` places a form among the sentences.
    public let forms: [Form]
    public let summarySentences: [SummarySentence]
    public let budgetSentences: [BudgetSentence]
    /// Projects' scores narrated in prose, compared with each project's form.
    public let scoreNarrations: [ScoreNarration]

    public init(
        document: String, forms: [Form], summarySentences: [SummarySentence], budgetSentences: [BudgetSentence],
        scoreNarrations: [ScoreNarration] = []
    ) {
        self.document = document
        self.forms = forms
        self.summarySentences = summarySentences
        self.budgetSentences = budgetSentences
        self.scoreNarrations = scoreNarrations
    }

    /// A document whose running text is `text` (one line per paragraph); for examples and tests.
    public init(document: String, forms: [Form], text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { DocumentLine(number: $0.offset + 1, text: String($0.element)) }
        let found = DisclosureSentences.find(in: lines)
        self.init(
            document: document, forms: forms, summarySentences: found.summary, budgetSentences: found.budget,
            scoreNarrations: found.narrations)
    }

    /// The self-evaluation (by index in `forms`) the score narration at `index` speaks of: the form it is
    /// printed in, else the form whose project the sentence names, else the one named in the text before it
    /// (nearest first; the longest name where several match); nil when no form's project is named.
    public func form(narratedBy index: Int) -> Int? {
        let narration = scoreNarrations[index]
        let evaluations = forms.indices.compactMap { index -> (Int, SelfEvaluation)? in
            if case .selfEvaluation(let form) = forms[index] { (index, form) } else { nil }
        }
        if let inside = evaluations.first(where: { _, form in
            guard let first = form.source?.firstLine, let last = form.source?.lastLine else { return false }
            return (first...last).contains(narration.line)
        }) {
            return inside.0
        }
        for text in narration.context {
            let named = evaluations.compactMap { index, form -> (Int, Int)? in
                let name = form.project.trimmed
                let short = name.hasSuffix("项目") && name.count > 4 ? String(name.dropLast(2)) : name
                guard !short.isEmpty, text.contains(short) else { return nil }
                return (index, short.count)
            }
            if let longest = named.max(by: { $0.1 < $1.1 }) { return longest.0 }
        }
        return nil
    }

    /// The self-evaluations (by index in `forms`) the summary sentence at `index` speaks of.
    public func selfEvaluations(coveredBySummary index: Int) -> [Int] {
        covered(by: index, lines: summarySentences.map(\.line)) { if case .selfEvaluation = $0 { true } else { false } }
    }

    /// The target tables (by index in `forms`) the budget sentence at `index` speaks of.
    public func targetTables(coveredByBudget index: Int) -> [Int] {
        covered(by: index, lines: budgetSentences.map(\.line)) { if case .targetTable = $0 { true } else { false } }
    }

    /// With one sentence, every form of the kind; with several (a department document with a section per
    /// unit), the forms printed after the sentence and before the next one; forms without a source line
    /// belong to the first sentence.
    private func covered(by index: Int, lines: [Int], kind: (Form) -> Bool) -> [Int] {
        let candidates = forms.indices.filter { kind(forms[$0]) }
        guard lines.count > 1 else { return candidates }
        let start = lines[index]
        let end = lines.filter { $0 > start }.min() ?? Int.max
        let firstStart = lines.min() ?? start
        return candidates.filter { form in
            guard let line = forms[form].sourceLine else { return start == firstStart }
            return (line > start && line < end) || (start == firstStart && line < start)
        }
    }

    /// The recomputed figures the summary sentence at `index` is compared with; nil when it covers no form.
    public func summaryTally(_ index: Int, policy: ScoringPolicy) -> UnitSummary? {
        let indices = selfEvaluations(coveredBySummary: index)
        guard !indices.isEmpty else { return nil }
        let evaluations = forms.compactMap { form -> SelfEvaluation? in
            if case .selfEvaluation(let evaluation) = form { evaluation } else { nil }
        }
        let position = Dictionary(
            uniqueKeysWithValues: forms.indices.filter {
                if case .selfEvaluation = forms[$0] { true } else { false }
            }.enumerated().map { ($0.element, $0.offset) })
        return UnitSummary(forms: evaluations, indices: indices.compactMap { position[$0] }, policy: policy)
    }

    /// The target tables the budget sentence at `index` is compared with; nil when it covers none.
    public func budgetTally(_ index: Int) -> BudgetTally? {
        let tables = targetTables(coveredByBudget: index).compactMap { index -> TargetTable? in
            if case .targetTable(let table) = forms[index] { table } else { nil }
        }
        return tables.isEmpty ? nil : BudgetTally(tables)
    }

    /// `summarySentences[0]`, `budgetSentences[1]`, `scoreNarrations[2]` at the start of a field path.
    nonisolated(unsafe) static let sentencePath: Regex<(Substring, Substring, Substring)> =
        /^(summarySentences|budgetSentences|scoreNarrations)\[(\d+)\]/

    /// The source line of a DS field path (`summarySentences[0].grades` → the sentence's line).
    func line(of fieldPath: String?) -> Int? {
        guard let fieldPath, let match = fieldPath.firstMatch(of: Disclosure.sentencePath),
            let index = Int(match.output.2)
        else { return summarySentences.first?.line ?? budgetSentences.first?.line }
        let lines =
            switch match.output.1 {
            case "summarySentences": summarySentences.map(\.line)
            case "budgetSentences": budgetSentences.map(\.line)
            default: scoreNarrations.map(\.line)
            }
        return lines.indices.contains(index) ? lines[index] : nil
    }
}

/// What a sentence's count N says about the forms printed twice: `（句中的 7 个中有 1 个是重复公开的表：“A”
/// 印了 2 次；不重复的表为 6 张）` when N counts every printed copy, else how many copies were left out.
/// `copies` is the project of each extra copy (a form printed three times appears twice); empty: no note.
enum DuplicateNote {
    static func text(claimed: Int, counted: Int, copies: [String]) -> String {
        guard !copies.isEmpty else { return "" }
        var order: [String] = []
        var times: [String: Int] = [:]
        for project in copies {
            if times[project] == nil { order.append(project) }
            times[project, default: 1] += 1
        }
        let which = order.map { "“\($0)”印了 \(times[$0]!) 次" }.joined(separator: "、")
        if claimed == counted + copies.count {
            return "（句中的 \(claimed) 个中有 \(copies.count) 个是重复公开的表：\(which)；不重复的表为 \(counted) 张）"
        }
        return "（共印 \(counted + copies.count) 张，其中 \(copies.count) 张与另一张完全相同，只计一次：\(which)）"
    }
}

/// The target tables a budget sentence speaks of, exact duplicates counted once, with their 资金总额 in 万元.
public struct BudgetTally: Sendable {
    /// The counted tables, in document order.
    public let tables: [TargetTable]
    /// The extra copies of tables printed more than once, not counted.
    public let copies: [TargetTable]

    init(_ all: [TargetTable]) {
        let copies = FormDuplicates.copies(in: all.map(Form.targetTable))
        tables = all.indices.filter { copies[$0] == nil }.map { all[$0] }
        self.copies = all.indices.filter { copies[$0] != nil }.map { all[$0] }
    }

    /// N.
    public var projectCount: Int { tables.count }

    /// One table's 资金总额 in 元; nil when unreadable. A table that prints no 实施期 funds counts its 年度
    /// funds for both (its project is one year long).
    public static func amount(_ table: TargetTable, _ funds: BudgetFunds) -> Decimal? {
        let breakdown = funds == .period ? table.funds.period ?? table.funds.annual : table.funds.annual
        return breakdown.total.amount(in: table.amountUnit).map { table.amountUnit.convert($0, to: .yuan) }
    }

    /// Σ 资金总额 in 万元, unrounded; unreadable amounts are left out (see `unreadable(_:)`).
    public func sum(_ funds: BudgetFunds) -> Decimal {
        tables.reduce(Decimal(0)) { $0 + (BudgetTally.amount($1, funds) ?? 0) } / 10000
    }

    /// Σ 资金总额 in 万元, rounded to 2 places after summing.
    public func total(_ funds: BudgetFunds) -> Decimal { sum(funds).round2 }

    /// Tables whose amount cannot be read.
    public func unreadable(_ funds: BudgetFunds) -> [TargetTable] {
        tables.filter { BudgetTally.amount($0, funds) == nil }
    }
}

extension Form {
    /// The first source line of the form, where it was read from a document.
    public var sourceLine: Int? {
        switch self {
        case .selfEvaluation(let form): form.source?.firstLine
        case .targetTable(let table): table.source?.firstLine
        }
    }
}

/// Which 资金总额 a budget sentence's 共计金额 sums.
public enum BudgetFunds: String, Sendable, Hashable, CaseIterable {
    /// Σ实施期资金总额: what seed 002's sentence sums.
    case period
    /// Σ年度资金总额.
    case annual

    public var label: String { self == .period ? "实施期资金总额" : "年度资金总额" }
}

extension SummarySentence {
    /// The 涉及资金 definitions whose total over `tally` equals the claimed figure at the claimed precision.
    public func matchingDefinitions(_ tally: UnitSummary) -> [InvolvedFunds] {
        guard let involvedFunds else { return [] }
        return InvolvedFunds.allCases.filter { SentenceText.equalAsPrinted(involvedFunds, tally.sum($0)) }
    }
}

extension BudgetSentence {
    /// The 资金总额 definitions whose total over `tally` equals the claimed 共计金额.
    public func matchingDefinitions(_ tally: BudgetTally) -> [BudgetFunds] {
        guard let amount else { return [] }
        return BudgetFunds.allCases.filter { SentenceText.equalAsPrinted(amount, tally.sum($0)) }
    }
}
