import Foundation
import JixiaoCore

/// The department summary of forms held in memory (`jixiao audit`: one document's forms). `jixiao summary`
/// streams instead (`SummaryStream`); both render units with `SummaryRendering`.
public struct SummaryReport: Sendable {
    public let rendering: SummaryRendering
    public let summary: DepartmentSummary
    /// File of each self-evaluation, by its index in the summary's input.
    public let files: [String]

    public init(forms: [LoadedForm], policy: ScoringPolicy, funds: InvolvedFunds) {
        let evaluations = forms.compactMap { item -> (String, SelfEvaluation)? in
            guard case .selfEvaluation(let form) = item.form else { return nil }
            return (item.file, form)
        }
        rendering = SummaryRendering(policy: policy, funds: funds)
        summary = DepartmentSummary(evaluations.map(\.1), policy: policy)
        files = evaluations.map(\.0)
    }

    /// A unit's JSON object (as in `jixiao summary --format json`).
    func json(_ unit: UnitSummary) -> JSONValue { rendering.json(unit, files: files) }
}

/// `jixiao summary` output, one unit and year at a time: Chinese text, JSON, CSV (one record per form) or
/// Markdown. `files` gives the file of each form by its index in the unit's summary input.
public struct SummaryRendering: Sendable {
    public enum Format: String, Sendable, CaseIterable { case text, json, csv, markdown }

    public let policy: ScoringPolicy
    /// The amount the sentence sums.
    public let funds: InvolvedFunds

    public init(policy: ScoringPolicy, funds: InvolvedFunds) {
        self.policy = policy
        self.funds = funds
    }

    // MARK: The per-form table, shared by text, Markdown and CSV

    static let columns = [
        "项目", FieldVocabulary.Funds.initialBudget, FieldVocabulary.Funds.fullYearBudget.label,
        FieldVocabulary.Funds.executed.label, FieldVocabulary.Funds.rate.label + "(%)", "表上总分", "表上等级", "重算总分",
        "重算等级", "备注",
    ]

    /// One form's cells under `columns`. Amounts in 万元 with every digit the form has.
    static func cells(_ entry: UnitSummary.Entry, in unit: UnitSummary) -> [String] {
        let amounts = InvolvedFunds.allCases.map { entry.amount($0).map { DecimalText.exact($0) } ?? "—" }
        let note =
            entry.duplicateOf.flatMap { original in unit.entries.firstIndex { $0.index == original } }
            .map { "与第 \($0 + 1) 张完全相同，未计入" } ?? ""
        return [entry.form.project] + amounts + [
            entry.score.execution.ratePercent.map { DecimalText.fixed($0) } ?? "—",
            entry.form.printedTotal.text, entry.form.printedGrade ?? "",
            DecimalText.fixed(entry.score.total), entry.score.gradeLabel, note,
        ]
    }

    /// `优 3 / 良 1 / 中 0 / 差 0`, then the forms without a grade: `无法识别` printed grades, `未评分` recomputed ones.
    static func gradeLine(_ counts: GradeCounts, policy: ScoringPolicy, missing: String = "无法识别") -> String {
        let known = Grade.allCases.map { "\(policy.label(of: $0)) \(counts[$0])" }.joined(separator: " / ")
        return counts.unreadable > 0 ? known + " / \(missing) \(counts.unreadable)" : known
    }

    func fundsLine(_ unit: UnitSummary) -> String {
        InvolvedFunds.allCases.map { "\($0.label) \(DecimalText.fixed(unit.total($0)))" }.joined(separator: "；")
            + "（句中采用\(funds.label)）"
    }

    func heading(_ unit: UnitSummary) -> String { "\(unit.year)年度 \(unit.unit.text)" }

    // MARK: Text

    func textHead() -> [String] { ["部门绩效自评汇总（评分政策：\(policy.name)；涉及资金口径：\(funds.label)）"] }

    func text(_ unit: UnitSummary) -> [String] {
        var lines = [
            "", "■ \(heading(unit))：\(unit.entries.count) 张自评表", "  " + unit.sentence(funds: funds),
            "  涉及资金（万元）：" + fundsLine(unit),
            "  自评等级：表上 \(Self.gradeLine(unit.printedGrades, policy: policy))；重算 \(Self.gradeLine(unit.recomputedGrades, policy: policy, missing: FormScore.unscoredLabel))",
        ]
        let rows =
            [["#"] + Self.columns]
            + unit.entries.enumerated().map { [String($0.offset + 1)] + Self.cells($0.element, in: unit) }
        lines += TextTable.render(rows, rightAligned: [0, 2, 3, 4, 5, 6, 8]).map { "  " + $0 }
        lines += unit.warnings.map { "  ⚠ " + $0 }
        return lines
    }

