import Foundation
import Testing

/// The policy reaches every output: a form published unscored is reported as 未评分 by `score` and `check`
/// (text and JSON alike), a policy's grade labels are printed in JSON, and a batch exported under a policy file
/// is imported with that file (`import --policy`) and refused, in Chinese, without it.
@Suite struct PolicyPlumbingCommandTests {
    static let unscored = "Tests/JixiaoFormatsTests/Fixtures/OtherProvinces/web-05.yaml"
    static let labelled = "Tests/JixiaoFormatsTests/Fixtures/Policies/labelled-grades.yml"

    static func json(_ output: CLI.Output) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
    }

    @Test func unscoredFormHasNoGradeInScore() throws {
        let json = try CLI.run(["score", Self.unscored, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let form = try #require(try Self.json(json).first)
        #expect(form["grade"] is NSNull && form["ruleGrade"] is NSNull)
        #expect(form["unscored"] as? Bool == true)
        #expect(
            form["missingScores"] as? [String] == [
                "funds.total.score", "indicators[0].score", "indicators[1].score", "total",
            ])
        #expect(form["total"] as? String == "10.00")
        let text = try CLI.run(["score", Self.unscored])
        #expect(text.stdout.contains("总分：未评分（表上得分均为空：funds.total.score、indicators[0].score、indicators[1].score、total）"))
        #expect(!text.stdout.contains("（差）"))
    }

    @Test func unscoredFormIsAFindingInCheck() throws {
        let text = try CLI.run(["check", Self.unscored])
        #expect(text.stdout.contains("[SE.TOTAL.030 警告] 自评表未评分"), "\(text.stdout)")
        let json = try CLI.run(["check", Self.unscored, "--format", "json"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let forms = try #require(root["forms"] as? [[String: Any]])
        #expect(forms.first?["unscored"] as? Bool == true)
        #expect(forms.first?["grade"] is NSNull)
    }

    @Test func policyLabelsAreTheGradesInJSON() throws {
        let output = try CLI.run([
            "score", "Forms/2023/209100-山西省社会保险局/会议培训费.yaml", "--format", "json", "--policy", Self.labelled,
        ])
        #expect(output.status == 0, "\(output.stderr)")
        let form = try #require(try Self.json(output).first)
        #expect(form["grade"] as? String == "良好")
        #expect(form["ruleGrade"] as? String == "良好")
    }

    @Test func batchUnderAPolicyFileImportsWithItOnly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-policy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out").path
        let export = try CLI.run([
            "export", "Forms/2023", "--out", out, "--batch", "b", "--allow-errors", "--policy", Self.labelled,
        ])
        #expect(export.status == 0, "\(export.stderr)")
        let refused = try CLI.run(["import", "\(out)/b.batch.xml", "--out", folder.appendingPathComponent("n").path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("批次按评分政策“labelled-grades”"), "\(refused.stderr)")
        #expect(refused.stderr.contains("本次没有加载该政策") && refused.stderr.contains("--policy"))
        let imported = try CLI.run([
            "import", "\(out)/b.batch.xml", "--out", folder.appendingPathComponent("y").path, "--policy", Self.labelled,
        ])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("读出 10 张表单"))
    }
}
