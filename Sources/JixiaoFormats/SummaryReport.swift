import Foundation
import JixiaoCore

/// `jixiao summary` output: the department summary of each unit and year, as Chinese text, JSON, CSV (one
/// record per form) or Markdown.
public struct SummaryReport: Sendable {
    public let policy: ScoringPolicy
    /// The amount the sentence sums.
    public let funds: InvolvedFunds
    public let summary: DepartmentSummary
    /// File of each self-evaluation, by its index in the summary's input.
    public let files: [String]
    /// Target tables found and left out (the summary counts self-evaluations).
    public let skippedTables: Int

    public init(forms: [LoadedForm], policy: ScoringPolicy, funds: InvolvedFunds) {
        let evaluations = forms.compactMap { item -> (String, SelfEvaluation)? in
            guard case .selfEvaluation(let form) = item.form else { return nil }
            return (item.file, form)
        }
        self.policy = policy
        self.funds = funds
        summary = DepartmentSummary(evaluations.map(\.1), policy: policy)
        files = evaluations.map(\.0)
        skippedTables = forms.count - evaluations.count
    }

    // MARK: The per-form table, shared by text, Markdown and CSV

    static let columns = [
        "项目", "年初预算数", "全年预算数", "全年执行数", "执行率(%)", "表上总分", "表上等级", "重算总分",
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
            DecimalText.fixed(entry.score.total), entry.score.grade.label, note,
        ]
    }

    static func gradeLine(_ counts: GradeCounts) -> String {
        let known = Grade.allCases.map { "\($0.label) \(counts[$0])" }.joined(separator: " / ")
        return counts.unreadable > 0 ? known + " / 无法识别 \(counts.unreadable)" : known
    }

    func fundsLine(_ unit: UnitSummary) -> String {
        InvolvedFunds.allCases.map { "\($0.label) \(DecimalText.fixed(unit.total($0)))" }.joined(separator: "；")
            + "（句中采用\(funds.label)）"
    }

    func heading(_ unit: UnitSummary) -> String { "\(unit.year)年度 \(unit.unit.text)" }

    // MARK: Text

    public func text() -> String {
        var lines = ["部门绩效自评汇总（评分政策：\(policy.name)；涉及资金口径：\(funds.label)）"]
        for unit in summary.units {
            lines += [
                "", "■ \(heading(unit))：\(unit.entries.count) 张自评表", "  " + unit.sentence(funds: funds),
                "  涉及资金（万元）：" + fundsLine(unit),
                "  自评等级：表上 \(Self.gradeLine(unit.printedGrades))；重算 \(Self.gradeLine(unit.recomputedGrades))",
            ]
            let rows =
                [["#"] + Self.columns]
                + unit.entries.enumerated().map { [String($0.offset + 1)] + Self.cells($0.element, in: unit) }
            lines += TextTable.render(rows, rightAligned: [0, 2, 3, 4, 5, 6, 8]).map { "  " + $0 }
            lines += unit.warnings.map { "  ⚠ " + $0 }
        }
        let count = summary.units.reduce(0) { $0 + $1.entries.count }
        lines += [
            "", "共 \(count) 张自评表、\(summary.units.count) 个单位年度" + (skippedTables > 0 ? "；跳过目标表 \(skippedTables) 张" : ""),
        ]
        return lines.joined(separator: "\n")
    }

    // MARK: Markdown

    public func markdown() -> String {
        var lines = ["# 部门绩效自评汇总", "", "评分政策：\(policy.name)；涉及资金口径：\(funds.label)。"]
        for unit in summary.units {
            lines += [
                "", "## \(Self.markdownCell(heading(unit)))", "", "> " + unit.sentence(funds: funds), "",
                "| 涉及资金口径 | 合计（万元） |", "|---|---:|",
            ]
            lines += InvolvedFunds.allCases.map {
                "| \($0.label)\($0 == funds ? "（句中采用）" : "") | \(DecimalText.fixed(unit.total($0))) |"
            }
            let printed = unit.printedGrades
            let recomputed = unit.recomputedGrades
            lines += [
                "", "| 自评等级 | " + Grade.allCases.map(\.label).joined(separator: " | ") + " | 无法识别 |",
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
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A table cell: `|` escaped, line breaks flattened.
    static func markdownCell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\r\n", with: " ")
            .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }

    // MARK: CSV

    /// One record per form, every unit; `计入汇总` says whether the form is counted (否: an exact duplicate).
    public func csv() -> String {
        var records = [["年度", "单位代码", "单位名称", "文件"] + Self.columns.dropLast() + ["计入汇总", "备注"]]
        for unit in summary.units {
            for entry in unit.entries {
                var cells = Self.cells(entry, in: unit)
                let note = cells.removeLast()
                records.append(
                    [String(unit.year), unit.unit.code ?? "", unit.unit.name, files[entry.index]]
                        + cells + [entry.isCounted ? "是" : "否", note])
            }
        }
        return CSVText.document(records)
    }

    // MARK: JSON

    public func json() -> JSONValue {
        .object([
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
            ("units", .array(summary.units.map(json))),
        ])
    }

    /// Grade and amount keys are the Swift case names (`excellent`, `fullYearBudget`).
    func json(_ unit: UnitSummary) -> JSONValue {
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
                ("grade", .string(entry.score.grade.label)),
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