    func textTail(forms: Int, units: Int, skippedTables: Int) -> [String] {
        ["", "共 \(forms) 张自评表、\(units) 个单位年度" + (skippedTables > 0 ? "；跳过目标表 \(skippedTables) 张" : "")]
    }

    // MARK: Markdown

    func markdownHead() -> [String] { ["# 部门绩效自评汇总", "", "评分政策：\(policy.name)；涉及资金口径：\(funds.label)。"] }

    func markdown(_ unit: UnitSummary) -> [String] {
        var lines = [
            "", "## \(Self.markdownCell(heading(unit)))", "", "> " + unit.sentence(funds: funds), "",
            "| 涉及资金口径 | 合计（万元） |", "|---|---:|",
        ]
        lines += InvolvedFunds.allCases.map {
            "| \($0.label)\($0 == funds ? "（句中采用）" : "") | \(DecimalText.fixed(unit.total($0))) |"
        }
        let printed = unit.printedGrades
        let recomputed = unit.recomputedGrades
        lines += [
            "", "| 自评等级 | " + Grade.allCases.map(policy.label(of:)).joined(separator: " | ") + " | 无法识别 / 未评分 |",
            "|---|" + String(repeating: "---:|", count: Grade.allCases.count + 1),
            "| 表上 | " + Grade.allCases.map { String(printed[$0]) }.joined(separator: " | ")
                + " | \(printed.unreadable) |",
            "| 重算 | " + Grade.allCases.map { String(recomputed[$0]) }.joined(separator: " | ")
                + " | \(recomputed.unreadable) |",
            "", "| # | " + Self.columns.joined(separator: " | ") + " |",
            "|---:|---|" + String(repeating: "---:|", count: Self.columns.count - 2) + "---|",
        ]
        lines += unit.entries.enumerated().map { position, entry in
            "| \(position + 1) | " + Self.cells(entry, in: unit).map(Self.markdownCell).joined(separator: " | ")
                + " |"
        }
        if !unit.warnings.isEmpty { lines += [""] + unit.warnings.map { "- ⚠ " + Self.markdownCell($0) } }
        return lines
    }

    /// A table cell: `|` escaped, line breaks flattened.
    static func markdownCell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\r\n", with: " ")
            .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }

    // MARK: CSV

    static let csvHeader = ["年度", "单位代码", "单位名称", "文件"] + columns.dropLast() + ["计入汇总", "备注"]

    /// One record per form; `计入汇总` says whether the form is counted (否: an exact duplicate).
    func csv(_ unit: UnitSummary, files: [String]) -> [[String]] {
        unit.entries.map { entry in
            var cells = Self.cells(entry, in: unit)
            let note = cells.removeLast()
            return [String(unit.year), unit.unit.code ?? "", unit.unit.name, files[entry.index]]
                + cells + [entry.isCounted ? "是" : "否", note]
        }
    }

    // MARK: JSON

    /// The members before `units`.
    var jsonHead: [(String, JSONValue)] {
        [
            ("tool", .string("jixiao")),
            ("version", .string(JixiaoInfo.version)),
            (
                "policy",
                .object([
                    ("id", .string(policy.id)), ("name", .string(policy.name)),
                    ("version", .string(policy.version)),
                ])
            ),
            ("funds", .string(funds.rawValue)),
        ]
    }

    /// Grade and amount keys are the Swift case names (`excellent`, `fullYearBudget`).
    func json(_ unit: UnitSummary, files: [String]) -> JSONValue {
        func grades(_ counts: GradeCounts) -> JSONValue {
            .object(Grade.allCases.map { ("\($0)", .int(counts[$0])) } + [("unreadable", .int(counts.unreadable))])
        }
        let entries: [JSONValue] = unit.entries.map { entry in
            .object([
                ("file", .string(files[entry.index])),
                ("project", .string(entry.form.project)),
                ("counted", .bool(entry.isCounted)),
                ("duplicateOf", .text(entry.duplicateOf.map { files[$0] })),
                ("declared", Self.amount(entry.amount(.declared))),
                ("fullYearBudget", Self.amount(entry.amount(.fullYearBudget))),
                ("executed", Self.amount(entry.amount(.executed))),
                ("executionRate", .decimal(entry.score.execution.ratePercent)),
                ("printedTotal", .string(entry.form.printedTotal.text)),
                ("printedGrade", .text(entry.form.printedGrade)),
                ("total", .decimal(entry.score.total)),
                ("grade", .text(entry.score.grade.map(entry.score.policy.label(of:)))),
                ("unscored", .bool(entry.score.isUnscored)),
            ])
        }
        return .object([
            ("year", .int(unit.year)),
            ("unit", .string(unit.unit.text)),
            ("unitCode", .text(unit.unit.code)),
            ("unitName", .string(unit.unit.name)),
            ("forms", .int(unit.formCount)),
            ("duplicatesRemoved", .int(unit.entries.count - unit.formCount)),
            ("sentence", .string(unit.sentence(funds: funds))),
            ("involvedFunds", .decimal(unit.total(funds))),
            ("totals", .object(InvolvedFunds.allCases.map { ("\($0)", .decimal(unit.total($0))) })),
            (
                "grades",
                .object([("printed", grades(unit.printedGrades)), ("recomputed", grades(unit.recomputedGrades))])
            ),
            ("warnings", .array(unit.warnings.map { .string($0) })),
            ("entries", .array(entries)),
        ])
    }

    /// A form's own amount, with every digit it has (`"26.149"`).
    static func amount(_ value: Decimal?) -> JSONValue { value.map { .string(DecimalText.exact($0)) } ?? .null }
}

