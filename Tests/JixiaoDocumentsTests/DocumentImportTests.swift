import Foundation
import JixiaoCore
import JixiaoFormats
import JixiaoImport
import Testing

@testable import JixiaoDocuments

/// The documents made by `scripts/make-import-fixtures.py` from the seeds (Word, HTML, and PDFs from three
/// producers) and the seeds' own text exports.
enum DocumentFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func url(_ name: String) throws -> URL {
        try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
    }

    /// A seed's text export (the importer tests' copy).
    static func seed(_ name: String) -> URL {
        root.appendingPathComponent("Tests/JixiaoImportTests/Fixtures/\(name).txt")
    }

    static func importer(for name: String) -> any FormImporter {
        switch (name as NSString).pathExtension {
        case "docx": WordDocumentImporter()
        case "pdf": PDFImporter()
        default: HTMLPageImporter()
        }
    }

    /// A form as its fields: the form file's YAML without its source (lines differ between formats).
    static func fields(_ form: Form) -> [String] {
        var form = form
        switch form {
        case .selfEvaluation(var f):
            f.source = nil
            f.lines = [:]
            form = .selfEvaluation(f)
        case .targetTable(var t):
            t.source = nil
            t.lines = [:]
            form = .targetTable(t)
        }
        return FormFileWriter.yaml(form).components(separatedBy: "\n")
    }

    static func lineKeys(_ form: Form) -> Set<String> {
        switch form {
        case .selfEvaluation(let f): Set(f.lines.keys)
        case .targetTable(let t): Set(t.lines.keys)
        }
    }

    /// A scratch file holding `data`.
    static func scratch(_ name: String, _ data: Data) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "jixiao-documents-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    static func importError(_ importer: any FormImporter, _ url: URL) -> ImportError? {
        do {
            _ = try importer.importForms(from: url)
            return nil
        } catch {
            return error
        }
    }
}

@Suite struct DocumentImportTests {
    static let documents: [(document: String, seed: String)] = [
        ("003_dedc51a6acead367.docx", "003_dedc51a6acead367"),
        ("003_dedc51a6acead367.html", "003_dedc51a6acead367"),
        ("002_50ea5a3f65b56578.docx", "002_50ea5a3f65b56578"),
        ("002_50ea5a3f65b56578.html", "002_50ea5a3f65b56578"),
        ("000_ef4518406fbbf37e.docx", "000_ef4518406fbbf37e"),
        ("000_ef4518406fbbf37e.html", "000_ef4518406fbbf37e"),
    ]

    /// PDFs from three producers (reportlab, WeasyPrint, Chromium's print-to-PDF): cells are the boxes their ruling lines enclose, so a wrapped 三级指标, 年度目标
    /// or project name is one cell, and a row a page break cut is joined again.
    static let pdfs: [(document: String, seed: String)] = [
        ("003_dedc51a6acead367.reportlab.pdf", "003_dedc51a6acead367"),
        ("003_dedc51a6acead367.weasyprint.pdf", "003_dedc51a6acead367"),
        ("002_50ea5a3f65b56578.reportlab.pdf", "002_50ea5a3f65b56578"),
        ("002_50ea5a3f65b56578.weasyprint.pdf", "002_50ea5a3f65b56578"),
        ("003_dedc51a6acead367.chromium.pdf", "003_dedc51a6acead367"),
        ("002_50ea5a3f65b56578.chromium.pdf", "002_50ea5a3f65b56578"),
    ]

    /// Chromium's print of the HTML pages with the cells' borders removed: no ruling lines, so rows and cells
    /// are rebuilt by alignment alone (columns the document's shared left edges, a row's wrapped cells
    /// continued only as close as the page's leading).
    static let unruledPDFs: [(document: String, seed: String)] = [
        ("003_dedc51a6acead367.unruled.pdf", "003_dedc51a6acead367"),
        ("002_50ea5a3f65b56578.unruled.pdf", "002_50ea5a3f65b56578"),
    ]

