import Foundation
import Testing

/// `jixiao export`, `jixiao validate` and `jixiao import FILE.xml` as a user runs them.
@Suite struct XMLCommandTests {
    static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "jixiao-xml-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func exportValidateImportRoundTrip() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out").path
        // --allow-errors: the real forms are transcribed with their mistakes, which later rules may call errors.
        let export = try CLI.run(["export", "Forms", "--out", out, "--batch", "all", "--allow-errors"])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("写入 \(out)/all.batch.xml（批次，20 张表单）"))
        let again = try CLI.run(["export", "Forms", "--out", out, "--batch", "all", "--allow-errors"])
        #expect(again.status == 0 && !again.stdout.contains("写入"), "\(again.stdout)")

        let validate = try CLI.run(["validate", "\(out)/all.batch.xml", "\(out)/2023/209100-山西省社会保险局/会议培训费.xml"])
        #expect(validate.status == 0)
        #expect(validate.stdout.contains("有效（批次）") && validate.stdout.contains("有效（自评表）"))

        let yaml = folder.appendingPathComponent("yaml").path
        let imported = try CLI.run(["import", "\(out)/all.batch.xml", "--out", yaml])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("读出 20 张表单"))
        let score = try CLI.run(["score", yaml])
        let original = try CLI.run(["score", "Forms"])
        #expect(score.stdout.contains("共 10 张自评表"))
        #expect(score.status == original.status)
    }

    @Test func invalidAndHostileFilesFailWithChineseLines() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.xml")
        try "<?xml version=\"1.0\"?>\n<Batch xmlns=\"urn:jixiao:perf:batch:1.0\">\n</Batch>\n".write(
            to: bad, atomically: true, encoding: .utf8)
        let bomb = folder.appendingPathComponent("bomb.xml")
        try "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>".write(
            to: bomb, atomically: true, encoding: .utf8)
        let output = try CLI.run(["validate", bad.path, bomb.path])
        #expect(output.status == 1)
        #expect(output.stderr.contains("bad.xml:2: 元素 Batch：缺少必需的属性 name"), "\(output.stderr)")
        #expect(output.stderr.contains("bomb.xml:1: 文件含有文档类型声明"))
        #expect(!output.stderr.contains("root:"))
        let imported = try CLI.run(["import", bomb.path, "--out", folder.appendingPathComponent("y").path])
        #expect(imported.status == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("y").path))
    }

    @Test func refusesToOverwriteADifferentFile() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.path
        let form = "Forms/2026/山西省社会保险局/会议培训费.yaml"
        #expect(try CLI.run(["export", form, "--out", out, "--allow-errors"]).status == 0)
        let written = "\(out)/2026/山西省社会保险局/目标表-会议培训费.xml"
        try "changed".write(toFile: written, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["export", form, "--out", out, "--allow-errors"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("已存在且内容不同，未覆盖"))
        #expect(try String(contentsOfFile: written, encoding: .utf8) == "changed")
        #expect(try CLI.run(["export", form, "--out", out, "--allow-errors", "--overwrite"]).status == 0)
    }

    @Test func usageErrors() throws {
        #expect(try CLI.run(["export", "Forms", "--out", "/tmp/x", "--batch", "a/b"]).status == 64)
        #expect(try CLI.run(["export", "Forms", "--out", "/tmp/x", "--created-at", "yesterday"]).status == 64)
        #expect(try CLI.run(["validate"]).status == 64)
    }
}