/// `jixiao summary` over a form source, memory flat in the number of forms: a first pass reads every form (on
/// every core) and keeps only its unit and year; then each unit's forms are read again, summarised and
/// written, in order of the units' first appearance, before the next unit's are read.
public struct SummaryStream: Sendable {
    public let rendering: SummaryRendering
    public let format: SummaryRendering.Format

    public init(policy: ScoringPolicy, funds: InvolvedFunds, format: SummaryRendering.Format) {
        rendering = SummaryRendering(policy: policy, funds: funds)
        self.format = format
    }

    public struct Outcome: Sendable {
        /// Inputs that are not readable forms, in source order.
        public var unreadable: [FormFileError] = []
        public var units = 0
        public var selfEvaluations = 0
        public var skippedTables = 0
    }

    /// Summarises the self-evaluations of `source` into `output`; writes nothing when there is none.
    public func write(_ source: some FormSource, to output: inout some TextOutputStream) -> Outcome {
        var outcome = Outcome()
        var order: [String] = []
        var units: [String: [Int]] = [:]
        let keys = FormPipeline(source) { form, _, _ -> String? in
            guard case .selfEvaluation(let evaluation) = form else { return nil }
            return "\(evaluation.year)|" + FormIdentity.unitKey(evaluation.agency)
        }
        for item in keys {
            switch item {
            case .unreadable(_, let error): outcome.unreadable.append(error)
            case .form(_, _, nil): outcome.skippedTables += 1
            case .form(let position, _, let key?):
                if units[key] == nil { order.append(key) }
                units[key, default: []].append(position)
                outcome.selfEvaluations += 1
            }
        }
        outcome.units = order.count
        guard outcome.units > 0 else { return outcome }
        write(head(), to: &output)
        let members = order.map { units[$0] ?? [] }
        var unit = 0
        var left = members[0].count
        var forms: [SelfEvaluation] = []
        var files: [String] = []
        var written = 0
        for item in FormPipeline(source, positions: members.flatMap { $0 }, prepare: { form, _, _ in form }) {
            switch item {
            case .unreadable(_, let error): outcome.unreadable.append(error)
            case .form(let position, _, let form):
                if case .selfEvaluation(let evaluation) = form {
                    forms.append(evaluation)
                    files.append(source.label(at: position))
                }
            }
            left -= 1
            guard left == 0 else { continue }
            if let summary = DepartmentSummary(forms, policy: rendering.policy).units.first {
                write(body(summary, files: files, first: written == 0), to: &output)
                written += 1
            }
            forms = []
            files = []
            unit += 1
            left = unit < members.count ? members[unit].count : -1
        }
        write(tail(outcome, written: written), to: &output)
        return outcome
    }

    private func write(_ lines: [String], to output: inout some TextOutputStream) {
        for line in lines { output.write(line) }
    }

    /// The parts of the report, each already ended (lines end with a line break).
    func head() -> [String] {
        switch format {
        case .text: rendering.textHead().map { $0 + "\n" }
        case .markdown: rendering.markdownHead().map { $0 + "\n" }
        case .csv: [CSVText.record(SummaryRendering.csvHeader)]
        case .json: ["{" + JSONValue.members(rendering.jsonHead, indent: 0) + ",\n  \"units\": ["]
        }
    }

    func body(_ unit: UnitSummary, files: [String], first: Bool) -> [String] {
        switch format {
        case .text: rendering.text(unit).map { $0 + "\n" }
        case .markdown: rendering.markdown(unit).map { $0 + "\n" }
        case .csv: rendering.csv(unit, files: files).map(CSVText.record)
        case .json: [JSONValue.element(rendering.json(unit, files: files).rendered(indent: 2), first: first, indent: 1)]
        }
    }

    func tail(_ outcome: Outcome, written: Int) -> [String] {
        switch format {
        case .text:
            rendering.textTail(
                forms: outcome.selfEvaluations, units: outcome.units, skippedTables: outcome.skippedTables
            ).map { $0 + "\n" }
        case .markdown, .csv: []
        case .json: [JSONValue.endOfArray(empty: written == 0, indent: 1) + "\n}\n"]
        }
    }
}
