import Foundation

/// A linear pass over the raw bytes of a document, fed chunk by chunk before libxml2 sees them, that enforces
/// what libxml2 itself does not (or does only after quadratic work): no document type or entity declaration,
/// UTF-8 only, at most `depth` nested elements and `attributesPerElement` attributes on one element. It does not
/// check well-formedness (libxml2 does); it only tracks enough of the markup (tags, quoted values, comments,
/// CDATA, processing instructions) to count correctly. The first violation is kept as a Chinese message.
struct MarkupScanner {
    let limits: XMLReadingLimits
    private(set) var refusal: String?
    /// The line of the refusal (1-based), where it is known.
    private(set) var refusalLine: Int?
    private(set) var sawElement = false
    /// Lines before the current chunk, and the chunk's index of the byte being scanned.
    private var lines = 1
    private var index = 0

    private enum State {
        case text
        /// After `<`.
        case open
        /// After `<!`.
        case bang
        /// Inside a start tag (after its first name byte); `slash` when the last non-space byte was `/`.
        case startTag(slash: Bool)
        case value(quote: UInt8)
        case endTag
        /// `dashes`: how many `-` just preceded (a comment ends at `-->`).
        case comment(dashes: Int)
        /// `brackets`: how many `]` just preceded (CDATA ends at `]]>`).
        case cdata(brackets: Int)
        /// `question`: the last byte was `?` (an instruction ends at `?>`).
        case instruction(question: Bool)
    }

    private var state = State.text
    private var depth = 0
    private var attributes = 0
    private var offset: Int64 = 0
    /// The XML declaration at the very start, collected to check its encoding.
    private var declaration: [UInt8]? = nil
    private var declarationDone = false

    init(limits: XMLReadingLimits) { self.limits = limits }

    /// Scans the next chunk; returns false (and sets `refusal`) at the first violation.
    mutating func scan(_ chunk: UnsafeRawBufferPointer) -> Bool {
        guard refusal == nil else { return false }
        var bytes = chunk.bindMemory(to: UInt8.self)[...]
        let chunkStart = offset
        index = 0
        let whole = chunk.bindMemory(to: UInt8.self)
        defer {
            if refusal != nil, refusalLine == nil {
                refusalLine = lines + whole[..<min(index, whole.count)].count { $0 == 0x0A }
            }
        }
        if offset == 0, !checkStart(&bytes) { return false }
        offset += Int64(chunk.count)
        guard offset <= limits.documentBytes else {
            return refuse("文件超过 \(XMLReadingLimits.describe(bytes: limits.documentBytes)) 的上限，拒绝读取")
        }
        while let byte = bytes.first {
            index = bytes.startIndex
            let position = chunkStart + Int64(index)
            bytes = bytes.dropFirst()
            if declaration != nil, !collectDeclaration(byte) { return false }
            switch state {
            case .text:
                if byte == UInt8(ascii: "<") {
                    state = .open
                } else if !sawElement, !Self.isSpace(byte) {
                    return refuse("不是 XML 文件：开头应为“<”")
                } else if let next = bytes.firstIndex(of: UInt8(ascii: "<")) {
                    bytes = bytes[next...]  // text runs are skipped in one step
                } else {
                    bytes = bytes[bytes.endIndex...]
                }
            case .open:
                switch byte {
                case UInt8(ascii: "!"): state = .bang
                case UInt8(ascii: "?"):
                    state = .instruction(question: false)
                    // `<?` at the very start opens the XML declaration.
                    if position == bomLength + 1 { declaration = [UInt8(ascii: "<"), byte] }
                case UInt8(ascii: "/"): state = .endTag
                default:
                    sawElement = true
                    depth += 1
                    attributes = 0
                    guard depth <= limits.depth else {
                        return refuse("元素嵌套超过 \(limits.depth) 层，不像是正常文件，拒绝读取")
                    }
                    state = .startTag(slash: false)
                }
            case .bang:
                switch byte {
                case UInt8(ascii: "-"): state = .comment(dashes: 0)
                case UInt8(ascii: "["): state = .cdata(brackets: 0)
                default:
                    return refuse("文件含有文档类型声明（<!DOCTYPE>）或实体声明；为防止实体炸弹和外部实体读取本机文件，拒绝读取")
                }
            case .startTag(let slash):
                switch byte {
                case UInt8(ascii: ">"):
                    if slash { depth -= 1 }
                    state = .text
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    state = .value(quote: byte)
                case UInt8(ascii: "="):
                    attributes += 1
                    guard attributes <= limits.attributesPerElement else {
                        return refuse("一个元素的属性超过 \(limits.attributesPerElement) 个，不像是正常文件，拒绝读取")
                    }
                    state = .startTag(slash: false)
                case UInt8(ascii: "/"): state = .startTag(slash: true)
                default: if !Self.isSpace(byte) { state = .startTag(slash: false) }
                }
            case .value(let quote):
                if byte == quote {
                    state = .startTag(slash: false)
                } else if let next = bytes.firstIndex(of: quote) {
                    bytes = bytes[next...]
                } else {
                    bytes = bytes[bytes.endIndex...]
                }
            case .endTag:
                if byte == UInt8(ascii: ">") {
                    depth = max(0, depth - 1)
                    state = .text
                }
            case .comment(let dashes):
                state =
                    byte == UInt8(ascii: ">") && dashes >= 2 ? .text : .comment(dashes: byte == 0x2D ? dashes + 1 : 0)
            case .cdata(let brackets):
                state =
                    byte == UInt8(ascii: ">") && brackets >= 2
                    ? .text : .cdata(brackets: byte == UInt8(ascii: "]") ? brackets + 1 : 0)
            case .instruction(let question):
                state = byte == UInt8(ascii: ">") && question ? .text : .instruction(question: byte == 0x3F)
            }
        }
        return true
    }

    /// Called at the end of the input.
    mutating func finish() -> Bool {
        guard refusal == nil else { return false }
        guard sawElement else {
            refusalLine = lines
            return refuse("文件中没有根元素（文件为空？）")
        }
        return true
    }

    /// The length of a UTF-8 byte-order mark at the start (0 or 3).
    private var bomLength: Int64 = 0

    /// Skips a UTF-8 byte-order mark; refuses other encodings from the first bytes: a UTF-16 or UTF-32
    /// byte-order mark, or NUL bytes.
    private mutating func checkStart(_ bytes: inout Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bomLength = 3
            bytes = bytes.dropFirst(3)
        }
        let head = Array(bytes.prefix(4))
        if head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0xFF, 0xFE]) || head.contains(0) {
            return refuse("文件不是 UTF-8 编码；只读取 UTF-8 编码的 XML")
        }
        return true
    }

    /// Collects the XML declaration (at most 512 bytes) and refuses a declared encoding other than UTF-8.
    private mutating func collectDeclaration(_ byte: UInt8) -> Bool {
        guard var text = declaration else { return true }
        text.append(byte)
        guard byte == UInt8(ascii: ">") || text.count > 512 else {
            declaration = text
            return true
        }
        declaration = nil
        let lowered = String(decoding: text, as: UTF8.self).lowercased().replacingOccurrences(of: " ", with: "")
        if let range = lowered.range(of: "encoding="), !lowered[range.upperBound...].dropFirst().hasPrefix("utf-8") {
            return refuse("XML 声明的编码不是 UTF-8；只读取 UTF-8 编码的 XML")
        }
        return true
    }

    private mutating func refuse(_ message: String) -> Bool {
        refusal = message
        return false
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
}
