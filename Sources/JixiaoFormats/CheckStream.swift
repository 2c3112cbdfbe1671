import Foundation
import JixiaoCore

/// `jixiao check` over a form source, memory flat in the number of forms: only the cross-form keys
/// (`FormIndex`) are held for the whole run.
///
/// 1. The forms are read on every core, a chunk at a time (`FormPipeline`). Each form's own findings are
///    rendered at once, in the report's format, and spooled to an unlinked temporary file; its keys go to
///    the index.
/// 2. The cross-form rules run from the index, reading again only the forms they compare in full.
/// 3. The report is written: its head (the counts are known now), each form's spooled part with its
///    cross-form findings put in catalogue order, the groups (JSON `groups`, text section), the tail.
///
/// The bytes are the same on every run: forms in source order, findings in catalogue order within a form.
public struct CheckStream: Sendable {
    public enum Format: String, Sendable, CaseIterable { case text, json, sarif }

    public let runner: CheckRunner
    public let format: Format
    public let baseline: Baseline?

    public init(policy: ScoringPolicy, configuration: CheckConfiguration, baseline: Baseline?, format: Format) {
        runner = CheckRunner(policy: policy, configuration: configuration)
        self.format = format
        self.baseline = baseline
    }

    /// What a run found, beside the report it wrote.
    public struct Outcome: Sendable {
        /// Inputs that are not readable forms, in source order.
        public var unreadable: [FormFileError] = []
        public var forms = 0
        public var counts: [Severity: Int] = [:]
        public var hiddenByBaseline = 0

        /// Whether the exit code should signal failure: any error, or any warning under `--strict`.
        public func fails(strict: Bool) -> Bool {
            counts[.error, default: 0] > 0 || (strict && counts[.warning, default: 0] > 0)
        }
    }

    /// A finding rendered in the report's format, with the rule that orders it among a form's findings.
    struct Rendered: Sendable {
        let ruleID: String
        let text: String
    }

    /// What pass 1 keeps of a form until the report is written: its keys for the index, its part of the
    /// report (JSON: its fields; text: its heading) and its own findings, rendered.
    struct Checked: Sendable {
        let keys: FormKeys
        let head: String
        let findings: [Rendered]
        let counts: [Severity: Int]
        let hidden: Int
    }

    /// Checks every form of `source` and writes the report to `output`.
    public func write(
        _ source: some FormSource, to output: inout some TextOutputStream
    ) throws(FormFileError)
        -> Outcome
    {
        var outcome = Outcome()
        var index = FormIndex()
        let spool = try Spool()
        let renderer = self
        let forms = FormPipeline(source) { form, index, position in
            renderer.check(form, index: index, position: position, source)
        }
        for item in forms {
            switch item {
            case .unreadable(_, let error): outcome.unreadable.append(error)
            case .form(_, _, let checked):
                index.append(checked.keys)
                for (severity, count) in checked.counts { outcome.counts[severity, default: 0] += count }
                outcome.hiddenByBaseline += checked.hidden
                try spool.append(checked.head)
                spool.append(checked.findings.count)
                for finding in checked.findings {
                    try spool.append(finding.ruleID)
                    try spool.append(finding.text)
                }
            }
        }
        outcome.forms = index.count

        let fetcher = FormFetcher { [index] in try? source.form(at: index[$0].source) }
        let crossForm = runner.crossFormFindings(index, forms: fetcher)
        var crossByForm: [Int: [Rendered]] = [:]
        for finding in crossForm.findings {
            if let baseline, baseline.contains(finding) {
                outcome.hiddenByBaseline += 1
                continue
            }
            outcome.counts[finding.severity, default: 0] += 1
            crossByForm[finding.location.formIndex ?? 0, default: []].append(render(finding))
        }

        try spool.rewind()
        output.write(head(outcome))
        var clean = 0
        var results = 0
        for position in 0..<index.count {
            let head = try spool.readText()
            var own: [Rendered] = []
            for _ in 0..<(try spool.readNumber()) {
                own.append(Rendered(ruleID: try spool.readText(), text: try spool.readText()))
            }
            let findings = runner.merged(own, crossByForm[position] ?? [], ruleID: \.ruleID)
            if findings.isEmpty { clean += 1 }
            output.write(form(position: position, head: head, findings: findings, resultsBefore: results))
            results += findings.count
        }
        output.write(
            tail(outcome, groups: crossForm.groups, labels: { index[$0].label }, clean: clean, results: results))
        return outcome
    }

    /// Pass 1 of one form, on a worker thread.
    func check(_ form: Form, index: Int, position: Int, _ source: some FormSource) -> Checked {
        let label = source.label(at: position)
        let item = LoadedForm(file: label, form: form)
        var score: FormScore?
        if case .selfEvaluation(let evaluation) = form { score = FormScore(evaluation, policy: runner.policy) }
        var counts: [Severity: Int] = [:]
        var hidden = 0
        var rendered: [Rendered] = []
        for finding in runner.findings(on: form, index: index, file: label, score: score) {
            if let baseline, baseline.contains(finding) {
                hidden += 1
                continue
            }
            counts[finding.severity, default: 0] += 1
            rendered.append(render(finding))
        }
        let head: String
        switch format {
        case .json:
            head = JSONValue.members(CheckReport.formFields(item, policy: runner.policy, score: score), indent: 2)
        case .text: head = CheckReport.textHeading(item)
        case .sarif: head = ""
        }
        return Checked(
            keys: FormKeys(form, label: label, source: position), head: head, findings: rendered, counts: counts,
            hidden: hidden)
    }

