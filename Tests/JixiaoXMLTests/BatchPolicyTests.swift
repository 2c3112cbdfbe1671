import Foundation
import JixiaoCore
import JixiaoFormats
import Testing

@testable import JixiaoXML

/// A batch carries its policy's id, version and digest; an import verifies its checksums under the policy it
/// was exported with, loaded from the same policy file, and says in Chinese which policy it needs otherwise.
/// The recomputed grades are written with the policy's labels; an unscored form has none.
@Suite struct BatchPolicyTests {
    static let labelledPolicy = """
        extends: national
        id: labelled-test
        name: 等级名称不同的测试政策
        gradeLabels: {优: 优秀, 良: 良好, 中: 合格, 差: 不合格}
        """

    /// Writes `text` as a policy file in `folder` and loads it into a fresh library.
    static func load(
        _ text: String, in folder: String, name: String = "labelled.yml"
    ) throws -> (
        PolicyLibrary, ScoringPolicy
    ) {
        let file = (folder as NSString).appendingPathComponent(name)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        var library = PolicyLibrary()
        let policy = try library.load([file])[0]
        return (library, policy)
    }

    static func export(_ forms: [Form], policy: ScoringPolicy, to folder: String) throws -> ExportReport {
        let loaded = forms.enumerated().map { LoadedForm(file: "form-\($0.offset).yaml", form: $0.element) }
        return try Exporter(
            options: ExportOptions(outputFolder: folder, batchName: "batch", policy: policy, allowErrors: true)
        ).export(loaded)
    }

    @Test func batchUnderAPolicyFileReimportsWithThatFileOnly() throws {
        let folder = Fixture.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (library, policy) = try Self.load(Self.labelledPolicy, in: folder)
        let forms = [ExampleForms.selfEvaluation(), ExampleForms.targetTable()]
        let report = try Self.export(forms, policy: policy, to: folder)
        let batch = try #require(report.batch?.path)
        let text = try String(contentsOfFile: batch, encoding: .utf8)
        #expect(text.contains("policy=\"labelled-test\""))
        #expect(text.contains("policyDigest=\"\(BatchPolicy.digest(policy))\""))
        #expect(text.contains("grade=\"优\" gradeLabel=\"优秀\""))
        #expect(text.contains("<GradeCount grade=\"优\" label=\"优秀\""))
        #expect(try XMLFormFile.validate(path: batch).isValid)

        // Without the policy file the checksums cannot be verified: a Chinese problem says what to load.
        let without = try XMLFormFile.read(path: batch) { _ in }
        #expect(without.problems.count == 1)
        #expect(without.problems.first?.message.contains("本次没有加载该政策") == true)
        #expect(without.problems.first?.message.contains("--policy") == true)

        // With it, the round trip is exact.
        var back: [Form] = []
        let with = try XMLFormFile.read(path: batch, policies: library) { back.append($0.form) }
        #expect(with.problems.isEmpty, "\(with.problems)")
        #expect(back == forms)

        // A different policy under the same id is recognised by its digest.
        let (other, _) = try Self.load(
            Self.labelledPolicy + "\noverAchievementRatio: 1.5\n", in: folder, name: "other.yml")
        let changed = try XMLFormFile.read(path: batch, policies: other) { _ in }
        #expect(changed.problems.count == 1)
        #expect(changed.problems.first?.message.contains("内容不同") == true)
    }

    @Test func batchUnderABuiltInPolicyNeedsNoFile() throws {
        let folder = Fixture.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = try Self.export([ExampleForms.selfEvaluation()], policy: .shanxi, to: folder)
        let reading = try XMLFormFile.read(path: try #require(report.batch?.path)) { _ in }
        #expect(reading.problems.isEmpty, "\(reading.problems)")
    }

    /// 四川 web-05's shape: every 得分 and the 总分 blank.
    static let unscored = ExampleForms.selfEvaluation {
        for index in $0.indicators.indices { $0.indicators[index].score = "" }
        $0.funds.total.score = ""
        $0.funds.sources[0].score = ""
        $0.printedTotal = ""
        $0.printedGrade = ""
    }

    @Test func unscoredFormIsExportedWithoutAGrade() throws {
        let bytes = try FormXMLWriter.canonical(Self.unscored, policy: .national)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("unscored=\"true\""))
        #expect(
            text.contains(
                "missingScores=\"funds.total.score indicators[0].score indicators[1].score indicators[2].score indicators[3].score indicators[4].score indicators[5].score total\""
            ))
        #expect(!text.contains(" grade=\"") && !text.contains("ruleGrade=\""))
        #expect(try XMLFormFile.validate(bytes: bytes, displayName: "unscored.xml").isValid)

        let folder = Fixture.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let scored = ExampleForms.selfEvaluation { $0.project = "另一个示例项目" }
        let report = try Self.export([Self.unscored, scored], policy: .national, to: folder)
        #expect(report.exported.count == 2)
        let batch = try String(contentsOfFile: try #require(report.batch?.path), encoding: .utf8)
        #expect(batch.contains("<UnscoredCount>1</UnscoredCount>"))
        #expect(batch.contains("<GradeCount grade=\"优\" label=\"优\" printed=\"1\" recomputed=\"1\"/>"))
        #expect(batch.contains("<GradeCount grade=\"差\" label=\"差\" printed=\"0\" recomputed=\"0\"/>"))
    }
}
