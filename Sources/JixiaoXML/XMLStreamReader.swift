import Foundation
import JixiaoXMLReading

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

/// Reads an XML document with the shared hardened reader (`HardenedXMLReader`: no DTD, no entity, no network,
/// limits checked before libxml2 parses), validating it against the export schema as it goes.
final class XMLStreamReader {
    /// A batch of 100 000 forms is about 1.5 GB; nothing we export comes near this.
    static let limits = XMLReadingLimits(documentBytes: 8 << 30, depth: 64, attributesPerElement: 64)

    let problems: ProblemCollector

    private let input: HardenedXMLReader.Input

    init(file path: String, displayName: String) {
        input = .file(path: path)
        problems = ProblemCollector(file: displayName, isSchemaError: false)
    }

    /// Reads from an open descriptor (a pipe) until end of file; the caller owns the descriptor.
    init(descriptor: Int32, displayName: String) {
        input = .descriptor(descriptor)
        problems = ProblemCollector(file: displayName, isSchemaError: false)
    }

    init(bytes: [UInt8], displayName: String) {
        input = .data(Data(bytes))
        problems = ProblemCollector(file: displayName, isSchemaError: false)
    }

    /// An element whose children are streamed: each child is handed out as soon as it closes, then dropped.
    /// The child's own children are kept until then.
    struct Container {
        let name: String
        let namespace: String
    }

    /// Reads and validates the whole document. The children of a `streamed` container are handed to
    /// `onElement` (with the root, whose attributes are known by then) as soon as they close and then dropped,
    /// so memory stays flat over a batch; everything else is kept and the root returned. Returns nil when the
    /// document could not be read at all; the reasons are in `problems`. Schema errors do not stop the
    /// reading; they are collected.
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
        let problems = problems
        do {
            let reader = try HardenedXMLReader(input, limits: Self.limits) { problems.add($0) }
            guard reader.validate(against: schema.schema) else {
                problems.add(XMLProblem(file: problems.file, message: "内部错误：无法启用模式校验"))
                return nil
            }
            let root = try run(reader, mode: mode)
            return problems.fatal ? nil : root
        } catch let failure as HardenedXMLReader.Failure {
            problems.add(failure)
            return nil
        }
    }

    private func run(_ reader: HardenedXMLReader, mode: Mode) throws -> XMLElement? {
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
        while let event = try reader.next() {
            switch event {
            case .start(let start):
                if case .validateOnly(let report) = mode {
                    if !sawRoot {
                        sawRoot = true
                        report(start.name, start.namespace)
                    }
                    continue
                }
                let element = XMLElement(name: start.name, namespace: start.namespace, line: start.line)
                element.attributes = start.attributes
                if let parent = stack.last { parent.children.append(element) } else { root = element }
                stack.append(element)
            case .end:
                guard case .tree = mode, let element = stack.popLast() else { continue }
                try closed(element)
            case .text(let text):
                if let current = stack.last { current.text += text }
            }
        }
        return root
    }
}
