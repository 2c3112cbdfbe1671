import Foundation
import JixiaoCore
import JixiaoFormats
import JixiaoImport
import Testing

@testable import JixiaoXLSX

/// A workbook read into the document grid (cells with their merged spans, cell references as origin) is
/// mapped by the grid mapper to the same forms as the text export of the same seed, field by field.
@Suite struct WorksheetGridTests {
    static let workbooks: [(workbook: String, seed: String)] = [
        ("selfeval-000-会议培训费.xlsx", "000_ef4518406fbbf37e"),
        ("selfeval-000-社会保险经办专项业务工作经费.xlsx", "000_ef4518406fbbf37e"),
        ("selfeval-003-社会保障卡工本费支出.xlsx", "003_dedc51a6acead367"),
        ("target-002-维修维护费.xlsx", "002_50ea5a3f65b56578"),
        ("target-002-社保数据治理费.xlsx", "002_50ea5a3f65b56578"),
    ]

    static func workbook(_ name: String) -> URL {
        DocumentFixtures.root.appendingPathComponent("Tests/JixiaoXLSXTests/Fixtures/\(name)")
    }

    @Test(arguments: workbooks)
    func gridMapperReadsTheWorkbookAsTheTextExport(_ workbook: String, _ seed: String) throws {
        let grids = try WorksheetGrid.grids(Self.workbook(workbook))
        #expect(grids.count == 1)
        let grid = try #require(grids.first)
        let read = try GridImporter.importForms(from: grid, noCells: ("", ""))
        #expect(read.unreadable.isEmpty, "\(read.unreadable)")
        let form = try #require(read.forms.first)
        #expect(read.forms.count == 1)
        let text = try TextDocumentImporter().importForms(from: DocumentFixtures.seed(seed))
        let expected = try #require(text.forms.first { $0.form.project == form.form.project })
        let got = DocumentFixtures.fields(form.form)
        let want = DocumentFixtures.fields(expected.form)
        let differing = zip(got, want).filter { $0 != $1 }.prefix(8).map { "\($0.0) | text: \($0.1)" }
        #expect(got == want, "\(differing.joined(separator: "\n"))")
        // Every field read keeps the sheet row it came from; the form is located on its sheet.
        let sheet = try #require(grid.rows.first?.origin.sheet)
        #expect(form.origin == "工作表“\(sheet)”")
    }

    /// Forms stacked on one sheet are located by their 项目名称 cell, as the sheet mapper locates them; a sheet
    /// of one form by the sheet alone.
    @Test func formsStackedOnASheetAreLocatedByTheirProjectCell() throws {
        // Sheet 2 holds a note and no form: the grid mapper refuses it (skipping such sheets in a workbook is
        // the Excel importer's part).
        var read: [ImportResult] = []
        var refused: [String] = []
        for grid in try WorksheetGrid.grids(Self.workbook("variants/multi-form.xlsx")) {
            do {
                read.append(try GridImporter.importForms(from: grid, noCells: ("", "")))
            } catch {
                refused.append(grid.rows.first?.origin.sheet ?? "")
            }
        }
        #expect(refused.count == 1 && read.count == 2)
        #expect(read.flatMap(\.unreadable).isEmpty, "\(read.flatMap(\.unreadable))")
        #expect(read.flatMap(\.forms).map(\.origin) == ["工作表“自评表” A3 起", "工作表“自评表” B39 起", "工作表“目标表”"])
        #expect(read.flatMap(\.forms).map(\.form.project) == ["会议培训费", "社会保障卡工本费支出", "维修维护费"])
    }

    @Test func cellsKeepTheirReferencesAndSpans() throws {
        let grid = try #require(try WorksheetGrid.grids(Self.workbook("selfeval-000-会议培训费.xlsx")).first)
        let title = try #require(grid.rows.first?.cells.first)
        #expect(title.text == "会议培训费项目支出绩效自评表")
        #expect(title.origin.place == "工作表“\(title.origin.sheet ?? "")” A1")
        #expect(title.columnSpan > 1)
        #expect(grid.rows.first?.origin.place == "工作表“\(title.origin.sheet ?? "")”第 1 行")
    }