    /// Every form of the seed's text export, field by field, and its summary sentences, from each document.
    @Test(arguments: documents)
    func sameFormsAsTheTextExport(_ document: String, _ seed: String) throws {
        try Self.compare(document, seed)
    }

    @Test(arguments: pdfs)
    func pdfFormsAsTheTextExport(_ document: String, _ seed: String) throws {
        try Self.compare(document, seed)
    }

    @Test(arguments: unruledPDFs)
    func pdfWithoutRulingsAsTheTextExport(_ document: String, _ seed: String) throws {
        try Self.compare(document, seed)
        let read = try PDFImporter().importForms(from: try DocumentFixtures.url(document))
        #expect(read.forms.allSatisfy { $0.origin.hasPrefix("第 ") && $0.origin.contains(" 页第 ") })
    }

    static func compare(_ document: String, _ seed: String) throws {
        let text = try TextDocumentImporter().importForms(from: DocumentFixtures.seed(seed))
        let read = try DocumentFixtures.importer(for: document).importForms(from: try DocumentFixtures.url(document))
        #expect(read.unreadable.isEmpty, "\(read.unreadable)")
        #expect(read.forms.count == text.forms.count)
        #expect(!text.forms.isEmpty)
        for (mine, theirs) in zip(read.forms, text.forms) {
            let expected = DocumentFixtures.fields(theirs.form)
            let actual = DocumentFixtures.fields(mine.form)
            for (index, (a, e)) in zip(actual, expected).enumerated() where a != e {
                Issue.record("\(document) \(theirs.form.project) line \(index + 1): \(a) ≠ \(e)")
                break
            }
            #expect(actual.count == expected.count, "\(theirs.form.project)")
            #expect(DocumentFixtures.lineKeys(mine.form) == DocumentFixtures.lineKeys(theirs.form))
        }
        #expect(read.summarySentences.map(\.text) == text.summarySentences.map(\.text))
        #expect(read.budgetSentences.map(\.text) == text.budgetSentences.map(\.text))
    }

    /// A PDF's forms and findings are located by page: the 2023 工伤 document's four forms start on the
    /// pages they are printed on, and each field's line is a row of its form's pages.
    @Test(arguments: [
        ("003_dedc51a6acead367.reportlab.pdf", [12, 14, 15, 16]),
        ("003_dedc51a6acead367.weasyprint.pdf", [12, 14, 14, 15]),
        ("003_dedc51a6acead367.chromium.pdf", [13, 14, 15, 16]),
    ])
    func pdfFormsAreLocatedByPage(_ document: String, _ titlePages: [Int]) throws {
        let read = try PDFImporter().importForms(from: try DocumentFixtures.url(document))
        // Every row the PDF gave is named by its page.
        #expect(!read.rowPlaces.isEmpty)
        #expect(read.rowPlaces.values.allSatisfy { $0.wholeMatch(of: /第 \d+ 页第 \d+ 行/) != nil })
        try Self.formsStartOn(titlePages, read)
    }

    static func formsStartOn(_ titlePages: [Int], _ read: ImportResult) throws {
        let origins = read.forms.map(\.origin)
        #expect(origins.count == 4)
        #expect(origins.allSatisfy { $0.hasPrefix("第 ") && $0.contains(" 页第 ") }, "\(origins)")
        let pages = read.forms.compactMap { $0.lines.flatMap { read.rowPlaces[$0.lowerBound] } }
        #expect(pages.count == 4)
        // `pdftotext -f N -l N` of these files prints each form's title on these pages.
        let firstPages = pages.compactMap { $0.firstMatch(of: /第 (\d+) 页/).flatMap { Int($0.1) } }
        #expect(firstPages == titlePages, "\(pages)")
        let sentence = try #require(read.summarySentences.first)
        #expect(read.place(ofLine: sentence.line).hasPrefix("第 "))
    }
}
