import Foundation

/// 涉及资金: which amount the summary sentence sums (docs/domain.md §8). No rule was found and the published
/// documents disagree: seed 003 sums 年初预算数, seed 000 全年执行数.
public enum InvolvedFunds: String, Sendable, Hashable, CaseIterable {
    /// Σ年初预算数 (目标申报数 of the 资金总额 rows).
    case declared
    /// Σ全年预算数.
    case fullYearBudget = "full-year-budget"
    /// Σ全年执行数: the default.
    case executed

    /// Chinese label.
    public var label: String {
        switch self {
        case .declared: "\(FieldVocabulary.Funds.initialBudget)（\(FieldVocabulary.Funds.declared.label)）"
        case .fullYearBudget: FieldVocabulary.Funds.fullYearBudget.label
        case .executed: FieldVocabulary.Funds.executed.label
        }
    }

    /// The 资金总额 column summed.
    var column: KeyPath<SelfEvaluation.FundsRow, EnteredNumber> {
        switch self {
        case .declared: \.declared
        case .fullYearBudget: \.fullYearBudget
        case .executed: \.executed
        }
    }
}

/// How many forms got each grade; `unreadable` counts printed grades that are none of 优/良/中/差.
public struct GradeCounts: Sendable, Hashable {
    public private(set) var counts: [Grade: Int] = [:]
    public private(set) var unreadable = 0

    init(_ grades: [Grade?]) {
        for grade in grades {
            if let grade { counts[grade, default: 0] += 1 } else { unreadable += 1 }
        }
    }

    public subscript(grade: Grade) -> Int { counts[grade, default: 0] }
}

/// The department summary a 决算公开 prints before its attached self-evaluations, one per unit and year:
/// "YYYY年二级项目绩效自评个数X个，涉及资金Y万元：A个项目自评等级为“优”，…".
///
/// X and A–D count the forms after removing exact duplicates (a published summary can count one form twice)
/// and use the recomputed grade (the grade of `FormScore.total`); the printed grades are counted beside
/// them. 涉及资金 is summed over the counted forms first and rounded to 2 places after (docs/domain.md §5): 280.165 →
/// 280.17, where rounding each term would give 280.16.
public struct DepartmentSummary: Sendable {
    public let policyID: String
    /// One per unit (预算单位 code, else name) and year, in order of first appearance.
    public let units: [UnitSummary]

    public init(_ forms: [SelfEvaluation], policy: ScoringPolicy) {
        policyID = policy.id
        var order: [String] = []
        var groups: [String: [Int]] = [:]
        for (index, form) in forms.enumerated() {
            let key = "\(form.year)|" + FormIdentity.unitKey(form.agency)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(index)
        }
        units = order.map { key in UnitSummary(forms: forms, indices: groups[key]!, policy: policy) }
    }
}

/// One unit's forms of one year.
public struct UnitSummary: Sendable {
    public let year: Int
    /// The unit as printed on its first form.
    public let unit: CodedName
    /// Every form of the unit and year, in input order, duplicates included (marked).
    public let entries: [Entry]

    /// A self-evaluation in the summary.
    public struct Entry: Sendable {
        /// Position in the summary's input.
        public let index: Int
        public let form: SelfEvaluation
        public let score: FormScore
        /// Input index of the earlier form this one is an exact copy of; such a form is not counted.
        public let duplicateOf: Int?

        public var isCounted: Bool { duplicateOf == nil }

        /// The form's 资金总额 amount (Σ of the source rows when that cell is blank); nil when unreadable.
        /// The amount in 万元 (the sentence's unit), whatever unit the form is printed in.
        public func amount(_ funds: InvolvedFunds) -> Decimal? {
            ExecutionScore.amount(form.funds, funds.column, in: form.amountUnit).map {
                form.amountUnit.convert($0, to: .wanYuan)
            }
        }
    }

    /// The policy the forms are scored under (its grade labels name the grades in the sentence).
    public let policy: ScoringPolicy

