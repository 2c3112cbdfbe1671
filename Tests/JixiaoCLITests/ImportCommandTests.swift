import Foundation
import Testing

/// `jixiao import` on published documents, as a user runs it: the forms are written as form files that
/// `jixiao score` reads; what could not be read is listed with its line and fails the run.
@Suite struct ImportCommandTests {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-import-\(UUID().uuidString)")
    static let seed000 = CLI.root.appendingPathComponent("Tests/JixiaoImportTests/Fixtures/000_ef4518406fbbf37e.txt")

    func yamlFiles() -> [URL] {
        (FileManager.default.enumerator(at: out, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? [])
            .filter { $0.pathExtension == "yaml" }
    }

    @Test func importedSeedIsScored() throws {
        let imported = try CLI.run(["import", ImportCommandTests.seed000.path, "--out", out.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("读出 6 张表单"))
        #expect(imported.stdout.contains("会议培训费.yaml（第 684–715 行）"))
        let files = yamlFiles()
        #expect(files.count == 6)
        #expect(files.allSatisfy { $0.path.contains("/2023/209100-山西省社会保险局/") })

        let scored = try CLI.run(["score", out.path, "--format", "json"])
        #expect(scored.status == 0, "\(scored.stderr)")
        let forms = try #require(try JSONSerialization.jsonObject(with: Data(scored.stdout.utf8)) as? [[String: Any]])
        #expect(forms.count == 6)
        let meeting = try #require(forms.first { $0["project"] as? String == "会议培训费" })
        #expect(meeting["executionScore"] as? String == "5.39")

        let again = try CLI.run(["import", ImportCommandTests.seed000.path, "--out", out.path])
        #expect(again.status == 0)
        #expect(again.stdout.components(separatedBy: "未变").count - 1 == 6)
    }

    @Test func unreadablePartsAreListedAndNothingIsWrittenForThem() throws {
        let folder = out.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let lines = try String(contentsOf: ImportCommandTests.seed000, encoding: .utf8).components(separatedBy: "\n")
        let half = folder.appendingPathComponent("半份.txt")
        try lines.prefix(699).joined(separator: "\n").write(to: half, atomically: true, encoding: .utf8)
        let result = try CLI.run(["import", half.path, "--out", out.appendingPathComponent("forms").path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("读出 4 张表单"))
        #expect(result.stderr.contains("无法读取"))
        #expect(result.stderr.contains("（第 684 行）"))
        #expect(result.stderr.contains("总分行"))
        #expect(yamlFiles().count == 4)
        #expect(!yamlFiles().contains { $0.lastPathComponent.contains("会议培训费") })
    }

    /// A form with one part that cannot be read (here a fund row whose amounts became words) is reported and
    /// not written, even though the rest of it was read: the README's promise.
    @Test func aFormReadIncompletelyIsNotWritten() throws {
        let folder = out.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var lines = try String(contentsOf: ImportCommandTests.seed000, encoding: .utf8).components(separatedBy: "\n")
        #expect(lines[692 - 1].hasPrefix("省级财政资金\t\t48.5"))
        lines[692 - 1] = "省级财政资金\t\t见附表"
        let edited = folder.appendingPathComponent("改.txt")
        try lines.joined(separator: "\n").write(to: edited, atomically: true, encoding: .utf8)
        let result = try CLI.run(["import", edited.path, "--out", out.appendingPathComponent("forms").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("（第 692 行）：资金行中没有金额"), "\(result.stderr)")
        #expect(result.stderr.contains("未写入 会议培训费（第 684–715 行）"), "\(result.stderr)")
        #expect(yamlFiles().count == 5)
        #expect(!yamlFiles().contains { $0.lastPathComponent.contains("会议培训费") })
    }

    @Test func binaryFileIsRefusedWithAChineseMessage() throws {
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let file = out.appendingPathComponent("坏.txt")
        try Data([0x00, 0x01, 0xFF, 0x00, 0x42]).write(to: file)
        let result = try CLI.run(["import", file.path, "--out", out.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("文件是二进制文件，不是文本"))
        #expect(yamlFiles().isEmpty)
    }
}
