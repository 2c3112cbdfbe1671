import Foundation
import JixiaoCore
import Testing

@testable import JixiaoXLSX

/// The pieces of the workbook reader: number formats, dates, strings, relationships, cell types.
@Suite struct WorkbookReaderTests {
    static func display(_ code: String, _ stored: String) throws -> String {
        NumberFormat(code: code).display(try #require(WorkbookReader.number(stored)))
    }

    @Test func generalShowsFifteenSignificantDigits() throws {
        #expect(try Self.display("General", "70.15000000000001") == "70.15")
        #expect(try Self.display("General", "26.149") == "26.149")
        #expect(try Self.display("General", "0.30000000000000004") == "0.3")
        #expect(try Self.display("General", "20240713150557") == "20240713150557")
        #expect(try Self.display("General", "1.5E-3") == "0.0015")
        #expect(try Self.display("General", "-4") == "-4")
        #expect(try Self.display("General", "0") == "0")
    }

    @Test func fixedDecimalsGroupingAndPercent() throws {
        #expect(try Self.display("0.00", "10") == "10.00")
        #expect(try Self.display("0.00", "99.99999999999999") == "100.00")
        #expect(try Self.display("0.00", "2.005") == "2.01")
        #expect(try Self.display("#,##0", "598500") == "598,500")
        #expect(try Self.display("#,##0", "9600000") == "9,600,000")
        #expect(try Self.display("#,##0.00", "8266024.73") == "8,266,024.73")
        #expect(try Self.display("0.00%", "0.5392") == "53.92%")
        #expect(try Self.display("0%", "1") == "100%")
        #expect(try Self.display("0.0#", "5") == "5.0")
        #expect(try Self.display("0.0#", "5.125") == "5.13")
        #expect(try Self.display("#,##0,", "1500000") == "1,500")
        #expect(try Self.display("\"¥\"#,##0.00", "12.5") == "¥12.50")
        #expect(try Self.display("#,##0.00_ ;[Red]-#,##0.00 ", "-1234.5") == "-1,234.50")
        #expect(try Self.display("#,##0.00;(#,##0.00);\"-\"", "0") == "-")
        #expect(try Self.display("0.00E+00", "12345") == "12345")
        #expect(try Self.display("@", "7") == "7")
    }

    @Test func dateFormatsAreRecognised() {
        #expect(NumberFormat(code: "yyyy-mm-dd").isDate)
        #expect(NumberFormat(code: "yyyy\"年\"m\"月\"d\"日\"").isDate)
        #expect(NumberFormat(code: "[$-804]yyyy/m/d h:mm").isDate)
        #expect(NumberFormat.builtIn(14).isDate)
        #expect(NumberFormat.builtIn(31).isDate)
        #expect(!NumberFormat(code: "0.00").isDate)
        #expect(!NumberFormat(code: "[Red]#,##0").isDate)
        #expect(!NumberFormat.general.isDate)
        #expect(!NumberFormat(code: "\"m²\"0").isDate)
    }

    @Test func serialNumbersBecomeDates() throws {
        let serial = try #require(Decimal(string: "45486.62913194444"))
        let date = try #require(ExcelDateTime(serial: serial, date1904: false))
        #expect(date.compactText == "20240713150557")
        #expect(date.isoText == "2024-07-13 15:05:57")
        #expect(ExcelDateTime(serial: 1, date1904: false)?.isoText == "1900-01-01")
        #expect(ExcelDateTime(serial: 59, date1904: false)?.isoText == "1900-02-28")
        #expect(ExcelDateTime(serial: 61, date1904: false)?.isoText == "1900-03-01")
        #expect(ExcelDateTime(serial: 0, date1904: true)?.isoText == "1904-01-01")
        #expect(ExcelDateTime(serial: -1, date1904: false) == nil)
    }

    @Test func storedNumbersAreReadStrictly() {
        #expect(WorkbookReader.number("70.15000000000001") == Decimal(string: "70.15000000000001"))
        #expect(WorkbookReader.number("-1.5E-3") == Decimal(string: "-0.0015"))
        for bad in ["", "12abc", "1,234", "1.2.3", "E5", "1E", "--1", "0x10"] {
            #expect(WorkbookReader.number(bad) == nil, "\(bad)")
        }
    }

    @Test func sharedStringsJoinRunsAndSkipPhonetics() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
            <si><t>项目名称</t></si>
            <si><r><rPr><b/></rPr><t>资金</t></r><r><t xml:space="preserve"> 总额</t></r><rPh sb="0" eb="2"><t>ジキン</t></rPh></si>
            <si><t>第一行_x000D_
            第二行</t></si>
            <si><t/></si>
            </sst>
            """
        let strings = try WorkbookReader.sharedStrings(Data(xml.utf8), part: "xl/sharedStrings.xml")
        #expect(strings == ["项目名称", "资金 总额", "第一行\r\n第二行", ""])
    }

    @Test func cellsOfEveryType() throws {
        let xml = """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            <row r="2"><c r="B2" t="s"><v>1</v></c><c t="inlineStr"><is><r><t>内联</t></r><r><t>文本</t></r></is></c>
            <c r="E2" t="str"><f>A1&amp;"x"</f><v>公式结果</v></c><c r="F2" t="b"><v>1</v></c><c r="G2" t="e"><v>#DIV/0!</v></c></row>
            <row><c r="A3" s="1"><v>10</v></c><c r="B3" s="2"><v>45486.62913194444</v></c><c r="C3"><f>SUM(A3:A3)</f></c>
            <c r="D3" s="1"/><c r="E3"><v>70.15000000000001</v></c></row>
            </sheetData><mergeCells count="1"><mergeCell ref="B2:C2"/><mergeCell ref="D3"/></mergeCells></worksheet>
            """
        let context = WorkbookReader.SheetContext(
            sharedStrings: ["零", "共享"],
            formats: [.general, NumberFormat(code: "0.00"), .builtIn(22)],
            date1904: false)
        let sheet = try WorkbookReader.worksheet(
            Data(xml.utf8), name: "表", part: "xl/worksheets/sheet1.xml", context: context)
        func text(_ reference: String) -> String? {
            CellAddress(reference: reference).flatMap { sheet.cells[$0]?.text }
        }
        #expect(text("B2") == "共享")
        #expect(text("C2") == "内联文本")
        #expect(text("E2") == "公式结果")
        #expect(text("F2") == "TRUE")
        #expect(text("G2") == "#DIV/0!")
        #expect(text("A3") == "10.00")
        #expect(text("B3") == "2024-07-13 15:05:57")
        #expect(sheet.cells[CellAddress(row: 3, column: 3)]?.kind == .uncomputedFormula("SUM(A3:A3)"))
        #expect(text("D3") == nil)
        #expect(text("E3") == "70.15")
        #expect(sheet.merges == [CellRange(reference: "B2:C2")])
    }

    @Test func missingSharedStringIsAnError() {
        let xml = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row></sheetData></worksheet>"
        let context = WorkbookReader.SheetContext(sharedStrings: ["零"], formats: [], date1904: false)
        #expect {
            _ = try WorkbookReader.worksheet(
                Data(xml.utf8), name: "表", part: "xl/worksheets/sheet1.xml", context: context)
        } throws: { error in
            (error as? WorkbookError)?.problem.contains("A1 引用了不存在的共享字符串") == true
        }
    }

    @Test func relationshipTargetsResolve() {
        #expect(WorkbookReader.resolve("/xl/worksheets/sheet1.xml", base: "xl") == "xl/worksheets/sheet1.xml")
        #expect(WorkbookReader.resolve("worksheets/sheet1.xml", base: "xl") == "xl/worksheets/sheet1.xml")
        #expect(WorkbookReader.resolve("../xl/styles.xml", base: "xl") == "xl/styles.xml")
        #expect(WorkbookReader.resolve("./sharedStrings.xml", base: "xl") == "xl/sharedStrings.xml")
        #expect(WorkbookReader.resolve("xl/workbook.xml", base: "") == "xl/workbook.xml")
        #expect(WorkbookReader.resolve("worksheets/%E8%A1%A8.xml", base: "xl") == "xl/worksheets/表.xml")
    }

    @Test func cellReferences() {
        #expect(CellAddress(reference: "B12") == CellAddress(row: 12, column: 2))
        #expect(CellAddress(reference: "$AA$3") == CellAddress(row: 3, column: 27))
        #expect(CellAddress(reference: "XFD1048576") != nil)
        for bad in ["XFE1", "A0", "A1048577", "1A", "A", "12", "A-1", "Ａ1"] {
            #expect(CellAddress(reference: bad) == nil, "\(bad)")
        }
        #expect(CellAddress.columnName(27) == "AA")
        #expect(CellRange(reference: "C5:A1")?.description == "A1:C5")
    }

    @Test func labelsNormalise() {
        #expect(PrintedLabel.normalize("资金结（转）余") == "资金结(转)余")
        #expect(PrintedLabel.normalize("总 分") == "总分")
        #expect(PrintedLabel.normalize("资金总额：") == "资金总额")
        #expect(PrintedLabel.normalize("满意度指\n标") == "满意度指标")
        #expect(PrintedLabel.withoutUnit("执行率(%)") == "执行率")
        #expect(Label.matches(PrintedLabel.normalize("执行率（%）"), Label.rate))
        #expect(Label.fundSource("其中:中央财政资金") == "central")
        #expect(Label.fundSource("市县(区)财政资金") == "cityCounty")
        #expect(Label.analysisField("项目实施的预算执行情况及分析") == "execution")
        #expect(Label.analysisField("偏差原因分析及改进措施") == nil)
        #expect(Label.analysisField("下一步改进措施及管理建议") == "improvements")
    }

    @Test func documentTypeAndOtherEncodingsAreRefusedBeforeParsing() throws {
        func problem(_ data: Data) -> String? {
            do throws(WorkbookError) {
                try XMLPart.parse(data, part: "xl/workbook.xml") { _ throws(WorkbookError) in }
                return nil
            } catch {
                return error.problem
            }
        }
        let dtd = problem(Data("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><x/>".utf8))
        #expect(dtd?.contains("文档类型声明") == true, "\(dtd ?? "read")")
        let utf16 = Data([0xFF, 0xFE]) + "<!DOCTYPE x><x/>".data(using: .utf16LittleEndian)!
        #expect(problem(utf16)?.contains("UTF-8") == true)
        #expect(problem(Data("<x>&lt;!DOCTYPE</x>".utf8)) == nil)
    }
}
