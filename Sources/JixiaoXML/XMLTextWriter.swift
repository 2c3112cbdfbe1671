internal import CLibXML2
import Foundation

/// libxml2's `xmlTextWriter` over a memory buffer: UTF-8, indented by two spaces, elements and attributes in
/// the order they are written. `drain()` hands out what has been written so far, so a large document is
/// streamed to disk in pieces.
final class XMLTextWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr
    /// The first failure: libxml2 could not write, or a text holds a character XML cannot carry.
    private(set) var failure: String?

    init() {
        buffer = xmlBufferCreate()
        writer = xmlNewTextWriterMemory(buffer, 0)
        xmlTextWriterSetIndent(writer, 1)
        xmlTextWriterSetIndentString(writer, "  ")
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    /// `<?xml version="1.0" encoding="UTF-8"?>` and a line break.
    static let declaration = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8)

    func startDocument() { check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "document") }

    func endDocument() { check(xmlTextWriterEndDocument(writer), "document") }

    func start(_ name: String) { check(xmlTextWriterStartElement(writer, name), name) }

    func end() { check(xmlTextWriterEndElement(writer), "end") }

    func attribute(_ name: String, _ value: String) {
        guard valid(value, name) else { return }
        check(xmlTextWriterWriteAttribute(writer, name, value), name)
    }

    func attribute(_ name: String, _ value: String?) {
        if let value { attribute(name, value) }
    }

    /// `<name>text</name>`, text escaped; an empty text gives `<name></name>`.
    func element(_ name: String, _ text: String) {
        guard valid(text, name) else { return }
        check(xmlTextWriterWriteElement(writer, name, text), name)
    }

    func element(_ name: String, _ text: String?) {
        if let text { element(name, text) }
    }

    /// An element with text content and attributes.
    func element(_ name: String, _ text: String, attributes: [(String, String?)]) {
        start(name)
        for (key, value) in attributes { attribute(key, value) }
        guard valid(text, name) else { return }
        check(xmlTextWriterWriteString(writer, text), name)
        end()
    }

    /// Bytes written verbatim (already well-formed XML).
    func raw(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { pointer in
            check(xmlTextWriterWriteRawLen(writer, pointer.baseAddress, Int32(pointer.count)), "raw")
        }
    }

    /// Everything written since the last drain.
    func drain() -> [UInt8] {
        check(xmlTextWriterFlush(writer), "flush")
        let count = Int(xmlBufferLength(buffer))
        guard count > 0, let content = xmlBufferContent(buffer) else { return [] }
        let bytes = Array(UnsafeBufferPointer(start: content, count: count))
        xmlBufferEmpty(buffer)
        return bytes
    }

    private func check(_ status: Int32, _ what: String) {
        if status < 0, failure == nil { failure = "libxml2 无法写出 \(what)" }
    }

    /// XML 1.0 cannot carry C0 control characters other than tab, line feed and carriage return, nor
    /// U+FFFE/U+FFFF, even escaped. Such a text is refused rather than silently changed.
    private func valid(_ text: String, _ name: String) -> Bool {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let allowed =
                value >= 0x20 ? value != 0xFFFE && value != 0xFFFF : value == 0x9 || value == 0xA || value == 0xD
            if !allowed {
                if failure == nil {
                    failure = "\(name) 含有 XML 不允许的控制字符 U+\(String(format: "%04X", value))；请从原表单中删除该字符"
                }
                return false
            }
        }
        return true
    }
}
