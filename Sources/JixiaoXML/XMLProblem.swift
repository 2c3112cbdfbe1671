import Foundation
import JixiaoFormats
import JixiaoXMLReading

/// One thing wrong with an XML document: where, what (Chinese) and libxml2's own words.
public struct XMLProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The document as the user named it.
    public var file: String
    /// 1-based line, where known.
    public var line: Int?
    /// Chinese explanation.
    public var message: String
    /// libxml2's English message, kept so it can be searched for.
    public var original: String?

    public init(file: String, line: Int? = nil, message: String, original: String? = nil) {
        self.file = file
        self.line = line
        self.message = message
        self.original = original
    }

    /// `out/a.xml:12: 元素 KPI_VAL：……（原文：Element '…': …）`
    public var description: String {
        let place = file + (line.map { ":\($0)" } ?? "")
        let english = original.map { "（原文：\($0)）" } ?? ""
        return "\(place): \(message)\(english)"
    }
}

/// Chinese explanations of libxml2's parser and schema messages.
enum ProblemTranslation {
    /// Translates one libxml2 message. Unknown kinds keep a generic Chinese lead and the English original.
    static func chinese(_ english: String, isSchemaError: Bool) -> String {
        let (element, rest) = splitElement(english)
        let subject = element.map { "元素 \($0)：" } ?? ""
        if let text = schemaMessage(rest) { return subject + text }
        if let text = LibXMLMessages.chinese(english) { return text }
        return isSchemaError ? subject + "不符合导出模式" : "XML 格式错误"
    }

    /// `Element '{urn:…}KPI_VAL': rest` → (`KPI_VAL`, `rest`).
    static func splitElement(_ message: String) -> (String?, String) {
        for lead in ["Element '", "Element "] where message.hasPrefix(lead) {
            let body = message.dropFirst(lead.count)
            guard let end = body.range(of: "': ") ?? body.range(of: ": ") else { break }
            var name = String(body[..<end.lowerBound])
            if let brace = name.lastIndex(of: "}") { name = String(name[name.index(after: brace)...]) }
            if let comma = name.range(of: "', attribute '") {
                name = String(name[..<comma.lowerBound]) + " 的属性 " + String(name[comma.upperBound...])
            }
            return (name, String(body[end.upperBound...]))
        }
        return (nil, message)
    }

    /// The quoted pieces of a message, in order: `'a' … 'b'` → [a, b].
    static func quoted(_ text: String) -> [String] {
        text.split(separator: "'", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    /// `{urn:…}Name` → `Name`; lists `( {a}X, {b}Y )` keep their local names.
    static func localName(_ text: String) -> String {
        var out = ""
        var skipping = false
        for ch in text {
            if ch == "{" { skipping = true } else if ch == "}" { skipping = false } else if !skipping { out.append(ch) }
        }
        return out
    }

    static func expected(_ text: String) -> String {
        guard let range = text.range(of: "Expected is ") else { return "" }
        let list = localName(String(text[range.upperBound...])).trimmingCharacters(in: CharacterSet(charactersIn: " ."))
        return "；应为 \(list.replacingOccurrences(of: "one of ", with: "其中之一 "))"
    }

    static func schemaMessage(_ text: String) -> String? {
        let q = quoted(text)
        if text.hasPrefix("This element is not expected") { return "此处不应出现该元素" + expected(text) }
        if text.hasPrefix("Missing child element(s)") { return "缺少子元素" + expected(text) }
        if text.contains("is not a valid value of the"), let value = q.first {
            // An anonymous (local) type has no name to give.
            let type = q.count > 1 ? typeName(localName(q[1])) : "取值（不符合该元素规定的类型）"
            return "值“\(EchoedText.cut(value))”不是有效的\(type)"
        }
        if text.contains("[facet 'maxLength']"), q.count >= 3 { return "长度 \(q[q.count - 2]) 超过上限 \(q[q.count - 1])" }
        if text.contains("[facet 'minLength']"), q.count >= 3 { return "长度 \(q[q.count - 2]) 低于下限 \(q[q.count - 1])" }
        if text.contains("[facet 'pattern']"), q.count >= 3 { return "值“\(q[1])”不符合格式 \(q[2])" }
        if text.contains("[facet 'fractionDigits']"), q.count >= 3 { return "值“\(q[1])”的小数位数超过 \(q[2]) 位" }
        if text.contains("[facet 'totalDigits']"), q.count >= 3 { return "值“\(q[1])”的总位数超过 \(q[2]) 位" }
        if text.contains("[facet 'enumeration']"), q.count >= 2 { return "值“\(q[1])”不在允许的取值中" }
        if text.hasPrefix("The attribute"), text.contains("is required but missing"), let name = q.first {
            return "缺少必需的属性 \(name)"
        }
        if text.hasPrefix("The attribute"), text.contains("is not allowed"), let name = q.first {
            return "不允许属性 \(name)"
        }
        if text.contains("does not match the fixed value constraint"), q.count >= 2 {
            return "值“\(q[0])”应为固定值“\(q[1])”"
        }
        if text.hasPrefix("No matching global declaration available for the validation root") {
            return "根元素在导出模式中没有声明（命名空间或元素名不对？应为自评表、目标表或批次文件）"
        }
        if text.hasPrefix("Duplicate key-sequence"), q.count >= 2 { return "“\(q[0])”重复，违反唯一性约束 \(q[1])" }
        if text.hasPrefix("No match found for key-sequence"), q.count >= 2 { return "“\(q[0])”没有对应的键（约束 \(q[1])）" }
        if text.contains("Character content other than whitespace is not allowed") { return "此处只能有子元素，不能有文字" }
        if text.contains("Character content is not allowed, because the content type is empty") { return "此元素不能有内容" }
        if text.contains("Element content is not allowed, because the content type is a simple type") {
            return "此元素只能有文字，不能有子元素"
        }
        return nil
    }

    static func typeName(_ type: String) -> String {
        switch type {
        case "Amount": "金额（最多 18 位数字、2 位小数）"
        case "Rate", "Weight": "数值（最多 16 位数字、4 位小数）"
        case "Score": "分数（最多 16 位数字、6 位小数）"
        case "Year": "年度（四位数字）"
        case "Code": "代码（字母数字，最多 21 位）"
        case "xs:decimal": "十进制数"
        case "xs:integer", "xs:int", "xs:positiveInteger", "xs:nonNegativeInteger": "整数"
        case "xs:boolean": "布尔值（true/false）"
        case "xs:dateTime": "日期时间（ISO 8601）"
        default: "\(type) 类型的值"
        }
    }
}
