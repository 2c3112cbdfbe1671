import Foundation
import Testing

/// `jixiao check` as a user runs it: exit codes, the three formats, baseline, `.jixiao.yml`, overrides.
@Suite struct CheckCommandTests {
    /// A temporary folder holding a copy of a real, consistent form whose first indicator score is raised
    /// above its weight (15 → 16), on a known line.
    struct Workspace {
        let folder: URL
        let form: URL
        let scoreLine: Int

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-check-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let original = CLI.root.appendingPathComponent("Forms/2023/209100-山西省社会保险局/维修维护费.yaml")
            var lines = try String(contentsOf: original, encoding: .utf8).components(separatedBy: "\n")
            let first = try #require(
                lines.firstIndex {
                    $0.trimmingCharacters(in: .whitespaces).hasPrefix("score:") && $0.contains("\"15\"")
                })
            lines[first] = lines[first].replacingOccurrences(of: "\"15\"", with: "\"16\"")
            scoreLine = first + 1
            form = folder.appendingPathComponent("维修维护费.yaml")
            try lines.joined(separator: "\n").write(to: form, atomically: true, encoding: .utf8)
        }

        func run(_ arguments: [String]) throws -> CLI.Output { try CLI.run(arguments, in: folder) }
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func errorFindingIsLocatedAndFailsTheRun() throws {
        let work = try Workspace()
        let output = try work.run(["check", ".", "--only", "SE.SCORE.010", "--format", "json"])
        #expect(output.status == 1)
        let report = try json(output.stdout)
        #expect((report["summary"] as? [String: Any])?["errors"] as? Int == 1)
        let forms = try #require(report["forms"] as? [[String: Any]])
        let finding = try #require((forms.first?["findings"] as? [[String: Any]])?.first)
        #expect(finding["ruleId"] as? String == "SE.SCORE.010")
        #expect(finding["severity"] as? String == "error")
        #expect(finding["expected"] as? String == "15.00")
        #expect(finding["actual"] as? String == "16.00")
        let location = try #require(finding["location"] as? [String: Any])
        #expect(location["fieldPath"] as? String == "indicators[0].score")
        #expect(location["line"] as? Int == work.scoreLine)
        #expect(forms.first?["total"] as? String == "101.00")
    }

    /// A finding about a form as a whole points into the form file, not at the line of the printed document
    /// the form was transcribed from (its `source`).
    @Test func wholeFormFindingPointsIntoTheFormFile() throws {
        let file = "Forms/2023/209105-山西省工伤保险管理服务中心/社会保障卡工本费支出.yaml"
        let result = try CLI.run(["check", file, "--only", "SE.WEIGHT.010", "--format", "json"])
        let forms = try #require(try json(result.stdout)["forms"] as? [[String: Any]])
        let finding = try #require((forms.first?["findings"] as? [[String: Any]])?.first)
        let location = try #require(finding["location"] as? [String: Any])
        #expect(location["fieldPath"] is NSNull)
        #expect(location["line"] as? Int == 1)
    }

    @Test func textReportIsChineseWithRuleIdAndNumbers() throws {
        let work = try Workspace()
        let output = try work.run(["check", ".", "--only", "SE.SCORE.010"])
        #expect(output.status == 1)
        #expect(output.stdout.contains("[SE.SCORE.010 错误]"))
        #expect(output.stdout.contains("应为 15.00，实际 16.00"))
        #expect(output.stdout.contains("第 \(work.scoreLine) 行"))
    }

    @Test func sarifCarriesRuleAndLine() throws {
        let work = try Workspace()
        let output = try work.run(["check", ".", "--only", "SE.SCORE.010", "--format", "sarif"])
        let sarif = try json(output.stdout)
        #expect(sarif["version"] as? String == "2.1.0")
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        let result = try #require((run["results"] as? [[String: Any]])?.first)
        #expect(result["ruleId"] as? String == "SE.SCORE.010")
        #expect(result["level"] as? String == "error")
        let region =
            ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"]
            as? [String: Any]
        #expect(region?["startLine"] as? Int == work.scoreLine)
    }

    @Test func baselineHidesAcceptedFindings() throws {
        let work = try Workspace()
        let first = try work.run(["check", ".", "--only", "SE.SCORE.010", "--format", "json"])
        try first.stdout.write(
            to: work.folder.appendingPathComponent("baseline.json"), atomically: true, encoding: .utf8)
        let second = try work.run([
            "check", ".", "--only", "SE.SCORE.010", "--baseline", "baseline.json", "--format", "json",
        ])
        #expect(second.status == 0)
        let summary = try #require(try json(second.stdout)["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 0)
        #expect(summary["hiddenByBaseline"] as? Int == 1)
    }

    @Test func projectConfigurationLowersASeverityAndTheReportSaysSo() throws {
        let work = try Workspace()
        try "rules:\n  SE.SCORE.010: warning\n".write(
            to: work.folder.appendingPathComponent(".jixiao.yml"),
            atomically: true, encoding: .utf8)
        let output = try work.run(["check", ".", "--only", "SE.SCORE.010", "--format", "json"])
        #expect(output.status == 0)
        let report = try json(output.stdout)
        let override = try #require((report["overrides"] as? [[String: Any]])?.first)
        #expect(override["ruleId"] as? String == "SE.SCORE.010")
        #expect(override["from"] as? String == "error")
        #expect(override["to"] as? String == "warning")
        #expect(override["origin"] as? String == ".jixiao.yml")
        let strict = try work.run(["check", ".", "--only", "SE.SCORE.010", "--strict"])
        #expect(strict.status == 1)
    }

    @Test func disablingTheRuleClearsTheFinding() throws {
        let work = try Workspace()
        let output = try work.run(["check", ".", "--only", "SE.SCORE.010", "--disable", "SE.SCORE.010"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("停用"))
    }

    @Test func badConfigurationAndUsageErrors() throws {
        let work = try Workspace()
        try "rules:\n  SE.NOPE.999: off\n".write(
            to: work.folder.appendingPathComponent(".jixiao.yml"),
            atomically: true, encoding: .utf8)
        let badConfig = try work.run(["check", "."])
        #expect(badConfig.status == 1)
        #expect(badConfig.stderr.contains(".jixiao.yml:2"))
        #expect(badConfig.stderr.contains("SE.NOPE.999"))
        #expect(try work.run(["check"]).status == 64)
        #expect(try work.run(["check", ".", "--only", "SE.NOPE.999"]).status == 64)
        #expect(try work.run(["check", ".", "--format", "xml"]).status == 64)
    }
}
