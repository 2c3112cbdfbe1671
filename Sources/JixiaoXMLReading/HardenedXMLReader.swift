import CLibXML2
import Foundation

/// What a document may be before it is refused; checked on the raw bytes as they are fed to libxml2
/// (`MarkupScanner`), so a hostile document is stopped before libxml2 does quadratic or unbounded work.
public struct XMLReadingLimits: Sendable {
    /// Bytes read in all.
    public var documentBytes: Int64
    /// Nested elements (libxml2's own limit, 256, is never reached).
    public var depth: Int
    /// Attributes, namespace declarations included, on one element (libxml2 checks duplicates quadratically).
    public var attributesPerElement: Int

    /// Generous for every document Jixiao reads (forms, batches, workbook parts, Word parts): a form XML is 4
    /// levels deep, a worksheet 5, a Word body with nested tables about 20; Word's root element declares
    /// about 40 namespaces.
    public init(documentBytes: Int64 = 256 << 20, depth: Int = 128, attributesPerElement: Int = 256) {
        self.documentBytes = documentBytes
        self.depth = depth
        self.attributesPerElement = attributesPerElement
    }

    /// `8 GB`, `64 MB`, `512 KB`.
    static func describe(bytes: Int64) -> String {
        if bytes >= 1 << 30, bytes % (1 << 30) == 0 { return "\(bytes >> 30) GB" }
        if bytes >= 1 << 20 { return "\(bytes >> 20) MB" }
        return "\(bytes >> 10) KB"
    }
}

/// The one libxml2 reader for untrusted XML (form and batch files, .xlsx parts, and the Word/HTML readers to
/// come): a pull reader over libxml2's `xmlTextReader` that never touches the network, never substitutes an
/// entity, never loads a DTD, refuses any document type or entity declaration, reads UTF-8 only, and
/// enforces `XMLReadingLimits` before libxml2 sees the bytes. libxml2's messages arrive in Chinese (with the
/// original kept).
///
///     let reader = try HardenedXMLReader(.data(bytes))
///     while let event = try reader.next() { … }
///
/// One reader is used from one thread at a time; `next()` installs libxml2's (thread-local) error handler for
/// the duration of the call.
public final class HardenedXMLReader {
    public enum Input {
        case data(Data)
        case file(path: String)
        /// An open descriptor (a pipe, standard input) read to its end; the caller owns and closes it.
        case descriptor(Int32)
    }

    public struct Element: Sendable {
        /// Local name (`c` for `<x:c>`).
        public let name: String
        public let namespace: String
        /// By local name; namespace declarations are left out.
        public let attributes: [String: String]
        public let line: Int
        /// `<c/>`: no `.end` follows… except that `next()` reports one at once, so callers need not care.
        public let isEmpty: Bool
    }

    public enum Event {
        case start(Element)
        case end(name: String, namespace: String)
        /// Character data, CDATA or whitespace inside an element.
        case text(String)
    }

