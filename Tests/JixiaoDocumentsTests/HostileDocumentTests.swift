import Foundation
import JixiaoCore
import JixiaoFormats
import JixiaoImport
import Testing

@testable import JixiaoDocuments

/// Damaged, encrypted and scanned PDFs, zip bombs and entity tricks in Word packages, hostile HTML, and the
/// old binary Office formats: each refused with a Chinese reason and a fix, or read safely.
@Suite struct HostileDocumentTests {
    @Test func encryptedPDFIsRefused() throws {
        let error = try #require(DocumentFixtures.importError(PDFImporter(), try DocumentFixtures.url("encrypted.pdf")))
        #expect(error.problem.contains("PDF 已加密"), "\(error)")
        #expect(error.fix.contains("未加密"))
    }

    @Test func imageOnlyPDFNeedsOCR() throws {
        let error = try #require(
            DocumentFixtures.importError(PDFImporter(), try DocumentFixtures.url("image-only.pdf")))
        #expect(error.problem.contains("没有文字层"), "\(error)")
        #expect(error.fix.contains("OCR"))
    }

    @Test func truncatedPDFIsDamaged() throws {
        let whole = try Data(contentsOf: try DocumentFixtures.url("003_dedc51a6acead367.reportlab.pdf"))
        let url = try DocumentFixtures.scratch("截断.pdf", whole.prefix(3_000))
        let error = try #require(DocumentFixtures.importError(PDFImporter(), url))
        #expect(error.problem.contains("PDF 已损坏或不完整"), "\(error)")
    }

    @Test func notAPDF() throws {
        let url = try DocumentFixtures.scratch("假的.pdf", Data("项目名称\t会议培训费\n".utf8))
        let error = try #require(DocumentFixtures.importError(PDFImporter(), url))
        #expect(error.problem.contains("不是 PDF"), "\(error)")
    }

    @Test(arguments: [
        ("bomb.docx", "压缩炸弹"), ("entities.docx", "文档类型声明"), ("external-entity.docx", "文档类型声明"),
    ])
    func craftedWordPackageIsRefused(_ fixture: String, _ expected: String) throws {
        let error = try #require(
            DocumentFixtures.importError(WordDocumentImporter(), try DocumentFixtures.url(fixture)))
        #expect(error.problem.contains(expected), "\(error)")
        #expect(error.fix.contains(".docx"))
    }

    @Test func textRenamedToDocx() throws {
        let url = try DocumentFixtures.scratch("文本.docx", Data("不是 Word 文档".utf8))
        let error = try #require(DocumentFixtures.importError(WordDocumentImporter(), url))
        #expect(error.problem.contains("不是Word 文档") || error.problem.contains("不是 Word 文档"), "\(error)")
    }

    @Test(arguments: ["doc", "xls"])
    func oldOfficeFormatsSayHowToSave(_ ext: String) throws {
        let url = try DocumentFixtures.scratch(
            "决算公开.\(ext)", Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        let error = try #require(DocumentFixtures.importError(LegacyOfficeImporter(), url))
        #expect(error.problem.contains("旧版"), "\(error)")
        #expect(error.fix.contains(ext == "doc" ? "*.docx" : "*.xlsx"))
    }

    /// Scripts and styles are not text; an external entity is never loaded; the page's table still reads.
    @Test func hostileHTMLIsReadSafely() throws {
        let page = """
            <!DOCTYPE html [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <html><head><title>标题</title><script>document.write("项目名称")</script></head>
            <body><p>甲&secret;乙</p><script>var 项目支出绩效自评表 = 1;</script><style>td { color: red }</style>
            <table><tr><td colspan="2">项目名称</td><td rowspan="99999">会议培训费</td></tr>
            <tr><td>一</td><td>二</td></tr></table></body></html>
            """
        let grid = try HTMLPage.grid(Data(page.utf8), file: "hostile.html")
        let texts = grid.rows.flatMap { $0.cells.map(\.text) }
        // The entity is left as it was written, never replaced by the file it names; no script text is read.
        #expect(texts.contains("甲&secret;乙"), "\(texts)")
        #expect(!texts.joined().contains("root:"))
        #expect(!texts.joined().contains("document.write") && !texts.joined().contains("color"))
        let table = grid.rows.filter { $0.origin.table == 1 }
        #expect(table.map { $0.cells.map(\.text) } == [["项目名称", "会议培训费"], ["一", "二"]])
        #expect(table[0].cells.map(\.columnSpan) == [2, 1])
        #expect(table[0].cells.map(\.column) == [0, 2])
        // The row span is capped and the second row's cells keep to the columns it does not cover.
        #expect(table[0].cells[1].rowSpan == 65_534)
        #expect(table[1].cells.map(\.column) == [0, 1])
    }

    @Test func tenMegabyteCellIsRefused() throws {
        let cell = String(repeating: "绩", count: 10 * 1024 * 1024 / 3)
        let page = "<html><body><table><tr><td>项目名称</td><td>\(cell)</td></tr></table></body></html>"
        let url = try DocumentFixtures.scratch("大单元格.html", Data(page.utf8))
        let error = try #require(DocumentFixtures.importError(HTMLPageImporter(), url))
        #expect(error.problem.contains("超过 100000 字"), "\(error)")
        #expect(error.problem.contains("第 1 个表格第 1 行"), "\(error)")
    }

    @Test func tooManyCellsInARowAreRefused() throws {
        let row = String(repeating: "<td>1</td>", count: 1_200)
        let url = try DocumentFixtures.scratch(
            "宽表.html", Data("<html><body><table><tr>\(row)</tr></table></body></html>".utf8))
        let error = try #require(DocumentFixtures.importError(HTMLPageImporter(), url))
        #expect(error.problem.contains("1200 个单元格"), "\(error)")
    }

    /// Word's merged cells: `gridSpan` widens a cell, `vMerge` continuations extend the cell above.
    @Test func wordMergedCellsAreSpans() throws {
        let grid = try WordDocument.grid(try DocumentFixtures.url("003_dedc51a6acead367.docx"))
        let header = try #require(grid.rows.first { $0.cells.first?.text == "项目名称" })
        #expect(header.cells.map(\.column) == [0, 2], "\(header.cells)")
        #expect(header.cells[1].columnSpan > 1)
        let level1 = try #require(grid.rows.flatMap(\.cells).first { $0.text == "产出指标" })
        #expect(level1.rowSpan > 1)
        #expect(level1.origin.table != nil && level1.origin.tableRow != nil)
    }
}
