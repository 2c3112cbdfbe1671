internal import CLibXML2
import Foundation
import JixiaoXMLReading

/// The compiled export schemas. The batch schema imports all the others, so one compiled set validates a
/// self-evaluation, a target table or a batch; the root element decides which.
final class ExportSchema: @unchecked Sendable {
    let schema: xmlSchemaPtr

    private init(schema: xmlSchemaPtr) { self.schema = schema }

    /// Compiled once per process. Failure means the embedded schemas are broken: an internal error.
    static let shared: Result<ExportSchema, XMLExportError> = compile()

    static func compiled() throws(XMLExportError) -> ExportSchema { try shared.get() }

    /// Where the embedded schemas pretend to live; the entity loader serves this folder from memory.
    static let embeddedFolder = "/jixiao-embedded-schemas/"
    static let rootSchema = "jixiao-batch-1.0.xsd"

    private static func compile() -> Result<ExportSchema, XMLExportError> {
        xmlInitParser()
        SafeEntityLoader.install()
        guard let parser = xmlSchemaNewParserCtxt(embeddedFolder + rootSchema) else {
            return .failure(XMLExportError("内部错误：无法创建模式解析器"))
        }
        defer { xmlSchemaFreeParserCtxt(parser) }
        let collector = ProblemCollector(file: rootSchema, isSchemaError: true)
        let context = Unmanaged.passUnretained(collector).toOpaque()
        xmlSchemaSetParserStructuredErrors(
            parser,
            { context, error in
                guard let context, let error else { return }
                Unmanaged<ProblemCollector>.fromOpaque(context).takeUnretainedValue().add(error)
            }, context)
        guard let schema = xmlSchemaParse(parser) else {
            let details = collector.problems.map(\.description).joined(separator: "\n")
            return .failure(XMLExportError("内部错误：内置的导出模式无法编译\n\(details)"))
        }
        return .success(ExportSchema(schema: schema))
    }
}

/// The process-wide entity loader: serves the embedded schemas and refuses every external entity and
/// external DTD (anything loaded from inside a document), so hostile XML never reads a local file or the
/// network. Top-level documents the program itself opens by name are loaded as usual.
enum SafeEntityLoader {
    nonisolated(unsafe) private static var fallback: xmlExternalEntityLoader?
    /// NUL-terminated copies of the schemas, kept for the life of the process.
    nonisolated(unsafe) private static var texts: [String: UnsafeMutablePointer<CChar>] = [:]
    /// How many loads were refused (tests read this to prove nothing was fetched).
    nonisolated(unsafe) private(set) static var refusals = 0

    /// Called once, from `ExportSchema.shared`'s initialiser (which Swift runs exactly once).
    static func install() {
        texts = EmbeddedSchemas.files.mapValues { strdup($0)! }
        fallback = xmlGetExternalEntityLoader()
        xmlSetExternalEntityLoader { url, id, context in
            guard let url else { return nil }
            let path = String(cString: url)
            if path.hasPrefix(ExportSchema.embeddedFolder) {
                let name = String(path.dropFirst(ExportSchema.embeddedFolder.count))
                guard let text = SafeEntityLoader.texts[name],
                    let input = xmlNewStringInputStream(
                        context, UnsafeRawPointer(text).assumingMemoryBound(to: xmlChar.self))
                else { return nil }
                input.pointee.filename = UnsafePointer(strdup(path))
                return input
            }
            // A load requested while a document is being parsed is an external entity or DTD: refused.
            if let context, context.pointee.inputNr > 0 {
                SafeEntityLoader.refusals += 1
                return nil
            }
            return SafeEntityLoader.fallback?(url, id, context)
        }
    }
}

/// An error of the XML layer that is not about a particular document line.
public struct XMLExportError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Collects libxml2's structured errors (parser and schema) as located Chinese problems.
final class ProblemCollector {
    let file: String
    let isSchemaError: Bool
    private(set) var problems: [XMLProblem] = []
    /// A fatal (not well-formed) error was reported: the document cannot be read further.
    private(set) var fatal = false
    /// At most this many problems are kept; the rest are counted.
    static let limit = 200
    private(set) var dropped = 0

    init(file: String, isSchemaError: Bool) {
        self.file = file
        self.isSchemaError = isSchemaError
    }

    func add(_ error: UnsafePointer<xmlError>) { add(error.pointee) }
    func add(_ error: UnsafeMutablePointer<xmlError>) { add(error.pointee) }

    private func add(_ error: xmlError) {
        if error.level == XML_ERR_FATAL { fatal = true }
        if error.level == XML_ERR_WARNING { return }
        let english =
            error.message.map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines)
            ?? "unknown error"
        let fromSchema =
            error.domain == Int32(XML_FROM_SCHEMASV.rawValue) || error.domain == Int32(XML_FROM_SCHEMASP.rawValue)
        add(
            HardenedXMLReader.Diagnostic(
                line: error.line > 0 ? Int(error.line) : nil, original: english, isSchema: fromSchema))
    }

    /// A non-fatal report of the shared reader (schema validity errors, namespace errors).
    func add(_ diagnostic: HardenedXMLReader.Diagnostic) {
        guard problems.count < ProblemCollector.limit else {
            dropped += 1
            return
        }
        problems.append(
            XMLProblem(
                file: file, line: diagnostic.line,
                message: ProblemTranslation.chinese(
                    diagnostic.original, isSchemaError: diagnostic.isSchema || isSchemaError),
                original: diagnostic.original))
    }

    /// The reason the shared reader stopped: the document cannot be read further.
    func add(_ failure: HardenedXMLReader.Failure) {
        fatal = true
        add(XMLProblem(file: file, line: failure.line, message: failure.message, original: failure.original))
    }

    func add(_ problem: XMLProblem) {
        guard problems.count < ProblemCollector.limit else {
            dropped += 1
            return
        }
        problems.append(problem)
    }

    /// The problems, with a closing note when some were left out.
    var report: [XMLProblem] {
        guard dropped > 0 else { return problems }
        return problems + [XMLProblem(file: file, message: "另有 \(dropped) 个问题未列出")]
    }
}
