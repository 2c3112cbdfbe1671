import Foundation
import JixiaoCore
import JixiaoFormats
import Testing

/// The cross-form rules on the bundled real forms (which hold no duplicates and no self-evaluation with its
/// own year's target table) and on copies of a real form duplicated and edited in a temporary folder.
@Suite struct CrossFormCheckTests {
    static let crossFormRules = CheckRegistry.all.map { $0.description.id }.filter { $0.hasPrefix("XF.") }
    static let form = "Forms/2023/209100-山西省社会保险局/会议培训费.yaml"

    func findings(_ output: CLI.Output) throws -> [(file: String, finding: [String: Any])] {
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let forms = try #require(report["forms"] as? [[String: Any]])
        return forms.flatMap { form in
            (form["findings"] as? [[String: Any]] ?? []).map { (form["file"] as? String ?? "", $0) }
        }
    }

    @Test func realFormsHaveNoCrossFormFinding() throws {
        #expect(
            Set(Self.crossFormRules).isSuperset(of: [
                "XF.DUP.010", "XF.DUP.020", "XF.NAME.010", "XF.TGSE.010",
                "XF.TGSE.020", "XF.TGSE.030", "XF.TGSE.040", "XF.UNIT.010",
            ]))
        let output = try CLI.run(
            ["check", "Forms", "--format", "json"] + Self.crossFormRules.flatMap { ["--only", $0] })
        #expect(try findings(output).map { $0.finding["ruleId"] as? String } == [])
        // The 2023 self-evaluations and the 2026 target tables never pair.
        let loaded = FormLocator.load([CLI.root.appendingPathComponent("Forms").path])
        #expect(loaded.forms.count == 20)
        #expect(FormIndex(loaded.forms.map(\.form)).targetPairs.isEmpty)
    }

    /// The real form in `a/`, and in `b/` a copy with `executed: "26.149"` replaced by `executed`.
    func duplicated(executed: String) throws -> (folder: URL, output: CLI.Output) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-dup-\(UUID().uuidString)")
        for sub in ["a", "b"] {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let text = try String(contentsOf: CLI.root.appendingPathComponent(Self.form), encoding: .utf8)
        try text.write(to: folder.appendingPathComponent("a/会议培训费.yaml"), atomically: true, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "executed: \"26.149\"", with: "executed: \"\(executed)\"")
        try edited.write(to: folder.appendingPathComponent("b/会议培训费.yaml"), atomically: true, encoding: .utf8)
        return (folder, try CLI.run(["check", ".", "--only", "XF.DUP.010", "--format", "json"], in: folder))
    }

    /// A copy of the real form in `b/`, and what XF.DUP.010 must say about it.
    struct DuplicateCase: Sendable, CustomTestStringConvertible {
        let executed: String
        let status: Int32
        let severity: String
        let fieldPath: String?
        let expected: String?
        let actual: String?
        var testDescription: String { "executed \(executed) → \(severity)" }
    }

    @Test(arguments: [
        // Identical.
        DuplicateCase(executed: "26.149", status: 0, severity: "warning", fieldPath: nil, expected: nil, actual: nil),
        // Equal within rounding: 26.149 and 26.15 both round to 26.15.
        DuplicateCase(
            executed: "26.15", status: 0, severity: "notice", fieldPath: "funds.total.executed",
            expected: "26.149", actual: "26.15"),
        // Conflicting.
        DuplicateCase(
            executed: "26.419", status: 1, severity: "error", fieldPath: "funds.total.executed",
            expected: "26.149", actual: "26.419"),
    ])
    func duplicateClasses(_ c: DuplicateCase) throws {
        let (folder, output) = try duplicated(executed: c.executed)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(output.status == c.status)
        let found = try findings(output)
        // One group of two: the first form heads it (a notice), the copy is compared with it.
        #expect(found.map(\.file) == ["./a/会议培训费.yaml", "./b/会议培训费.yaml"])
        let head = try #require(found.first?.finding)
        let finding = try #require(found.last?.finding)
        #expect(head["severity"] as? String == "notice")
        #expect(head["related"] as? [String] == ["./b/会议培训费.yaml"])
        #expect(finding["related"] as? [String] == ["./a/会议培训费.yaml"])
        #expect(finding["severity"] as? String == c.severity)
        #expect((finding["location"] as? [String: Any])?["fieldPath"] as? String == c.fieldPath)
        #expect(finding["expected"] as? String == c.expected)
        #expect(finding["actual"] as? String == c.actual)
        let group = try #require(finding["group"] as? [String: Any])
        #expect(group["size"] as? Int == 2)
        #expect((head["group"] as? [String: Any])?["id"] as? String == group["id"] as? String)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let groups = try #require(report["groups"] as? [[String: Any]])
        #expect(groups.count == 1)
        #expect(groups.first?["id"] as? String == group["id"] as? String)
        #expect(groups.first?["members"] as? [String] == ["./a/会议培训费.yaml", "./b/会议培训费.yaml"])
    }

    @Test func conflictMessageNamesTheFieldAndTheOtherFile() throws {
        let (folder, _) = try duplicated(executed: "26.419")
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try CLI.run(["check", ".", "--only", "XF.DUP.010"], in: folder)
        #expect(
            text.stdout.contains(
                "[XF.DUP.010 错误] 与另一张同一单位（209100-山西省社会保险局）、同一项目（会议培训费）、2023年度的自评表数字冲突：资金总额·全年执行数另一张为 26.149，此表为 26.419")
        )
        #expect(text.stdout.contains("应为 26.149，实际 26.419"))
        #expect(text.stdout.contains("相关表单：./a/会议培训费.yaml"))
    }
}
