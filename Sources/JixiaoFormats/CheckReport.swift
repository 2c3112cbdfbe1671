import Foundation
import JixiaoCore

/// A check of forms held in memory (`jixiao audit`: one document's forms): every form with its findings, the
/// policy, the overrides in force and the counts. `jixiao check` streams instead (`CheckStream`); both render
/// forms and findings with the functions here.
public struct CheckReport: Sendable {
    public let policy: ScoringPolicy
    public let forms: [LoadedForm]
    public let findings: [Finding]
    public let overrides: [AppliedOverride]
    /// The groups of duplicate and near-duplicate forms the findings name.
    public let groups: [FormGroup]
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
        groups = result.groups
        baselineHidden = result.findings.count - kept.count
    }

    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }

    /// Findings about the document as a whole (document rules), not about one form.
    public var documentFindings: [Finding] { findings.filter { $0.location.formIndex == nil } }

    var policyJSON: JSONValue { CheckReport.policyJSON(policy) }

    /// One form's object in `forms`: its score (self-evaluations) and its findings.
    func formJSON(_ index: Int) -> [(String, JSONValue)] {
        CheckReport.formFields(forms[index], policy: policy)
            + [("findings", .array(findings.filter { $0.location.formIndex == index }.map(CheckReport.json)))]
    }

    // MARK: Rendering, shared with `CheckStream`

    static func policyJSON(_ policy: ScoringPolicy) -> JSONValue {
        .object([("id", .string(policy.id)), ("name", .string(policy.name)), ("version", .string(policy.version))])
    }

    /// A form's fields in the JSON report before its findings: a self-evaluation's score (every field of
    /// `jixiao score --format json`), a target table's identity.
    static func formFields(_ item: LoadedForm, policy: ScoringPolicy, score: FormScore? = nil) -> [(String, JSONValue)]
    {
        switch item.form {
        case .selfEvaluation(let form):
            let scored = ScoredForm(file: item.file, form: form, score: score ?? FormScore(form, policy: policy))
            return [("kind", .string("self-evaluation"))] + scored.json
        case .targetTable(let table):
            return [
                ("kind", .string("target-table")), ("file", .string(item.file)),
                ("project", .string(table.project)),
                ("unit", .string(item.form.unit)),
                ("year", .int(table.year)),
            ]
        }
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
            ("group", finding.group.map { .object([("id", .string($0.id)), ("size", .int($0.size))]) } ?? .null),
        ])
    }

    /// A group's entry in the JSON report: every member by its file.
    static func json(_ group: FormGroup, labels: (Int) -> String) -> JSONValue {
        .object([
            ("id", .string(group.id)), ("ruleId", .string(group.ruleID)), ("size", .int(group.members.count)),
            ("summary", .string(group.summary)), ("members", .array(group.members.map { .string(labels($0)) })),
        ])
    }

    /// `■ Forms/…/会议培训费.yaml（会议培训费，2023年度）`: a form's heading in the text report.
    static func textHeading(_ item: LoadedForm) -> String {
        "■ \(item.file)（\(item.form.project)，\(item.form.year)年度）"
    }

    /// `[SE.TOTAL.010 错误] 消息（indicators[3].score，第 12 行）；应为 86.03，实际 96.03`; a grouped finding
    /// names its group, a cross-form finding the other forms (`相关表单：…`). `lineName` names a source line
    /// (`第 14 页第 3 行` for a PDF's row).
    static func text(_ finding: Finding, place lineName: (Int) -> String = { "第 \($0) 行" }) -> String {
        var place = finding.location.fieldPath ?? "整张表"
        if let line = finding.location.line { place += "，" + lineName(line) }
        var numbers = ""
        if let expected = finding.expected { numbers += "；应为 \(expected)" }
        if let actual = finding.actual { numbers += "，实际 \(actual)" }
        if let tolerance = finding.tolerance, finding.expected != nil { numbers += "（\(tolerance)）" }
        if let group = finding.group { numbers += "；组 \(group.id)（共 \(group.size) 张）" }
        if !finding.related.isEmpty {
            let more = finding.group.map { $0.size - 1 > finding.related.count ? " 等" : "" } ?? ""
            numbers += "；相关表单：\(finding.related.joined(separator: "、"))\(more)"
        }
        return "[\(finding.ruleID) \(finding.severity.label)] \(finding.message)（\(place)）\(numbers)"
    }

    /// A group in the text report: a heading line, then every member on a line of its own.
    static func text(_ group: FormGroup, labels: (Int) -> String) -> [String] {
        ["  [\(group.id)] \(group.summary)；共 \(group.members.count) 张："] + group.members.map { "    " + labels($0) }
    }

    /// The catalogue as SARIF `rules`.
    static var sarifRules: [JSONValue] {
        CheckRegistry.all.map { check in
            let d = check.description
            return .object([
                ("id", .string(d.id)), ("name", .string(d.slug)),
                ("shortDescription", .object([("text", .string(d.name))])),
                ("fullDescription", .object([("text", .string(d.summary))])),
                ("defaultConfiguration", .object([("level", .string(CheckReport.sarifLevel(d.defaultSeverity)))])),
                ("properties", .object([("basis", .string(d.basis))])),
            ])
        }
    }

    /// A finding as a SARIF 2.1.0 result, located by file and line.
    static func sarif(_ finding: Finding) -> JSONValue {
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
        if let group = finding.group {
            properties.append(("groupId", .string(group.id)))
            properties.append(("groupSize", .int(group.size)))
        }
        return .object([
            ("ruleId", .string(finding.ruleID)), ("level", .string(CheckReport.sarifLevel(finding.severity))),
            ("message", .object([("text", .string(finding.message))])),
            ("locations", .array([.object([("physicalLocation", .object(physical))])])),
            ("properties", .object(properties)),
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
