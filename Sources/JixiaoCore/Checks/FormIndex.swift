/// What the cross-form rules keep of one form for a whole run: its keys, its indicator-table fingerprint and
/// the few texts their messages quote — never the form itself, so a province's 100 000 forms fit in memory
/// and every comparison is a hash look-up.
public struct FormKeys: Sendable {
    /// Where the form can be read again (its position in the form source), for the comparisons keys cannot
    /// settle.
    public let source: Int
    /// The file (or other label) findings carry.
    public let label: String
    public let identity: FormIdentity
    public let project: String
    /// The unit as printed (`Form.unit`).
    public let unit: String
    public let projectCode: String?
    /// The coded units the form prints (主管部门, 预算单位), for XF.UNIT.010.
    public let units: [(path: String, label: String, unit: CodedName)]
    /// The indicator table, for XF.DUP.020; nil when the form has none.
    public let table: NearDuplicateFormCheck.TableKey?
    /// Year, unit and project as a self-evaluation and its target table are matched.
    public let pairing: TargetPair.Side
    /// Source lines of the fields the index-only rules report at, and of the form as a whole.
    let lines: [String: Int]
    let firstLine: Int?

    /// The fields index-only rules point at; any other field's line is found in the form itself.
    static let locatedFields = ["project", "department", "agency", "indicators", "indicators.annual"]

    public init(_ form: Form, label: String, source: Int) {
        self.source = source
        self.label = label
        identity = FormIdentity(form)
        project = form.project
        unit = form.unit
        projectCode = form.projectCode.flatMap { $0.isEmpty ? nil : $0 }
        units = UnitNameConflictCheck.units(of: form)
        table = NearDuplicateFormCheck.key(of: form)
        pairing = TargetPair.Side(form)
        let all = form.lines
        var lines: [String: Int] = [:]
        for field in FormKeys.locatedFields {
            if let line = CheckRunner.line(of: field, lines: all) { lines[field] = line }
        }
        self.lines = lines
        firstLine = all.values.min()
    }

    public var year: Int { identity.year }
    public var kind: FormIdentity.Kind { identity.kind }

    /// Whether `line(of:)` knows the field's line without the form (the form as a whole, or a located field).
    func locates(_ fieldPath: String?) -> Bool { fieldPath.map(FormKeys.locatedFields.contains) ?? true }

    /// The line of the form as a whole (nil) or of a located field.
    func line(of fieldPath: String?) -> Int? { fieldPath.flatMap { lines[$0] } ?? firstLine }
}

/// The keys of every form of a run, in input order (a form's position here is its form index).
public struct FormIndex: Sendable {
    public private(set) var forms: [FormKeys] = []

    public init() {}

    /// The index of forms held in memory, labelled in order.
    public init(_ forms: [Form], labels: [String]? = nil) {
        for (index, form) in forms.enumerated() {
            append(FormKeys(form, label: labels?[index] ?? "\(index)", source: index))
        }
    }

    public mutating func append(_ keys: FormKeys) { forms.append(keys) }

    public var count: Int { forms.count }

    public subscript(index: Int) -> FormKeys { forms[index] }

    /// Forms sharing a key, for every key held by two forms or more: members in input order, groups in order of
    /// their first member. Forms without a key (nil) are in no group.
    public func groups<Key: Hashable>(by key: (FormKeys) -> Key?) -> [(key: Key, members: [Int])] {
        var members: [Key: [Int]] = [:]
        var order: [Key] = []
        for (index, form) in forms.enumerated() {
            guard let value = key(form) else { continue }
            if members[value] == nil { order.append(value) }
            members[value, default: []].append(index)
        }
        return order.compactMap { value in
            guard let list = members[value], list.count > 1 else { return nil }
            return (value, list)
        }
    }

    /// Each self-evaluation with the first target table (in input order) it belongs to: same year, unit and
    /// project (`TargetPair.belong`). Tables are looked up by year, unit and project keys, never compared
    /// form by form; a self-evaluation meets one table, so the pairs are at most as many as the forms.
    public var targetPairs: [(evaluation: Int, table: Int)] {
        var tables: [String: [Int]] = [:]
        for (index, form) in forms.enumerated() where form.kind == .targetTable {
            for key in form.pairing.lookupKeys(asTable: true) { tables[key, default: []].append(index) }
        }
        guard !tables.isEmpty else { return [] }
        return forms.enumerated().compactMap { index, form in
            guard form.kind == .selfEvaluation else { return nil }
            let candidates = form.pairing.lookupKeys(asTable: false).flatMap { tables[$0] ?? [] }
            let table = candidates.sorted().first { TargetPair.belong(form.pairing, forms[$0].pairing) }
            return table.map { (index, $0) }
        }
    }
}

/// Forms a rule reports together (duplicates, near-duplicates): one entry in the report listing every member,
/// and on each member one finding naming the group. The report grows with the forms, not with their pairs.
public struct FormGroup: Sendable, Hashable {
    /// Stable across runs and input orders: the rule and a hash of what the members share
    /// (`XF.DUP.020-3fa2c1d09b7e4410`).
    public let id: String
    public let ruleID: String
    /// Chinese: what the members share.
    public let summary: String
    /// Members by form index, in input order.
    public let members: [Int]

    public init(ruleID: String, key: StableHash, summary: String, members: [Int]) {
        id = "\(ruleID)-\(key.hex)"
        self.ruleID = ruleID
        self.summary = summary
        self.members = members
    }

    /// What a member's finding carries.
    public struct Membership: Sendable, Hashable {
        public let id: String
        public let size: Int
    }

    public var membership: Membership { Membership(id: id, size: members.count) }

    /// How many members a finding names (`related`); the report's group entry names them all.
    public static let namedMembers = 5

    /// The first members other than `member`, for its finding's `related`.
    public func others(than member: Int) -> [Int] {
        Array(members.lazy.filter { $0 != member }.prefix(FormGroup.namedMembers))
    }
}

/// Forms of the run read again by index, for comparisons the keys cannot settle (are two forms with one
/// identity identical? do a self-evaluation's rows answer its table's?). Remembers the last few it read, as
/// the rules ask for the same form several times in a row; `read` may also be called from several threads at
/// once (the self-evaluation ↔ target-table pairs are compared on every core).
public final class FormFetcher {
    /// Reads the form at a form index, nil when it can no longer be read.
    public let read: @Sendable (Int) -> Form?
    private var recent: [(index: Int, form: Form)] = []
    static let remembered = 8

    public init(_ read: @escaping @Sendable (Int) -> Form?) { self.read = read }

    /// The form at `index`, from the last few read or read again (one thread).
    public func callAsFunction(_ index: Int) -> Form? {
        if let hit = recent.firstIndex(where: { $0.index == index }) { return recent[hit].form }
        guard let form = read(index) else { return nil }
        if recent.count == FormFetcher.remembered { recent.removeFirst() }
        recent.append((index, form))
        return form
    }
}

/// What a cross-form rule found: violations by form index, and the groups they name.
public struct CrossFormViolations: Sendable {
    public var violations: [(form: Int, violation: Violation)]
    public var groups: [FormGroup]

    public init(violations: [(form: Int, violation: Violation)] = [], groups: [FormGroup] = []) {
        self.violations = violations
        self.groups = groups
    }
}

/// A rule comparing forms with each other. It reads the run's `FormIndex` and fetches only the forms it must
/// compare in full, so its cost and its findings are linear in the number of forms, whatever the data.
public protocol CrossFormCheck: Check {
    func violations(in index: FormIndex, context: CheckContext, forms: FormFetcher) -> CrossFormViolations
}
