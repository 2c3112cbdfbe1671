import Foundation
import JixiaoCore
import JixiaoFormats
import Testing

@testable import JixiaoImport

/// The three published seed documents (copied into Fixtures/) and the hand transcriptions in Forms/.
enum Seeds {
    static let selfEvaluations2023 = "000_ef4518406fbbf37e.txt"
    static let targetTables2026 = "002_50ea5a3f65b56578.txt"
    static let selfEvaluations2023WorkInjury = "003_dedc51a6acead367.txt"

    /// The package root (three levels above this file).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func url(_ name: String) throws -> URL {
        try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: try url(name), encoding: .utf8)
    }

    /// The lines of a seed (1-based line n is `lines[n - 1]`).
    static func lines(_ name: String) throws -> [String] {
        try text(name).components(separatedBy: "\n")
    }

    /// Every hand-made form file transcribed from `document`, keyed by the first line of its source.
    static func goldenForms(of document: String) throws -> [Int: Form] {
        let folder = root.appendingPathComponent("Forms")
        let files = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "yaml" }
        var forms: [Int: Form] = [:]
        for file in files {
            let form = try FormFileReader.read(try Data(contentsOf: file), file: file.lastPathComponent)
            guard let source = form.source, source.document == document, let first = source.firstLine else { continue }
            forms[first] = form
        }
        return forms
    }
}

/// Importing documents held in memory, as the importer's tests need.
enum Importing {
    static func document(_ text: String, name: String = "test.txt") throws(ImportError) -> ImportResult {
        try TextDocumentImporter().importForms(from: Data(text.utf8), name: name)
    }

    static func seed(_ name: String) throws -> ImportResult {
        try TextDocumentImporter().importForms(from: try Seeds.url(name))
    }

    /// A seed with its lines edited (1-based line numbers), imported under the seed's name.
    static func edited(_ name: String, _ edit: (inout [String]) throws -> Void) throws -> ImportResult {
        var lines = try Seeds.lines(name)
        try edit(&lines)
        return try document(lines.joined(separator: "\n"), name: name)
    }
}

extension Form {
    var source: SourceReference? {
        switch self {
        case .selfEvaluation(let form): form.source
        case .targetTable(let form): form.source
        }
    }

    var lines: [String: Int] {
        switch self {
        case .selfEvaluation(let form): form.lines
        case .targetTable(let form): form.lines
        }
    }

    /// The form without its field lines, which differ between a YAML file and a text document.
    var withoutLines: Form {
        switch self {
        case .selfEvaluation(var form):
            form.lines = [:]
            return .selfEvaluation(form)
        case .targetTable(var form):
            form.lines = [:]
            return .targetTable(form)
        }
    }

    /// The form without anything that says where it was read (field lines and source range).
    var withoutLocation: Form {
        switch self {
        case .selfEvaluation(var form):
            form.lines = [:]
            form.source = form.source.map { SourceReference(document: $0.document) }
            return .selfEvaluation(form)
        case .targetTable(var form):
            form.lines = [:]
            form.source = form.source.map { SourceReference(document: $0.document) }
            return .targetTable(form)
        }
    }

    var selfEvaluation: SelfEvaluation? {
        if case .selfEvaluation(let form) = self { return form }
        return nil
    }

    var targetTable: TargetTable? {
        if case .targetTable(let form) = self { return form }
        return nil
    }
}

extension Dictionary where Key == String, Value == Form {
    /// Changes the self-evaluation of `project` (a transcription adjusted to an edited document).
    mutating func editSelfEvaluation(_ project: String, _ edit: (inout SelfEvaluation) -> Void) {
        guard case .selfEvaluation(var form)? = self[project] else { return }
        edit(&form)
        self[project] = .selfEvaluation(form)
    }
}

/// Expects `result` to hold exactly the transcriptions of `document` (found by project name, wherever the
/// forms now sit), optionally changed by `adjust`, and `unreadable` parts it could not read.
func expectTranscriptions(
    _ result: ImportResult, of document: String, count: Int, unreadable: Int = 0,
    adjust: (inout [String: Form]) -> Void = { _ in }, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    #expect(result.unreadable.count == unreadable, "\(result.unreadable)", sourceLocation: sourceLocation)
    var golden: [String: Form] = [:]
    for form in try Seeds.goldenForms(of: document).values { golden[form.project] = form }
    adjust(&golden)
    #expect(result.forms.count == count, sourceLocation: sourceLocation)
    for imported in result.forms {
        let expected = try #require(
            golden[imported.form.project], "unexpected form \(imported.form.project)", sourceLocation: sourceLocation)
        let equal = imported.form.withoutLocation == expected.withoutLocation
        #expect(
            equal,
            "\(imported.form.project):\n\(differences(expected.withoutLocation, imported.form.withoutLocation))",
            sourceLocation: sourceLocation)
    }
}

/// The lines where two forms' YAML renderings differ, for a readable failure message.
func differences(_ expected: Form, _ actual: Form) -> String {
    let left = FormFileWriter.yaml(expected).components(separatedBy: "\n")
    let right = FormFileWriter.yaml(actual).components(separatedBy: "\n")
    var out: [String] = []
    for index in 0..<max(left.count, right.count) {
        let a = index < left.count ? left[index] : "<none>"
        let b = index < right.count ? right[index] : "<none>"
        if a != b { out.append("  transcribed: \(a)\n  imported:    \(b)") }
    }
    return out.prefix(12).joined(separator: "\n")
}
