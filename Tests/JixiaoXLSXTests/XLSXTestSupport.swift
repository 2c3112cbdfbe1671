import Foundation
import JixiaoCore
import JixiaoFormats
import Testing

@testable import JixiaoXLSX

/// Fixtures, the hand transcriptions they reproduce, and a comparison that names what differs.
enum XLSXTestSupport {
    static let fixtures = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")

    static let formsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Forms")

    /// Each fixture workbook and the form file (under Forms/) it reproduces, as its generator documents.
    static let seedForms: [(fixture: String, form: String)] = [
        ("selfeval-000-社会保险经办专项业务工作经费.xlsx", "2023/209100-山西省社会保险局/社会保险经办专项业务工作经费.yaml"),
        ("selfeval-000-会议培训费.xlsx", "2023/209100-山西省社会保险局/会议培训费.yaml"),
        ("selfeval-003-社会保障卡工本费支出.xlsx", "2023/209105-山西省工伤保险管理服务中心/社会保障卡工本费支出.yaml"),
        ("target-002-维修维护费.xlsx", "2026/山西省社会保险局/维修维护费.yaml"),
        ("target-002-社保数据治理费.xlsx", "2026/山西省社会保险局/社保数据治理费.yaml"),
    ]

    static func fixture(_ name: String) -> URL { fixtures.appendingPathComponent(name) }

    static func transcription(_ path: String) throws -> Form {
        let url = formsFolder.appendingPathComponent(path)
        return try FormFileReader.read(try Data(contentsOf: url), file: url.path)
    }

    /// The form without what depends on where it was read (`source`, `lines`).
    static func comparable(_ form: Form) -> Form {
        switch form {
        case .selfEvaluation(var f):
            f.lines = [:]
            f.source = nil
            return .selfEvaluation(f)
        case .targetTable(var t):
            t.lines = [:]
            t.source = nil
            return .targetTable(t)
        }
    }

    /// Nil when equal; else the differing lines of the two forms' YAML.
    static func difference(_ actual: Form, _ expected: Form) -> String? {
        guard comparable(actual) != comparable(expected) else { return nil }
        let left = FormFileWriter.yaml(comparable(actual)).components(separatedBy: "\n")
        let right = FormFileWriter.yaml(comparable(expected)).components(separatedBy: "\n")
        var lines: [String] = []
        for index in 0..<max(left.count, right.count) {
            let a = index < left.count ? left[index] : "<none>"
            let b = index < right.count ? right[index] : "<none>"
            if a != b { lines.append("line \(index + 1): imported \(a) | expected \(b)") }
        }
        return lines.isEmpty
            ? "models differ in a field the writer does not show" : lines.prefix(12).joined(separator: "\n")
    }

    static func importOne(_ url: URL) throws -> ImportResult {
        try XLSXImporter().importForms(from: url)
    }

    /// Imports a fixture holding one form and expects the model of the transcription at `form`.
    static func expectImports(
        _ fixture: String, as form: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let result = try importOne(Self.fixture(fixture))
        #expect(result.unreadable.isEmpty, "\(result.unreadable)", sourceLocation: sourceLocation)
        try expect(result.forms, as: [form], sourceLocation: sourceLocation)
    }

    /// Expects the imported forms, in order, to have the models of the transcriptions at `paths`.
    static func expect(
        _ forms: [ImportedForm], as paths: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(forms.count == paths.count, sourceLocation: sourceLocation)
        for (imported, path) in zip(forms, paths) {
            let found = difference(imported.form, try transcription(path))
            #expect(found == nil, "\(path) (\(imported.origin)): \(found ?? "")", sourceLocation: sourceLocation)
        }
    }
}
