import Foundation
import JixiaoFormats
import JixiaoImport

/// `jixiao import` / `jixiao audit` of a Word document (.docx): its tables and paragraphs read into the grid,
/// mapped by the forms' printed labels.
public struct WordDocumentImporter: FormImporter {
    public static let extensions: Set<String> = ["docx"]

    public init() {}

    public func importForms(from url: URL) throws(ImportError) -> ImportResult {
        try GridImporter.importForms(
            from: WordDocument.grid(url),
            noCells: ("找到了表题，但 Word 文档中没有表格（表单可能是图片或文本框）", "确认表单在 Word 中是表格；或导入原 PDF / Excel 文件"))
    }
}

/// An HTML page (a 决算公开 published on a unit's website, saved from the browser).
public struct HTMLPageImporter: FormImporter {
    public static let extensions: Set<String> = ["html", "htm"]

    public init() {}

    public func importForms(from url: URL) throws(ImportError) -> ImportResult {
        try GridImporter.importForms(
            from: HTMLPage.grid(url),
            noCells: ("找到了表题，但页面中没有表格（<table>），表单可能是图片", "在网站上查找该文档的 PDF 或 Word 附件再导入"))
    }
}

/// A PDF with a text layer, through poppler's pdftotext: every finding and unreadable part located by page.
public struct PDFImporter: FormImporter {
    public static let extensions: Set<String> = ["pdf"]

    public init() {}

    public func importForms(from url: URL) throws(ImportError) -> ImportResult {
        try importForms(PDFText.read(url), file: url.lastPathComponent)
    }

    /// The forms in the words pdftotext gave for a PDF named `file` (its `-bbox-layout` XHTML): what
    /// `importForms(from:)` reads once the tool has run, and the fuzzer's entry point.
    public func importForms(wordLayout data: Data, file: String) throws(ImportError) -> ImportResult {
        try importForms(PDFText.parse(data, file: file), file: file)
    }

    private func importForms(_ text: PDFText, file: String) throws(ImportError) -> ImportResult {
        try GridImporter.importForms(
            from: PDFLayout.grid(text, file: file),
            noCells: ("找到了表题，但 PDF 中读不出表格的单元格", "向发布单位索取 Word 或 Excel 版本再导入"))
    }
}

/// The old binary Office formats: refused with how to save them in the formats that can be read.
public struct LegacyOfficeImporter: FormImporter {
    public static let extensions: Set<String> = ["doc", "xls", "wps", "et"]

    public init() {}

    public func importForms(from url: URL) throws(ImportError) -> ImportResult {
        let ext = url.pathExtension.lowercased()
        let isWord = ext == "doc" || ext == "wps"
        throw ImportError(
            file: url.path,
            problem: isWord ? "这是旧版 Word（.\(ext)）文档，无法直接读取" : "这是旧版 Excel（.\(ext)）工作簿，无法直接读取",
            fix: isWord
                ? "在 Word 或 WPS 中打开，选择“文件 → 另存为”，保存类型选“Word 文档（*.docx）”，再导入 .docx 文件"
                : "在 Excel 或 WPS 中打开，选择“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再导入 .xlsx 文件")
    }
}