    func render(_ finding: Finding) -> Rendered {
        let text =
            switch format {
            case .json: CheckReport.json(finding).rendered(indent: 4)
            case .text: "  " + CheckReport.text(finding)
            case .sarif: CheckReport.sarif(finding).rendered(indent: 4)
            }
        return Rendered(ruleID: finding.ruleID, text: text)
    }

    // MARK: The report's parts

    func head(_ outcome: Outcome) -> String {
        switch format {
        case .text: return ""
        case .json:
            let overrides: [JSONValue] = runner.overrides.map { override in
                .object([
                    ("ruleId", .string(override.ruleID)), ("from", .string(override.from.rawValue)),
                    ("to", override.to.map { .string($0.rawValue) } ?? .string("off")),
                    ("origin", .string(override.origin)),
                ])
            }
            let summary: JSONValue = .object([
                ("forms", .int(outcome.forms)), ("errors", .int(outcome.counts[.error, default: 0])),
                ("warnings", .int(outcome.counts[.warning, default: 0])),
                ("notices", .int(outcome.counts[.notice, default: 0])),
                ("hiddenByBaseline", .int(outcome.hiddenByBaseline)),
            ])
            return "{"
                + JSONValue.members(
                    [
                        ("tool", .string("jixiao")), ("version", .string(JixiaoInfo.version)),
                        ("catalogueVersion", .string(CheckRegistry.catalogueVersion)),
                        ("policy", CheckReport.policyJSON(runner.policy)), ("summary", summary),
                        ("overrides", .array(overrides)),
                    ], indent: 0) + ",\n  \"forms\": ["
        case .sarif:
            let driver: JSONValue = .object([
                (
                    "driver",
                    .object([
                        ("name", .string("jixiao")), ("version", .string(JixiaoInfo.version)),
                        ("rules", .array(CheckReport.sarifRules)),
                    ])
                )
            ])
            return "{"
                + JSONValue.members(
                    [
                        ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
                        ("version", .string("2.1.0")),
                    ], indent: 0) + ",\n  \"runs\": [\n    {\n      \"tool\": " + driver.rendered(indent: 3)
                + ",\n      \"results\": ["
        }
    }

    /// One form's part: JSON its object, text its heading and findings (nothing for a clean form), SARIF its
    /// findings as results.
    func form(position: Int, head: String, findings: [Rendered], resultsBefore: Int) -> String {
        switch format {
        case .json:
            let list =
                "["
                + findings.enumerated().map { JSONValue.element($1.text, first: $0 == 0, indent: 3) }.joined()
                + JSONValue.endOfArray(empty: findings.isEmpty, indent: 3)
            let object = "{" + head + ",\n      \"findings\": " + list + "\n    }"
            return JSONValue.element(object, first: position == 0, indent: 1)
        case .text:
            guard !findings.isEmpty else { return "" }
            return head + "\n" + findings.map { $0.text + "\n" }.joined()
        case .sarif:
            return findings.enumerated().map { offset, finding in
                JSONValue.element(finding.text, first: resultsBefore + offset == 0, indent: 3)
            }.joined()
        }
    }

    func tail(
        _ outcome: Outcome, groups: [FormGroup], labels: (Int) -> String, clean: Int, results: Int
    ) -> String {
        switch format {
        case .json:
            let groupsJSON = JSONValue.array(groups.map { CheckReport.json($0, labels: labels) })
            return JSONValue.endOfArray(empty: outcome.forms == 0, indent: 1) + ",\n  \"groups\": "
                + groupsJSON.rendered(indent: 1) + "\n}\n"
        case .sarif:
            var text = JSONValue.endOfArray(empty: results == 0, indent: 3)
            if !groups.isEmpty {
                let properties: JSONValue = .object([
                    ("groups", .array(groups.map { CheckReport.json($0, labels: labels) }))
                ])
                text += ",\n      \"properties\": " + properties.rendered(indent: 3)
            }
            return text + "\n    }\n  ]\n}\n"
        case .text:
            var lines: [String] = []
            if !groups.isEmpty {
                lines += ["", "重复与疑似重复的表单（每组一项，列出全部表单）："]
                lines += groups.flatMap { CheckReport.text($0, labels: labels) }
            }
            let counts = outcome.counts
            lines.append("")
            lines.append(
                "共检查 \(outcome.forms) 张表单（评分政策：\(runner.policy.name)）：错误 \(counts[.error, default: 0]) 条，警告 \(counts[.warning, default: 0]) 条，提示 \(counts[.notice, default: 0]) 条；无问题的表单 \(clean) 张。"
            )
            if outcome.hiddenByBaseline > 0 { lines.append("基线中已接受的 \(outcome.hiddenByBaseline) 条未显示。") }
            for override in runner.overrides {
                lines.append(
                    "规则 \(override.ruleID) 的级别由“\(override.from.label)”改为“\(override.to?.label ?? "停用")”（来源：\(override.origin)）。"
                )
            }
            return lines.map { $0 + "\n" }.joined()
        }
    }
}