    /// Forms side by side on one sheet are read apart, each in its column band, and located by their 项目名称
    /// cell.
    @Test func formsSideBySideAreReadApart() throws {
        let grid = try #require(try WorksheetGrid.grids(Self.workbook("variants/side-by-side.xlsx")).first)
        let read = try GridImporter.importForms(from: grid, noCells: ("", ""))
        #expect(read.unreadable.isEmpty, "\(read.unreadable)")
        #expect(read.forms.map(\.origin) == ["工作表“Sheet” A3 起", "工作表“Sheet” L5 起"])
        #expect(read.forms.map(\.form.project) == ["会议培训费", "社保数据治理费"])
    }

    /// The first sheet of a seed workbook, edited, read by the grid mapper.
    static func edited(_ workbook: String, _ edit: (inout Worksheet) throws -> Void) throws -> Form {
        var sheet = try #require(try WorkbookReader.read(Self.workbook(workbook)).sheets.first)
        try edit(&sheet)
        let read = try GridImporter.importForms(from: WorksheetGrid.grid(sheet, file: workbook), noCells: ("", ""))
        #expect(read.unreadable.isEmpty, "\(read.unreadable)")
        return try #require(read.forms.first).form
    }

    /// A rate the sheet holds as a number in a percent format reads as the percentage, as the transcription
    /// has it; a date cell as the platform prints the date.
    @Test func percentFormattedNumbersAndDateCells() throws {
        let rated = try Self.edited("selfeval-000-会议培训费.xlsx") { sheet in
            let rate = try #require(CellAddress(reference: "H7"))
            sheet.cells[rate] = Cell(.number(Decimal(string: "0.5392")!), text: "53.92%")
        }
        guard case .selfEvaluation(let form) = rated else { throw ImportError(file: "", problem: "", fix: "") }
        #expect(form.funds.total.rate.text == "53.92")
        let dated = try Self.edited("target-002-维修维护费.xlsx") { sheet in
            let serial = try #require(Decimal(string: "45486.62913194444"))
            let date = try #require(ExcelDateTime(serial: serial, date1904: false))
            sheet.cells[try #require(CellAddress(reference: "H29"))] = Cell(.date(date), text: date.isoText)
        }
        guard case .targetTable(let table) = dated else { throw ImportError(file: "", problem: "", fix: "") }
        #expect(table.footer.filledAt == "20240713150557")
    }

    /// A form printing no year takes its sheet's name's (`2023年自评表`); with neither it is reported.
    @Test func yearFromTheSheetName() throws {
        var sheet = try #require(try WorkbookReader.read(Self.workbook("selfeval-000-会议培训费.xlsx")).sheets.first)
        sheet.cells[try #require(CellAddress(reference: "A2"))] = nil
        sheet.cells[try #require(CellAddress(reference: "A1"))] = Cell(.text, text: "会议培训费项目支出绩效自评表")
        let unnamed = try GridImporter.importForms(from: WorksheetGrid.grid(sheet, file: "x.xlsx"), noCells: ("", ""))
        #expect(unnamed.forms.isEmpty)
        #expect(unnamed.unreadable.contains { $0.reason.contains("年度") }, "\(unnamed.unreadable)")
        sheet.name = "2023年自评表"
        let named = try GridImporter.importForms(from: WorksheetGrid.grid(sheet, file: "x.xlsx"), noCells: ("", ""))
        #expect(named.unreadable.isEmpty, "\(named.unreadable)")
        #expect(named.forms.first?.form.year == 2023)
    }

    /// A formula saved without its result is reported with its cell and the form is not complete (not
    /// written), never read as a blank.
    @Test func formulaWithoutItsResultIsReported() throws {
        var sheet = try #require(try WorkbookReader.read(Self.workbook("selfeval-000-会议培训费.xlsx")).sheets.first)
        sheet.cells[try #require(CellAddress(reference: "I19"))] = Cell(.uncomputedFormula("SUM(I12:I18)"), text: "")
        let read = try GridImporter.importForms(from: WorksheetGrid.grid(sheet, file: "x.xlsx"), noCells: ("", ""))
        // The total's row read blank, the form is not imported; the formula is named whatever else is.
        #expect(read.forms.allSatisfy { !read.isComplete($0) })
        let part = try #require(read.unreadable.first { $0.reason.contains("公式") })
        #expect(
            part.reason.contains("项目“会议培训费”") && part.reason.contains("I19（=SUM(I12:I18)）")
                && part.reason.contains("没有保存计算结果"), "\(part.reason)")
        #expect(part.location.hasPrefix("工作表“"), "\(part.location)")
    }
}
