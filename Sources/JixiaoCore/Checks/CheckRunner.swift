/// Runs the catalogue and turns violations into located findings with the severity in force.
///
/// In two passes, so that a province's forms never need to be in memory together: `findings(on:…)` runs the
/// rules about one form (any number of forms at once, on any thread) while the caller records each form's
/// keys in a `FormIndex`; `crossFormFindings(_:forms:)` then runs the rules that compare forms, from the
/// index, reading again only the forms they must compare in full. `run(_:disclosure:)` does both over forms
/// held in memory.
public struct CheckRunner: Sendable {
    public let checks: [any Check.Type]
    public let policy: ScoringPolicy
    public let configuration: CheckConfiguration
    /// Every override that changed a rule's severity or disabled it.
    public let overrides: [AppliedOverride]
    /// The rules that run, in catalogue order.
    private let rules: [Rule]
    /// Catalogue position by rule id: findings of one form are listed in catalogue order.
    private let positions: [String: Int]

    public init(
        checks: [any Check.Type] = CheckRegistry.all, policy: ScoringPolicy,
        configuration: CheckConfiguration = CheckConfiguration()
    ) {
        self.checks = checks
        self.policy = policy
        self.configuration = configuration
        var rules: [Rule] = []
        var applied: [AppliedOverride] = []
        for (position, check) in checks.enumerated() {
            let description = check.description
            if let only = configuration.only, !only.contains(description.id) { continue }
            let (inForce, override) = CheckRunner.severity(
                for: description, policy: policy, configuration: configuration)
            if let override { applied.append(override) }
            guard let inForce else { continue }
            guard let kind = Rule.Kind(check.init()) else { continue }
            rules.append(
                Rule(description: description, position: position, severity: inForce, override: override, kind: kind))
        }
        self.rules = rules
        overrides = applied
        positions = Dictionary(uniqueKeysWithValues: rules.map { ($0.description.id, $0.position) })
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
        /// Findings in catalogue order within each form, forms in input order, then the document's.
        public let findings: [Finding]
        /// Every override that changed a rule's severity or disabled it.
        public let overrides: [AppliedOverride]
        /// The groups cross-form findings name (duplicates), in order of their first member.
        public let groups: [FormGroup]

        public func findings(forForm index: Int) -> [Finding] { findings.filter { $0.location.formIndex == index } }
    }

    /// The severity in force for a rule, after policy defaults and configuration; nil when disabled.
    public func severity(for description: CheckDescription) -> (Severity?, AppliedOverride?) {
        CheckRunner.severity(for: description, policy: policy, configuration: configuration)
    }