    init(forms: [SelfEvaluation], indices: [Int], policy: ScoringPolicy) {
        self.policy = policy
        let first = forms[indices[0]]
        year = first.year
        unit = first.agency
        let duplicateOf = FormDuplicates.copies(in: indices.map { .selfEvaluation(forms[$0]) })
            .mapValues { indices[$0] }
        entries = indices.enumerated().map { position, index in
            Entry(
                index: index, form: forms[index], score: FormScore(forms[index], policy: policy),
                duplicateOf: duplicateOf[position])
        }
    }

    /// The forms counted: duplicates removed.
    public var counted: [Entry] { entries.filter(\.isCounted) }

    /// X: the number of forms counted.
    public var formCount: Int { counted.count }

    public var printedGrades: GradeCounts { GradeCounts(counted.map(\.score.printedGrade)) }
    public var recomputedGrades: GradeCounts { GradeCounts(counted.map(\.score.grade)) }

    /// Σ of one amount over the counted forms, rounded to 2 places after summing; unreadable amounts are left
    /// out (see `unreadable(_:)`).
    public func total(_ funds: InvolvedFunds) -> Decimal { sum(funds).round2 }

    /// Σ of one amount over the counted forms, unrounded.
    public func sum(_ funds: InvolvedFunds) -> Decimal {
        counted.reduce(Decimal(0)) { $0 + ($1.amount(funds) ?? 0) }
    }

    /// Counted forms whose amount cannot be read.
    public func unreadable(_ funds: InvolvedFunds) -> [Entry] { counted.filter { $0.amount(funds) == nil } }

    /// The summary sentence, from the recomputed grades.
    public func sentence(funds: InvolvedFunds) -> String {
        let grades = recomputedGrades
        let counts = Grade.allCases.map { "\(grades[$0])个项目自评等级为“\(policy.label(of: $0))”" }.joined(separator: "，")
        return "\(year)年二级项目绩效自评个数\(formCount)个，涉及资金\(DecimalText.fixed(total(funds)))万元：\(counts)。"
    }

    /// What a reviewer must know before publishing the sentence, in Chinese: duplicates that inflate the
    /// counts, amounts left out, grades that change on recomputation.
    public var warnings: [String] {
        var notes: [String] = []
        let copies = Dictionary(
            grouping: entries.compactMap { entry in entry.duplicateOf.map { ($0, entry) } }, by: \.0)
        for original in entries where copies[original.index] != nil {
            let extra = copies[original.index]!.count
            notes.append("“\(original.form.project)”有 \(extra + 1) 张内容完全相同的自评表，只计 1 个；按附表张数计数会多计 \(extra) 个项目")
        }
        let sameProject = Dictionary(grouping: counted, by: { FormIdentity(.selfEvaluation($0.form)).project })
        for entry in counted {
            guard let group = sameProject[FormIdentity(.selfEvaluation(entry.form)).project], group.count > 1,
                group[0].index == entry.index
            else { continue }
            notes.append("“\(entry.form.project)”有 \(group.count) 张内容不同的自评表，都已计入个数和涉及资金：请核对是否重复填报")
        }
        for funds in InvolvedFunds.allCases {
            for entry in unreadable(funds) {
                notes.append(
                    "“\(entry.form.project)”的\(funds.label)“\(entry.form.funds.total[keyPath: funds.column].text)”无法读取，未计入该口径的合计"
                )
            }
        }
        for entry in counted where entry.score.isUnscored {
            notes.append("“\(entry.form.project)”未评分（表上得分和总分都为空），计入个数和涉及资金，不计入任何等级")
        }
        for entry in counted {
            guard let printed = entry.score.printedGrade, printed != entry.score.grade else { continue }
            let recomputed = entry.score.gradeLabel
            notes.append(
                "“\(entry.form.project)”表上等级“\(entry.score.policy.label(of: printed))”（总分 \(entry.form.printedTotal.text)），重算为“\(recomputed)”（\(DecimalText.fixed(entry.score.total))）；汇总句按重算等级计数"
            )
        }
        return notes
    }
}
