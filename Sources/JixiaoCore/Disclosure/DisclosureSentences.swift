import Foundation

/// A line of a published document's running text, with its 1-based line number.
public struct DocumentLine: Sendable, Hashable {
    public let number: Int
    public let text: String

    public init(number: Int, text: String) {
        self.number = number
        self.text = text
    }
}

/// The department summary sentence of a 决算公开 as printed (docs/domain.md §8):
/// “2023年二级项目绩效自评个数6个，涉及资金774.64万元：5个项目自评等级为“优”，1个…“良”…”.
///
/// Read by its phrases, not by one fixed template, because units word it differently (“共开展绩效自评的二级项目
/// 6个”, “绩效自评的一级项目共3个，资金1234.56万元”, “对5个项目开展了绩效自评…自评结果为：3个项目自评等级为“优”，
/// 2个项目为“良””, “其中优5个、良1个”). A figure the sentence does not state stays nil: the checks compare only what is
/// claimed.
public struct SummarySentence: Sendable, Hashable {
    /// The sentence as printed.
    public let text: String
    /// Source line of the sentence's first line.
    public let line: Int
    public let year: Int?
    /// X: 自评个数.
    public let formCount: Int?
    /// Y: 涉及资金 in 万元, verbatim (`774.64`), converted from 元 when the sentence says 元.
    public let involvedFunds: EnteredNumber?
    /// A–D: the number of projects claimed for each grade the sentence names.
    public let grades: [Grade: Int]

    /// Reads `text` as a summary sentence; nil when it is not one (no 自评个数 phrase).
    public init?(_ text: String, line: Int) {
        let plain = SentenceText.normalize(text)
        guard let count = SentenceText.selfEvaluationCount(in: plain) else { return nil }
        self.text = text
        self.line = line
        year = SentenceText.year(in: plain)
        formCount = count.count
        let afterCount = plain[count.end...]
        let funds = afterCount.firstMatch(of: SentenceText.involvedAmount)
        involvedFunds = funds.map { SentenceText.tenThousands(String($0.output.1), unit: String($0.output.2)) }
        grades = SentenceText.gradeCounts(in: funds.map { afterCount[$0.range.upperBound...] } ?? afterCount)
    }
}

/// The budget-side sentence of a 预算公开 (docs/domain.md §8, §12.3): “纳入绩效目标管理的二级项目10个，共计金额
/// 261,894.09万元。其中：其他运转类项目7个，涉及金额259,821.00万元；特定目标类项目3个，涉及金额2,073.09万元。”
public struct BudgetSentence: Sendable, Hashable {
    /// One category of the 其中 clause.
    public struct Category: Sendable, Hashable {
        /// `其他运转类`, `特定目标类`.
        public let name: String
        public let projectCount: Int
        /// 万元, verbatim.
        public let amount: EnteredNumber
    }

    public let text: String
    public let line: Int
    public let year: Int?
    /// N: 纳入绩效目标管理的二级项目个数.
    public let projectCount: Int
    /// Y: 共计金额 in 万元, verbatim.
    public let amount: EnteredNumber?
    /// The 其中 split, in printed order; empty when the sentence has none.
    public let categories: [Category]

    public init?(_ text: String, line: Int) {
        let plain = SentenceText.normalize(text)
        guard let count = plain.firstMatch(of: SentenceText.budgetProjectCount),
            let projects = Int(count.output.1)
        else { return nil }
        self.text = text
        self.line = line
        year = SentenceText.year(in: plain)
        projectCount = projects
        let rest = plain[count.range.upperBound...]
        let total = rest.firstMatch(of: SentenceText.involvedAmount)
        amount = total.map { SentenceText.tenThousands(String($0.output.1), unit: String($0.output.2)) }
        // The split is the first 其中 clause, up to the end of its sentence (a second, repeated one may follow).
        var categories: [Category] = []
        if let among = rest.firstRange(of: "其中") {
            let clause = rest[among.upperBound...].prefix { $0 != "。" }
            for match in clause.matches(of: SentenceText.category) {
                guard let n = Int(match.output.2) else { continue }
                let name = String(match.output.1).trimmed
                categories.append(
                    Category(
                        name: name.hasSuffix("项目") ? String(name.dropLast(2)) : name, projectCount: n,
                        amount: SentenceText.tenThousands(String(match.output.3), unit: String(match.output.4))))
            }
        }
        self.categories = categories
    }
}

