import Foundation

/// Writes worksheets as an Excel workbook (.xlsx): the Office Open XML parts written as plain XML, zipped by
/// `ZipWriter`. Strings are inline (no shared-strings table), which Excel, WPS and `jixiao import` all read.
public enum XLSXWriter {
    public static func workbook(_ sheets: [WorksheetDraft]) throws(WorkbookWriteError) -> Data {
        var names = Set<String>()
        let unique = sheets.enumerated().map { index, sheet -> String in
            var name = sheet.name
            if names.contains(name) { name = String(name.prefix(27)) + "_\(index + 1)" }
            names.insert(name)
            return name
        }
        var entries: [(path: String, data: Data)] = [
            ("[Content_Types].xml", xml(contentTypes(sheets.count))), ("_rels/.rels", xml(rootRelationships)),
            ("xl/workbook.xml", xml(workbook(unique))),
            ("xl/_rels/workbook.xml.rels", xml(relationships(sheets.count))),
            ("xl/styles.xml", xml(styles)),
        ]
        for (index, sheet) in sheets.enumerated() {
            entries.append(("xl/worksheets/sheet\(index + 1).xml", xml(worksheet(sheet))))
        }
        return try ZipWriter.archive(entries)
    }

    private static func xml(_ text: String) -> Data {
        Data(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + text).utf8)
    }

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private static func contentTypes(_ count: Int) -> String {
        let sheets = (1...max(count, 1)).map {
            "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        return """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            \(sheets)</Types>
            """
    }

    private static let rootRelationships = """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="\(officeRelationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """

    private static func workbook(_ names: [String]) -> String {
        let sheets = names.enumerated().map { index, name in
            "<sheet name=\"\(escape(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }.joined()
        return "<workbook xmlns=\"\(main)\" xmlns:r=\"\(officeRelationships)\"><sheets>\(sheets)</sheets></workbook>"
    }

    private static func relationships(_ count: Int) -> String {
        let sheets = (0..<count).map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(officeRelationships)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }.joined()
        return """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(sheets)\
            <Relationship Id="rId\(count + 1)" Type="\(officeRelationships)/styles" Target="styles.xml"/></Relationships>
            """
    }

    /// Four looks (`WorksheetDraft.Style`) and, for each, six numeric variants with 0…6 decimals: style
    /// index = look + 4 × decimals (0 decimals = the look itself with the general format).
    private static let styles: String = {
        let formats = (1...6).map {
            "<numFmt numFmtId=\"\(163 + $0)\" formatCode=\"0.\(String(repeating: "0", count: $0))\"/>"
        }
        .joined()
        let looks = [
            "borderId=\"0\" fontId=\"0\" fillId=\"0\"", "borderId=\"1\" fontId=\"0\" fillId=\"0\"",
            "borderId=\"1\" fontId=\"1\" fillId=\"2\"", "borderId=\"0\" fontId=\"2\" fillId=\"0\"",
        ]
        let alignment = [
            "<alignment vertical=\"top\" wrapText=\"1\"/>", "<alignment vertical=\"center\" wrapText=\"1\"/>",
            "<alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/>",
            "<alignment horizontal=\"center\" vertical=\"center\"/>",
        ]
        var xfs: [String] = []
        for decimals in 0...6 {
            for (look, attributes) in looks.enumerated() {
                let format = decimals == 0 ? 0 : 163 + decimals
                xfs.append(
                    "<xf numFmtId=\"\(format)\" \(attributes) xfId=\"0\" applyNumberFormat=\"1\" applyBorder=\"1\" applyFont=\"1\" applyFill=\"1\" applyAlignment=\"1\">\(alignment[look])</xf>"
                )
            }
        }
        return """
            <styleSheet xmlns="\(main)"><numFmts count="6">\(formats)</numFmts>\
            <fonts count="3"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font>\
            <font><b/><sz val="16"/><name val="宋体"/></font></fonts>\
            <fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
            <fill><patternFill patternType="solid"><fgColor rgb="FFF2EFE8"/><bgColor indexed="64"/></patternFill></fill></fills>\
            <borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>\
            <border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="\(xfs.count)">\(xfs.joined())</cellXfs></styleSheet>
            """
    }()

    private static func worksheet(_ sheet: WorksheetDraft) -> String {
        var columns = ""
        if !sheet.columnWidths.isEmpty {
            columns =
                "<cols>"
                + sheet.columnWidths.enumerated().map {
                    "<col min=\"\($0.offset + 1)\" max=\"\($0.offset + 1)\" width=\"\($0.element)\" customWidth=\"1\"/>"
                }.joined() + "</cols>"
        }
        var rows = ""
        for row in sheet.cells.keys.sorted() {
            let height = sheet.rowHeights[row].map { " ht=\"\($0)\" customHeight=\"1\"" } ?? ""
            rows += "<row r=\"\(row)\"\(height)>"
            for (column, cell) in (sheet.cells[row] ?? [:]).sorted(by: { $0.key < $1.key }) {
                let reference = "\(CellAddress.columnName(column))\(row)"
                switch cell.value {
                case .text(let text):
                    rows +=
                        text.isEmpty
                        ? "<c r=\"\(reference)\" s=\"\(cell.style.rawValue)\"/>"
                        : "<c r=\"\(reference)\" s=\"\(cell.style.rawValue)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escape(text))</t></is></c>"
                case .number(let text, let decimals):
                    rows += "<c r=\"\(reference)\" s=\"\(cell.style.rawValue + 4 * decimals)\"><v>\(text)</v></c>"
                }
            }
            rows += "</row>"
        }
        let merges =
            sheet.merges.isEmpty
            ? ""
            : "<mergeCells count=\"\(sheet.merges.count)\">"
                + sheet.merges.map {
                    "<mergeCell ref=\"\(CellAddress.columnName($0.1))\($0.0):\(CellAddress.columnName($0.3))\($0.2)\"/>"
                }.joined() + "</mergeCells>"
        return "<worksheet xmlns=\"\(main)\">\(columns)<sheetData>\(rows)</sheetData>\(merges)</worksheet>"
    }

    /// Text for XML: markup escaped, and characters XML 1.0 cannot hold (controls) left out.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
