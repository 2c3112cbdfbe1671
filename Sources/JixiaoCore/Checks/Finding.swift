/// One finding in a report: a rule's violation with the id, the severity in force and a precise location.
public struct Finding: Sendable, Hashable {
    public let ruleID: String
    public let slug: String
    public let severity: Severity
    /// Chinese message.
    public let message: String
    public let location: Location
    public let expected: String?
    public let actual: String?
    /// Rounding and tolerance of the rule, where it does arithmetic.
    public let tolerance: String?
    /// Other forms involved, by their labels (files); for a group, its first few members.
    public let related: [String]
    /// The group the form belongs to (duplicates, near-duplicates): the report lists each group once.
    public let group: FormGroup.Membership?

    public init(
        ruleID: String, slug: String, severity: Severity, message: String, location: Location,
        expected: String? = nil, actual: String? = nil, tolerance: String? = nil, related: [String] = [],
        group: FormGroup.Membership? = nil
    ) {
        self.ruleID = ruleID
        self.slug = slug
        self.severity = severity
        self.message = message
        self.location = location
        self.expected = expected
        self.actual = actual
        self.tolerance = tolerance
        self.related = related
        self.group = group
    }

    public struct Location: Sendable, Hashable {
        /// The file (or document) the form came from.
        public let file: String
        /// Index of the form in the checked set; nil for a finding about the document as a whole.
        public let formIndex: Int?
        /// `indicators[3].score`; nil for the form as a whole.
        public let fieldPath: String?
        /// Source line, where the source has lines.
        public let line: Int?

        public init(file: String, formIndex: Int?, fieldPath: String?, line: Int?) {
            self.file = file
            self.formIndex = formIndex
            self.fieldPath = fieldPath
            self.line = line
        }
    }
}

/// Severity overrides and rule selection: from the policy, from `.jixiao.yml`, from the command line.
public struct CheckConfiguration: Sendable, Hashable {
    /// Rule id → new severity, or nil to disable the rule.
    public var overrides: [String: Override]
    /// When set, only these rules run.
    public var only: Set<String>?
    /// `--strict`: warnings count as errors for the exit code.
    public var strict: Bool

    public struct Override: Sendable, Hashable {
        /// nil disables the rule.
        public let severity: Severity?
        /// Where the override came from (`policy:shanxi`, `.jixiao.yml`, `--disable`).
        public let origin: String

        public init(severity: Severity?, origin: String) {
            self.severity = severity
            self.origin = origin
        }
    }

    public init(overrides: [String: Override] = [:], only: Set<String>? = nil, strict: Bool = false) {
        self.overrides = overrides
        self.only = only
        self.strict = strict
    }
}

/// An override that was applied, for the report.
public struct AppliedOverride: Sendable, Hashable {
    public let ruleID: String
    public let from: Severity
    /// nil: disabled.
    public let to: Severity?
    public let origin: String
}
