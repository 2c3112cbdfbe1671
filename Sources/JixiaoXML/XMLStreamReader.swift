internal import CLibXML2
import Foundation

/// An element read from a document: local name, namespace, attributes, text and children.
/// Forms are small, so each is read as a little tree; a batch is streamed form by form.
final class XMLElement {
    let name: String
    let namespace: String
    let line: Int
    var attributes: [String: String] = [:]
    var text = ""
    var children: [XMLElement] = []

    init(name: String, namespace: String, line: Int) {
        self.name = name
        self.namespace = namespace
        self.line = line
    }
}

/// Reads an XML document with libxml2's streaming reader (`xmlTextReader`), validating it against the
/// export schema as it goes. Hostile input is refused: a document type declaration (the carrier of entity
/// bombs and external entities) stops the reading, no DTD or external entity is ever loaded, the network is
/// never used, and the input is capped in size.
final class XMLStreamReader {
    /// A batch of 100 000 forms is about 1.5 GB; nothing we export comes near this.
    static let maximumBytes: Int64 = 8 * 1024 * 1024 * 1024
    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)

    let problems: ProblemCollector

    private let source: Source
    private enum Source {
        case file(path: String)
        case descriptor(Int32)
        case bytes([UInt8])
    }

    init(file path: String, displayName: String) {
        source = .file(path: path)
        problems = ProblemCollector(file: displayName, isSchemaError: false)
    }

    /// Reads from an open descriptor (a pipe) until end of file; the caller owns the descriptor.
    init(descriptor: Int32, displayName: String) {
        source = .descriptor(descriptor)
        problems = ProblemCollector(file: displayName, isSchemaError: false)
    }

    init(bytes: [UInt8], displayName: String) {
        source = .bytes(bytes)
        problems = ProblemCollector(file: displayName, isSchemaError: false)
    }

    /// An element whose children are streamed: each child is handed out as soon as it closes, then dropped.
    /// The child's own children are kept until then.
    struct Container {
        let name: String
        let namespace: String
    }

    /// Reads and validates the whole document. The children of a `streamed` container are handed to
    /// `onElement` (with the root, whose attributes are known by then) as soon as they close and then dropped, so memory stays flat over a batch; everything else
    /// is kept and the root returned. Returns nil when the document could not be read at all; the reasons
    /// are in `problems`. Schema errors do not stop the reading; they are collected.
    func read(
        streaming streamed: [Container] = [],
        onElement: (_ element: XMLElement, _ root: XMLElement) throws -> Void = { _, _ in }
    ) throws -> XMLElement? {
        try withoutActuallyEscaping(onElement) { try read(mode: .tree(streamed: streamed, onElement: $0)) }
    }

    /// Validates the whole document without keeping anything; returns the root element's name and
    /// namespace (nil when the document could not be read).
    func validate() throws -> (name: String, namespace: String)? {
        var root: (String, String)?
        _ = try read(mode: .validateOnly(root: { root = ($0, $1) }))
        return problems.fatal ? nil : root
    }

    private enum Mode {
        case tree(streamed: [Container], onElement: (XMLElement, XMLElement) throws -> Void)
        case validateOnly(root: (String, String) -> Void)
    }

    private func read(mode: Mode) throws -> XMLElement? {
        let schema = try ExportSchema.compiled()
        switch source {
        case .bytes(let bytes):
            if let refusal = Prolog.refusal(bytes.prefix(Prolog.window)) {
                problems.add(XMLProblem(file: problems.file, line: 1, message: refusal))
                return nil
            }
            return try bytes.withUnsafeBufferPointer { buffer throws -> XMLElement? in
                let base = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                guard let reader = xmlReaderForMemory(base, Int32(buffer.count), nil, nil, XMLStreamReader.options)
                else {
                    problems.add(XMLProblem(file: problems.file, message: "无法创建 XML 读取器"))
                    return nil
                }
                return try run(reader, schema: schema, mode: mode)
            }
        case .file, .descriptor:
            let opened: FileInput?
            switch source {
            case .file(let path): opened = FileInput(path: path, problems: problems)
            case .descriptor(let descriptor): opened = FileInput(descriptor: descriptor)
            case .bytes: opened = nil
            }
            guard let input = opened else { return nil }
            if let refusal = Prolog.refusal(input.head[...]) {
                problems.add(XMLProblem(file: problems.file, line: 1, message: refusal))
                return nil
            }
            let context = Unmanaged.passUnretained(input).toOpaque()
            guard
                let reader = xmlReaderForIO(
                    { context, buffer, length in
                        guard let context, let buffer else { return -1 }
                        return Unmanaged<FileInput>.fromOpaque(context).takeUnretainedValue().read(
                            into: buffer, length: Int(length))
                    }, nil, context, nil, nil, XMLStreamReader.options)
            else {
                problems.add(XMLProblem(file: problems.file, message: "无法创建 XML 读取器"))
                return nil
            }
            let root = try withExtendedLifetime(input) {
                try run(reader, schema: schema, mode: mode)
            }
            if input.exceeded {
                problems.add(
                    XMLProblem(file: problems.file, message: "文件超过 \(XMLStreamReader.maximumBytes >> 30) GB 的上限，拒绝读取"))
                return nil
            }
            return root
        }
    }

    private func run(_ reader: xmlTextReaderPtr, schema: ExportSchema, mode: Mode) throws -> XMLElement? {
        defer { xmlFreeTextReader(reader) }
        // The thread's structured error handler receives both parser and schema errors. (The reader's own
        // handler does not see parser errors once a schema is plugged in, in libxml2 2.9.)
        let context = Unmanaged.passUnretained(problems).toOpaque()
        xmlSetStructuredErrorFunc(
            context,
            { context, error in
                guard let context, let error else { return }
                Unmanaged<ProblemCollector>.fromOpaque(context).takeUnretainedValue().add(error)
            })
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        guard xmlTextReaderSetSchema(reader, schema.schema) == 0 else {
            problems.add(XMLProblem(file: problems.file, message: "内部错误：无法启用模式校验"))
            return nil
        }
        var stack: [XMLElement] = []
        var root: XMLElement?
        func closed(_ element: XMLElement) throws {
            guard case .tree(let streamed, let onElement) = mode, let parent = stack.last,
                streamed.contains(where: { $0.name == parent.name && $0.namespace == parent.namespace })
            else { return }
            parent.children.removeLast()
            try onElement(element, stack[0])
        }
        var sawRoot = false
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 { break }
            if status < 0 || problems.fatal {
                if problems.problems.isEmpty {
                    problems.add(XMLProblem(file: problems.file, message: "XML 格式错误，无法继续读取"))
                }
                return nil
            }
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue), Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue),
                Int32(XML_READER_TYPE_ENTITY.rawValue):
                problems.add(
                    XMLProblem(
                        file: problems.file, line: Self.line(reader),
                        message: "文件含有文档类型声明（<!DOCTYPE>）或实体；导出文件从不使用它们，为防止实体炸弹和外部实体读取本机文件，拒绝读取"))
                return nil
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                if case .validateOnly(let report) = mode {
                    if !sawRoot {
                        sawRoot = true
                        report(
                            Self.string(xmlTextReaderConstLocalName(reader)),
                            Self.string(xmlTextReaderConstNamespaceUri(reader)))
                    }
                    break
                }
                let element = XMLElement(
                    name: Self.string(xmlTextReaderConstLocalName(reader)),
                    namespace: Self.string(xmlTextReaderConstNamespaceUri(reader)),
                    line: Self.line(reader))
                let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
                if xmlTextReaderHasAttributes(reader) == 1 {
                    while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                        if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
                        element.attributes[Self.string(xmlTextReaderConstLocalName(reader))] =
                            Self.string(xmlTextReaderConstValue(reader))
                    }
                    xmlTextReaderMoveToElement(reader)
                }
                if let parent = stack.last { parent.children.append(element) } else { root = element }
                if isEmpty { try closed(element) } else { stack.append(element) }
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                guard case .tree = mode, let element = stack.popLast() else { break }
                try closed(element)
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                if let current = stack.last { current.text += Self.string(xmlTextReaderConstValue(reader)) }
            default:
                break
            }
        }
        if problems.fatal { return nil }
        return root
    }

    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    static func line(_ reader: xmlTextReaderPtr) -> Int {
        guard let node = xmlTextReaderCurrentNode(reader) else { return Int(xmlTextReaderGetParserLineNumber(reader)) }
        return Int(xmlGetLineNo(node))
    }
}

