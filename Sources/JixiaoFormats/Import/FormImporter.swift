import Foundation
import JixiaoCore

/// Reads forms out of a file people actually have (a published document, an Excel workbook, an exported
/// XML batch) and says exactly what it could not read instead of guessing.
public protocol FormImporter: Sendable {
    /// File extensions (lower case, no dot) this importer reads.
    static var extensions: Set<String> { get }
    init()
    /// Every form found in the file, and every part that looked like a form but could not be read.
    func importForms(from url: URL) throws(ImportError) -> ImportResult
}

/// What an import recovered.
public struct ImportResult: Sendable {
    public var forms: [ImportedForm]
    public var unreadable: [UnreadablePart]
    /// The document's own summary sentences (决算公开 自评个数…, 预算公开 纳入绩效目标管理…), where the
    /// source is a published document; `jixiao audit` checks them against the forms.
    public var summarySentences: [SummarySentence]
    public var budgetSentences: [BudgetSentence]
    /// Projects' scores narrated in the document's text.
    public var scoreNarrations: [ScoreNarration]
    /// Where each line number of the import is in the source, when its lines are not the file's own (the
    /// rows of a PDF, Word or HTML document: `第 3 页第 12 行`, `第 2 个表格第 5 行`).
    public var rowPlaces: [Int: String]

    public init(
        forms: [ImportedForm] = [], unreadable: [UnreadablePart] = [],
        summarySentences: [SummarySentence] = [], budgetSentences: [BudgetSentence] = [],
        scoreNarrations: [ScoreNarration] = [], rowPlaces: [Int: String] = [:]
    ) {
        self.scoreNarrations = scoreNarrations
        self.forms = forms
        self.unreadable = unreadable
        self.summarySentences = summarySentences
        self.budgetSentences = budgetSentences
        self.rowPlaces = rowPlaces
    }

    /// `第 3 页第 12 行` for a PDF's row, `第 417 行` for a text file's line.
    public func place(ofLine line: Int) -> String {
        rowPlaces[line] ?? "第 \(line) 行"
    }

    /// `第 14 页第 2 行 至 第 15 页第 30 行`, or `第 684–715 行` for a text file.
    public func place(ofLines lines: ClosedRange<Int>) -> String {
        guard let first = rowPlaces[lines.lowerBound], let last = rowPlaces[lines.upperBound] else {
            return "第 \(lines.lowerBound)–\(lines.upperBound) 行"
        }
        return first == last ? first : "\(first) 至 \(last)"
    }

    /// Whether every part of `imported` was read: no unreadable part lies inside its source lines. A form that
    /// was not read completely is reported, never written (README: “a form that cannot be read completely is
    /// not written”).
    public func isComplete(_ imported: ImportedForm) -> Bool {
        guard let range = imported.lines else { return true }
        return !unreadable.contains { $0.line.map(range.contains) ?? false }
    }
}

/// One recovered form and where in the source it was read.
public struct ImportedForm: Sendable {
    public var form: Form
    /// `第 684–715 行`, `工作表“自评表”` — for messages.
    public var origin: String
    /// Source line range, where the source has lines.
    public var lines: ClosedRange<Int>?

    public init(form: Form, origin: String, lines: ClosedRange<Int>? = nil) {
        self.form = form
        self.origin = origin
        self.lines = lines
    }
}

/// A part of the source that could not be read, with the reason.
public struct UnreadablePart: Sendable, Hashable {
    /// Source line, where the source has lines.
    public var line: Int?
    /// Where (`工作表“Sheet2”`, `第 12 行`).
    public var location: String
    /// Chinese reason.
    public var reason: String

    public init(line: Int? = nil, location: String, reason: String) {
        self.line = line
        self.location = location
        self.reason = reason
    }
}

/// A file that cannot be imported at all (not the format it claims, damaged, too large).
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let problem: String
    public let fix: String

    public init(file: String, problem: String, fix: String) {
        self.file = file
        self.problem = problem
        self.fix = fix
    }

    public var description: String { "\(file): \(problem)。修改建议：\(fix)" }
}

/// Choosing an importer and naming what it recovered.
public enum FormImporters {
    /// The importer among `importers` that reads `path`, by file extension.
    public static func importer(for path: String, among importers: [any FormImporter.Type]) -> (any FormImporter.Type)?
    {
        let ext = (path as NSString).pathExtension.lowercased()
        return importers.first { $0.extensions.contains(ext) }
    }

    /// Where a form is written under an output folder: `<year>/<unit>/<project>.<ext>` (yaml by default), with
    /// characters that are unsafe in file names replaced.
    public static func relativePath(for form: Form, extension ext: String = "yaml") -> String {
        let unit: String
        switch form {
        case .selfEvaluation(let f): unit = f.agency.text
        case .targetTable(let t): unit = t.agency?.text ?? t.implementingAgency
        }
        let kind: String
        switch form {
        case .selfEvaluation: kind = ""
        case .targetTable: kind = "目标表-"
        }
        return
            "\(form.year)/\(safe(unit.isEmpty ? "未知单位" : unit))/\(kind)\(safe(form.project.isEmpty ? "未命名项目" : form.project)).\(ext)"
    }

    /// `project.ext` as a safe file name (a download's name).
    public static func fileName(_ project: String, extension ext: String) -> String {
        "\(safe(project.isEmpty ? "未命名项目" : project)).\(ext)"
    }

    /// A file or folder name from a form's text: path separators, characters Windows refuses and controls
    /// become `_`, and leading dots and underscores go (`../../x` → `x`): never a hidden file or a parent folder.
    static func safe(_ name: String) -> String {
        let replaced = String(
            name.unicodeScalars.map {
                "/\\:*?\"<>|".unicodeScalars.contains($0) || $0.value < 0x20 || $0.value == 0x7F ? "_" : Character($0)
            })
        let cleaned = replaced.trimmed.drop { $0 == "." || $0 == "_" || $0 == " " }
        return cleaned.isEmpty ? "未命名" : String(cleaned.prefix(120))
    }
}