    /// Why reading stopped. `message` is Chinese; `original` is libxml2's English, when it came from libxml2.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public enum Kind: Sendable {
            /// The file cannot be opened (missing, a folder, no permission).
            case unreadable
            /// Refused by policy or a limit before parsing (DTD, encoding, size, depth, attributes).
            case refused
            /// Not well-formed XML, as libxml2 found.
            case malformed
        }
        public let kind: Kind
        public let line: Int?
        public let message: String
        public let original: String?
        public var description: String {
            (line.map { "第 \($0) 行：" } ?? "") + message + (original.map { "（原文：\($0)）" } ?? "")
        }
    }

    /// A non-fatal libxml2 report (a schema validity error, a namespace warning-level error), for callers that
    /// collect them; `isSchema` tells schema-validation reports from parser ones.
    public struct Diagnostic: Sendable {
        public let line: Int?
        public let original: String
        public let isSchema: Bool

        public init(line: Int?, original: String, isSchema: Bool) {
            self.line = line
            self.original = original
            self.isSchema = isSchema
        }
    }

    private var source: Source
    private var scanner: MarkupScanner
    private var reader: xmlTextReaderPtr?
    private let diagnostics: ((Diagnostic) -> Void)?
    private var fatal: (line: Int?, original: String)?
    private var pendingEnd: (String, String)?

    private enum Source {
        case data(Data, position: Int)
        case descriptor(Int32, owned: Bool)
    }

    public init(
        _ input: Input, limits: XMLReadingLimits = XMLReadingLimits(), diagnostics: ((Diagnostic) -> Void)? = nil
    ) throws(Failure) {
        scanner = MarkupScanner(limits: limits)
        self.diagnostics = diagnostics
        switch input {
        case .data(let data): source = .data(data, position: 0)
        case .descriptor(let descriptor): source = .descriptor(descriptor, owned: false)
        case .file(let path): source = .descriptor(try Self.open(path, limits: limits), owned: true)
        }
        xmlInitParser()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)
        reader = xmlReaderForIO(
            { context, buffer, length in
                guard let context, let buffer else { return -1 }
                return Unmanaged<HardenedXMLReader>.fromOpaque(context).takeUnretainedValue().feed(
                    buffer, length: Int(length))
            }, nil, Unmanaged.passUnretained(self).toOpaque(), nil, nil, options)
        if reader == nil {
            throw failure(otherwise: Failure(kind: .malformed, line: nil, message: "无法创建 XML 读取器", original: nil))
        }
    }

    deinit {
        if let reader { xmlFreeTextReader(reader) }
        if case .descriptor(let descriptor, owned: true) = source { close(descriptor) }
    }

    /// Validates the document against `schema` while it is read (before the first `next()`); schema errors
    /// arrive as diagnostics. Returns false when libxml2 refuses the schema.
    package func validate(against schema: xmlSchemaPtr) -> Bool {
        guard let reader else { return false }
        return xmlTextReaderSetSchema(reader, schema) == 0
    }

    /// The next event, or nil at the end of the document.
    public func next() throws(Failure) -> Event? {
        if let (name, namespace) = pendingEnd {
            pendingEnd = nil
            return .end(name: name, namespace: namespace)
        }
        guard let reader else { return nil }
        let context = Unmanaged.passUnretained(self).toOpaque()
        xmlSetStructuredErrorFunc(
            context,
            { context, error in
                guard let context, let error else { return }
                Unmanaged<HardenedXMLReader>.fromOpaque(context).takeUnretainedValue().report(error.pointee)
            })
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        while true {
            let status = xmlTextReaderRead(reader)
            if status < 0 || fatal != nil || scanner.refusal != nil {
                throw failure(
                    otherwise: Failure(kind: .malformed, line: nil, message: "XML 格式错误，无法继续读取", original: nil))
            }
            if status == 0 { return nil }
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                let element = Self.element(reader)
                if element.isEmpty { pendingEnd = (element.name, element.namespace) }
                return .start(element)
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                return .end(
                    name: Self.string(xmlTextReaderConstLocalName(reader)),
                    namespace: Self.string(xmlTextReaderConstNamespaceUri(reader)))
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                return .text(Self.string(xmlTextReaderConstValue(reader)))
            case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue), Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue),
                Int32(XML_READER_TYPE_ENTITY.rawValue):
                // Unreachable past the scanner; kept so a gap there can never become an entity expansion.
                throw Failure(
                    kind: .refused, line: Self.line(reader), message: "文件含有文档类型声明或实体，拒绝读取", original: nil)
            default:
                continue
            }
        }
    }

    /// The failure to report: a scanner refusal first (it caused libxml2's error), then libxml2's first fatal
    /// error, then `otherwise`.
    private func failure(otherwise: Failure) -> Failure {
        if let refusal = scanner.refusal {
            return Failure(kind: .refused, line: scanner.refusalLine, message: refusal, original: nil)
        }
        if let fatal {
            return Failure(
                kind: .malformed, line: fatal.line,
                message: LibXMLMessages.chinese(fatal.original) ?? "XML 格式错误", original: fatal.original)
        }
        return otherwise
    }

    private func report(_ error: xmlError) {
        guard error.level != XML_ERR_WARNING else { return }
        let original =
            error.message.map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines)
            ?? "unknown error"
        let line = error.line > 0 ? Int(error.line) : nil
        let isSchema =
            error.domain == Int32(XML_FROM_SCHEMASV.rawValue) || error.domain == Int32(XML_FROM_SCHEMASP.rawValue)
        if error.level == XML_ERR_FATAL, !isSchema {
            if fatal == nil { fatal = (line, original) }
            return
        }
        diagnostics?(Diagnostic(line: line, original: original, isSchema: isSchema))
    }

    /// libxml2's read callback: the next bytes, scanned first; -1 once the scanner refuses.
    private func feed(_ buffer: UnsafeMutablePointer<CChar>, length: Int) -> Int32 {
        var count = 0
        switch source {
        case .data(let data, let position):
            count = min(length, data.count - position)
            if count > 0 {
                data.withUnsafeBytes { raw in
                    guard let base = raw.baseAddress else { return }
                    UnsafeMutableRawPointer(buffer).copyMemory(from: base + position, byteCount: count)
                }
            }
            source = .data(data, position: position + count)
        case .descriptor(let descriptor, _):
            count = Glibc.read(descriptor, buffer, length)
            guard count >= 0 else { return -1 }
        }
        if count == 0 { return scanner.finish() ? 0 : -1 }
        return scanner.scan(UnsafeRawBufferPointer(start: buffer, count: count)) ? Int32(count) : -1
    }

    private static func open(_ path: String, limits: XMLReadingLimits) throws(Failure) -> Int32 {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw Failure(kind: .unreadable, line: nil, message: "文件不存在或无法读取", original: nil)
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw Failure(kind: .unreadable, line: nil, message: "这是一个文件夹，不是 XML 文件", original: nil)
        }
        if Int64(info.st_size) > limits.documentBytes {
            throw Failure(
                kind: .refused, line: nil,
                message: "文件超过 \(XMLReadingLimits.describe(bytes: limits.documentBytes)) 的上限，拒绝读取", original: nil)
        }
        let descriptor = Glibc.open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw Failure(kind: .unreadable, line: nil, message: "无法打开文件（没有读取权限？）", original: nil)
        }
        return descriptor
    }

    private static func element(_ reader: xmlTextReaderPtr) -> Element {
        let name = string(xmlTextReaderConstLocalName(reader))
        let namespace = string(xmlTextReaderConstNamespaceUri(reader))
        let line = line(reader)
        let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
        var attributes: [String: String] = [:]
        if xmlTextReaderHasAttributes(reader) == 1 {
            while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
                attributes[string(xmlTextReaderConstLocalName(reader))] = string(xmlTextReaderConstValue(reader))
            }
            xmlTextReaderMoveToElement(reader)
        }
        return Element(name: name, namespace: namespace, attributes: attributes, line: line, isEmpty: isEmpty)
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    private static func line(_ reader: xmlTextReaderPtr) -> Int {
        guard let node = xmlTextReaderCurrentNode(reader) else { return Int(xmlTextReaderGetParserLineNumber(reader)) }
        return Int(xmlGetLineNo(node))
    }
}
