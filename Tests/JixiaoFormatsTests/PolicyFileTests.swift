import Foundation
import JixiaoCore
import JixiaoFormats
import Testing

/// Policy files: reading (with located Chinese errors), `extends` chains, the writer's round trip, the
/// example policies under docs/policies, and `.jixiao.yml` choosing a policy by id, path or inline.
@Suite struct PolicyFileTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let examples = root.appendingPathComponent("docs/policies")

    /// A fresh folder holding the given files.
    struct Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-policy-\(UUID().uuidString)")

        init(_ files: [String: String]) throws {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            for (name, text) in files {
                let file = url.appendingPathComponent(name)
                try FileManager.default.createDirectory(
                    at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: file, atomically: true, encoding: .utf8)
            }
        }

        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    }

    static func load(_ text: String) throws -> ScoringPolicy {
        let folder = try Folder(["p.yml": text])
        defer { try? FileManager.default.removeItem(at: folder.url) }
        var library = PolicyLibrary()
        return try library.load([folder.path("p.yml")])[0]
    }

    /// The error a policy text raises, as the user sees it (file name stripped to `p.yml`).
    static func error(_ text: String) -> String {
        do {
            _ = try load(text)
            return "no error"
        } catch {
            let description = "\(error)"
            return description.components(separatedBy: "/").last ?? description
        }
    }

    // MARK: Reading

    @Test func extendsNationalAndOverridesEachKindOfField() throws {
        let policy = try Self.load(
            """
            extends: national
            id: local
            name: 本地模板
            basis: 某省财政厅 某号文
            executionWeight: 20
            level1Weights: {产出: 40, 效益指标: 30, 满意度: 10}
            gradeThresholds: {优: 85}
            gradeLabels: {优: 优秀, 良: 良好, 中: 合格, 差: 不合格}
            reverseFormula: ratio
            achievedBand: 0.8
            partlyAchievedBand: 0.5
            qualitativeWordings: {达成: [达成, 已完成, 完成]}
            unfilledCostRowCap: 5
            bareNumberOperator: "≥"
            ratePrintedDecimals: 1
            rateTolerance: 0.05
            scoreTolerance: 0.01
            checkSeverities: {SE.SCORE.030: notice}
            requiredAnalysis: [problems]
            """)
        #expect(policy.id == "local" && policy.name == "本地模板" && policy.basis == "某省财政厅 某号文")
        #expect(policy.version == ScoringPolicy.national.version)
        #expect(policy.executionWeight == 20)
        #expect(policy.level1Weights == [.output: 40, .benefit: 30, .satisfaction: 10])
        #expect(policy.gradeThresholds == GradeThresholds(excellent: 85, good: 80, fair: 60))
        #expect(policy.label(of: .poor) == "不合格")
        #expect(policy.grade(ofLabel: "合格") == .fair && policy.grade(ofLabel: "不合格") == .poor)
        #expect(policy.reverseFormula == .ratio)
        #expect(policy.partlyAchievedBand == Decimal(string: "0.5"))
        #expect(policy.outcome(ofText: "已完成") == .achieved)
        #expect(policy.outcome(ofText: "未完成预期指标") == .notAchieved)  // the base's wording for 未达成 stays
        #expect(policy.unfilledCostRowCap == 5)
        #expect(policy.bareNumberOperator == .atLeast)
        #expect(policy.ratePrintedDecimals == 1 && policy.rateTolerance == Decimal(string: "0.05"))
        #expect(policy.scorePrintedDecimals == 2 && policy.scoreTolerance == Decimal(string: "0.01"))
        #expect(policy.checkSeverities == ["SE.SCORE.030": .notice])
        #expect(policy.requiredAnalysis == ["problems"])
        // Untouched fields come from the base.
        #expect(policy.overAchievementRatio == ScoringPolicy.national.overAchievementRatio)
        #expect(policy.skipsDroppedIndicators == false)
    }

    @Test func idDefaultsToTheFileNameAndNameToTheID() throws {
        let policy = try Self.load("extends: shanxi\nunfilledCostRowCap: null\n")
        #expect(policy.id == "p" && policy.name == "p")
        #expect(policy.unfilledCostRowCap == nil)
        #expect(policy.skipsDroppedIndicators)  // from shanxi
    }

    @Test(arguments: [
        (
            "extends: national\nexecutionWieght: 20\n",
            "p.yml:2:1: 字段 executionWieght：未知字段“executionWieght”。修改建议：检查拼写；此处可用的字段：achievedBand, actualsCarryOperator, bareNumberOperator, basis"
        ),
        ("extends: national\nrateTolerance: 0.0l\n", "p.yml:2:16: 字段 rateTolerance：应为数字，实际是“0.0l”"),
        ("extends: national\nachievedBand: 80\n", "p.yml:2:15: 字段 achievedBand：数字 80 超出允许范围 0～1"),
        ("extends: nationl\n", "p.yml:1:10: 字段 extends：未知的评分政策“nationl”。修改建议：可继承：national、shanxi"),
        ("id: x\nexecutionWeight: 20\n", "p.yml:1:1: 字段 extends：评分政策缺少“extends”"),
        (
            "extends: national\nexecutionWeight: 20\n",
            "p.yml:2:18: 字段 executionWeight：一级指标分值之和 90 加预算执行分值 20 等于 110，应为 100"
        ),
        ("extends: national\ngradeThresholds: {优: 70}\n", "p.yml:2:18: 字段 gradeThresholds：等级分数线应为 优 > 良 > 中"),
        ("extends: national\ngradeLabels: {甲: 优秀}\n", "p.yml:2:15: 字段 gradeLabels.甲：未知的键“甲”。修改建议：可用的键：优、良、中、差"),
        (
            "extends: national\nreverseFormula: linear\n",
            "p.yml:2:17: 字段 reverseFormula：未知的取值“linear”。修改建议：可用：platform、ratio"
        ),
        ("extends: national\ncheckSeverities: {SE.NOPE.1: off}\n", "字段 checkSeverities.SE.NOPE.1：未知的规则编号“SE.NOPE.1”"),
        ("extends: national\nbareNumberOperator: about\n", "字段 bareNumberOperator：未知的计算符号“about”"),
        ("extends: national\nratePrintedDecimals: 1.5\n", "字段 ratePrintedDecimals：应为 0～6 的整数，实际是“1.5”"),
        ("extends: national\nskipsDroppedIndicators: yes\n", "字段 skipsDroppedIndicators：应为 true 或 false，实际是“yes”"),
        ("extends: national\nid: national\n", "字段 id：政策编号“national”与内置政策重名"),
        ("extends: national\nrequiredAnalysis: [plans]\n", "字段 requiredAnalysis[0]：未知的绩效分析项“plans”"),
    ])
    func errorsNameFileLineFieldAndFix(text: String, message: String) {
        let error = Self.error(text)
        #expect(error.contains(message), "\(error)")
    }

    @Test func extendsChainsAcrossFilesByIDAndByPath() throws {
        let folder = try Folder([
            "a.yml": "extends: b\nid: a\ngradeThresholds: {优: 95}\n",
            "b.yml": "extends: sub/c.yml\nid: b\nreverseFormula: ratio\n",
            "sub/c.yml": "extends: shanxi\nid: c\nexecutionWeight: 0\nlevel1Weights: {产出: 60, 效益: 30, 满意度: 10}\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder.url) }
        var library = PolicyLibrary()
        let loaded = try library.load([folder.path("a.yml"), folder.path("b.yml")])
        #expect(loaded.map(\.id) == ["a", "b"])
        let a = try #require(library.policy("a"))
        #expect(a.gradeThresholds.excellent == 95 && a.reverseFormula == .ratio && a.executionWeight == 0)
        #expect(a.unfilledCostRowCap == 5)  // from shanxi, three steps up
        #expect(library.ids == ["national", "shanxi", "c", "b", "a"])
        #expect(library.entries.first { $0.policy.id == "a" }?.extends == "b")
    }

    @Test func aCycleIsRefusedWithItsChain() throws {
        let folder = try Folder([
            "a.yml": "extends: b\nid: a\n", "b.yml": "extends: c.yml\nid: b\n", "c.yml": "extends: a\nid: c\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder.url) }
        var library = PolicyLibrary()
        #expect {
            try library.load([folder.path("a.yml"), folder.path("b.yml")])
        } throws: { error in
            "\(error)".contains("字段 extends：继承关系成环：a → b → c → a")
        }
        #expect(Self.error("extends: p\n").contains("继承关系成环：p → p"))
    }

    // MARK: Writing

    @Test(arguments: ScoringPolicy.builtIn.map(\.id))
    func showOutputReadsBackToTheSamePolicy(id: String) throws {
        let policy = try #require(ScoringPolicy.named(id))
        let text = PolicyFile.write(policy)
        #expect(text == PolicyFile.write(policy))
        #expect(text.contains("executionWeight: 10\n") && text.contains("\"产出指标\": 50\n"))
        // A built-in's id is taken: read it back under another file id, then compare all else.
        var back = try Self.load(text.replacingOccurrences(of: "id: \"\(id)\"", with: "id: \"copy\""))
        back.id = policy.id
        #expect(back == policy)
    }

    @Test func everyExampleRoundTripsAndAddsUpTo100() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.examples.path).filter {
            $0.hasSuffix(".yml")
        }
        .sorted()
        #expect(
            files == ["department-overall.yml", "execution-20.yml", "ningxia-40-40-20.yml", "sichuan-70-20-10.yml"])
        var library = PolicyLibrary()
        let policies = try library.load(files.map { Self.examples.appendingPathComponent($0).path })
        for policy in policies {
            #expect(!policy.basis.isEmpty)
            #expect(policy.level1Weights.values.reduce(policy.executionWeight, +) == 100)
            let folder = try Folder([
                "copy.yml": PolicyFile.write(policy).replacingOccurrences(
                    of: "id: \"\(policy.id)\"", with: "id: \"copy\"")
            ])
            defer { try? FileManager.default.removeItem(at: folder.url) }
            var fresh = PolicyLibrary()
            var back = try fresh.load([folder.path("copy.yml")])[0]
            back.id = policy.id
            #expect(back == policy)
        }
        let overall = try #require(library.policy("department-overall"))
        #expect(overall.orderedLevel1Weights.map(\.level1) == [.output, .benefit, .decision, .process])
    }

    // MARK: A real form under its template's policy

    @Test func ningxiaFormScoresWithoutExecutionPointsUnderItsTemplate() throws {
        let file = Self.root.appendingPathComponent("Tests/JixiaoFormatsTests/Fixtures/OtherProvinces/web-16.yaml")
        guard case .selfEvaluation(let form) = try FormFileReader.read(Data(contentsOf: file), file: file.path) else {
            Issue.record("web-16 is a self-evaluation")
            return
        }
        var library = PolicyLibrary()
        let policy = try library.load([Self.examples.appendingPathComponent("ningxia-40-40-20.yml").path])[0]
        let score = FormScore(form, policy: policy)
        // other-provinces/web-16.json my_check: recomputed_total 79 (indicator scores 79, no execution points).
        #expect(score.execution.ratePercent == Decimal(string: "86.48"))
        #expect(score.execution.score == 0)
        #expect(score.total == 79)
        #expect(score.weightSum == 80)  // ten weighted rows of 8 visible; the 满意度 row (20) is cut off
        // Under the national policy the same form earns 10 × 259.45 / 300 = 8.65 execution points.
        #expect(FormScore(form, policy: .national).total == Decimal(string: "87.65"))
    }

    // MARK: .jixiao.yml

    static func configuration(_ folder: Folder, _ text: String) throws -> ProjectConfiguration {
        try text.write(toFile: folder.path(".jixiao.yml"), atomically: true, encoding: .utf8)
        return try ProjectConfiguration.read(Data(text.utf8), file: folder.path(".jixiao.yml"))
    }

    @Test func configurationChoosesAPolicyByIDPathOrInline() throws {
        let folder = try Folder([
            "policies/twenty.yml":
                "extends: national\nid: twenty\nexecutionWeight: 20\nlevel1Weights: {产出: 40, 效益: 30, 满意度: 10}\n"
        ])
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let byPath = try Self.configuration(folder, "policy: policies/twenty.yml\n")
        #expect(byPath.policy?.executionWeight == 20)
        let byID = try Self.configuration(folder, "policies: [policies]\npolicy: twenty\n")
        #expect(byID.policy?.id == "twenty" && byID.library.ids == ["national", "shanxi", "twenty"])
        let inline = try Self.configuration(folder, "policy:\n  extends: policies/twenty.yml\n  scoreTolerance: 0.5\n")
        #expect(inline.policy?.id == "project" && inline.policy?.executionWeight == 20)
        #expect(inline.policy?.scoreTolerance == Decimal(string: "0.5"))
        #expect(try Self.configuration(folder, "policy: shanxi\n").policy == .shanxi)
        #expect {
            try Self.configuration(folder, "policy:\n  extends: twenty\n")
        } throws: { "\($0)".contains(".jixiao.yml:2:12: 字段 policy.extends：未知的评分政策“twenty”。修改建议：可继承：national、shanxi，") }
        #expect {
            try Self.configuration(folder, "policies: policies\npolicy:\n  extends: twenty\n  executionWeight: 5\n")
        } throws: { "\($0)".contains(".jixiao.yml:4:20: 字段 policy.executionWeight：一级指标分值之和 80 加预算执行分值 5") }
        #expect {
            try Self.configuration(folder, "policy: guangdong\n")
        } throws: { "\($0)".contains(".jixiao.yml:1:9: 字段 policy：未知的评分政策“guangdong”") }
        #expect {
            try Self.configuration(folder, "policies: [missing]\n")
        } throws: { "\($0)".contains("字段 policies[0]：评分政策文件或文件夹“missing”不存在") }
    }

    @Test func theFlagWinsOverTheConfigurationWhichWinsOverNational() throws {
        let folder = try Folder([
            "twenty.yml": "extends: national\nexecutionWeight: 20\nlevel1Weights: {产出: 40, 效益: 30, 满意度: 10}\n"
        ])
        defer { try? FileManager.default.removeItem(at: folder.url) }
        var none = ProjectConfiguration()
        #expect(try none.selectPolicy(nil) == .national)
        var configured = try Self.configuration(folder, "policy: shanxi\n")
        #expect(try configured.selectPolicy(nil) == .shanxi)
        #expect(try configured.selectPolicy("national") == .national)
        #expect(try configured.selectPolicy(folder.path("twenty.yml")).executionWeight == 20)
        #expect(configured.library.ids.last == "twenty")
        #expect {
            try configured.selectPolicy("nope")
        } throws: { "\($0)" == "未知的评分政策“nope”；可用：national、shanxi、twenty（或政策文件的路径，如 policies/本省.yml）" }
    }
}
