import JixiaoCore

/// A self-evaluation as a flat list of fields named by the paths the checks use (`project`,
/// `funds.total.executed`, `funds.sources[0].rate`, `indicators[3].score`, `total`, `analysis.problems`).
///
/// This is the one shape the editor page, the JSON endpoints and the history share: the page names its
/// inputs by these paths, a save applies a map of them onto the stored form, and the history records
/// the paths whose values changed. Every value is text, exactly as entered.
public enum FormFields {
    /// Row-count fields: how many rows the lists have (a save can add or remove rows).
    public static let indicatorCount = "indicators.count"
    public static let sourceCount = "funds.sources.count"
    /// More rows than any real form has; a larger count is refused.
    public static let maximumRows = 200
    /// A text longer than any cell of the printed form; a longer value is refused.
    public static let maximumValueLength = 20_000

    /// Every field of the form, in printed order.
    public static func flatten(_ form: SelfEvaluation) -> [(path: String, value: String)] {
        var fields: [(path: String, value: String)] = []
        for (key, accessor) in top { fields.append((key, accessor.get(form))) }
        for (key, accessor) in fundsRow where key != "source" {
            fields.append(("funds.total.\(key)", accessor.get(form.funds.total)))
        }
        for (index, row) in form.funds.sources.enumerated() {
            for (key, accessor) in fundsRow { fields.append(("funds.sources[\(index)].\(key)", accessor.get(row))) }
        }
        for (key, accessor) in goals { fields.append(("goals.\(key)", accessor.get(form))) }
        for (index, row) in form.indicators.enumerated() {
            for (key, accessor) in indicator { fields.append(("indicators[\(index)].\(key)", accessor.get(row))) }
        }
        for (key, accessor) in totals { fields.append((key, accessor.get(form))) }
        for (key, accessor) in analysis { fields.append(("analysis.\(key)", accessor.get(form))) }
        return fields
    }

    /// The fields that differ between two versions, in printed order (rows added or removed appear as
    /// changes from or to empty).
    public static func changes(from old: SelfEvaluation, to new: SelfEvaluation) -> [FieldChange] {
        let before = Dictionary(flatten(old), uniquingKeysWith: { first, _ in first })
        let after = flatten(new)
        let afterPaths = Set(after.map(\.path))
        var changes = after.compactMap { field -> FieldChange? in
            let previous = before[field.path] ?? ""
            return previous == field.value ? nil : FieldChange(path: field.path, old: previous, new: field.value)
        }
        for field in flatten(old) where !afterPaths.contains(field.path) && !field.value.isEmpty {
            changes.append(FieldChange(path: field.path, old: field.value, new: ""))
        }
        return changes
    }

    /// A field map that cannot be applied, in Chinese.
    public struct FieldError: Error, Sendable, Hashable, CustomStringConvertible {
        public let path: String
        public let problem: String
        /// The path is cut to 80 characters: a client's path is echoed, never a whole hostile one.
        public var description: String { "字段 \(path.prefix(80))：\(problem)" }
    }

    /// Applies `fields` onto `form`: row counts first, then every value. Fields not named keep their value.
    /// Unknown paths, malformed row numbers, rows beyond the row count, bad counts, over-long values and
    /// control characters are refused, and nothing is applied then.
    public static func apply(_ fields: [String: String], to form: SelfEvaluation) throws(FieldError) -> SelfEvaluation {
        var form = form
        if let text = fields[indicatorCount] {
            let count = try rowCount(text, path: indicatorCount)
            form.indicators = resized(form.indicators, to: count) {
                SelfEvaluation.Indicator(
                    level1: "", level2: "", name: "", adjustedTarget: "", actual: "", weight: "", score: "")
            }
        }
        if let text = fields[sourceCount] {
            let count = try rowCount(text, path: sourceCount)
            form.funds.sources = resized(form.funds.sources, to: count) {
                SelfEvaluation.FundsRow(fullYearBudget: "", executed: "")
            }
        }
        for (path, value) in fields.sorted(by: { $0.key < $1.key }) where path != indicatorCount && path != sourceCount
        {
            guard value.count <= maximumValueLength else {
                throw FieldError(path: path, problem: "内容过长（\(value.count) 字），上限 \(maximumValueLength) 字")
            }
            if let control = value.unicodeScalars.first(where: isRefusedControl) {
                throw FieldError(
                    path: path,
                    problem: "含有不可见的控制字符（U+\(hex(control))），请删除后再保存")
            }
            try set(path, value, in: &form)
        }
        return form
    }

