/// Runs the catalogue over a set of forms (so cross-form rules see them all) and turns violations into
/// located findings with the severity in force.
public struct CheckRunner: Sendable {
    public let checks: [any Check.Type]
    public let policy: ScoringPolicy
    public let configuration: CheckConfiguration

    public init(
        checks: [any Check.Type] = CheckRegistry.all, policy: ScoringPolicy,
        configuration: CheckConfiguration = CheckConfiguration()
    ) {
        self.checks = checks
        self.policy = policy
        self.configuration = configuration
    }

    /// A form to check and the label (file) findings will carry.
    public struct Input: Sendable {
        public let file: String
        public let form: Form

        public init(file: String, form: Form) {
            self.file = file
            self.form = form
        }
    }

    public struct Result: Sendable {
        /// Findings in catalogue order within each form, forms in input order.
        public let findings: [Finding]
        /// Every override that changed a rule's severity or disabled it.
        public let overrides: [AppliedOverride]

        public func findings(forForm index: Int) -> [Finding] { findings.filter { $0.location.formIndex == index } }
    }

    /// The severity in force for a rule, after policy defaults and configuration; nil when disabled.
    public func severity(for description: CheckDescription) -> (Severity?, AppliedOverride?) {
        let base = description.defaultSeverity
        let override =
            configuration.overrides[description.id]
            ?? policy.checkSeverities[description.id].map {
                CheckConfiguration.Override(severity: $0, origin: "policy:\(policy.id)")
            }
        guard let override else { return (base, nil) }
        if override.severity == base { return (base, nil) }
        return (
            override.severity,
            AppliedOverride(ruleID: description.id, from: base, to: override.severity, origin: override.origin)
        )
    }

    /// Runs the catalogue over `inputs`; with a `disclosure`, the document rules too, their findings about
    /// the document as a whole (no form index) after the forms'.
    public func run(_ inputs: [Input], disclosure: Disclosure? = nil) -> Result {
        let forms = inputs.map(\.form)
        let context = CheckContext(policy: policy, forms: forms)
        var findings: [Finding] = []
        var documentFindings: [Finding] = []
        var applied: [AppliedOverride] = []
        for check in checks {
            let description = check.description
            if let only = configuration.only, !only.contains(description.id) { continue }
            let (inForce, override) = severity(for: description)
            if let override { applied.append(override) }
            guard let inForce else { continue }
            func finding(_ violation: Violation, _ location: Finding.Location, related: [String]) -> Finding {
                var severity = violation.severity ?? inForce
                // An occurrence-specific severity follows the rule's override: a lowered rule stays lowered.
                if violation.severity != nil, let override, let to = override.to { severity = min(severity, to) }
                return Finding(
                    ruleID: description.id, slug: description.slug, severity: severity, message: violation.message,
                    location: location, expected: violation.expected, actual: violation.actual,
                    tolerance: description.tolerance, related: related)
            }
            let rule = check.init()
            for (index, violation) in rule.violations(in: forms, context: context) {
                let location = Finding.Location(
                    file: inputs[index].file, formIndex: index, fieldPath: violation.fieldPath,
                    line: CheckRunner.line(of: violation.fieldPath, in: forms[index]))
                findings.append(finding(violation, location, related: violation.relatedForms.map { inputs[$0].file }))
            }
            if let disclosure, let documentRule = rule as? any DisclosureCheck {
                for violation in documentRule.check(disclosure, context: context) {
                    let location = Finding.Location(
                        file: disclosure.document, formIndex: nil, fieldPath: violation.fieldPath,
                        line: disclosure.line(of: violation.fieldPath))
                    documentFindings.append(
                        finding(violation, location, related: violation.relatedForms.map { inputs[$0].file }))
                }
            }
        }
        findings.sort { ($0.location.formIndex ?? 0) < ($1.location.formIndex ?? 0) }
        return Result(findings: findings + documentFindings, overrides: applied)
    }

    /// The line of a field path in the file the form was read from: the field itself, else the first line
    /// recorded under it, else the form's first recorded line. (`source.firstLine` is not used: in a form
    /// file it names the line of the printed document the form was transcribed from, not a line of the file.)
    static func line(of fieldPath: String?, in form: Form) -> Int? {
        let lines =
            switch form {
            case .selfEvaluation(let f): f.lines
            case .targetTable(let t): t.lines
            }
        let first = lines.values.min()
        guard let fieldPath else { return first }
        if let exact = lines[fieldPath] { return exact }
        let under = lines.filter { $0.key.hasPrefix(fieldPath + ".") || $0.key.hasPrefix(fieldPath + "[") }
        return under.values.min() ?? first
    }
}
