import Foundation
import Testing

/// `jixiao score` as a user runs it: the JSON report and its figures, the text report, broken files, usage errors.
@Suite struct ScoreCommandTests {
    static let documentedKeys: Set<String> = [
        "file", "project", "unit", "year", "executionRate", "executionScore", "total",
        "grade", "ruleTotal", "ruleGrade", "printedTotal", "printedGrade", "indicators",
    ]
    static let documentedIndicatorKeys: Set<String> = ["name", "weight", "enteredScore", "ruleScore"]
    static let decimalKeys = ["executionRate", "executionScore", "total", "ruleTotal", "printedTotal"]

    static func forms(_ output: CLI.Output) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
    }

    static func form(_ project: String, in forms: [[String: Any]]) throws -> [String: Any] {
        try #require(forms.first { $0["project"] as? String == project }, "no \(project) in the report")
    }

    static func isTwoDecimalString(_ value: Any?) -> Bool {
        guard let text = value as? String else { return false }
        return text.wholeMatch(of: /-?\d+\.\d{2}/) != nil
    }

    /// A temporary copy of Forms/2023 with one broken form added beside the good ones.
    struct BrokenWorkspace {
        let folder: URL

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-score-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: CLI.root.appendingPathComponent("Forms/2023"),
                to: folder.appendingPathComponent("2023"))
            let original = CLI.root.appendingPathComponent("Forms/2023/209100-山西省社会保险局/会议培训费.yaml")
            var lines = try String(contentsOf: original, encoding: .utf8).components(separatedBy: "\n")
            try #require(lines[1] == "year: 2023")
            lines[1] = "year: abc"
            try lines.joined(separator: "\n").write(
                to: folder.appendingPathComponent("坏表单.yaml"), atomically: true,
                encoding: .utf8)
        }

        func run(_ arguments: [String]) throws -> CLI.Output { try CLI.run(arguments, in: folder) }
    }

    @Test(arguments: ["national", "shanxi"])
    func json_holdsTenFormsWithTheDocumentedKeys_andTwoDecimalStrings(policy: String) throws {
        let output = try CLI.run(["score", "Forms/2023", "--format", "json", "--policy", policy])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stderr.isEmpty)
        let forms = try Self.forms(output)
        #expect(forms.count == 10)
        for form in forms {
            #expect(
                Self.documentedKeys.isSubset(of: form.keys), "missing \(Self.documentedKeys.subtracting(form.keys))")
            #expect(form["policy"] as? String == policy)
            #expect(form["year"] as? Int == 2023)
            for key in Self.decimalKeys {
                #expect(Self.isTwoDecimalString(form[key]), "\(key) = \(String(describing: form[key]))")
            }
            let indicators = try #require(form["indicators"] as? [[String: Any]])
            #expect(!indicators.isEmpty)
            for indicator in indicators {
                #expect(Self.documentedIndicatorKeys.isSubset(of: indicator.keys))
                for key in ["weight", "enteredScore", "ruleScore"] {
                    #expect(Self.isTwoDecimalString(indicator[key]), "\(key) = \(String(describing: indicator[key]))")
                }
            }
        }
        #expect(Set(forms.compactMap { $0["file"] as? String }).count == 10)
    }

    /// E1 (000 会议培训费, 85.39 良) and E10 (003 社会保障卡工本费支出, 86.03 良 though printed 96.03 优).
    @Test func json_seedFigures_会议培训费85_39_社会保障卡工本费支出86_03() throws {
        let forms = try Self.forms(try CLI.run(["score", "Forms/2023", "--format", "json"]))
        let training = try Self.form("会议培训费", in: forms)
        #expect(training["file"] as? String == "Forms/2023/209100-山西省社会保险局/会议培训费.yaml")
        #expect(training["unit"] as? String == "209100-山西省社会保险局")
        #expect(training["executionRate"] as? String == "53.92")
        #expect(training["executionScore"] as? String == "5.39")
        #expect(training["total"] as? String == "85.39")
        #expect(training["grade"] as? String == "良")
        #expect(training["ruleTotal"] as? String == "85.39")
        #expect(training["ruleGrade"] as? String == "良")
        #expect(training["printedTotal"] as? String == "85.39")
        #expect(training["printedGrade"] as? String == "良")
        let trainingRows = try #require(training["indicators"] as? [[String: Any]])
        #expect(trainingRows.map { $0["name"] as? String ?? "" }.first == "培训班次（会议次数）")
        #expect(
            trainingRows.map { $0["weight"] as? String ?? "" } == [
                "20.00", "10.00", "10.00", "10.00", "15.00", "15.00", "10.00",
            ])
        #expect(
            trainingRows.map { $0["enteredScore"] as? String ?? "" } == [
                "20.00", "10.00", "10.00", "0.00", "15.00", "15.00", "10.00",
            ])
        #expect(
            trainingRows.map { $0["ruleScore"] as? String ?? "" } == [
                "20.00", "10.00", "10.00", "0.00", "15.00", "15.00", "10.00",
            ])

        let cards = try Self.form("社会保障卡工本费支出", in: forms)
        #expect(cards["unit"] as? String == "209105-山西省工伤保险管理服务中心")
        #expect(cards["executionRate"] as? String == "60.29")
        #expect(cards["executionScore"] as? String == "6.03")
        #expect(cards["total"] as? String == "86.03")
        #expect(cards["grade"] as? String == "良")
        #expect(cards["ruleTotal"] as? String == "86.03")
        #expect(cards["ruleGrade"] as? String == "良")
        #expect(cards["printedTotal"] as? String == "96.03")
        #expect(cards["printedGrade"] as? String == "优")
        #expect(cards["weightSum"] as? String == "80.00")
        let cardRows = try #require(cards["indicators"] as? [[String: Any]])
        #expect(cardRows.map { $0["weight"] as? String ?? "" } == ["20.00", "10.00", "5.00", "5.00", "10.00", "30.00"])
        #expect(cards["differences"] as? [String] == ["总分：表上 96.03，按表内数字应为 86.03", "等级：表上“优”，按总分 86.03 应为“良”"])
    }

    @Test func text_showsTheDifferencesFor工本费_andTheCount() throws {
        let output = try CLI.run(["score", "Forms/2023"])
        #expect(output.status == 0)
        let text = output.stdout
        #expect(text.contains("■ 社会保障卡工本费支出（2023年度）  209105-山西省工伤保险管理服务中心"))
        #expect(text.contains("执行率 60.29%（表上 60.29），得分 6.03（表上 6.03）"))
        #expect(text.contains("总分：表上 96.03（优）；按表内得分重算 86.03（良）；按评分规则 86.03（良）"))
        #expect(text.contains("    - 总分：表上 96.03，按表内数字应为 86.03"))
        #expect(text.contains("    - 等级：表上“优”，按总分 86.03 应为“良”"))
        #expect(text.contains("共 10 张自评表（评分政策：全国通用（财预〔2020〕10号））"))
        #expect(text.components(separatedBy: "差异：无").count - 1 == 9, "every other form recomputes as printed")
    }

    @Test func shanxiPolicy_isNamedInTheTextReport_andScoresTheSameSeeds() throws {
        let output = try CLI.run(["score", "Forms/2023", "--policy", "shanxi"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("共 10 张自评表（评分政策：山西省）"))
        #expect(output.stdout.contains("按表内得分重算 85.39（良）"))
    }

    @Test func targetTables_areSkippedAndCounted() throws {
        let output = try CLI.run(["score", "Forms"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("共 10 张自评表（评分政策：全国通用（财预〔2020〕10号））；跳过目标表 10 张"))
    }

    /// A broken file: exit 1, a located Chinese error on stderr, and every good form still reported.
    @Test func brokenFile_exits1_withAChineseErrorOnStderr_andTheGoodFormsStillReported() throws {
        let work = try BrokenWorkspace()
        defer { try? FileManager.default.removeItem(at: work.folder) }
        let json = try work.run(["score", ".", "--format", "json"])
        #expect(json.status == 1)
        #expect(try Self.forms(json).count == 10)
        #expect(json.stderr.contains("1 个文件无法读取："))
        #expect(json.stderr.contains("坏表单.yaml:2:7: 字段 year：应为整数，实际是“abc”。修改建议：写成整数，例如 2023"), "\(json.stderr)")

        let text = try work.run(["score", "."])
        #expect(text.status == 1)
        #expect(text.stdout.contains("共 10 张自评表"))
        #expect(text.stdout.contains("按表内得分重算 86.03（良）"))
        #expect(text.stderr.contains("坏表单.yaml:2:7: 字段 year"))
    }

    @Test func missingPath_exits1_andSaysSo() throws {
        let output = try CLI.run(["score", "Forms/2099"])
        #expect(output.status == 1)
        #expect(output.stderr.contains("Forms/2099: 路径不存在。修改建议："))
    }

    @Test(arguments: [
        (["score"], "请至少给出一个表单文件或文件夹"),
        (["score", "Forms/2023", "--policy", "nope"], "未知的评分政策“nope”；可用：national、shanxi"),
        (["score", "Forms/2023", "--format", "xml"], "xml"),
    ])
    func usageError_exits64(arguments: [String], message: String) throws {
        let output = try CLI.run(arguments)
        #expect(output.status == 64)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.contains(message), "\(output.stderr)")
    }
}