/// A project's scores narrated in prose, one sentence of it: “社保卡项目预算执行情况得分10分，绩效指标完成情况得分
/// 88分，总分98分。” The project is the one named in the sentence, or else in the sentences and lines before it
/// (`context`), or the form the sentence is printed in (its 自评结果分析); `Disclosure.form(narratedBy:)`
/// resolves it against the document's forms.
public struct ScoreNarration: Sendable, Hashable {
    /// Which score a narrated figure states.
    public enum Part: String, Sendable, Hashable, CaseIterable {
        /// 预算执行情况得分: the 资金总额 row's 得分.
        case execution
        /// 指标完成情况得分: Σ 得分 of the indicator rows.
        case indicators
        /// 产出指标 / 效益指标 / 满意度指标得分: Σ 得分 of the rows of that 一级指标.
        case output, benefit, satisfaction
        /// 总分, 自评得分.
        case total

        public var label: String {
            switch self {
            case .execution: "预算执行情况得分"
            case .indicators: "指标完成情况得分"
            case .output: "产出指标得分"
            case .benefit: "效益指标得分"
            case .satisfaction: "满意度指标得分"
            case .total: "总分"
            }
        }

        /// The 一级指标 whose rows the part sums; nil for the parts that are not one level's.
        public var level1: String? {
            switch self {
            case .output: "产出"
            case .benefit: "效益"
            case .satisfaction: "满意度"
            default: nil
            }
        }

        init(phrase: Substring) {
            self =
                if phrase.hasPrefix("预算执行") { .execution } else if phrase.hasPrefix("产出") {
                    .output
                } else if phrase.hasPrefix("效益") { .benefit } else if phrase.hasPrefix("满意度") {
                    .satisfaction
                } else if phrase.contains("指标") { .indicators } else { .total }
        }
    }

    /// The sentence as printed.
    public let text: String
    /// Source line of the sentence.
    public let line: Int
    /// The text a project name is looked for in, nearest first: the sentence, the sentences before it on its
    /// line, the lines before that.
    public let context: [String]
    /// Each figure stated, in printed order (the first of each part).
    public let scores: [Part: EnteredNumber]

    /// The narrated sentences of `text` (a line, or a paragraph wrapped over lines); a sentence about the
    /// department as a whole (部门整体) is not a project's.
    static func read(_ text: String, line: Int, before: [String]) -> [ScoreNarration] {
        var narrations: [ScoreNarration] = []
        var earlier: [String] = []
        for sentence in text.split(whereSeparator: { "。；;\t".contains($0) }).map(String.init) {
            defer { earlier.insert(sentence, at: 0) }
            let plain = SentenceText.normalize(sentence)
            guard !plain.contains("部门整体") else { continue }
            var scores: [Part: EnteredNumber] = [:]
            for match in plain.matches(of: SentenceText.narratedScore) {
                let part = Part(phrase: match.output.1)
                if scores[part] == nil { scores[part] = EnteredNumber(String(match.output.2)) }
            }
            guard !scores.isEmpty else { continue }
            narrations.append(
                ScoreNarration(text: sentence, line: line, context: [sentence] + earlier + before, scores: scores))
        }
        return narrations
    }
}

