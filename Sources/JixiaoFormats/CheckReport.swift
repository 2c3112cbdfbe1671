import Foundation
import JixiaoCore

/// The result of `jixiao check`: every form with its findings, the policy, the overrides in force and
/// the counts — rendered as Chinese text, JSON (documented in docs/check-report.md) or SARIF 2.1.0.
public struct CheckReport: Sendable {
    public let policy: ScoringPolicy
    public let forms: [LoadedForm]
    public let findings: [Finding]
    public let overrides: [AppliedOverride]
    /// Findings hidden because the baseline already accepted them.
    public let baselineHidden: Int

    /// Checks `forms`; with the `disclosure` they were printed in (`jixiao audit`), the document rules too.
    public init(
        forms: [LoadedForm], policy: ScoringPolicy, configuration: CheckConfiguration,
        baseline: Baseline? = nil, disclosure: Disclosure? = nil
    ) {
        self.policy = policy
        self.forms = forms
        let result = CheckRunner(policy: policy, configuration: configuration)
            .run(forms.map { CheckRunner.Input(file: $0.file, form: $0.form) }, disclosure: disclosure)
        let kept = baseline.map { base in result.findings.filter { !base.contains($0) } } ?? result.findings
        findings = kept
        overrides = result.overrides
        baselineHidden = result.findings.count - kept.count
    }

    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }

    /// Whether the exit code should signal failure: any error, or any warning under `--strict`.
    public func fails(strict: Bool) -> Bool { count(.error) > 0 || (strict && count(.warning) > 0) }

    // MARK: JSON

    /// Findings about the document as a whole (document rules), not about one form.
    public var documentFindings: [Finding] { findings.filter { $0.location.formIndex == nil } }

    public func json() -> JSONValue {
        .object([
            ("tool", .string("jixiao")),
            ("version", .string(JixiaoInfo.version)),
            ("catalogueVersion", .string(CheckRegistry.catalogueVersion)),
            ("policy", policyJSON),
            (
                "summary",
                .object([
                    ("forms", .int(forms.count)), ("errors", .int(count(.error))),
                    ("warnings", .int(count(.warning))), ("notices", .int(count(.notice))),
                    ("hiddenByBaseline", .int(baselineHidden)),
                ])
            ),
            (
                "overrides",
                .array(
                    overrides.map { override in
                        .object([
                            ("ruleId", .string(override.ruleID)), ("from", .string(override.from.rawValue)),
                            ("to", override.to.map { .string($0.rawValue) } ?? .string("off")),
                            ("origin", .string(override.origin)),
                        ])
                    })
            ),
            ("forms", .array(forms.indices.map { .object(formJSON($0)) })),
        ])
    }

    var policyJSON: JSONValue {
        .object([("id", .string(policy.id)), ("name", .string(policy.name)), ("version", .string(policy.version))])
    }

    /// One form's object in `forms`: its score (self-evaluations) and its findings.
    func formJSON(_ index: Int) -> [(String, JSONValue)] {
        let item = forms[index]
        var fields: [(String, JSONValue)]
        switch item.form {
        case .selfEvaluation(let form):
            fields =
                [("kind", .string("self-evaluation"))] + ScoredForm(file: item.file, form: form, policy: policy).json
        case .targetTable(let table):
            fields = [
                ("kind", .string("target-table")), ("file", .string(item.file)),
                ("project", .string(table.project)),
                ("unit", .string(item.form.unit)),
                ("year", .int(table.year)),
            ]
        }
        let own = findings.filter { $0.location.formIndex == index }
        fields.append(("findings", .array(own.map(CheckReport.json))))
        return fields
    }

    static func json(_ finding: Finding) -> JSONValue {
        .object([
            ("ruleId", .string(finding.ruleID)),
            ("slug", .string(finding.slug)),
            ("severity", .string(finding.severity.rawValue)),
            ("message", .string(finding.message)),
            (
                "location",
                .object([
                    ("file", .string(finding.location.file)), ("form", .int(finding.location.formIndex)),
                    ("fieldPath", .text(finding.location.fieldPath)), ("line", .int(finding.location.line)),
                ])
            ),
            ("expected", .text(finding.expected)),
            ("actual", .text(finding.actual)),
            ("tolerance", .text(finding.tolerance)),
            ("related", .array(finding.related.map { .string($0) })),
        ])
    }

    // MARK: Text

    /// Chinese, grouped by file: `[SE.TOTAL.010 错误] 消息 — indicators[3].score（第 12 行）应为 86.03，实际 96.03`;
    /// a cross-form finding names the other forms (`相关表单：…`).
    public func text() -> String {
        var lines: [String] = []
        for (index, item) in forms.enumerated() {
            let own = findings.filter { $0.location.formIndex == index }
            guard !own.isEmpty else { continue }
            lines.append("■ \(item.file)（\(item.form.project)，\(item.form.year)年度）")
            lines += own.map { "  " + CheckReport.text($0) }
        }
        let clean = forms.count - Set(findings.compactMap(\.location.formIndex)).count
        lines.append("")
        lines.append(
            "共检查 \(forms.count) 张表单（评分政策：\(policy.name)）：错误 \(count(.error)) 条，警告 \(count(.warning)) 条，提示 \(count(.notice)) 条；无问题的表单 \(clean) 张。"
        )
        if baselineHidden > 0 { lines.append("基线中已接受的 \(baselineHidden) 条未显示。") }
        for override in overrides {
            lines.append(
                "规则 \(override.ruleID) 的级别由“\(override.from.label)”改为“\(override.to?.label ?? "停用")”（来源：\(override.origin)）。"
            )
        }
        return lines.joined(separator: "\n")
    }

    /// `[SE.TOTAL.010 错误] 消息（indicators[3].score，第 12 行）；应为 86.03，实际 96.03`.
    static func text(_ finding: Finding) -> String {
        var place = finding.location.fieldPath ?? "整张表"
        if let line = finding.location.line { place += "，第 \(line) 行" }
        var numbers = ""
        if let expected = finding.expected { numbers += "；应为 \(expected)" }
        if let actual = finding.actual { numbers += "，实际 \(actual)" }
        if let tolerance = finding.tolerance, finding.expected != nil { numbers += "（\(tolerance)）" }
        if !finding.related.isEmpty { numbers += "；相关表单：\(finding.related.joined(separator: "、"))" }
        return "[\(finding.ruleID) \(finding.severity.label)] \(finding.message)（\(place)）\(numbers)"
    }

    // MARK: SARIF

    /// SARIF 2.1.0, one run, rules from the catalogue, results located by file and line.
    public func sarif() -> JSONValue {
        let rules: [JSONValue] = CheckRegistry.all.map { check in
            let d = check.description
            return .object([
                ("id", .string(d.id)), ("name", .string(d.slug)),
                ("shortDescription", .object([("text", .string(d.name))])),
                ("fullDescription", .object([("text", .string(d.summary))])),
                ("defaultConfiguration", .object([("level", .string(CheckReport.sarifLevel(d.defaultSeverity)))])),
                ("properties", .object([("basis", .string(d.basis))])),
            ])
        }
        let results: [JSONValue] = findings.map { finding in
            var region: [(String, JSONValue)] = []
            if let line = finding.location.line { region.append(("startLine", .int(line))) }
            var physical: [(String, JSONValue)] = [
                ("artifactLocation", .object([("uri", .string(finding.location.file))]))
            ]
            if !region.isEmpty { physical.append(("region", .object(region))) }
            var properties: [(String, JSONValue)] = []
            if let path = finding.location.fieldPath { properties.append(("fieldPath", .string(path))) }
            if let expected = finding.expected { properties.append(("expected", .string(expected))) }
            if let actual = finding.actual { properties.append(("actual", .string(actual))) }
            return .object([
                ("ruleId", .string(finding.ruleID)), ("level", .string(CheckReport.sarifLevel(finding.severity))),
                ("message", .object([("text", .string(finding.message))])),
                ("locations", .array([.object([("physicalLocation", .object(physical))])])),
                ("properties", .object(properties)),
            ])
        }
        return .object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            (
                "runs",
                .array([
                    .object([
                        (
                            "tool",
                            .object([
                                (
                                    "driver",
                                    .object([
                                        ("name", .string("jixiao")), ("version", .string(JixiaoInfo.version)),
                                        ("rules", .array(rules)),
                                    ])
                                )
                            ])
                        ),
                        ("results", .array(results)),
                    ])
                ])
            ),
        ])
    }

    static func sarifLevel(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .notice: "note"
        }
    }
}