    private static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// C0 controls (NUL and the like) other than tab and line breaks: never part of a form's text, and
    /// dangerous in the HTML and XML written from it.
    static func isRefusedControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && !["\t", "\n", "\r"].contains(scalar)) || scalar.value == 0x7F
    }

    private static func rowCount(_ text: String, path: String) throws(FieldError) -> Int {
        guard let count = Int(text), (0...maximumRows).contains(count) else {
            throw FieldError(path: path, problem: "行数应为 0 到 \(maximumRows) 之间的整数，实际是“\(text)”")
        }
        return count
    }

    private static func resized<T>(_ rows: [T], to count: Int, blank: () -> T) -> [T] {
        count <= rows.count ? Array(rows.prefix(count)) : rows + (rows.count..<count).map { _ in blank() }
    }

    private static func set(_ path: String, _ value: String, in form: inout SelfEvaluation) throws(FieldError) {
        if let accessor = top[path] ?? totals[path] { return accessor.set(&form, value) }
        let unknown = FieldError(path: path, problem: "没有这个字段")
        if path.hasPrefix("goals."), let accessor = goals[String(path.dropFirst(6))] {
            return accessor.set(&form, value)
        }
        if path.hasPrefix("analysis."), let accessor = analysis[String(path.dropFirst(9))] {
            return accessor.set(&form, value)
        }
        if path.hasPrefix("funds.total."), let accessor = fundsRow[String(path.dropFirst(12))],
            !path.hasSuffix(".source")
        {
            return accessor.set(&form.funds.total, value)
        }
        if let (index, key) = try row(path, list: "funds.sources") {
            guard let accessor = fundsRow[key] else { throw unknown }
            guard index < form.funds.sources.count else { throw beyond(path, form.funds.sources.count, sourceCount) }
            return accessor.set(&form.funds.sources[index], value)
        }
        if let (index, key) = try row(path, list: "indicators") {
            guard let accessor = indicator[key] else { throw unknown }
            guard index < form.indicators.count else { throw beyond(path, form.indicators.count, indicatorCount) }
            return accessor.set(&form.indicators[index], value)
        }
        throw unknown
    }

    /// The row of a path into `list`; nil when the path is not into that list, and refused when it is but its
    /// row number is not a plain index (`[-1]`, `[1e3]`, `[01]`, `[99999]`, `[]`, a missing `]` or `.`).
    private static func row(_ path: String, list: String) throws(FieldError) -> (Int, String)? {
        guard path.hasPrefix(list + "[") else { return nil }
        guard let found = indexed(path, list: list) else {
            throw FieldError(
                path: path,
                problem: "行号无效：应写成 \(list)[行号].列名，行号为 0 到 \(maximumRows - 1) 之间的整数（不带符号和前导零）")
        }
        return found
    }

    private static func beyond(_ path: String, _ count: Int, _ countPath: String) -> FieldError {
        FieldError(path: path, problem: "该表只有 \(count) 行；要增加行请同时提交 \(countPath)")
    }

    /// `indicators[12].score` → (12, "score") for the list `indicators`. Only a canonical row number within
    /// `maximumRows` is one: ASCII digits, no sign, no leading zero; anything else is nil.
    static func indexed(_ path: String, list: String) -> (Int, String)? {
        guard path.hasPrefix(list + "["), let close = path.firstIndex(of: "]") else { return nil }
        let digits = path[path.index(path.startIndex, offsetBy: list.count + 1)..<close]
        let rest = path[path.index(after: close)...]
        guard !digits.isEmpty, digits.count <= 3, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            digits == "0" || digits.first != "0", let index = Int(digits), index < maximumRows, rest.hasPrefix(".")
        else { return nil }
        return (index, String(rest.dropFirst()))
    }

    // MARK: Accessors: each field's reading and writing in one place.

    struct Accessor<Root>: Sendable {
        let get: @Sendable (Root) -> String
        let set: @Sendable (inout Root, String) -> Void
    }

    /// An optional text column: absent stays absent when left empty.
    private static func optional<Root>(_ keyPath: WritableKeyPath<Root, String?> & Sendable) -> Accessor<Root> {
        Accessor(
            get: { $0[keyPath: keyPath] ?? "" },
            set: { root, value in
                if root[keyPath: keyPath] != nil || !value.isEmpty { root[keyPath: keyPath] = value }
            })
    }

    /// An optional number column: absent stays absent when left empty.
    private static func optionalNumber<Root>(
        _ keyPath: WritableKeyPath<Root, EnteredNumber?> & Sendable
    ) -> Accessor<Root> {
        Accessor(
            get: { $0[keyPath: keyPath]?.text ?? "" },
            set: { root, value in
                if root[keyPath: keyPath] != nil || !value.isEmpty { root[keyPath: keyPath] = EnteredNumber(value) }
            })
    }

    private static func text<Root>(_ keyPath: WritableKeyPath<Root, String> & Sendable) -> Accessor<Root> {
        Accessor(get: { $0[keyPath: keyPath] }, set: { $0[keyPath: keyPath] = $1 })
    }

    private static func number<Root>(_ keyPath: WritableKeyPath<Root, EnteredNumber> & Sendable) -> Accessor<Root> {
        Accessor(get: { $0[keyPath: keyPath].text }, set: { $0[keyPath: keyPath] = EnteredNumber($1) })
    }

    private static func value<Root>(_ keyPath: WritableKeyPath<Root, IndicatorValue> & Sendable) -> Accessor<Root> {
        Accessor(get: { $0[keyPath: keyPath].text }, set: { $0[keyPath: keyPath] = IndicatorValue($1) })
    }

    private static func coded<Root>(_ keyPath: WritableKeyPath<Root, CodedName> & Sendable) -> Accessor<Root> {
        Accessor(get: { $0[keyPath: keyPath].text }, set: { $0[keyPath: keyPath] = CodedName($1) })
    }

    /// An ordered table of accessors that can also be looked up by key.
    struct Table<Root>: Sequence, Sendable {
        let entries: [(String, Accessor<Root>)]
        let byKey: [String: Accessor<Root>]

        init(_ entries: [(String, Accessor<Root>)]) {
            self.entries = entries
            byKey = Dictionary(entries, uniquingKeysWith: { first, _ in first })
        }

        subscript(key: String) -> Accessor<Root>? { byKey[key] }
        func makeIterator() -> IndexingIterator<[(String, Accessor<Root>)]> { entries.makeIterator() }
    }

    static let top = Table<SelfEvaluation>([
        ("project", text(\.project)), ("projectCode", optional(\.projectCode)), ("department", coded(\.department)),
        ("agency", coded(\.agency)), ("implementingAgency", optional(\.implementingAgency)),
    ])

    static let goals = Table<SelfEvaluation>([
        ("annual", text(\.goals.annual)), ("completion", text(\.goals.completion)),
    ])

    static let totals = Table<SelfEvaluation>([
        ("total", number(\.printedTotal)), ("totalWeight", optionalNumber(\.printedWeightTotal)),
        ("grade", optional(\.printedGrade)),
    ])

    static let analysis = Table<SelfEvaluation>([
        ("execution", text(\.analysis.execution)), ("output", text(\.analysis.output)),
        ("benefit", text(\.analysis.benefit)), ("satisfaction", text(\.analysis.satisfaction)),
        ("experience", text(\.analysis.experience)), ("problems", text(\.analysis.problems)),
        ("improvements", text(\.analysis.improvements)),
    ])

    static let fundsRow = Table<SelfEvaluation.FundsRow>([
        ("source", text(\.source)), ("declared", number(\.declared)), ("compiled", number(\.compiled)),
        ("fullYearBudget", number(\.fullYearBudget)), ("received", optionalNumber(\.received)),
        ("executed", number(\.executed)), ("balance", number(\.balance)), ("weight", optionalNumber(\.weight)),
        ("rate", number(\.rate)), ("score", number(\.score)), ("deviation", optional(\.deviation)),
    ])

    static let indicator = Table<SelfEvaluation.Indicator>([
        ("level1", text(\.level1)), ("level2", text(\.level2)), ("name", text(\.name)),
        ("nature", optional(\.nature)), ("initialTarget", value(\.initialTarget)),
        ("adjustedTarget", value(\.adjustedTarget)), ("unit", optional(\.unit)), ("actual", value(\.actual)),
        ("qualitativeNote", optional(\.qualitativeNote)), ("explanation", optional(\.explanation)),
        ("completionStatus", optional(\.completionStatus)), ("weight", number(\.weight)),
        ("weightPercent", optionalNumber(\.weightPercent)), ("scoreCoefficient", optionalNumber(\.scoreCoefficient)),
        ("score", number(\.score)), ("convertedScore", optionalNumber(\.convertedScore)),
        ("scoringCriteria", optional(\.scoringCriteria)), ("coreIndicator", optional(\.coreIndicator)),
        ("deviation", text(\.deviation)),
    ])
}