    static func severity(
        for description: CheckDescription, policy: ScoringPolicy, configuration: CheckConfiguration
    ) -> (Severity?, AppliedOverride?) {
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

    // MARK: Pass 1: one form

    /// The findings of the rules about one form, in catalogue order. `score` is the form's score when the
    /// caller has it already (a self-evaluation is scored once).
    public func findings(on form: Form, index: Int, file: String, score: FormScore? = nil) -> [Finding] {
        var found: [Finding] = []
        func locate(_ rule: Rule, _ violations: [Violation], _ lines: [String: Int]) {
            for violation in violations {
                let location = Finding.Location(
                    file: file, formIndex: index, fieldPath: violation.fieldPath,
                    line: CheckRunner.line(of: violation.fieldPath, lines: lines))
                found.append(rule.finding(violation, location, related: []))
            }
        }
        switch form {
        case .selfEvaluation(let evaluation):
            guard rules.contains(where: \.isAboutSelfEvaluations) else { return [] }
            let context = CheckContext(policy: policy).focused(
                on: evaluation, score: score ?? FormScore(evaluation, policy: policy))
            for rule in rules {
                guard case .selfEvaluation(let check) = rule.kind else { continue }
                locate(rule, check.check(evaluation, context: context), evaluation.lines)
            }
        case .targetTable(let table):
            let context = CheckContext(policy: policy)
            for rule in rules {
                guard case .targetTable(let check) = rule.kind else { continue }
                locate(rule, check.check(table, context: context), table.lines)
            }
        }
        return found
    }

    // MARK: Pass 2: forms compared

    public struct CrossFormResult: Sendable {
        /// By form index, in catalogue order within each form.
        public let findings: [Finding]
        public let groups: [FormGroup]
    }

    /// The findings of the rules that compare forms, from the index of the run; `forms` reads a form again by
    /// its form index for the comparisons the keys cannot settle.
    public func crossFormFindings(_ index: FormIndex, forms: FormFetcher) -> CrossFormResult {
        let context = CheckContext(policy: policy)
        var found: [(form: Int, position: Int, finding: Finding)] = []
        var groups: [FormGroup] = []
        func add(_ rule: Rule, _ violations: [(form: Int, violation: Violation)]) {
            for (form, violation) in violations {
                let keys = index[form]
                let line =
                    keys.locates(violation.fieldPath)
                    ? keys.line(of: violation.fieldPath)
                    : forms(form).flatMap { CheckRunner.line(of: violation.fieldPath, lines: $0.lines) }
                let location = Finding.Location(
                    file: keys.label, formIndex: form, fieldPath: violation.fieldPath, line: line)
                let related = violation.relatedForms.map { index[$0].label }
                found.append((form, rule.position, rule.finding(violation, location, related: related)))
            }
        }
        for rule in rules {
            guard case .crossForm(let check) = rule.kind else { continue }
            let result = check.violations(in: index, context: context, forms: forms)
            add(rule, result.violations)
            groups += result.groups
        }
        let pairRules = rules.compactMap { rule -> (Rule, any TargetPairCheck)? in
            guard case .targetPair(let check) = rule.kind else { return nil }
            return (rule, check)
        }
        if !pairRules.isEmpty {
            // Each pair reads its two forms again: on every core, the results kept in pair order.
            let pairs = index.targetPairs
            let checks = pairRules.map(\.1)
            let read = forms.read
            let perPair = Parallel.map(pairs.count) { position -> [[(form: Int, violation: Violation)]] in
                let (evaluationIndex, tableIndex) = pairs[position]
                guard case .selfEvaluation(let evaluation) = read(evaluationIndex),
                    case .targetTable(let table) = read(tableIndex)
                else { return [] }
                let pair = TargetPair(
                    evaluationIndex: evaluationIndex, tableIndex: tableIndex, evaluation: evaluation, table: table)
                return checks.map { $0.check(pair, context: context) }
            }
            for (position, (rule, _)) in pairRules.enumerated() {
                add(rule, perPair.flatMap { $0.isEmpty ? [] : $0[position] })
            }
        }
        let ordered = found.enumerated().sorted {
            ($0.element.form, $0.element.position, $0.offset) < ($1.element.form, $1.element.position, $1.offset)
        }
        groups.sort { ($0.members.first ?? 0, $0.ruleID) < ($1.members.first ?? 0, $1.ruleID) }
        return CrossFormResult(findings: ordered.map(\.element.finding), groups: groups)
    }

    /// One form's findings from both passes, in catalogue order (each pass's list is in catalogue order):
    /// findings, or anything that carries a finding's rule id (a report's rendered lines).
    public func merged<Item>(_ own: [Item], _ crossForm: [Item], ruleID: (Item) -> String) -> [Item] {
        guard !crossForm.isEmpty else { return own }
        guard !own.isEmpty else { return crossForm }
        func position(_ item: Item) -> Int { positions[ruleID(item)] ?? Int.max }
        var result: [Item] = []
        result.reserveCapacity(own.count + crossForm.count)
        var rest = crossForm[...]
        for item in own {
            while let next = rest.first, position(next) < position(item) {
                result.append(next)
                rest = rest.dropFirst()
            }
            result.append(item)
        }
        return result + rest
    }

    // MARK: Forms in memory

    /// Runs the catalogue over `inputs`; with a `disclosure`, the document rules too, their findings about
    /// the document as a whole (no form index) after the forms'.
    public func run(_ inputs: [Input], disclosure: Disclosure? = nil) -> Result {
        let index = FormIndex(inputs.map(\.form), labels: inputs.map(\.file))
        let crossForm = crossFormFindings(index, forms: FormFetcher { inputs[$0].form })
        var byForm: [Int: [Finding]] = [:]
        for finding in crossForm.findings { byForm[finding.location.formIndex ?? 0, default: []].append(finding) }
        var all: [Finding] = []
        for (position, input) in inputs.enumerated() {
            let own = self.findings(on: input.form, index: position, file: input.file)
            all += merged(own, byForm[position] ?? [], ruleID: \.ruleID)
        }
        if let disclosure {
            let context = CheckContext(policy: policy)
            for rule in rules {
                guard case .disclosure(let check) = rule.kind else { continue }
                for violation in check.check(disclosure, context: context) {
                    let location = Finding.Location(
                        file: disclosure.document, formIndex: nil, fieldPath: violation.fieldPath,
                        line: disclosure.line(of: violation.fieldPath))
                    all.append(
                        rule.finding(violation, location, related: violation.relatedForms.map { inputs[$0].file }))
                }
            }
        }
        return Result(findings: all, overrides: overrides, groups: crossForm.groups)
    }

    /// The line of a field path in the file the form was read from: the field itself, else the first line
    /// recorded under it, else the form's first recorded line. (`source.firstLine` is not used: in a form
    /// file it names the line of the printed document the form was transcribed from, not a line of the file.)
    static func line(of fieldPath: String?, lines: [String: Int]) -> Int? {
        guard let fieldPath else { return lines.values.min() }
        if let exact = lines[fieldPath] { return exact }
        var under: Int?
        var first: Int?
        for (path, line) in lines {
            first = min(first ?? line, line)
            // Field paths are ASCII: compared as bytes.
            if path.begins(with: fieldPath),
                path.utf8.dropFirst(fieldPath.utf8.count).first.map({
                    $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "[")
                })
                    == true
            {
                under = min(under ?? line, line)
            }
        }
        return under ?? first
    }
}