/// Findings already accepted (a previous `jixiao check --format json` report). A finding matches when its
/// rule, file, field path and actual value are the same, so unrelated edits do not resurface old findings.
public struct Baseline: Sendable {
    let keys: Set<String>

    public init(report data: Data, file: String) throws(FormFileError) {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let forms = root["forms"] as? [[String: Any]]
        else {
            throw FormFileError(
                file: file, problem: "不是 jixiao check --format json 生成的报告",
                fix: "用 jixiao check … --format json > baseline.json 生成基线")
        }
        var keys = Set<String>()
        for form in forms {
            for finding in form["findings"] as? [[String: Any]] ?? [] {
                let location = finding["location"] as? [String: Any] ?? [:]
                keys.insert(
                    Baseline.key(
                        rule: finding["ruleId"] as? String, file: location["file"] as? String,
                        field: location["fieldPath"] as? String, actual: finding["actual"] as? String))
            }
        }
        self.keys = keys
    }

    public func contains(_ finding: Finding) -> Bool {
        keys.contains(
            Baseline.key(
                rule: finding.ruleID, file: finding.location.file,
                field: finding.location.fieldPath, actual: finding.actual))
    }

    static func key(rule: String?, file: String?, field: String?, actual: String?) -> String {
        [rule ?? "", file ?? "", field ?? "", actual ?? ""].joined(separator: "\u{1F}")
    }
}

/// Tool identity for reports.
public enum JixiaoInfo {
    public static let version = "0.1.0"
}
