import Foundation
import Testing

/// `jixiao audit` and `jixiao import` of a published document as Word and HTML, as a reviewer runs them.
@Suite struct DocumentAuditCommandTests {
    static let fixtures = CLI.root.appendingPathComponent("Tests/JixiaoDocumentsTests/Fixtures")
    static let text = CLI.root.appendingPathComponent("Tests/JixiaoImportTests/Fixtures/003_dedc51a6acead367.txt")

    static func summary(_ output: CLI.Output) throws -> [String: String] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let summary = try #require(json["summary"] as? [String: Any])
        return summary.mapValues { "\($0)" }
    }

    /// The Word and HTML copies of the 2023 工伤 决算公开 give the same forms, counts and findings as its text.
    @Test(arguments: ["003_dedc51a6acead367.docx", "003_dedc51a6acead367.html"])
    func auditMatchesTheTextExport(_ document: String) throws {
        let fromText = try CLI.run(["audit", Self.text.path, "--format", "json"])
        let fromDocument = try CLI.run([
            "audit", Self.fixtures.appendingPathComponent(document).path, "--format", "json",
        ])
        #expect(fromDocument.status == fromText.status)
        #expect(try Self.summary(fromDocument) == Self.summary(fromText))
        #expect(try Self.summary(fromDocument)["forms"] == "4")
        let report = try CLI.run(["audit", Self.fixtures.appendingPathComponent(document).path])
        // The sentence and every form are located in the document's tables and paragraphs.
        #expect(report.stdout.contains("汇总句（第 "), "\(report.stdout)")
        #expect(report.stdout.contains("个表格第 "), "\(report.stdout)")
        #expect(report.stdout.contains("DS.GRADE.010"))
    }

    @Test func refusedDocumentWritesNothing() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-docs-\(UUID().uuidString)")
        let result = try CLI.run([
            "import", Self.fixtures.appendingPathComponent("entities.docx").path, "--out", out.path,
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("文档类型声明"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
