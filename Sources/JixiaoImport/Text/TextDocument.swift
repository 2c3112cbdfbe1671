import Foundation
import JixiaoCore
import JixiaoFormats

/// One cell of a line: the text between two tabs, trimmed, with its position in the line.
struct TextCell: Sendable, Hashable {
    /// Index of the cell in its line (0 = before the first tab).
    let column: Int
    let text: String
    /// The text as labels are compared (`PrintedLabel.compact`): `产出指 标` → `产出指标`, `项目资金（元）` →
    /// `项目资金(元)`.
    let compact: String
    /// Grid columns the cell covers (`colspan`, `gridSpan`, a merged range); 1 in a line of text, which
    /// prints no spans.
    let span: Int

    init(column: Int, text: String, span: Int = 1) {
        self.column = column
        self.text = text
        self.compact = PrintedLabel.compact(text)
        self.span = max(1, span)
    }

    var isEmpty: Bool { text.isEmpty }
}

/// One row of the document as the mapper reads it: a cell for every grid column up to the last one used, so
/// that a position covered by a merged cell (or left empty) is an empty cell, as in a tab-separated export.
struct TextLine: Sendable, Hashable {
    /// The grid row's number: the file's line number for text, the row's position otherwise.
    let number: Int
    /// Every cell, empty ones included: an empty cell is often all that is left of a merged one.
    let cells: [TextCell]
    /// Where the row is in a source whose rows are not its lines (`第 3 页第 12 行`); nil for text.
    let place: String?
    /// The worksheet the row is on (Excel); its name may print the year a form does not (`2023年自评表`).
    let sheet: String?

    /// A line of tab-separated text.
    init(number: Int, text: String) {
        self.number = number
        place = nil
        sheet = nil
        self.cells = text.split(separator: "\t", omittingEmptySubsequences: false).enumerated().map {
            TextCell(column: $0.offset, text: $0.element.trimmingCharacters(in: .whitespaces))
        }
    }

    /// A grid row laid out by column: each cell at its first column, covered and missing positions empty.
    init(_ row: GridRow) {
        number = row.number
        place = row.origin.place
        sheet = row.origin.sheet
        let width = row.cells.map { $0.column + 1 }.max() ?? 0
        var texts = Array(repeating: "", count: width)
        var spans = Array(repeating: 1, count: width)
        for cell in row.cells where texts[cell.column].isEmpty {
            texts[cell.column] = cell.text
            spans[cell.column] = cell.columnSpan
        }
        cells = texts.enumerated().map {
            TextCell(column: $0.offset, text: TextLine.flattened($0.element), span: spans[$0.offset])
        }
    }

    /// A cell's text on one line: line breaks inside a cell dropped between Chinese characters, a space
    /// otherwise; runs of whitespace folded.
    static func flattened(_ text: String) -> String {
        let pieces = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        var joined = ""
        for piece in pieces {
            if let last = joined.last, let first = piece.first, !(isCJK(last) || isCJK(first)) { joined += " " }
            joined += piece
        }
        return joined
    }

    private static func isCJK(_ character: Character) -> Bool {
        character.unicodeScalars.first.map { $0.value >= 0x2E80 } ?? false
    }

    /// The cells that hold text.
    var filled: [TextCell] { cells.filter { !$0.isEmpty } }
    var isBlank: Bool { cells.allSatisfy(\.isEmpty) }
    /// The whole line as one string (cells joined by a space), for messages.
    var text: String { filled.map(\.text).joined(separator: " ") }
}

/// A published document as lines of cells, read from its grid.
struct TextDocument: Sendable {
    let lines: [TextLine]

    init(grid: DocumentGrid) {
        lines = grid.rows.map(TextLine.init)
    }
}

/// The text export of a published document (one table row per line, cells separated by tabs) read into a
/// grid: a row per line, numbered by the file's lines. Refuses what is not text.
enum TabSeparatedText {

    /// Text exports of disclosure documents are well under 1 MB; anything far larger is not one.
    static let maximumBytes = 32 * 1024 * 1024
    /// A printed form's widest row has about 20 cells; a line of far more is not a table row.
    static let maximumCellsPerLine = 1_000

