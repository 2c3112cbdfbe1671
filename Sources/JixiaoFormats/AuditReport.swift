import Foundation
import JixiaoCore

/// `jixiao audit`: one published 决算/预算公开 document imported, every form scored and checked (the form
/// rules and the document rules), and the document's own summary sentences compared with its forms — as
/// Chinese text, Markdown or JSON (documented in docs/audit-report.md).
public struct AuditReport: Sendable {
    public let document: String
    public let imported: ImportResult
    public let disclosure: Disclosure
    /// The catalogue over this document's forms first, then the companions'.
    public let check: CheckReport
    /// The findings about this document: its forms' (cross-form ones included) and its sentences'.
    public let findings: [Finding]
    /// The department summary recomputed from the forms, with 涉及资金 in the definition the document's
    /// sentence uses (全年执行数 when it matches none).
    public let summary: SummaryReport

    /// Audits `imported`, read from `document`. `companions` are the forms of the other documents audited with
    /// it, so that cross-form rules see them: a 决算公开's self-evaluations against the same year's 预算公开
    /// target tables (XF.TGSE.*), the same form published in two documents (XF.DUP.010).
    public init(
        document: String, imported: ImportResult, policy: ScoringPolicy,
        configuration: CheckConfiguration = CheckConfiguration(), companions: [LoadedForm] = []
    ) {
        self.document = document
        self.imported = imported
        let loaded = AuditReport.loadedForms(document: document, imported: imported)
        let disclosure = Disclosure(
            document: document, forms: imported.forms.map(\.form),
            summarySentences: imported.summarySentences, budgetSentences: imported.budgetSentences,
            scoreNarrations: imported.scoreNarrations)
        self.disclosure = disclosure
        check = CheckReport(
            forms: loaded + companions, policy: policy, configuration: configuration, disclosure: disclosure)
        findings = check.findings.filter { ($0.location.formIndex ?? 0) < loaded.count }
        let sentenceFunds = disclosure.summarySentences.indices.lazy.compactMap { index in
            disclosure.summaryTally(index, policy: policy).flatMap {
                disclosure.summarySentences[index].matchingDefinitions($0).first
            }
        }.first
        summary = SummaryReport(forms: loaded, policy: policy, funds: sentenceFunds ?? .executed)
    }

