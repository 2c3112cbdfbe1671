import Foundation

/// Reads an .xlsx package into a `Workbook`: the workbook part found through the package relationships,
/// its sheets through the workbook relationships (absolute `/xl/...` or relative targets), shared strings
/// (rich-text runs joined, phonetic runs skipped), inline strings, `str` formula results, numbers formatted
/// by their number format from styles.xml, booleans, errors, and merged ranges.
enum WorkbookReader {
    /// Most merged ranges one sheet may declare (a real form has a few dozen).
    static let maxMerges = 100_000
    /// Most sheets one workbook may list (a real one has one to a few dozen).
    static let maxSheets = 1_000
    /// Most cells one row may hold: Excel's own column count.
    static let maxCellsPerRow = 16_384

    static func read(_ url: URL) throws(WorkbookError) -> Workbook {
        let archive = try WorkbookArchive(url: url)
        guard let rootRels = try archive.part("_rels/.rels") else {
            throw notASpreadsheet("缺少 _rels/.rels")
        }
        let packageRelations = try relationships(rootRels, part: "_rels/.rels", base: "")
        let workbookPath = packageRelations.first { $0.type.hasSuffix("/officeDocument") }?.target ?? "xl/workbook.xml"
        guard let workbookXML = try archive.part(workbookPath) else {
            throw notASpreadsheet("缺少工作簿部件 \(workbookPath)")
        }
        let directory = (workbookPath as NSString).deletingLastPathComponent
        let relsPath = directory + "/_rels/" + (workbookPath as NSString).lastPathComponent + ".rels"
        var workbookRelations: [Relationship] = []
        if let data = try archive.part(relsPath) {
            workbookRelations = try relationships(data, part: relsPath, base: directory)
        }
        let entries = try sheetEntries(workbookXML, part: workbookPath)
        var strings: [String] = []
        if let target = workbookRelations.first(where: { $0.type.hasSuffix("/sharedStrings") })?.target,
            let data = try archive.part(target)
        {
            strings = try sharedStrings(data, part: target)
        }
        var formats: [NumberFormat] = []
        if let target = workbookRelations.first(where: { $0.type.hasSuffix("/styles") })?.target,
            let data = try archive.part(target)
        {
            formats = try cellFormats(data, part: target)
        }
        let context = SheetContext(sharedStrings: strings, formats: formats, date1904: entries.date1904)
        guard entries.sheets.count <= maxSheets else {
            throw WorkbookError(
                problem: "工作簿列出 \(entries.sheets.count) 个工作表，超过 \(maxSheets) 个的上限，不像是绩效表工作簿",
                fix: "确认文件来源；只保留表单所在的工作表后再导入")
        }
        let relationsByID = Dictionary(workbookRelations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var sheets: [Worksheet] = []
        // A part listed under several sheet names is read once, under its first name.
        var readParts: Set<String> = []
        for entry in entries.sheets {
            guard let relation = relationsByID[entry.relationID], relation.type.hasSuffix("/worksheet") else {
                continue  // chart sheets, dialog sheets
            }
            guard readParts.insert(relation.target.lowercased()).inserted else { continue }
            guard let data = try archive.part(relation.target) else {
                throw notASpreadsheet("工作表“\(entry.name)”的部件 \(relation.target) 不存在")
            }
            sheets.append(try worksheet(data, name: entry.name, part: relation.target, context: context))
        }
        return Workbook(sheets: sheets)
    }

    private static func notASpreadsheet(_ detail: String) -> WorkbookError {
        WorkbookError(
            problem: "这是 ZIP 压缩包，但不是 Excel 工作簿（\(detail)）",
            fix: "确认选对了文件；Word 文档等其他 Office 文件不能导入，请在 Excel 或 WPS 中另存为 .xlsx")
    }

    // MARK: Relationships

    struct Relationship {
        var id: String
        var type: String
        /// Package path without a leading `/`.
        var target: String
    }

    /// A `.rels` part; relative targets are resolved against `base` (the folder of the source part).
    static func relationships(_ data: Data, part: String, base: String) throws(WorkbookError) -> [Relationship] {
        var relations: [Relationship] = []
        try XMLPart.parse(data, part: part) { event throws(WorkbookError) in
            guard case .start("Relationship", let attributes) = event,
                attributes["TargetMode"]?.lowercased() != "external",
                let id = attributes["Id"], let target = attributes["Target"]
            else { return }
            relations.append(Relationship(id: id, type: attributes["Type"] ?? "", target: resolve(target, base: base)))
        }
        return relations
    }

    /// `/xl/worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`; `worksheets/sheet1.xml` against `xl` →
    /// `xl/worksheets/sheet1.xml`; `..` and `.` segments resolved.
    static func resolve(_ target: String, base: String) -> String {
        let decoded = target.removingPercentEncoding ?? target
        let joined = decoded.hasPrefix("/") ? decoded : (base.isEmpty ? decoded : base + "/" + decoded)
        var segments: [Substring] = []
        for segment in joined.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }

    // MARK: workbook.xml

    struct SheetEntry {
        var name: String
        var relationID: String
    }

    static func sheetEntries(_ data: Data, part: String) throws(WorkbookError) -> (sheets: [SheetEntry], date1904: Bool)
    {
        var sheets: [SheetEntry] = []
        var date1904 = false
        try XMLPart.parse(data, part: part) { event throws(WorkbookError) in
            guard case .start(let name, let attributes) = event else { return }
            if name == "sheet", let id = attributes["id"] {
                sheets.append(SheetEntry(name: attributes["name"] ?? "Sheet\(sheets.count + 1)", relationID: id))
            } else if name == "workbookPr", let flag = attributes["date1904"] {
                date1904 = flag == "1" || flag.lowercased() == "true"
            }
        }
        return (sheets, date1904)
    }

    // MARK: sharedStrings.xml

    /// Each `<si>`: its `<t>` texts joined (plain or rich-text runs), phonetic runs (`<rPh>`) skipped.
    static func sharedStrings(_ data: Data, part: String) throws(WorkbookError) -> [String] {
        var strings: [String] = []
        var collector = TextCollector(container: "si")
        try XMLPart.parse(data, part: part) { event throws(WorkbookError) in
            if let text = collector.take(event) { strings.append(text) }
        }
        return strings
    }

    /// Gathers the visible text of one string container (`<si>` or `<is>`): every `<t>` outside `<rPh>`.
    struct TextCollector {
        let container: String
        private var depthInContainer = 0
        private var phoneticDepth = 0
        private var inText = false
        private var text = ""

        init(container: String) { self.container = container }

        /// Feeds one event; returns the text when the container closes.
        mutating func take(_ event: XMLPart.Event) -> String? {
            switch event {
            case .start(let name, _):
                if name == container {
                    depthInContainer += 1
                    text = ""
                } else if name == "rPh" {
                    phoneticDepth += 1
                } else if name == "t", depthInContainer > 0, phoneticDepth == 0 {
                    inText = true
                }
            case .end(let name):
                if name == "t" {
                    inText = false
                } else if name == "rPh" {
                    phoneticDepth -= 1
                } else if name == container, depthInContainer > 0 {
                    depthInContainer -= 1
                    if depthInContainer == 0 { return WorkbookReader.unescape(text) }
                }
            case .text(let chunk):
                if inText { text += chunk }
            }
            return nil
        }
    }

    /// OOXML escapes control characters in strings as `_xHHHH_` (`_x000D_` for a carriage return).
    static func unescape(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var out = ""
        var rest = Substring(text)
        while let range = rest.range(of: "_x") {
            out += rest[..<range.lowerBound]
            let after = rest[range.upperBound...]
            let hex = after.prefix(4)
            if hex.count == 4, after.dropFirst(4).first == "_", let code = UInt32(hex, radix: 16),
                let scalar = UnicodeScalar(code)
            {
                out.unicodeScalars.append(scalar)
                rest = after.dropFirst(5)
            } else {
                out += "_x"
                rest = after
            }
        }
        return out + rest
    }

    // MARK: styles.xml

    /// The number format of each cell style (`cellXfs`, indexed by a cell's `s`).
    static func cellFormats(_ data: Data, part: String) throws(WorkbookError) -> [NumberFormat] {
        var custom: [Int: NumberFormat] = [:]
        var formatIDs: [Int] = []
        var inCellXfs = false
        try XMLPart.parse(data, part: part) { event throws(WorkbookError) in
            switch event {
            case .start("numFmt", let attributes):
                if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] {
                    custom[id] = NumberFormat(code: code)
                }
            case .start("cellXfs", _): inCellXfs = true
            case .end("cellXfs"): inCellXfs = false
            case .start("xf", let attributes) where inCellXfs:
                formatIDs.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
            default: break
            }
        }
        return formatIDs.map { custom[$0] ?? NumberFormat.builtIn($0) }
    }