    /// Decodes a file's bytes; `name` names the file in errors.
    static func grid(data: Data, name: String) throws(ImportError) -> DocumentGrid {
        guard data.count <= maximumBytes else {
            throw ImportError(
                file: name,
                problem: "文件大小 \(data.count / 1024 / 1024) MB，超过文本文档上限 \(maximumBytes / 1024 / 1024) MB",
                fix: "确认这是决算/预算公开文档导出的文本文件")
        }
        if let format = binaryFormat(of: data) {
            throw ImportError(
                file: name, problem: "文件是\(format)，不是文本",
                fix: "把文件改用对应的扩展名（.pdf、.docx、.xlsx）直接导入，或先导出为 UTF-8 文本（.txt）")
        }
        let text = try decode(data, name: name)
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        guard !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ImportError(file: name, problem: "文件为空", fix: "确认导出的文本文件中有文档内容")
        }
        let controls = body.unicodeScalars.filter {
            $0.properties.generalCategory == .control && !"\t\n\r\u{0C}".unicodeScalars.contains($0)
        }
        guard controls.count * 100 <= body.unicodeScalars.count else {
            throw ImportError(file: name, problem: "文件中有大量控制字符，不像是导出的文本", fix: "确认选择的是文档导出的文本文件")
        }
        // pdftotext marks page breaks with a form feed; a page break is not part of any cell.
        let rawLines = body.replacingOccurrences(of: "\u{0C}", with: "")
            .split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        for (index, line) in rawLines.enumerated() {
            let cells = line.utf8.count { $0 == 0x09 } + 1
            guard cells <= maximumCellsPerLine else {
                throw ImportError(
                    file: name,
                    problem:
                        "第 \(index + 1) 行有 \(cells) 个单元格（以制表符分隔），超过每行 \(maximumCellsPerLine) 个的上限，不像是导出的表格",
                    fix: "确认这是决算/预算公开文档导出的文本文件")
            }
        }
        let rows = rawLines.enumerated().map { index, line in
            let number = index + 1
            let origin = GridOrigin(line: number)
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).enumerated().map {
                GridCell(
                    text: $0.element.trimmingCharacters(in: .whitespaces), column: $0.offset, origin: origin)
            }
            return GridRow(number: number, cells: cells, origin: origin)
        }
        return DocumentGrid(file: name, format: "文本", rows: rows)
    }

    /// GB 18030 (a superset of GBK), the other encoding Chinese text exports come in.
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// The text of a UTF-8 or GB 18030 file. A UTF-8 file cut inside its last character is truncated, not
    /// another encoding.
    static func decode(_ data: Data, name: String) throws(ImportError) -> String {
        if let text = String(data: data, encoding: .utf8) { return text }
        if (1...3).contains(where: { String(data: data.dropLast($0), encoding: .utf8) != nil }) {
            throw ImportError(
                file: name, problem: "文件在第 \(data.filter { $0 == 0x0A }.count + 1) 行中途被截断（最后一个字符不完整）",
                fix: "重新获取或导出完整的文件")
        }
        if let text = String(data: data, encoding: gb18030), text.contains("绩效") { return text }
        throw ImportError(
            file: name, problem: "文件不是有效的 UTF-8 或 GB 18030 文本（第 \(lineOfFirstInvalidByte(data)) 行附近有无法解码的字节）",
            fix: "用 UTF-8 编码重新导出或另存该文本")
    }

    /// A recognisable binary format, or "二进制文件" for bytes that no text export contains.
    static func binaryFormat(of data: Data) -> String? {
        let head = [UInt8](data.prefix(8))
        if head.starts(with: Array("%PDF".utf8)) { return "PDF 文件" }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return "ZIP 压缩包（可能是 Excel/Word 文件）" }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return "旧版 Office 文件" }
        if data.prefix(64 * 1024).contains(0) { return "二进制文件" }
        return nil
    }

    /// The line holding the first byte that is not valid UTF-8 (for the message).
    static func lineOfFirstInvalidByte(_ data: Data) -> Int {
        let lossy = String(decoding: data, as: UTF8.self)
        guard let bad = lossy.firstIndex(of: "\u{FFFD}") else { return 1 }
        return lossy[..<bad].filter { $0 == "\n" || $0 == "\r\n" }.count + 1
    }
}