    /// The forms of an import as the reports name them: `document 第 684–715 行`.
    public static func loadedForms(document: String, imported: ImportResult) -> [LoadedForm] {
        imported.forms.map { LoadedForm(file: "\(document) \($0.origin)", form: $0.form) }
    }

    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }

    /// Whether the exit code signals failure: an error-level finding or a part that could not be read.
    public var fails: Bool { count(.error) > 0 || !imported.unreadable.isEmpty }

    var selfEvaluationCount: Int {
        imported.forms.filter { if case .selfEvaluation = $0.form { true } else { false } }.count
    }

    /// The findings of the document rules about one sentence (`summarySentences[0]`).
    func findings(about sentencePath: String) -> [Finding] {
        check.documentFindings.filter { $0.location.fieldPath?.hasPrefix(sentencePath + ".") == true }
    }

    static func grades(_ count: (Grade) -> Int?) -> String {
        Grade.allCases.map { "\($0.label) \(count($0).map(String.init) ?? "—")" }.joined(separator: "、")
    }

    /// `第 684–715 行` (text), `第 14 页第 2 行 至 第 15 页第 30 行` (PDF).
    func lineRange(_ form: ImportedForm) -> String {
        form.lines.map(imported.place(ofLines:)) ?? form.origin
    }

    /// A finding as a line of the report, its source line named where the user looks (page and line of a PDF).
    func describe(_ finding: Finding) -> String {
        CheckReport.text(finding, place: imported.place(ofLine:))
    }

    // MARK: The sentences, in words (shared by text and Markdown)

    /// What a summary sentence claims and what the forms give, one line per figure.
    func comparison(ofSummary index: Int) -> [String] {
        let sentence = disclosure.summarySentences[index]
        guard let tally = disclosure.summaryTally(index, policy: check.policy) else {
            return ["文档中没有读出该句所指的自评表，无法核对"]
        }
        let duplicates = tally.entries.count - tally.formCount
        var lines = [
            "自评个数：句中 \(sentence.formCount.map(String.init) ?? "—")；读出的自评表 \(tally.formCount) 张"
                + (duplicates > 0 ? "（另有 \(duplicates) 张完全相同的重复表未计）" : "")
        ]
        lines.append(
            "等级：句中 \(Self.grades { sentence.grades[$0] })；表上 \(Self.grades { tally.printedGrades[$0] })；重算 \(Self.grades { tally.recomputedGrades[$0] })"
        )
        let totals = InvolvedFunds.allCases.map { "\($0.label) \(DecimalText.fixed(tally.total($0)))" }.joined(
            separator: "、")
        let matching = sentence.matchingDefinitions(tally)
        let verdict =
            matching.isEmpty
            ? "与三种口径都不相等"
            : "与“" + matching.map(\.label).joined(separator: "”“") + "”口径一致"
        lines.append("涉及资金：句中 \(sentence.involvedFunds?.text ?? "—") 万元；附表合计 \(totals)（万元）→ \(verdict)")
        lines.append("按重算结果应为：" + recomputedSentence(tally, matching: matching))
        return lines
    }

    func recomputedSentence(_ tally: UnitSummary, matching: [InvolvedFunds]) -> String {
        tally.sentence(funds: matching.first ?? .executed)
    }

    func comparison(ofBudget index: Int) -> [String] {
        let sentence = disclosure.budgetSentences[index]
        guard let tally = disclosure.budgetTally(index) else { return ["文档中没有读出该句所指的目标表，无法核对"] }
        let totals = BudgetFunds.allCases.map { "\($0.label) \(DecimalText.fixed(tally.total($0)))" }.joined(
            separator: "、")
        let matching = sentence.matchingDefinitions(tally)
        let verdict = matching.isEmpty ? "与两种合计都不相等" : "与“" + matching.map(\.label).joined(separator: "”“") + "”合计一致"
        var lines = [
            "项目个数：句中 \(sentence.projectCount)；读出的目标表 \(tally.projectCount) 张",
            "共计金额：句中 \(sentence.amount?.text ?? "—") 万元；目标表合计 \(totals)（万元）→ \(verdict)",
        ]
        if !sentence.categories.isEmpty {
            lines.append(
                "其中："
                    + sentence.categories.map { "\($0.name) \($0.projectCount) 个 \($0.amount.text) 万元" }.joined(
                        separator: "；"))
        }
        return lines
    }

    // MARK: Text

    public func text() -> String {
        var lines = [
            "■ \(document)（评分政策：\(check.policy.name)）",
            "  读出 \(selfEvaluationCount) 张自评表、\(imported.forms.count - selfEvaluationCount) 张目标表；无法读取 \(imported.unreadable.count) 处。",
        ]
        for (index, sentence) in disclosure.summarySentences.enumerated() {
            lines += ["", "  汇总句（\(imported.place(ofLine: sentence.line))）：\(sentence.text)"]
            lines += comparison(ofSummary: index).map { "    " + $0 }
            lines += findings(about: "summarySentences[\(index)]").map { "    " + describe($0) }
        }
        for (index, sentence) in disclosure.budgetSentences.enumerated() {
            lines += ["", "  预算公开汇总句（\(imported.place(ofLine: sentence.line))）：\(sentence.text)"]
            lines += comparison(ofBudget: index).map { "    " + $0 }
            lines += findings(about: "budgetSentences[\(index)]").map { "    " + describe($0) }
        }
        for (index, narration) in disclosure.scoreNarrations.enumerated() {
            let about = findings(about: "scoreNarrations[\(index)]")
            guard !about.isEmpty else { continue }
            lines += ["", "  得分叙述（\(imported.place(ofLine: narration.line))）：\(narration.text)"]
            lines += about.map { "    " + describe($0) }
        }
        if disclosure.summarySentences.isEmpty && disclosure.budgetSentences.isEmpty {
            lines += ["", "  文档中没有找到“二级项目绩效自评个数…”或“纳入绩效目标管理的二级项目…”汇总句。"]
        }
        lines += ["", "  表单："]
        for (index, form) in imported.forms.enumerated() {
            lines.append(
                "    \(index + 1). \(form.form.project)（\(form.form.year)年度，\(lineRange(form))）"
                    + scoreLine(form.form))
            lines += findings.filter { $0.location.formIndex == index }.map { "       " + describe($0) }
        }
        if !imported.unreadable.isEmpty {
            lines += ["", "  无法读取："]
            lines += imported.unreadable.map {
                "    \($0.line.map(imported.place(ofLine:)) ?? $0.location)：\($0.reason)"
            }
        }
        lines += ["", "  共：错误 \(count(.error)) 条，警告 \(count(.warning)) 条，提示 \(count(.notice)) 条。"]
        return lines.joined(separator: "\n")
    }

    /// `：执行率 53.92%，总分 表上 85.39（良），重算 85.39（良）` for a self-evaluation; empty for a target table.
    func scoreLine(_ form: Form) -> String {
        guard case .selfEvaluation(let evaluation) = form else { return "：目标表" }
        let score = FormScore(evaluation, policy: check.policy)
        let rate = score.execution.ratePercent.map { DecimalText.fixed($0) + "%" } ?? "—"
        return
            "：执行率 \(rate)，总分 表上 \(evaluation.printedTotal.text)（\(evaluation.printedGrade ?? "无等级")），重算 \(DecimalText.fixed(score.total))（\(score.gradeLabel)）"
    }

    // MARK: Markdown

    public func markdown() -> String {
        let cell = SummaryRendering.markdownCell
        var lines = [
            "# 公开文档审查：\(cell(document))", "",
            "评分政策：\(check.policy.name)。读出 \(selfEvaluationCount) 张自评表、\(imported.forms.count - selfEvaluationCount) 张目标表；无法读取 \(imported.unreadable.count) 处；"
                + "错误 \(count(.error)) 条，警告 \(count(.warning)) 条，提示 \(count(.notice)) 条。",
        ]
        func section(_ title: String, _ sentence: String, _ comparison: [String], _ findings: [Finding]) {
            lines += ["", "## \(title)", "", "> \(sentence)", ""] + comparison.map { "- " + $0 }
            lines += findings.map { "- " + cell(describe($0)) }
        }
        for (index, sentence) in disclosure.summarySentences.enumerated() {
            section(
                "汇总句（\(imported.place(ofLine: sentence.line))）", sentence.text, comparison(ofSummary: index),
                findings(about: "summarySentences[\(index)]"))
        }
        for (index, sentence) in disclosure.budgetSentences.enumerated() {
            section(
                "预算公开汇总句（\(imported.place(ofLine: sentence.line))）", sentence.text, comparison(ofBudget: index),
                findings(about: "budgetSentences[\(index)]"))
        }
        for (index, narration) in disclosure.scoreNarrations.enumerated() {
            let about = findings(about: "scoreNarrations[\(index)]")
            guard !about.isEmpty else { continue }
            section("得分叙述（\(imported.place(ofLine: narration.line))）", narration.text, [], about)
        }
        lines += ["", "## 表单", "", "| # | 项目 | 年度 | 位置 | 评分 | 发现 |", "|---|---|---|---|---|---|"]
        for (index, form) in imported.forms.enumerated() {
            let own = findings.filter { $0.location.formIndex == index }
            let found = own.map { "\($0.ruleID) \($0.severity.label)" }.joined(separator: "<br>")
            lines.append(
                "| \(index + 1) | \(cell(form.form.project)) | \(form.form.year) | \(lineRange(form)) | \(cell(String(scoreLine(form.form).dropFirst()))) | \(found.isEmpty ? "—" : found) |"
            )
        }
        let formFindings = findings.filter { $0.location.formIndex != nil }
        if !formFindings.isEmpty {
            lines += ["", "## 发现", ""]
            lines += formFindings.map {
                "- \(cell(imported.forms[$0.location.formIndex!].form.project))：\(cell(describe($0)))"
            }
        }
        if !imported.unreadable.isEmpty {
            lines += ["", "## 无法读取", "", "| 位置 | 原因 |", "|---|---|"]
            lines += imported.unreadable.map {
                "| \($0.line.map(imported.place(ofLine:)) ?? cell($0.location)) | \(cell($0.reason)) |"
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: JSON

    public func json() -> JSONValue {
        let summaries = disclosure.summarySentences.indices.map(summarySentenceJSON)
        let budgets = disclosure.budgetSentences.indices.map(budgetSentenceJSON)
        let forms: [JSONValue] = imported.forms.enumerated().map { index, form in
            .object(
                check.formJSON(index) + [
                    ("origin", .string(form.origin)),
                    (
                        "lines",
                        form.lines.map { .object([("first", .int($0.lowerBound)), ("last", .int($0.upperBound))]) }
                            ?? .null
                    ),
                ])
        }
        let duplicates: [JSONValue] = FormDuplicates.groups(in: imported.forms.map(\.form)).flatMap { group in
            zip(group.members.dropFirst(), group.kinds).map { member, kind -> JSONValue in
                let name =
                    switch kind {
                    case .identical: "identical"
                    case .consistent: "consistent"
                    case .conflicting: "conflicting"
                    }
                return .object([
                    ("form", .int(member)), ("duplicateOf", .int(group.members[0])), ("kind", .string(name)),
                    ("project", .string(imported.forms[member].form.project)),
                ])
            }
        }
        return .object([
            ("tool", .string("jixiao")),
            ("version", .string(JixiaoInfo.version)),
            ("catalogueVersion", .string(CheckRegistry.catalogueVersion)),
            ("policy", check.policyJSON),
            ("document", .string(document)),
            (
                "summary",
                .object([
                    ("forms", .int(imported.forms.count)), ("selfEvaluations", .int(selfEvaluationCount)),
                    ("targetTables", .int(imported.forms.count - selfEvaluationCount)),
                    ("unreadable", .int(imported.unreadable.count)), ("errors", .int(count(.error))),
                    ("warnings", .int(count(.warning))), ("notices", .int(count(.notice))),
                ])
            ),
            ("forms", .array(forms)),
            (
                "unreadable",
                .array(
                    imported.unreadable.map { part in
                        .object([
                            ("line", .int(part.line)), ("place", .text(part.line.map(imported.place(ofLine:)))),
                            ("location", .string(part.location)),
                            ("reason", .string(part.reason)),
                        ])
                    })
            ),
            ("duplicates", .array(duplicates)),
            ("summarySentence", summaries.first ?? .null),
            ("summarySentences", .array(summaries)),
            ("budgetSentence", budgets.first ?? .null),
            ("budgetSentences", .array(budgets)),
            ("scoreNarrations", .array(disclosure.scoreNarrations.indices.map(scoreNarrationJSON))),
            ("departmentSummary", .array(summary.summary.units.map(summary.json))),
        ])
    }

    /// A narration of a project's scores: what it states, the form it was compared with, its findings.
    func scoreNarrationJSON(_ index: Int) -> JSONValue {
        let narration = disclosure.scoreNarrations[index]
        let claimed = ScoreNarration.Part.allCases.compactMap { part in
            narration.scores[part].map { ("\(part)", JSONValue.string($0.text)) }
        }
        return .object([
            ("sentence", .string(narration.text)),
            ("line", .int(narration.line)),
            ("place", .string(imported.place(ofLine: narration.line))),
            ("form", .int(disclosure.form(narratedBy: index))),
            ("claimed", .object(claimed)),
            ("findings", .array(findings(about: "scoreNarrations[\(index)]").map(CheckReport.json))),
        ])
    }

    /// Grade counts keyed by the Swift case names, as in `jixiao summary --format json`.
    static func gradesJSON(_ count: (Grade) -> Int?) -> JSONValue {
        .object(Grade.allCases.compactMap { grade in count(grade).map { ("\(grade)", .int($0)) } })
    }

    func summarySentenceJSON(_ index: Int) -> JSONValue {
        let sentence = disclosure.summarySentences[index]
        let tally = disclosure.summaryTally(index, policy: check.policy)
        let matching = tally.map(sentence.matchingDefinitions) ?? []
        let recomputed: JSONValue =
            tally.map { tally in
                .object([
                    ("formsFound", .int(tally.entries.count)),
                    ("formCount", .int(tally.formCount)),
                    ("duplicatesRemoved", .int(tally.entries.count - tally.formCount)),
                    (
                        "grades",
                        .object([
                            ("printed", Self.gradesJSON { tally.printedGrades[$0] }),
                            ("recomputed", Self.gradesJSON { tally.recomputedGrades[$0] }),
                        ])
                    ),
                    ("involvedFunds", .object(InvolvedFunds.allCases.map { ("\($0)", .decimal(tally.total($0))) })),
                    ("sentence", .string(recomputedSentence(tally, matching: matching))),
                ])
            } ?? .null
        let findings = findings(about: "summarySentences[\(index)]")
        return .object([
            ("sentence", .string(sentence.text)),
            ("line", .int(sentence.line)),
            (
                "claimed",
                .object([
                    ("year", .int(sentence.year)), ("formCount", .int(sentence.formCount)),
                    ("involvedFunds", .text(sentence.involvedFunds?.text)),
                    ("grades", Self.gradesJSON { sentence.grades[$0] }),
                ])
            ),
            ("recomputed", recomputed),
            ("matchingDefinitions", .array(matching.map { .string("\($0)") })),
            ("consistent", .bool(tally != nil && findings.isEmpty)),
            ("findings", .array(findings.map(CheckReport.json))),
        ])
    }

    func budgetSentenceJSON(_ index: Int) -> JSONValue {
        let sentence = disclosure.budgetSentences[index]
        let tally = disclosure.budgetTally(index)
        let findings = findings(about: "budgetSentences[\(index)]")
        let categories: [JSONValue] = sentence.categories.map {
            .object([
                ("name", .string($0.name)), ("projectCount", .int($0.projectCount)),
                ("amount", .string($0.amount.text)),
            ])
        }
        return .object([
            ("sentence", .string(sentence.text)),
            ("line", .int(sentence.line)),
            (
                "claimed",
                .object([
                    ("year", .int(sentence.year)), ("projectCount", .int(sentence.projectCount)),
                    ("amount", .text(sentence.amount?.text)), ("categories", .array(categories)),
                ])
            ),
            (
                "recomputed",
                tally.map { tally in
                    .object([
                        ("projectCount", .int(tally.projectCount)),
                        ("amount", .object(BudgetFunds.allCases.map { ("\($0)", .decimal(tally.total($0))) })),
                    ])
                } ?? .null
            ),
            ("matchingDefinitions", .array((tally.map(sentence.matchingDefinitions) ?? []).map { .string("\($0)") })),
            ("consistent", .bool(tally != nil && findings.isEmpty)),
            ("findings", .array(findings.map(CheckReport.json))),
        ])
    }
}