    // MARK: Worksheets

    struct SheetContext {
        var sharedStrings: [String]
        var formats: [NumberFormat]
        var date1904: Bool
    }

    static func worksheet(
        _ data: Data, name: String, part: String, context: SheetContext
    ) throws(WorkbookError) -> Worksheet {
        var sheet = Worksheet(name: name)
        var parser = SheetParser(context: context, sheetName: name)
        try XMLPart.parse(data, part: part) { event throws(WorkbookError) in
            try parser.take(event, into: &sheet)
        }
        return sheet
    }

    /// The state of one sheet's parse: the current row and cell, and where in the cell we are.
    struct SheetParser {
        let context: SheetContext
        let sheetName: String
        private var row = 0
        private var lastColumn = 0
        private var cellsInRow = 0
        private var cell: PendingCell?
        private var inlineText: TextCollector?

        init(context: SheetContext, sheetName: String) {
            self.context = context
            self.sheetName = sheetName
        }

        struct PendingCell {
            var address: CellAddress
            var type: String
            var style: Int
            var value = ""
            var formula = ""
            var inlineString: String?
            var field: Field?

            enum Field { case value, formula }
        }

        mutating func take(_ event: XMLPart.Event, into sheet: inout Worksheet) throws(WorkbookError) {
            if var collector = inlineText {
                let finished = collector.take(event)
                inlineText = collector
                if let finished {
                    cell?.inlineString = finished
                    inlineText = nil
                }
                return
            }
            switch event {
            case .start("row", let attributes):
                row = attributes["r"].flatMap(Int.init) ?? row + 1
                lastColumn = 0
                cellsInRow = 0
                guard (1...CellAddress.maxRow).contains(row) else { throw badReference("行号 \(row)") }
            case .start("c", let attributes):
                cellsInRow += 1
                guard cellsInRow <= WorkbookReader.maxCellsPerRow else {
                    throw WorkbookError(
                        problem:
                            "工作表“\(sheetName)”第 \(row) 行的单元格超过 \(WorkbookReader.maxCellsPerRow) 个（Excel 的列数上限），文件已损坏或不是绩效表",
                        fix: "确认文件来源；在 Excel 或 WPS 中打开并另存为 .xlsx 后再导入")
                }
                let address: CellAddress
                if let reference = attributes["r"] {
                    guard let parsed = CellAddress(reference: reference) else {
                        throw badReference("单元格引用“\(reference)”")
                    }
                    address = parsed
                } else {
                    address = CellAddress(row: max(row, 1), column: lastColumn + 1)
                }
                lastColumn = address.column
                cell = PendingCell(
                    address: address, type: attributes["t"] ?? "n",
                    style: attributes["s"].flatMap(Int.init) ?? 0)
            case .start("v", _): cell?.field = .value
            case .start("f", _): cell?.field = .formula
            case .end("v"), .end("f"): cell?.field = nil
            case .start("is", _) where cell != nil:
                var collector = TextCollector(container: "is")
                _ = collector.take(event)
                inlineText = collector
            case .text(let chunk):
                switch cell?.field {
                case .value: cell?.value += chunk
                case .formula: cell?.formula += chunk
                case nil: break
                }
            case .end("c"):
                if let pending = cell, let content = try makeCell(pending) { sheet.cells[pending.address] = content }
                cell = nil
            case .start("mergeCell", let attributes):
                guard let reference = attributes["ref"], let range = CellRange(reference: reference) else { return }
                guard sheet.merges.count < WorkbookReader.maxMerges else {
                    throw WorkbookError(
                        problem: "工作表“\(sheetName)”的合并单元格超过 \(WorkbookReader.maxMerges) 处，不像是绩效表",
                        fix: "确认文件来源；只保留表单所在的工作表后再导入")
                }
                if range.cellCount > 1 { sheet.merges.append(range) }
            default:
                break
            }
        }

