import Foundation
import Testing

/// Every command honours the same policy choice (`--policy ID|FILE` > `.jixiao.yml` > national), shown by
/// a policy file giving budget execution 20 points: 会议培训费 (执行率 53.92 %, indicator scores 80) totals
/// 85.39 nationally and 80 + 20 × 26.149 / 48.5 = 90.78 under it.
@Suite struct PolicyCommandTests {
    static let twenty = """
        extends: national
        id: twenty
        name: 预算执行20分（测试）
        basis: 测试用
        executionWeight: 20
        level1Weights: {产出: 40, 效益: 30, 满意度: 10}

        """

    /// A folder with the form, the policy file under policies/, and optionally a `.jixiao.yml`.
    struct Workspace {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "jixiao-policy-cli-\(UUID().uuidString)")

        init(configuration: String? = nil) throws {
            let manager = FileManager.default
            try manager.createDirectory(
                at: folder.appendingPathComponent("policies"), withIntermediateDirectories: true)
            try manager.copyItem(
                at: CLI.root.appendingPathComponent("Forms/2023/209100-山西省社会保险局/会议培训费.yaml"),
                to: folder.appendingPathComponent("会议培训费.yaml"))
            try PolicyCommandTests.twenty.write(
                to: folder.appendingPathComponent("policies/twenty.yml"), atomically: true, encoding: .utf8)
            if let configuration {
                try configuration.write(
                    to: folder.appendingPathComponent(".jixiao.yml"), atomically: true, encoding: .utf8)
            }
        }

        func run(_ arguments: [String]) throws -> CLI.Output { try CLI.run(arguments, in: folder) }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    static func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    static func scoreTotal(_ output: CLI.Output) throws -> String? {
        let forms = try #require(try json(output.stdout) as? [[String: Any]], "\(output.stderr)")
        return forms.first?["total"] as? String
    }

    @Test func scoreFollowsTheFlagTheConfigurationAndTheDefault() throws {
        let plain = try Workspace()
        defer { plain.remove() }
        #expect(try Self.scoreTotal(plain.run(["score", ".", "--format", "json"])) == "85.39")
        #expect(
            try Self.scoreTotal(plain.run(["score", ".", "--format", "json", "--policy", "policies/twenty.yml"]))
                == "90.78")
        let configured = try Workspace(configuration: "policy: policies/twenty.yml\n")
        defer { configured.remove() }
        #expect(try Self.scoreTotal(configured.run(["score", ".", "--format", "json"])) == "90.78")
        #expect(
            try Self.scoreTotal(configured.run(["score", ".", "--format", "json", "--policy", "national"])) == "85.39")
        let byID = try Workspace(configuration: "policies: [policies]\npolicy: twenty\n")
        defer { byID.remove() }
        #expect(try Self.scoreTotal(byID.run(["score", ".", "--format", "json"])) == "90.78")
        let inline = try Workspace(
            configuration: "policy:\n  extends: policies/twenty.yml\n  gradeThresholds: {优: 95}\n")
        defer { inline.remove() }
        let text = try inline.run(["score", "."])
        #expect(text.stdout.contains("按表内得分重算 90.78（良）"), "\(text.stdout)")
    }

    @Test func checkSummaryAuditAndExportFollowTheConfiguration() throws {
        let work = try Workspace(configuration: "policy: policies/twenty.yml\n")
        defer { work.remove() }
        let check = try work.run(["check", ".", "--format", "json"])
        let report = try #require(try Self.json(check.stdout) as? [String: Any], "\(check.stderr)")
        #expect((report["policy"] as? [String: Any])?["id"] as? String == "twenty")
        let forms = try #require(report["forms"] as? [[String: Any]])
        #expect(forms.first?["total"] as? String == "90.78")

        let summary = try work.run(["summary", ".", "--format", "json"])
        #expect(summary.status == 0, "\(summary.stderr)")
        #expect(summary.stdout.contains("\"90.78\""), "\(summary.stdout)")

        let audit = try work.run(["audit", AuditCommandTests.seed000])
        #expect(audit.stdout.contains("5. 会议培训费（2023年度，第 684–715 行）：执行率 53.92%，总分 表上 85.39（良），重算 90.78（优）"))

        // A relative --out (the export once recursed forever creating its parent "").
        let export = try work.run(["export", "会议培训费.yaml", "--out", "out", "--allow-errors"])
        #expect(export.status == 0, "\(export.stderr)")
        let xml = try String(
            contentsOf: work.folder.appendingPathComponent("out/2023/209100-山西省社会保险局/会议培训费.xml"), encoding: .utf8)
        #expect(xml.contains("total=\"90.78\""), "\(xml.prefix(2000))")
    }

    @Test func servePrintsThePolicyItRunsUnder() throws {
        let work = try Workspace(configuration: "policy: policies/twenty.yml\n")
        defer { work.remove() }
        let process = Process()
        process.executableURL = CLI.binary
        let port = Int.random(in: 20000...40000)
        process.arguments = [
            "serve", "--db", work.folder.appendingPathComponent("db.sqlite").path, "--port", "\(port)",
        ]
        process.currentDirectoryURL = work.folder
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        var text = ""
        let deadline = Date().addingTimeInterval(60)
        while !text.contains("评分政策："), Date() < deadline, process.isRunning {
            text += String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        }
        #expect(text.contains("评分政策：预算执行20分（测试）"), "\(text)")
    }

    @Test func policiesListsAndShowsThemAndBadChoicesAreExplained() throws {
        let work = try Workspace(configuration: "policies: [policies]\n")
        defer { work.remove() }
        let list = try work.run(["policies"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("＊national\t全国通用（财预〔2020〕10号）（内置）"))
        #expect(list.stdout.contains("    依据：财政部 财预〔2020〕10号《项目支出绩效评价管理办法》"))
        #expect(list.stdout.contains("  twenty\t预算执行20分（测试）（文件 "))
        let show = try work.run(["policies", "show", "twenty"])
        #expect(show.stdout.contains("executionWeight: 20\n"))
        try show.stdout.replacingOccurrences(of: "id: \"twenty\"", with: "id: \"again\"").write(
            to: work.folder.appendingPathComponent("again.yml"), atomically: true, encoding: .utf8)
        #expect(try Self.scoreTotal(work.run(["score", ".", "--format", "json", "--policy", "again.yml"])) == "90.78")

        let unknown = try work.run(["score", ".", "--policy", "guangdong"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("未知的评分政策“guangdong”；可用：national、shanxi、twenty"))
        try "extends: national\nexecutionWeight: 20\n".write(
            to: work.folder.appendingPathComponent("bad.yml"), atomically: true, encoding: .utf8)
        for command in ["score", "check", "summary", "export"] {
            var arguments = [command, ".", "--policy", "bad.yml"]
            if command == "export" { arguments += ["--out", "out"] }
            let bad = try work.run(arguments)
            #expect(bad.status == 1, "\(command)")
            #expect(
                bad.stderr.contains("bad.yml:2:18: 字段 executionWeight：一级指标分值之和 90 加预算执行分值 20"),
                "\(command): \(bad.stderr)")
        }
    }
}
