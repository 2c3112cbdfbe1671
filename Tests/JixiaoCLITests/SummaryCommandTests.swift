import Foundation
import Testing

/// `jixiao summary` on the bundled 2023 决算 forms (seeds 000 and 003) and on edited copies.
@Suite struct SummaryCommandTests {
    static let unit209100 = "2023年二级项目绩效自评个数6个，涉及资金774.64万元：5个项目自评等级为“优”，1个项目自评等级为“良”，0个项目自评等级为“中”，0个项目自评等级为“差”。"
    static let unit209105Folder = "Forms/2023/209105-山西省工伤保险管理服务中心"

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// A temporary folder holding copies of real forms (the caller edits them).
    func workspace(copying files: [String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "jixiao-summary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in files {
            let source = CLI.root.appendingPathComponent(file)
            try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent(source.lastPathComponent))
        }
        return folder
    }

    @Test func seed000ReproducesThePublishedSentenceAndSeed003ItsFigures() throws {
        let output = try CLI.run(["summary", "Forms/2023"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("■ 2023年度 209100-山西省社会保险局：6 张自评表\n  " + Self.unit209100 + "\n"))
        #expect(output.stdout.contains("年初预算数（目标申报数） 796.99；全年预算数 796.99；全年执行数 774.64（句中采用全年执行数）"))
        #expect(output.stdout.contains("■ 2023年度 209105-山西省工伤保险管理服务中心：4 张自评表\n"))
        #expect(
            output.stdout.contains(
                "  涉及资金（万元）：年初预算数（目标申报数） 407.75；全年预算数 389.75；全年执行数 280.17（句中采用全年执行数）\n"
                    + "  自评等级：表上 优 4 / 良 0 / 中 0 / 差 0；重算 优 3 / 良 1 / 中 0 / 差 0\n"))
        #expect(output.stdout.contains("共 10 张自评表、2 个单位年度"))
    }

    @Test func seed003ShowsTheThreeFundsDefinitionsAndRecomputedGrades() throws {
        let output = try CLI.run(["summary", Self.unit209105Folder, "--format", "json", "--funds", "declared"])
        #expect(output.status == 0)
        let report = try json(output.stdout)
        #expect(report["funds"] as? String == "declared")
        let units = try #require(report["units"] as? [[String: Any]])
        #expect(units.count == 1)
        let unit = units[0]
        #expect(unit["unit"] as? String == "209105-山西省工伤保险管理服务中心")
        #expect(unit["forms"] as? Int == 4)
        #expect(
            unit["totals"] as? [String: String] == [
                "declared": "407.75", "fullYearBudget": "389.75", "executed": "280.17",
            ])
        #expect(unit["involvedFunds"] as? String == "407.75")
        let grades = try #require(unit["grades"] as? [String: [String: Int]])
        #expect(grades["printed"] == ["excellent": 4, "good": 0, "fair": 0, "poor": 0, "unreadable": 0])
        #expect(grades["recomputed"] == ["excellent": 3, "good": 1, "fair": 0, "poor": 0, "unreadable": 0])
        #expect(
            unit["sentence"] as? String
                == "2023年二级项目绩效自评个数4个，涉及资金407.75万元：3个项目自评等级为“优”，1个项目自评等级为“良”，0个项目自评等级为“中”，0个项目自评等级为“差”。")
        #expect(unit["warnings"] as? [String] == ["“社会保障卡工本费支出”表上等级“优”（总分 96.03），重算为“良”（86.03）；汇总句按重算等级计数"])
        let entries = try #require(unit["entries"] as? [[String: Any]])
        let card = try #require(entries.first { $0["project"] as? String == "社会保障卡工本费支出" })
        #expect(card["declared"] as? String == "280.00")
        #expect(card["fullYearBudget"] as? String == "262.00")
        #expect(card["executed"] as? String == "157.951")
        #expect(card["executionRate"] as? String == "60.29")
        #expect(card["printedTotal"] as? String == "96.03")
        #expect(card["total"] as? String == "86.03")
        #expect(card["grade"] as? String == "良")
    }

    @Test func fullYearBudgetDefinitionAndShanxiPolicy() throws {
        let output = try CLI.run([
            "summary", Self.unit209105Folder, "--funds", "full-year-budget", "--policy", "shanxi",
        ])
        #expect(output.status == 0)
        #expect(output.stdout.contains("评分政策：山西省；涉及资金口径：全年预算数"))
        #expect(output.stdout.contains("2023年二级项目绩效自评个数4个，涉及资金389.75万元：3个项目自评等级为“优”，1个项目自评等级为“良”"))
    }

    @Test func csvIsQuotedUTF8WithoutBOM() throws {
        let folder = try workspace(copying: ["\(Self.unit209105Folder)/工伤档案用房租赁.yaml"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("工伤档案用房租赁.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "project: \"工伤档案用房租赁\"", with: "project: '档案用房租赁, 含\"物业费\"'")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let output = try CLI.run(["summary", ".", "--format", "csv"], in: folder)
        #expect(output.status == 0)
        #expect(!output.stdout.utf8.starts(with: [0xEF, 0xBB, 0xBF]))
        let records = output.stdout.components(separatedBy: "\r\n")
        #expect(
            records == [
                "年度,单位代码,单位名称,文件,项目,年初预算数,全年预算数,全年执行数,执行率(%),表上总分,表上等级,重算总分,重算等级,计入汇总,备注",
                "2023,209105,山西省工伤保险管理服务中心,./工伤档案用房租赁.yaml,\"档案用房租赁, 含\"\"物业费\"\"\",26.30,26.30,26.30,100.00,100,优,100.00,优,是,",
                "",
            ])
    }

    @Test func markdownHasOneSectionPerUnit() throws {
        let output = try CLI.run(["summary", "Forms/2023", "--format", "markdown"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("## 2023年度 209100-山西省社会保险局\n\n> " + Self.unit209100 + "\n"))
        #expect(output.stdout.contains("## 2023年度 209105-山西省工伤保险管理服务中心"))
        #expect(
            output.stdout.contains("| 4 | 社会保障卡工本费支出 | 280.00 | 262.00 | 157.951 | 60.29 | 96.03 | 优 | 86.03 | 良 |  |"))
    }

    @Test func duplicatesAreRemovedAndWarnedAbout() throws {
        let folder = try workspace(copying: [
            "Forms/2023/209100-山西省社会保险局/会议培训费.yaml",
            "Forms/2023/209100-山西省社会保险局/维修维护费.yaml",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(
            at: folder.appendingPathComponent("会议培训费.yaml"),
            to: folder.appendingPathComponent("会议培训费（再次附上）.yaml"))
        let output = try CLI.run(["summary", "."], in: folder)
        #expect(output.status == 0)
        #expect(output.stdout.contains("■ 2023年度 209100-山西省社会保险局：3 张自评表"))
        #expect(output.stdout.contains("2023年二级项目绩效自评个数2个，涉及资金83.15万元：1个项目自评等级为“优”，1个项目自评等级为“良”"))
        #expect(output.stdout.contains("与第 1 张完全相同，未计入"))
        #expect(output.stdout.contains("⚠ “会议培训费”有 2 张内容完全相同的自评表，只计 1 个；按附表张数计数会多计 1 个项目"))
    }

    @Test func badInputIsAClearChineseError() throws {
        let none = try CLI.run(["summary"])
        #expect(none.status == 64)
        #expect(none.stderr.contains("请至少给出一个表单文件或文件夹"))
        let funds = try CLI.run(["summary", "Forms/2023", "--funds", "budget"])
        #expect(funds.status == 64)
        let tables = try CLI.run(["summary", "Forms/2026"])
        #expect(tables.status == 1)
        #expect(tables.stderr.contains("没有找到自评表"))
        let missing = try CLI.run(["summary", "Forms/2023", "不存在的文件夹"])
        #expect(missing.status == 1)
        #expect(missing.stdout.contains(Self.unit209100))
        #expect(missing.stderr.contains("路径不存在"))
    }
}
