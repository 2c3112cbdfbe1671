import CLibXML2
import Foundation
import JixiaoFormats

/// Walks an HTML (or XHTML) document parsed by libxml2's HTML parser: no network, no entity substitution
/// (the HTML parser never loads a DTD or an external entity), errors recovered rather than fatal. The walk is
/// iterative, so a deeply nested hostile page cannot exhaust the stack.
enum HTMLTree {
    enum Event {
        case start(name: String, attribute: (String) -> String?)
        case end(name: String)
        case text(String)
    }

    /// Elements whose content is never document text.
    static let ignored: Set<String> = [
        "script", "style", "noscript", "template", "head", "iframe", "object", "embed", "svg", "math", "select",
        "textarea", "button",
    ]

    static func walk(
        _ data: Data, file: String, format: String, _ handle: (Event) throws(ImportError) -> Void
    ) throws(ImportError) {
        let options =
            Int32(HTML_PARSE_NONET.rawValue) | Int32(HTML_PARSE_NOERROR.rawValue)
            | Int32(HTML_PARSE_NOWARNING.rawValue) | Int32(HTML_PARSE_RECOVER.rawValue)
            | Int32(HTML_PARSE_COMPACT.rawValue)
        let document: htmlDocPtr? = data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return nil }
            return htmlReadMemory(base, Int32(raw.count), file, nil, options)
        }
        guard let document, let root = xmlDocGetRootElement(document) else {
            if let document { xmlFreeDoc(document) }
            throw ImportError(file: file, problem: "\(format)无法解析（不是 HTML，或已损坏）", fix: "确认选对了文件；可在浏览器中打开后“另存为”网页再导入")
        }
        defer { xmlFreeDoc(document) }
        // (node, entered): a node is pushed once to be entered and once more to be left.
        var stack: [(node: xmlNodePtr, leaving: Bool)] = [(root, false)]
        while let (node, leaving) = stack.popLast() {
            let name = node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
            if leaving {
                try handle(.end(name: name))
                continue
            }
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                guard !ignored.contains(name) else { continue }
                try handle(
                    .start(
                        name: name,
                        attribute: { attribute in
                            guard let value = xmlGetProp(node, attribute) else { return nil }
                            defer { free(value) }
                            return String(cString: value)
                        }))
                stack.append((node, true))
                var children: [xmlNodePtr] = []
                var child = node.pointee.children
                while let current = child {
                    children.append(current)
                    child = current.pointee.next
                }
                stack += children.reversed().map { ($0, false) }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content { try handle(.text(String(cString: content))) }
            default:
                continue
            }
        }
    }
}
