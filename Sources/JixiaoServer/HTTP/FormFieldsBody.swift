import Foundation

/// An `application/x-www-form-urlencoded` body (or query string): names and values percent-decoded, `+` as
/// space. A name given twice is refused, so no value silently wins — except list names ending in `[]`
/// (a multiple select), whose values are collected.
public struct FormFieldsBody: Sendable, Hashable {
    public let values: [String: String]
    public let lists: [String: [String]]

    public init(values: [String: String], lists: [String: [String]] = [:]) {
        self.values = values
        self.lists = lists
    }

    public init(parsing text: String) throws(RequestError) {
        var values: [String: String] = [:]
        var lists: [String: [String]] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = FormFieldsBody.decode(parts[0]), !name.isEmpty else {
                throw .badRequest("表单字段名无法解码：“\(parts[0].prefix(80))”")
            }
            guard let value = FormFieldsBody.decode(parts.count > 1 ? parts[1] : "") else {
                throw .badRequest("字段 \(name) 的值不是有效的 UTF-8 文本")
            }
            if name.hasSuffix("[]") {
                lists[String(name.dropLast(2)), default: []].append(value)
                continue
            }
            guard values[name] == nil else { throw .badRequest("字段 \(name) 提交了两次") }
            values[name] = value
        }
        self.values = values
        self.lists = lists
    }

    static func decode(_ part: Substring) -> String? {
        String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    public subscript(name: String) -> String? { values[name] }

    /// A required field.
    public func text(_ name: String, label: String) throws(RequestError) -> String {
        guard let value = values[name] else { throw .badRequest("缺少\(label)（字段 \(name)）") }
        return value
    }

    /// A required integer field (ids, versions).
    public func integer(_ name: String, label: String) throws(RequestError) -> Int {
        let text = try text(name, label: label)
        guard let value = Int(text) else { throw .badRequest("\(label)应为整数，实际是“\(text.prefix(40))”") }
        return value
    }

    /// The form's own fields: every name except the control fields that start with `_`.
    public var formFields: [String: String] { values.filter { !$0.key.hasPrefix("_") } }
}