        private func badReference(_ what: String) -> WorkbookError {
            WorkbookError(problem: "工作表“\(sheetName)”中有无效的\(what)", fix: "文件可能已损坏；在 Excel 或 WPS 中打开并另存为 .xlsx 后再导入")
        }

        /// The cell as shown, or nil for a cell with nothing in it (style only).
        private func makeCell(_ pending: PendingCell) throws(WorkbookError) -> Cell? {
            let raw = pending.value
            switch pending.type {
            case "s":
                guard !raw.isEmpty else { return nil }
                guard let index = Int(raw.trimmingCharacters(in: .whitespaces)),
                    context.sharedStrings.indices.contains(index)
                else {
                    throw WorkbookError(
                        problem: "工作表“\(sheetName)”的单元格 \(pending.address) 引用了不存在的共享字符串（第 \(raw) 项）",
                        fix: "文件可能已损坏；在 Excel 或 WPS 中打开并另存为 .xlsx 后再导入")
                }
                return Cell(.text, text: context.sharedStrings[index])
            case "inlineStr":
                return pending.inlineString.map { Cell(.text, text: $0) }
            case "str":
                if raw.isEmpty, !pending.formula.isEmpty { return Cell(.uncomputedFormula(pending.formula), text: "") }
                return Cell(.text, text: WorkbookReader.unescape(raw))
            case "b":
                return raw.isEmpty ? nil : Cell(.boolean, text: raw == "1" ? "TRUE" : "FALSE")
            case "e":
                return Cell(.error, text: raw)
            case "d":
                return raw.isEmpty ? nil : Cell(.text, text: raw)
            default:
                if raw.isEmpty {
                    return pending.formula.isEmpty ? nil : Cell(.uncomputedFormula(pending.formula), text: "")
                }
                guard let number = WorkbookReader.number(raw) else { return Cell(.text, text: raw) }
                let format = context.formats.indices.contains(pending.style) ? context.formats[pending.style] : .general
                if format.isDate, let date = ExcelDateTime(serial: number, date1904: context.date1904) {
                    return Cell(.date(date), text: date.isoText)
                }
                return Cell(.number(number), text: format.display(number))
            }
        }
    }

    /// A stored number (`70.15000000000001`, `1.5E-3`), read exactly; nil when the text is not one.
    static func number(_ raw: String) -> Decimal? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        var sawDigit = false
        var sawExponent = false
        var previous: Character = " "
        for character in text {
            switch character {
            case "0"..."9": sawDigit = true
            case "-", "+": guard previous == " " || previous == "E" || previous == "e" else { return nil }
            case ".": guard !sawExponent else { return nil }
            case "E", "e":
                guard sawDigit, !sawExponent else { return nil }
                sawExponent = true
            default: return nil
            }
            previous = character
        }
        guard sawDigit, previous.isNumber || previous == ".", text.filter({ $0 == "." }).count <= 1 else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }
}
