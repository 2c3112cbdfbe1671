import Foundation
import JixiaoCore

/// A JSON document with ordered keys, so reports are deterministic and decimals keep their fixed scale.
public indirect enum JSONValue: Sendable, Hashable {
    case string(String)
    /// A number written as given (already formatted).
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// Decimals are reported as strings with exactly two decimals (`"85.39"`): JSON numbers would be read
    /// as binary floating point by most consumers.
    public static func decimal(_ value: Decimal?) -> JSONValue {
        value.map { .string(DecimalText.fixed($0)) } ?? .null
    }

    public static func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

    public static func int(_ value: Int?) -> JSONValue { value.map { .number(String($0)) } ?? .null }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered() == rhs.rendered() }
    public func hash(into hasher: inout Hasher) { hasher.combine(rendered()) }

    /// Pretty-printed with two-space indentation, non-ASCII kept as is.
    public func rendered(indent: Int = 0) -> String {
        var out = ""
        write(to: &out, indent: indent, pretty: true)
        return out
    }

    /// On one line, without spaces: for answers read by programs (the web application's JSON interface).
    public var compact: String {
        var out = ""
        write(to: &out, indent: 0, pretty: false)
        return out
    }

    private func write(to out: inout String, indent: Int, pretty: Bool) {
        switch self {
        case .string(let text): JSONValue.appendQuoted(text, to: &out)
        case .number(let text): out += text
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            guard !items.isEmpty else {
                out += "[]"
                return
            }
            out += "["
            for (index, item) in items.enumerated() {
                out += index == 0 ? "" : ","
                if pretty { out += JSONValue.margin(indent + 1) }
                item.write(to: &out, indent: indent + 1, pretty: pretty)
            }
            if pretty { out += JSONValue.margin(indent) }
            out += "]"
        case .object(let pairs):
            guard !pairs.isEmpty else {
                out += "{}"
                return
            }
            out += "{"
            for (index, pair) in pairs.enumerated() {
                out += index == 0 ? "" : ","
                if pretty { out += JSONValue.margin(indent + 1) }
                JSONValue.appendQuoted(pair.0, to: &out)
                out += pretty ? ": " : ":"
                pair.1.write(to: &out, indent: indent + 1, pretty: pretty)
            }
            if pretty { out += JSONValue.margin(indent) }
            out += "}"
        }
    }

    /// JSON string literal; control characters become `\u00XX`.
    static func quote(_ text: String) -> String { QuotedText.escape(text, hexCase: .lower) { $0 < 0x20 } }

    /// `quote(text)` appended to `out`; a text needing no escape (no `"`, `\` or control byte in its UTF-8)
    /// is copied whole: a province's report writes millions of strings.
    private static func appendQuoted(_ text: String, to out: inout String) {
        guard !text.utf8.contains(where: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }) else {
            out += quote(text)
            return
        }
        out += "\""
        out += text
        out += "\""
    }

    /// A line break and the indentation of depth `indent`, made once per depth.
    static func margin(_ indent: Int) -> String {
        indent < margins.count ? margins[indent] : "\n" + String(repeating: "  ", count: indent)
    }

    private static let margins = (0..<16).map { "\n" + String(repeating: "  ", count: $0) }
}

extension JSONValue {
    /// An object's members at depth `indent`, as `rendered` writes them, without the braces: for a report
    /// written piece by piece (`{` + members + the members that follow).
    static func members(_ pairs: [(String, JSONValue)], indent: Int) -> String {
        let margin = margin(indent + 1)
        return pairs.map { margin + quote($0.0) + ": " + $0.1.rendered(indent: indent + 1) }.joined(separator: ",")
    }

    /// An element of an array at depth `indent` (rendered at depth `indent + 1`), after its separator.
    static func element(_ rendered: String, first: Bool, indent: Int) -> String {
        (first ? "" : ",") + margin(indent + 1) + rendered
    }

    /// The end of an array at depth `indent` written element by element.
    static func endOfArray(empty: Bool, indent: Int) -> String {
        empty ? "]" : margin(indent) + "]"
    }
}