/// A file read through our own descriptor (libxml2 never opens it), with a size cap.
private final class FileInput {
    let descriptor: Int32
    private let owned: Bool
    private var consumed: Int64 = 0
    private(set) var exceeded = false

    init(descriptor: Int32) {
        self.descriptor = descriptor
        owned = false
    }

    init?(path: String, problems: ProblemCollector) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            problems.add(XMLProblem(file: problems.file, message: "文件不存在或无法读取"))
            return nil
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            problems.add(XMLProblem(file: problems.file, message: "这是一个文件夹，不是 XML 文件"))
            return nil
        }
        if Int64(info.st_size) > XMLStreamReader.maximumBytes {
            problems.add(
                XMLProblem(file: problems.file, message: "文件超过 \(XMLStreamReader.maximumBytes >> 30) GB 的上限，拒绝读取"))
            return nil
        }
        descriptor = open(path, O_RDONLY)
        owned = true
        guard descriptor >= 0 else {
            problems.add(XMLProblem(file: problems.file, message: "无法打开文件（\(String(cString: strerror(errno)))）"))
            return nil
        }
    }

    deinit { if owned { close(descriptor) } }

    /// The first bytes of the file, read ahead so the prolog can be inspected before libxml2 sees anything.
    private(set) lazy var head: [UInt8] = {
        var bytes = [UInt8](repeating: 0, count: Prolog.window)
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes {
                Glibc.read(descriptor, $0.baseAddress! + filled, $0.count - filled)
            }
            if count <= 0 { break }
            filled += count
        }
        return Array(bytes[..<filled])
    }()
    private var headServed = 0

    func read(into buffer: UnsafeMutablePointer<CChar>, length: Int) -> Int32 {
        if headServed < head.count {
            let count = min(length, head.count - headServed)
            head.withUnsafeBytes { source in
                UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + headServed, byteCount: count)
            }
            headServed += count
            consumed += Int64(count)
            return Int32(count)
        }
        let count = Glibc.read(descriptor, buffer, length)
        guard count >= 0 else { return -1 }
        consumed += Int64(count)
        if consumed > XMLStreamReader.maximumBytes {
            exceeded = true
            return -1
        }
        return Int32(count)
    }
}