/// A rule in force: its description, catalogue position and severity.
private struct Rule: Sendable {
    let description: CheckDescription
    let position: Int
    let severity: Severity
    let override: AppliedOverride?
    let kind: Kind

    /// What the rule looks at.
    enum Kind: Sendable {
        case selfEvaluation(any SelfEvaluationCheck)
        case targetTable(any TargetTableCheck)
        case targetPair(any TargetPairCheck)
        case crossForm(any CrossFormCheck)
        case disclosure(any DisclosureCheck)

        init?(_ check: any Check) {
            switch check {
            case let check as any SelfEvaluationCheck: self = .selfEvaluation(check)
            case let check as any TargetTableCheck: self = .targetTable(check)
            case let check as any TargetPairCheck: self = .targetPair(check)
            case let check as any CrossFormCheck: self = .crossForm(check)
            case let check as any DisclosureCheck: self = .disclosure(check)
            default: return nil
            }
        }
    }

    var isAboutSelfEvaluations: Bool {
        if case .selfEvaluation = kind { true } else { false }
    }

    func finding(_ violation: Violation, _ location: Finding.Location, related: [String]) -> Finding {
        var severity = violation.severity ?? self.severity
        // An occurrence-specific severity follows the rule's override: a lowered rule stays lowered.
        if violation.severity != nil, let override, let to = override.to { severity = min(severity, to) }
        return Finding(
            ruleID: description.id, slug: description.slug, severity: severity, message: violation.message,
            location: location, expected: violation.expected, actual: violation.actual,
            tolerance: description.tolerance, related: related, group: violation.group)
    }
}
