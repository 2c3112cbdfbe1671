import CYaml

/// A composed YAML node, as the form-file, policy and configuration readers walk it: every scalar as its text
/// (tags are never resolved: the readers read every value as text), with the line and column it starts at.
/// Aliases are resolved to the node their anchor names.
enum YAMLNode: Sendable {
    case scalar(Scalar)
    case mapping([(key: YAMLNode, value: YAMLNode)], YAMLMark)
    case sequence([YAMLNode], YAMLMark)

    struct Scalar: Sendable {
        let string: String
        /// Written without quotes or block indicators: `~` and `null` mean an empty cell only then.
        let isPlain: Bool
        let mark: YAMLMark
    }

    var scalar: Scalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }

    var mapping: [(key: YAMLNode, value: YAMLNode)]? {
        if case .mapping(let pairs, _) = self { return pairs }
        return nil
    }

    var sequence: [YAMLNode]? {
        if case .sequence(let items, _) = self { return items }
        return nil
    }

    var mark: YAMLMark {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .mapping(_, let mark), .sequence(_, let mark): mark
        }
    }
}

/// Line and column from 1 (columns in Unicode scalars), as libyaml counts them.
struct YAMLMark: Sendable {
    let line: Int
    let column: Int

    init(_ mark: yaml_mark_t) {
        line = Int(mark.line) + 1
        column = Int(mark.column) + 1
    }
}

/// Why a text is not YAML: libyaml's problem (in English; `YAMLMessages` translates it) and where.
struct YAMLSyntaxError: Error {
    enum Kind {
        /// A character YAML does not allow (`value`: its code point), or an encoding problem.
        case character(value: Int32)
        /// The scanner, parser or composer refused the text.
        case syntax
        /// One mapping names a key twice (`problem` lists them).
        case duplicateKeys([String])
    }

    let kind: Kind
    let problem: String
    let line: Int?
    let column: Int?
}

/// Composes YAML text into `YAMLNode`s straight from libyaml's events (Yams' vendored `CYaml`).
///
/// Yams' own composer builds tagged `Node`s and finds duplicate keys by hashing them, which resolves tags
/// through regular expressions: a quarter of the time of `jixiao score` over a province. This one builds only
/// what the readers use, and compares keys by their text.
enum YAMLComposer {
    /// The single document in `text`, nil when there is none.
    static func compose(_ text: String) throws(YAMLSyntaxError) -> YAMLNode? {
        var text = text
        let result = text.withUTF8 { bytes -> Result<YAMLNode?, YAMLSyntaxError> in
            let events = EventReader(bytes)
            defer { events.close() }
            return Result { () throws(YAMLSyntaxError) in try events.document() }
        }
        return try result.get()
    }

    /// libyaml's parser over one buffer, with the anchors seen so far.
    private final class EventReader {
        private var parser = yaml_parser_t()
        private var anchors: [String: YAMLNode] = [:]
        private let bytes: UnsafeBufferPointer<UInt8>

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            yaml_parser_initialize(&parser)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        }

        func close() { yaml_parser_delete(&parser) }

        /// The stream's single document: stream start, document start, its node, document end, stream end.
        func document() throws(YAMLSyntaxError) -> YAMLNode? {
            _ = try next { _ in () }  // stream start
            let start = try next { $0.type }
            guard start == YAML_DOCUMENT_START_EVENT else { return nil }
            let root = try node()
            _ = try next { _ in () }  // document end
            let (type, mark) = try next { ($0.type, YAMLMark($0.start_mark)) }
            guard type == YAML_STREAM_END_EVENT else {
                throw YAMLSyntaxError(
                    kind: .syntax, problem: "but found another document", line: mark.line, column: mark.column)
            }
            return root
        }