/// Finding the sentences in a document's running text.
public enum DisclosureSentences {
    /// Every summary and budget sentence in `lines`. A sentence that PDF extraction wrapped over a few lines
    /// is read from its first line joined with the next ones until it ends (。) or three lines have been added.
    /// Every summary and budget sentence in `lines`, and every narration of a project's scores. A sentence
    /// that PDF extraction wrapped over a few lines is read from its first line joined with the next ones
    /// until it ends (。) or three lines have been added; a summary sentence whose grade counts follow in the
    /// next sentence (“…涉及资金X万元。自评结果为：…”) is read with that sentence.
    public static func find(
        in lines: [DocumentLine]
    ) -> (summary: [SummarySentence], budget: [BudgetSentence], narrations: [ScoreNarration]) {
        var summary: [SummarySentence] = []
        var budget: [BudgetSentence] = []
        var narrations: [ScoreNarration] = []
        for (index, line) in lines.enumerated() {
            let plain = SentenceText.normalize(line.text)
            let isSummary = SentenceText.selfEvaluationCount(in: plain) != nil
            let isBudget = plain.contains(SentenceText.budgetProjectCount)
            let isNarration = plain.contains(SentenceText.narratedScore)
            guard isSummary || isBudget || isNarration else { continue }
            var text = line.text.trimmed
            for next in lines[(index + 1)...].prefix(3) {
                let more = next.text.trimmed
                let continues =
                    !text.hasSuffix("。") && !text.contains("。其中")
                    || isSummary && SentenceText.gradeCounts(in: text[...]).isEmpty
                        && more.hasPrefix(SentenceText.gradeResultOpening)
                if more.isEmpty || !continues { break }
                text += more
            }
            if isSummary, let sentence = SummarySentence(text, line: line.number) { summary.append(sentence) }
            if isBudget, let sentence = BudgetSentence(text, line: line.number) { budget.append(sentence) }
            if isNarration && !isSummary && !isBudget {
                // A table row (cells joined by tabs) is read alone: the rows after it are other cells.
                let before = lines[..<index].reversed().prefix(3).map(\.text.trimmed).filter { !$0.isEmpty }
                narrations += ScoreNarration.read(
                    line.text.contains("\t") ? line.text.trimmed : text, line: line.number, before: before)
            }
        }
        return (summary, budget, narrations)
    }
}

