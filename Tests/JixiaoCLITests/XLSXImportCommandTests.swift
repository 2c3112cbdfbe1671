import Foundation
import Testing

/// `jixiao import WORKBOOK.xlsx --out DIR` then `jixiao score DIR`, as an officer runs them.
@Suite struct XLSXImportCommandTests {
    static let fixtures = CLI.root.appendingPathComponent("Tests/JixiaoXLSXTests/Fixtures")

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func json(_ text: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    /// Score figures by project, the file path left out.
    static func figures(_ report: [[String: Any]]) -> [String: [String]] {
        Dictionary(
            uniqueKeysWithValues: report.map { form in
                (
                    form["project"] as? String ?? "",
                    [
                        "executionRate", "executionScore", "total", "grade", "ruleTotal", "ruleGrade", "printedTotal",
                        "printedGrade",
                    ]
                    .map { form[$0] as? String ?? "-" }
                )
            })
    }

    @Test func importedWorkbooksScoreLikeTheTranscriptions() throws {
        let out = try Self.temporaryFolder()
        let workbooks = [
            "selfeval-000-会议培训费.xlsx", "selfeval-000-社会保险经办专项业务工作经费.xlsx",
            "selfeval-003-社会保障卡工本费支出.xlsx", "target-002-维修维护费.xlsx",
        ]
        let imported = try CLI.run(
            ["import"] + workbooks.map { Self.fixtures.appendingPathComponent($0).path } + ["--out", out.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.components(separatedBy: "读出 1 张表单").count == 5, "\(imported.stdout)")
        #expect(imported.stdout.contains("（工作表“项目支出绩效自评表”）"))
        #expect(
            FileManager.default.fileExists(atPath: out.appendingPathComponent("2023/209100-山西省社会保险局/会议培训费.yaml").path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("2026/山西省社会保险局/目标表-维修维护费.yaml").path))

        let scored = try CLI.run(["score", out.path, "--format", "json"])
        #expect(scored.status == 0, "\(scored.stderr)")
        let report = try Self.json(scored.stdout)
        #expect(report.count == 3)
        let transcriptions = try CLI.run([
            "score", "--format", "json",
            "Forms/2023/209100-山西省社会保险局/会议培训费.yaml",
            "Forms/2023/209100-山西省社会保险局/社会保险经办专项业务工作经费.yaml",
            "Forms/2023/209105-山西省工伤保险管理服务中心/社会保障卡工本费支出.yaml",
        ])
        #expect(Self.figures(report) == Self.figures(try Self.json(transcriptions.stdout)))
        #expect(Self.figures(report)["会议培训费"]?[2] == "85.39")

        let again = try CLI.run(["import", Self.fixtures.appendingPathComponent(workbooks[0]).path, "--out", out.path])
        #expect(again.status == 0)
        #expect(again.stdout.contains("未变"), "\(again.stdout)")
    }

    @Test func damagedWorkbookFailsWithAChineseMessageAndWritesNothing() throws {
        let out = try Self.temporaryFolder()
        let result = try CLI.run([
            "import", Self.fixtures.appendingPathComponent("damaged/bomb-ratio.xlsx").path,
            "--out", out.path,
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("疑似压缩炸弹") && result.stderr.contains("修改建议"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }

    @Test func unreadableSheetIsListedAndFailsTheRun() throws {
        let out = try Self.temporaryFolder()
        let result = try CLI.run([
            "import", Self.fixtures.appendingPathComponent("variants/partly-unreadable.xlsx").path,
            "--out", out.path,
        ])
        #expect(result.status == 1)
        #expect(result.stdout.contains("读出 1 张表单"))
        #expect(
            result.stderr.contains("无法读取：工作表“自评表” A3 起：项目“会议培训费”：绩效指标表头（第 11 行）缺少“分值”、“得分”栏"),
            "\(result.stderr)")
    }
}
