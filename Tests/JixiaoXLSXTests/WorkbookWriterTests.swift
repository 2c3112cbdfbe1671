import Foundation
import JixiaoCore
import JixiaoFormats
import Testing

@testable import JixiaoXLSX

/// A self-evaluation written as a workbook in the official layout imports back as the same form: every bundled
/// self-evaluation (real published forms, 10 and 11 columns, with and without 偏差原因 in the funds block),
/// through `XLSXImporter`, the reader of `jixiao import`.
@Suite struct WorkbookWriterTests {
    static let selfEvaluations: [String] = {
        let root = XLSXTestSupport.formsFolder
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        return files.filter { $0.hasSuffix(".yaml") && !$0.contains("目标表") }.sorted()
    }()

    @Test func everyBundledSelfEvaluationIsFound() {
        #expect(WorkbookWriterTests.selfEvaluations.count >= 10)
    }

    @Test(arguments: selfEvaluations)
    func aWrittenWorkbookImportsBackAsTheSameForm(_ path: String) throws {
        guard case .selfEvaluation(let form) = try XLSXTestSupport.transcription(path) else { return }
        let data = try SelfEvaluationSheet.workbook(form)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "jixiao-roundtrip-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try data.write(to: url)
        let result = try XLSXTestSupport.importOne(url)
        #expect(result.unreadable.isEmpty, "\(result.unreadable)")
        let imported = try #require(result.forms.first?.form)
        #expect(result.forms.count == 1)
        let difference = XLSXTestSupport.difference(imported, .selfEvaluation(form))
        #expect(difference == nil, "\(path):\n\(difference ?? "")")
    }

    @Test func numbersAreNumericCellsShowingTheirPrintedText() throws {
        var sheet = WorksheetDraft(name: "a/b:c*?[d]" + String(repeating: "长", count: 40))
        #expect(sheet.name.count == 31 && !sheet.name.contains("/"))
        sheet.number(1, 1, "100.00")
        sheet.number(1, 2, "598500")
        sheet.number(1, 3, "1,234.5")
        sheet.number(1, 4, "≥90%")
        sheet.text(1, 5, "a<b & \u{0}c")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "jixiao-cells-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try XLSXWriter.workbook([sheet]).write(to: url)
        let read = try #require(try WorkbookReader.read(url).sheets.first)
        let text = { (column: Int) in read.cells[CellAddress(row: 1, column: column)]?.text }
        #expect(read.cells[CellAddress(row: 1, column: 1)]?.kind == .number(Decimal(100)))
        #expect(text(1) == "100.00")
        #expect(text(2) == "598500")
        #expect(text(3) == "1,234.5")
        #expect(text(4) == "≥90%")
        #expect(text(5) == "a<b & c")
    }

    @Test func onlyPlainDecimalsBecomeNumbers() {
        #expect(WorksheetDraft.plainDecimals("-12.50") == 2 && WorksheetDraft.plainDecimals("012") == nil)
        #expect(WorksheetDraft.plainDecimals("1e3") == nil && WorksheetDraft.plainDecimals("1.") == nil)
    }
}