/// The phrases the two sentences are read by. Digits are `[0-9]`, not `\d`, which also matches 万 (a numeric
/// character in Unicode).
///
/// Stored once, as every pattern of the catalogue is: evaluating a regex literal parses and compiles it again
/// (that was most of `jixiao check`'s time). `Regex` is not `Sendable`, but a stored one is immutable and
/// caches its compiled program atomically (`Regex.Program.loweredProgram`), so several threads may match it.
enum SentenceText {
    /// 自评个数 named before the count: “二级项目绩效自评个数6个”, “开展绩效自评的一级项目共3个”.
    nonisolated(unsafe) static let countAfterPhrase: Regex<(Substring, Substring)> =
        /(?:绩效自评(?:项目)?个数|绩效自评的(?:[一二]级)?项目)(?:为|共|共计)?\s*([0-9]+)\s*个/
    /// 自评个数 named after the count: “对5个二级项目开展了绩效自评”, “共5个一级项目开展绩效自评”.
    nonisolated(unsafe) static let countBeforePhrase: Regex<(Substring, Substring)> =
        /(?:对|共)\s*([0-9]+)\s*个(?:[一二]级)?项目(?:开展|进行)(?:了)?(?:项目支出)?绩效自评/
    nonisolated(unsafe) static let budgetProjectCount: Regex<(Substring, Substring)> =
        /纳入(?:项目支出)?绩效目标管理的(?:[一二]级)?项目(?:共|共计)?\s*([0-9]+)\s*个/
    /// 涉及资金, 共计金额, or plain 资金 (“共3个，资金1234.56万元”).
    nonisolated(unsafe) static let involvedAmount: Regex<(Substring, Substring, Substring)> =
        /(?:(?:涉及|共计|合计)(?:项目)?(?:资金|金额)|资金)(?:共|共计|合计)?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(万元|元)/
    /// How a sentence of grade counts that follows the summary sentence opens.
    static let gradeResultOpening = "自评结果"
    /// A score narrated in prose: “预算执行情况得分10分”, “指标完成情况得分88分”, “产出指标得分48分”, “总分98分”,
    /// “自评得分为95.5分”. Group 1 names the part, group 2 is the score.
    nonisolated(unsafe) static let narratedScore: Regex<(Substring, Substring, Substring)> =
        /(预算执行(?:情况|率)?|(?:产出|效益|满意度)?(?:绩效)?指标(?:完成情况)?|自评总分|总分|自评(?:总)?得分|综合得分|总得分)(?:[（(][^）)]*[）)])?(?:的)?(?:得分)?(?:为|是)?[：:]?\s*([0-9]+(?:\.[0-9]+)?)\s*分/
    nonisolated(unsafe) static let category: Regex<(Substring, Substring, Substring, Substring, Substring)> =
        /(?:^|[：:；;，,、])\s*([^：:；;，,、。0-9]+?)([0-9]+)\s*个[，,]?\s*涉及(?:项目)?(?:资金|金额)\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(万元|元)/
    nonisolated(unsafe) static let yearPrefix: Regex<(Substring, Substring)> = /([0-9]{4})\s*年/
    /// A grade named in a clause: quoted (“优”), after 等级为/结果为, before 等级/级 (优秀等级), or right before
    /// its count (优5个).
    nonisolated(unsafe) static let gradeWord: Regex<(Substring, Substring?, Substring?, Substring?)> =
        /[“"‘「『]\s*(优|良|中|差)\s*[”"’」』]|(?:等级|结果)(?:为|是)[：:]?\s*(优|良|中|差)|(优|良|中|差)(?:秀|好|等)?(?:等级|级|(?=\s*[0-9]+\s*个))/
    nonisolated(unsafe) static let projectCount: Regex<(Substring, Substring)> = /([0-9]+)\s*个/

    /// Full-width digits, points and commas to ASCII.
    static func normalize(_ text: String) -> String { DecimalText.normalizeDigits(text) }

    /// The 自评个数 of a summary sentence and where the text after it begins; nil when `text` names none.
    static func selfEvaluationCount(in text: String) -> (count: Int?, end: String.Index)? {
        let matches = [text.firstMatch(of: countAfterPhrase), text.firstMatch(of: countBeforePhrase)].compactMap { $0 }
        guard let first = matches.min(by: { $0.range.lowerBound < $1.range.lowerBound }) else { return nil }
        return (Int(first.output.1), first.range.upperBound)
    }

    static func year(in text: String) -> Int? {
        text.firstMatch(of: yearPrefix).flatMap { Int($0.output.1) }
    }

    /// An amount as 万元: as printed when printed in 万元, converted (÷ 10 000) when printed in 元.
    static func tenThousands(_ number: String, unit: String) -> EnteredNumber {
        guard unit == "元", let value = DecimalText.parse(number) else { return EnteredNumber(number) }
        return EnteredNumber(DecimalText.plain(value / 10000))
    }

    /// Whether an exact amount equals a printed one at the printed precision: 774.639 is “774.64”, and
    /// “775” when the sentence rounds to whole 万元.
    static func equalAsPrinted(_ printed: EnteredNumber, _ exact: Decimal) -> Bool {
        guard let value = printed.value else { return false }
        let places =
            printed.text.firstIndex(of: ".").map { printed.text.distance(from: $0, to: printed.text.endIndex) - 1 } ?? 0
        return exact.rounded(places) == value
    }

    /// `5个项目自评等级为“优”，1个项目自评等级为“良”` and `其中优5个、良1个`: each clause that names one
    /// grade and one count. A clause naming grades without a count (“没有自评结果为“中”“差”的项目”) says
    /// nothing countable and is skipped; the first count of each grade wins.
    static func gradeCounts(in text: Substring) -> [Grade: Int] {
        var counts: [Grade: Int] = [:]
        for clause in text.split(whereSeparator: { "，,；;、。".contains($0) }) {
            let grades = clause.matches(of: gradeWord).compactMap { match -> Grade? in
                let word = match.output.1 ?? match.output.2 ?? match.output.3
                return word.flatMap { Grade(rawValue: String($0)) }
            }
            let numbers = clause.matches(of: projectCount)
            guard Set(grades).count == 1, numbers.count == 1, let grade = grades.first,
                let n = Int(numbers[0].output.1), counts[grade] == nil
            else { continue }
            counts[grade] = n
        }
        return counts
    }
}
