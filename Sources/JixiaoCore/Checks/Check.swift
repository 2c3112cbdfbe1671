/// The check catalogue: one small type per rule, each with a stable id, a Chinese name and explanation,
/// its basis, a default severity and passing/failing examples that the test suite runs.
///
/// A rule only reports what it sees (`Violation`); the runner adds the rule id, the severity in force
/// (after policy and configuration overrides), the file and the source line.

/// How bad a finding is. `error` blocks export; `warning` is shown to reviewers; `notice` is information.
public enum Severity: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case error, warning, notice

    public var label: String {
        switch self {
        case .error: "错误"
        case .warning: "警告"
        case .notice: "提示"
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        let order: [Severity] = [.notice, .warning, .error]
        return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
    }
}

/// What kind of input a rule looks at.
public enum CheckScope: String, Sendable, Hashable {
    case selfEvaluation = "自评表"
    case targetTable = "目标表"
    case crossForm = "跨表"
    case disclosure = "公开文档"
}

/// A rule's documentation and test data.
public struct CheckDescription: Sendable {
    /// Stable, namespaced, never reused: `SE.SCORE.010`.
    public let id: String
    /// Mnemonic: `score-out-of-range`.
    public let slug: String
    /// Chinese name: 得分超出分值范围.
    public let name: String
    /// Chinese explanation of the rule.
    public let summary: String
    /// What the rule rests on: a regulation, a platform rule, or evidence in published forms.
    public let basis: String
    public let defaultSeverity: Severity
    public let scope: CheckScope
    /// The rounding and tolerance used by arithmetic rules, in Chinese ("四舍五入到 2 位；容差 0.01").
    public let tolerance: String?
    /// Inputs that must produce no finding of this rule.
    public let passing: [CheckExample]
    /// Inputs that must produce exactly the listed findings of this rule.
    public let failing: [CheckExample]

    public init(
        id: String, slug: String, name: String, summary: String, basis: String,
        defaultSeverity: Severity, scope: CheckScope, tolerance: String? = nil,
        passing: [CheckExample], failing: [CheckExample]
    ) {
        self.id = id
        self.slug = slug
        self.name = name
        self.summary = summary
        self.basis = basis
        self.defaultSeverity = defaultSeverity
        self.scope = scope
        self.tolerance = tolerance
        self.passing = passing
        self.failing = failing
    }
}

/// One example: a set of forms (and, for document rules, the document's running text) and the findings the
/// rule must produce on it (none for a passing example).
public struct CheckExample: Sendable {
    public let forms: [Form]
    /// The running text of the document the forms were printed in (its summary sentences); document rules only.
    public let disclosure: String?
    public let expected: [ExpectedFinding]
    /// The policy the example runs under.
    public let policy: ScoringPolicy
    /// Where the example is written, so a failing example points at its own line.
    public let file: String
    public let line: Int

    public init(
        _ forms: [Form], disclosure: String? = nil, expect expected: [ExpectedFinding] = [],
        policy: ScoringPolicy = .national, file: String = #filePath, line: Int = #line
    ) {
        self.forms = forms
        self.disclosure = disclosure
        self.expected = expected
        self.policy = policy
        self.file = file
        self.line = line
    }

    public init(
        _ form: Form, expect expected: [ExpectedFinding] = [], policy: ScoringPolicy = .national,
        file: String = #filePath, line: Int = #line
    ) {
        self.init([form], disclosure: nil, expect: expected, policy: policy, file: file, line: line)
    }
}

/// A finding an example expects: its field path and, where numbers are involved, expected and actual;
/// for rules with more than one severity, the severity of this occurrence.
public struct ExpectedFinding: Sendable, Hashable {
    /// nil: a finding about the document as a whole (document rules).
    public let formIndex: Int?
    public let fieldPath: String?
    public let expected: String?
    public let actual: String?
    public let severity: Severity?

    public init(
        form formIndex: Int = 0, at fieldPath: String?, expected: String? = nil, actual: String? = nil,
        severity: Severity? = nil
    ) {
        self.formIndex = formIndex
        self.fieldPath = fieldPath
        self.expected = expected
        self.actual = actual
        self.severity = severity
    }

    /// A finding of a document rule, about one of the document's sentences.
    public init(document fieldPath: String, expected: String? = nil, actual: String? = nil) {
        self.formIndex = nil
        self.fieldPath = fieldPath
        self.expected = expected
        self.actual = actual
        self.severity = nil
    }
}

/// What a rule saw, before the runner adds id, severity and location.
public struct Violation: Sendable, Hashable {
    /// `indicators[3].score`; nil for the form as a whole.
    public var fieldPath: String?
    /// Chinese message.
    public var message: String
    /// The number (or value) the rule expected and the one the form has, as text.
    public var expected: String?
    public var actual: String?
    /// Severity for this occurrence when the rule has two (e.g. identical vs conflicting duplicates);
    /// nil: the rule's severity in force.
    public var severity: Severity?
    /// Other forms involved (cross-form rules), by index in the checked set.
    public var relatedForms: [Int]
    /// The group the form belongs to, for rules that report forms in groups (duplicates): the report lists
    /// the group's members once, and the finding names it.
    public var group: FormGroup.Membership?

    public init(
        at fieldPath: String?, _ message: String, expected: String? = nil, actual: String? = nil,
        severity: Severity? = nil, relatedForms: [Int] = [], group: FormGroup.Membership? = nil
    ) {
        self.fieldPath = fieldPath
        self.message = message
        self.expected = expected
        self.actual = actual
        self.severity = severity
        self.relatedForms = relatedForms
        self.group = group
    }
}

/// What every rule can see besides its form.
public struct CheckContext: Sendable {
    public let policy: ScoringPolicy
    /// The self-evaluation a rule is looking at, with its score computed once: most rules need it.
    private var focus: (form: SelfEvaluation, score: FormScore)?

    public init(policy: ScoringPolicy) {
        self.policy = policy
    }

    /// This context while the rules check `form`, whose score is `score`.
    func focused(on form: SelfEvaluation, score: FormScore) -> CheckContext {
        var context = self
        context.focus = (form, score)
        return context
    }

    /// The score of a self-evaluation under the context's policy (the form in focus's is computed once).
    public func score(_ form: SelfEvaluation) -> FormScore {
        if let focus, focus.form == form { return focus.score }
        return FormScore(form, policy: policy)
    }
}

/// A rule. Every rule adopts one of the refinements below: a rule about one form (self-evaluation or target
/// table), about a self-evaluation and its target table, about forms compared with each other, or about a
/// published document.
public protocol Check: Sendable {
    static var description: CheckDescription { get }
    init()
}

/// A rule about one self-evaluation.
public protocol SelfEvaluationCheck: Check {
    func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation]
}

/// A rule about a published document: what its summary sentences claim against the forms printed in it
/// (`jixiao audit`). Form files alone carry no document, so these rules see nothing in `jixiao check`.
public protocol DisclosureCheck: Check {
    func check(_ disclosure: Disclosure, context: CheckContext) -> [Violation]
}

/// A rule about one target table.
public protocol TargetTableCheck: Check {
    func check(_ table: TargetTable, context: CheckContext) -> [Violation]
}
