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
        let pad = String(repeating: "  ", count: indent)
        let inner = String(repeating: "  ", count: indent + 1)
        switch self {
        case .string(let text): return JSONValue.quote(text)
        case .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { inner + $0.rendered(indent: indent + 1) }.joined(separator: ",\n") + "\n\(pad)]"
        case .object(let pairs):
            if pairs.isEmpty { return "{}" }
            return "{\n" + pairs.map { "\(inner)\(JSONValue.quote($0.0)): \($0.1.rendered(indent: indent + 1))" }
                .joined(separator: ",\n") + "\n\(pad)}"
        }
    }

    /// JSON string literal; control characters become `\u00XX`.
    static func quote(_ text: String) -> String { QuotedText.escape(text, hexCase: .lower) { $0 < 0x20 } }
}