/// The prolog of a document (before the root element), inspected before parsing: exported documents are
/// UTF-8 and have no document type declaration, so anything else is refused up front and the parser never
/// sees an entity declaration.
enum Prolog {
    static let window = 64 * 1024

    static func refusal(_ bytes: ArraySlice<UInt8>) -> String? {
        var index = bytes.startIndex
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index += 3 }
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.first == 0
            || bytes.dropFirst().first == 0
        {
            return "文件不是 UTF-8 编码；导出文件一律为 UTF-8"
        }
        func starts(_ text: String) -> Bool { bytes[index...].starts(with: Array(text.utf8)) }
        func skip(past end: String) -> Bool {
            let marker = Array(end.utf8)
            while index < bytes.endIndex {
                if bytes[index...].starts(with: marker) {
                    index += marker.count
                    return true
                }
                index += 1
            }
            return false
        }
        while index < bytes.endIndex {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            case UInt8(ascii: "<"):
                if starts("<!DOCTYPE") || starts("<!ENTITY") {
                    return "文件含有文档类型声明（<!DOCTYPE>）；导出文件从不使用它，为防止实体炸弹和外部实体读取本机文件，拒绝读取"
                }
                if starts("<?xml") {
                    let start = index
                    guard skip(past: "?>") else { return "XML 声明没有结束" }
                    let declaration = String(decoding: bytes[start..<index], as: UTF8.self).lowercased()
                    if let range = declaration.range(of: "encoding="),
                        !declaration[range.upperBound...].dropFirst().hasPrefix("utf-8")
                    {
                        return "XML 声明的编码不是 UTF-8；导出文件一律为 UTF-8"
                    }
                } else if starts("<?") {
                    guard skip(past: "?>") else { return nil }
                } else if starts("<!--") {
                    guard skip(past: "-->") else { return "文件开头的注释过长或没有结束" }
                } else {
                    return nil  // the root element
                }
            default:
                return "不是 XML 文件：开头应为“<”"
            }
        }
        return bytes.count < window ? "文件中没有根元素（文件为空？）" : "文件开头 \(window / 1024) KB 内没有根元素"
    }
}
