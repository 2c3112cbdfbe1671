import CLibXML2
import Foundation

/// Streams one XML part of the package through libxml2's `xmlTextReader`, as a flat sequence of events.
///
/// Parsed as untrusted input: no network access, no entity substitution, no external DTD loading, and a
/// document type declaration is refused outright (spreadsheet parts never have one).
package enum XMLPart {
    package enum Event {
        /// An element opened; an empty element (`<c/>`) is followed at once by its `.end`.
        case start(name: String, attributes: [String: String])
        case end(name: String)
        /// Character data, CDATA or whitespace inside an element.
        case text(String)
    }

    package static func parse(
        _ data: Data, part: String, kind: WorkbookArchive.Kind = .workbook,
        _ handle: (Event) throws(WorkbookError) -> Void
    ) throws(WorkbookError) {
        guard !data.isEmpty else {
            throw WorkbookError(problem: "\(kind.noun)部件“\(part)”是空的", fix: "\(kind.resave)后再导入")
        }
        guard !declaresDocumentType(data) else { throw documentTypeRefused(part, kind) }
        let sink = ErrorSink()
        let options = Int32(XML_PARSE_NONET.rawValue)
        let outcome: Result<Void, WorkbookError> = data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self),
                let reader = xmlReaderForMemory(base, Int32(raw.count), part, nil, options)
            else {
                return .failure(WorkbookError(problem: "无法解析\(kind.noun)部件“\(part)”", fix: "\(kind.resave)后再导入"))
            }
            defer { xmlFreeTextReader(reader) }
            xmlTextReaderSetStructuredErrorHandler(
                reader,
                { context, error in
                    guard let context, let error else { return }
                    let sink = Unmanaged<ErrorSink>.fromOpaque(context).takeUnretainedValue()
                    guard sink.message == nil else { return }
                    sink.message = error.pointee.message.map {
                        String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines)
                    }
                    sink.line = Int(error.pointee.line)
                }, Unmanaged.passUnretained(sink).toOpaque())
            do throws(WorkbookError) {
                try stream(reader, part: part, kind: kind, sink: sink, handle)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try outcome.get()
    }

    private static func stream(
        _ reader: xmlTextReaderPtr, part: String, kind: WorkbookArchive.Kind, sink: ErrorSink,
        _ handle: (Event) throws(WorkbookError) -> Void
    ) throws(WorkbookError) {
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 { return }
            guard status > 0 else {
                let line = sink.line.map { "第 \($0) 行：" } ?? ""
                throw WorkbookError(
                    problem: "\(kind.noun)部件“\(part)”不是格式正确的 XML（\(line)\(sink.message ?? "解析失败")）",
                    fix: "文件可能已损坏；\(kind.resave)后再导入")
            }
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                let name = string(xmlTextReaderConstLocalName(reader))
                let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
                var attributes: [String: String] = [:]
                while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                    attributes[string(xmlTextReaderConstLocalName(reader))] = string(xmlTextReaderConstValue(reader))
                }
                xmlTextReaderMoveToElement(reader)
                try handle(.start(name: name, attributes: attributes))
                if isEmpty { try handle(.end(name: name)) }
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                try handle(.end(name: string(xmlTextReaderConstLocalName(reader))))
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                try handle(.text(string(xmlTextReaderConstValue(reader))))
            case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
                throw documentTypeRefused(part, kind)
            default:
                continue
            }
        }
    }

    private static func documentTypeRefused(_ part: String, _ kind: WorkbookArchive.Kind) -> WorkbookError {
        WorkbookError(
            problem: "\(kind.noun)部件“\(part)”含有文档类型声明（DTD），\(kind.noun)不会有，已拒绝读取（可能是实体扩展攻击）",
            fix: "确认文件来源；\(kind.resave)后再导入")
    }

    /// Whether the part has a `<!DOCTYPE`, checked on the bytes before parsing: libxml2 reads ahead and
    /// would process the internal subset before the reader reports the node. Markup cannot occur escaped,
    /// so the bytes find it in UTF-8 and (with a byte-order mark) UTF-16.
    static func declaresDocumentType(_ data: Data) -> Bool {
        let marker = Array("<!DOCTYPE".utf8)
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            let littleEndian = data.starts(with: [0xFF, 0xFE])
            let wide: [UInt8] = marker.flatMap { littleEndian ? [$0, 0] : [0, $0] }
            return data.range(of: Data(wide)) != nil
        }
        return data.range(of: Data(marker)) != nil
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    /// The first error libxml2 reported, passed through the handler's context pointer.
    private final class ErrorSink {
        var message: String?
        var line: Int?
    }
}