        /// The node whose first event comes next.
        private func node() throws(YAMLSyntaxError) -> YAMLNode {
            enum Start {
                case scalar(YAMLNode, anchor: String?)
                case alias(String, YAMLMark)
                case mapping(YAMLMark, anchor: String?)
                case sequence(YAMLMark, anchor: String?)
            }
            let start = try next { event -> Start in
                let mark = YAMLMark(event.start_mark)
                switch event.type {
                case YAML_SCALAR_EVENT:
                    let scalar = event.data.scalar
                    let text = String(
                        decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                    let node = YAMLNode.scalar(
                        .init(string: text, isPlain: scalar.style == YAML_PLAIN_SCALAR_STYLE, mark: mark))
                    return .scalar(node, anchor: EventReader.text(scalar.anchor))
                case YAML_ALIAS_EVENT: return .alias(EventReader.text(event.data.alias.anchor) ?? "", mark)
                case YAML_MAPPING_START_EVENT:
                    return .mapping(mark, anchor: EventReader.text(event.data.mapping_start.anchor))
                default: return .sequence(mark, anchor: EventReader.text(event.data.sequence_start.anchor))
                }
            }
            let node: YAMLNode
            let anchor: String?
            switch start {
            case .scalar(let scalar, let name):
                (node, anchor) = (scalar, name)
            case .alias(let name, let mark):
                guard let target = anchors[name] else {
                    throw YAMLSyntaxError(
                        kind: .syntax, problem: "found undefined alias", line: mark.line, column: mark.column)
                }
                return target
            case .mapping(let mark, let name):
                var pairs: [(key: YAMLNode, value: YAMLNode)] = []
                while try peekIsNotEnd(YAML_MAPPING_END_EVENT) {
                    let key = try self.node()
                    pairs.append((key, try self.node()))
                }
                try EventReader.refuseDuplicates(pairs)
                (node, anchor) = (.mapping(pairs, mark), name)
            case .sequence(let mark, let name):
                var items: [YAMLNode] = []
                while try peekIsNotEnd(YAML_SEQUENCE_END_EVENT) { items.append(try self.node()) }
                (node, anchor) = (.sequence(items, mark), name)
            }
            if let anchor { anchors[anchor] = node }
            return node
        }

        /// The event read ahead by `peekIsNotEnd`, handed to the next `next`.
        private var pending: yaml_event_t?

        /// Whether the next event is not `end`; an `end` event is consumed.
        private func peekIsNotEnd(_ end: yaml_event_type_t) throws(YAMLSyntaxError) -> Bool {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { throw problem() }
            if event.type == end {
                yaml_event_delete(&event)
                return false
            }
            pending = event
            return true
        }

        /// Reads the next event (the one read ahead, if any), lets `read` take what it needs, frees it.
        private func next<T>(_ read: (yaml_event_t) -> T) throws(YAMLSyntaxError) -> T {
            var event: yaml_event_t
            if let ahead = pending {
                event = ahead
                pending = nil
            } else {
                event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { throw problem() }
            }
            defer { yaml_event_delete(&event) }
            return read(event)
        }

        private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }

        /// Yams' rule, kept: keys are duplicates when their texts are equal; the error names them sorted and
        /// points at the first occurrence of the first of them.
        private static func refuseDuplicates(_ pairs: [(key: YAMLNode, value: YAMLNode)]) throws(YAMLSyntaxError) {
            guard pairs.count > 1 else { return }
            // A form's mappings are small: comparing every pair of short keys costs less than hashing them.
            if pairs.count <= YAMLNodeReader.Fields.linearLimit {
                let names = pairs.map { $0.key.scalar?.string }
                let distinct = names.indices.allSatisfy { index in
                    guard let name = names[index] else { return true }
                    return !names[(index + 1)...].contains(name)
                }
                if distinct { return }
            }
            var first: [String: YAMLMark] = [:]
            var repeated: Set<String> = []
            for (key, _) in pairs {
                guard let name = key.scalar?.string else { continue }
                if first[name] == nil { first[name] = key.mark } else { repeated.insert(name) }
            }
            guard let smallest = repeated.min(), let mark = first[smallest] else { return }
            throw YAMLSyntaxError(
                kind: .duplicateKeys(repeated.sorted()), problem: "duplicated keys", line: mark.line,
                column: mark.column)
        }

        /// The parser's error, located: a reader error by its byte offset, any other by libyaml's mark.
        private func problem() -> YAMLSyntaxError {
            let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
            switch parser.error {
            case YAML_READER_ERROR:
                let (line, column) = position(ofByte: parser.problem_offset)
                return YAMLSyntaxError(
                    kind: .character(value: parser.problem_value), problem: problem, line: line, column: column)
            case YAML_MEMORY_ERROR:
                return YAMLSyntaxError(kind: .syntax, problem: "out of memory", line: nil, column: nil)
            default:
                let mark = YAMLMark(parser.problem_mark)
                return YAMLSyntaxError(kind: .syntax, problem: problem, line: mark.line, column: mark.column)
            }
        }

        /// Line and column (from 1; columns in Unicode scalars) of the byte at `offset`: `\n`, `\r\n` and a lone
        /// `\r` each end a line.
        private func position(ofByte offset: Int) -> (line: Int, column: Int) {
            let end = min(max(offset, 0), bytes.count)
            var line = 1
            var lineStart = 0
            for index in 0..<end {
                let byte = bytes[index]
                if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
                    line += 1
                    lineStart = index + 1
                }
            }
            // UTF-8 continuation bytes (10xxxxxx) do not start a scalar.
            let column = bytes[lineStart..<end].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
            return (line, column)
        }
    }
}
