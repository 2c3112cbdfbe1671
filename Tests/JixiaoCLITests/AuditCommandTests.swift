import Foundation
import JixiaoCore
import JixiaoFormats
import Testing

/// `jixiao audit DOC…` as a finance department runs it on a unit's published disclosure.
@Suite struct AuditCommandTests {
    static let seeds = CLI.root.appendingPathComponent("Tests/JixiaoImportTests/Fixtures")
    static let seed000 = seeds.appendingPathComponent("000_ef4518406fbbf37e.txt").path
    static let seed002 = seeds.appendingPathComponent("002_50ea5a3f65b56578.txt").path
    static let seed003 = seeds.appendingPathComponent("003_dedc51a6acead367.txt").path

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func aConsistentDisclosurePasses() throws {
        let result = try CLI.run(["audit", Self.seed000])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("读出 6 张自评表、0 张目标表；无法读取 0 处。"))
        #expect(result.stdout.contains("汇总句（第 522 行）"))
        #expect(result.stdout.contains("→ 与“全年执行数”口径一致"))
        #expect(result.stdout.contains("5. 会议培训费（2023年度，第 684–715 行）：执行率 53.92%，总分 表上 85.39（良），重算 85.39（良）"))
    }

    @Test func aGradeCountedFromAWrongTotalFailsTheRunAsJSON() throws {
        let result = try CLI.run(["audit", Self.seed003, "--format", "json"])
        #expect(result.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((report["forms"] as? [Any])?.count == 4)
        #expect((report["unreadable"] as? [Any])?.isEmpty == true)
        let sentence = try #require(report["summarySentence"] as? [String: Any])
        let findings = try #require(sentence["findings"] as? [[String: Any]])
        #expect(findings.compactMap { $0["ruleId"] as? String } == ["DS.GRADE.010"])
        #expect((findings.first?["location"] as? [String: Any])?["line"] as? Int == 482)
    }

    @Test func severalDocumentsGiveAnArrayAndMarkdownReads() throws {
        let json = try CLI.run(["audit", Self.seed000, Self.seed002, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(reports.map { ($0["forms"] as? [Any])?.count ?? -1 } == [6, 10])
        #expect((reports[1]["budgetSentence"] as? [String: Any])?["line"] as? Int == 462)

        let markdown = try CLI.run(["audit", Self.seed002, "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("# 公开文档审查："))
        #expect(markdown.stdout.contains("- [DS.BGT.010 警告] 预算公开的分类个数与金额疑似错配"))
        #expect(markdown.stdout.contains("| 1 | 维修维护费 | 2026 | 第 466–496 行 | 目标表 |"))
    }

    /// A 决算公开 audited with the same year's 预算公开: each self-evaluation is checked against its target
    /// table. (Seed 002 is the 2026 budget of the unit of seed 000's 2023 forms; here it is dated 2023.)
    @Test func documentsAuditedTogetherAreCheckedAgainstEachOther() throws {
        let folder = try Self.temporaryFolder()
        let budget = folder.appendingPathComponent("2023年预算公开.txt")
        try String(contentsOfFile: Self.seed002, encoding: .utf8).replacingOccurrences(of: "2026", with: "2023")
            .write(to: budget, atomically: true, encoding: .utf8)
        func meeting(_ arguments: [String]) throws -> [[String: Any]] {
            let result = try CLI.run(["audit"] + arguments + ["--format", "json"])
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
            let report = try #require((object as? [[String: Any]])?.first ?? object as? [String: Any])
            let form = try #require(
                (report["forms"] as? [[String: Any]])?.first { $0["project"] as? String == "会议培训费" })
            return form["findings"] as? [[String: Any]] ?? []
        }
        #expect(try meeting([Self.seed000]).allSatisfy { ($0["ruleId"] as? String)?.hasPrefix("XF.TGSE") == false })
        let findings = try meeting([Self.seed000, budget.path])
        let declared = try #require(findings.first { $0["ruleId"] as? String == "XF.TGSE.020" })
        #expect(declared["expected"] as? String == "298400.00")
        #expect(declared["actual"] as? String == "485000.00")
        #expect(declared["related"] as? [String] == ["\(budget.path) 第 531–562 行"])
    }

    @Test func badInputIsRefusedClearly() throws {
        let folder = try Self.temporaryFolder()
        let binary = folder.appendingPathComponent("坏.txt")
        try Data([0x00, 0x01, 0xFF, 0x00, 0x42]).write(to: binary)
        let damaged = try CLI.run(["audit", binary.path])
        #expect(damaged.status == 1)
        #expect(damaged.stderr.contains("文件是二进制文件，不是文本"), "\(damaged.stderr)")

        let empty = folder.appendingPathComponent("空.txt")
        try Data().write(to: empty)
        let nothing = try CLI.run(["audit", empty.path])
        #expect(nothing.status == 1)
        #expect(nothing.stderr.contains("修改建议"), "\(nothing.stderr)")

        let missing = try CLI.run(["audit", folder.appendingPathComponent("没有这个文件.txt").path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("没有这个文件.txt: 文件不存在。修改建议：检查文件路径的拼写"), "\(missing.stderr)")

        let unknown = try CLI.run(["audit", folder.appendingPathComponent("决算公开.ofd").path])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("不支持的文件类型"))
        #expect(unknown.stderr.contains(".pdf") && unknown.stderr.contains(".docx") && unknown.stderr.contains(".html"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["坏.txt", "空.txt"],
            "audit writes nothing")
    }

    /// The workbooks generated from the seeds import to the same forms as the text import of the same seeds.
    @Test func workbooksAndPublishedTextImportTheSameForms() throws {
        let fromText = try Self.temporaryFolder()
        let fromWorkbooks = try Self.temporaryFolder()
        let workbooks = CLI.root.appendingPathComponent("Tests/JixiaoXLSXTests/Fixtures")
        let names = try FileManager.default.contentsOfDirectory(atPath: workbooks.path).filter { $0.hasSuffix(".xlsx") }
            .sorted()
        #expect(names.count == 5)
        let text = try CLI.run(["import", Self.seed000, Self.seed002, Self.seed003, "--out", fromText.path])
        #expect(text.status == 0, "\(text.stderr)")
        let xlsx = try CLI.run(
            ["import"] + names.map { workbooks.appendingPathComponent($0).path } + ["--out", fromWorkbooks.path])
        #expect(xlsx.status == 0, "\(xlsx.stderr)")
        let written = try #require(FileManager.default.enumerator(atPath: fromWorkbooks.path)).compactMap {
            $0 as? String
        }
        .filter { $0.hasSuffix(".yaml") }
        #expect(written.count == 5)
        for path in written {
            let workbookForm = try Self.comparable(fromWorkbooks.appendingPathComponent(path))
            let textForm = try Self.comparable(fromText.appendingPathComponent(path))
            #expect(workbookForm == textForm, "\(path)")
        }
    }

    /// A form file read back without what depends on where it was read (source document, lines).
    static func comparable(_ url: URL) throws -> Form {
        switch try FormFileReader.read(try Data(contentsOf: url), file: url.path) {
        case .selfEvaluation(var form):
            form.lines = [:]
            form.source = nil
            return .selfEvaluation(form)
        case .targetTable(var table):
            table.lines = [:]
            table.source = nil
            return .targetTable(table)
        }
    }
}
