import Foundation
import JixiaoCore
import JixiaoFormats
import Testing

/// The self-evaluation arithmetic rules on the ten published 2023 forms (seeds 000 and 003): every finding
/// they make, with its numbers, under both policies. A rule that starts firing on a form whose arithmetic
/// is right, or stops firing on a known defect (docs/domain.md §12), fails here.
@Suite struct SelfEvaluationArithmeticSeedTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let ruleIDs: Set<String> = [
        "SE.EXEC.010", "SE.EXEC.020", "SE.EXEC.030", "SE.EXEC.040", "SE.FUND.010", "SE.FUND.020", "SE.FUND.030",
        "SE.GRADE.010", "SE.GRADE.020", "SE.GRADE.030", "SE.SCORE.020", "SE.SCORE.030", "SE.SCORE.040",
        "SE.SCORE.050", "SE.SCORE.060", "SE.SCORE.070", "SE.SCORE.080", "SE.SX.010", "SE.SX.020", "SE.TOTAL.010",
        "SE.WEIGHT.010", "SE.WEIGHT.020",
    ]

    /// file name → findings as `rule path expected actual`.
    static let expected: [String: [String]] = [
        // The 资金总额 得分 cell was lost in extraction: the rule says so rather than skip the form silently.
        "设备购置费.yaml": ["SE.EXEC.020 funds.total.score - -"],
        "会议培训费.yaml": [
            "SE.EXEC.040 funds.total.deviation 100.00 53.92",
            "SE.SCORE.060 indicators[0].actual 120.00 360.00",
        ],
        "工伤保险业务经办费.yaml": [
            "SE.SCORE.060 indicators[0].actual 120.00 120.00",
            "SE.SCORE.060 indicators[9].actual 120.00 121.43",
            "SE.SCORE.070 indicators[1].adjustedTarget - -",
            "SE.SCORE.070 indicators[2].adjustedTarget - -",
            "SE.SCORE.070 indicators[3].adjustedTarget 50.00 30.00",
        ],
        "社会保障卡工作经费.yaml": [
            "SE.EXEC.040 funds.total.deviation 100.00 44.64",
            "SE.SCORE.070 indicators[5].adjustedTarget 50.00 22.50",
        ],
        "社会保障卡工本费支出.yaml": [
            "SE.EXEC.040 funds.total.deviation 100.00 60.29",
            "SE.FUND.030 funds.total.fullYearBudget 280.00 262.00",
            "SE.GRADE.020 grade 良 优",
            "SE.SCORE.050 indicators[0].deviation 20.00 20.00",
            "SE.SCORE.070 indicators[0].adjustedTarget 50.00 50.00",
            "SE.TOTAL.010 total 86.03 96.03",
            "SE.WEIGHT.010 - 90.00 80.00",
            "SE.WEIGHT.020 indicators[0].level1 50.00 40.00",
            "SE.WEIGHT.020 indicators[4].level1 30.00 10.00",
            "SE.WEIGHT.020 indicators[5].level1 10.00 30.00",
        ],
    ]

    @Test(arguments: ScoringPolicy.builtIn.map(\.id))
    func findingsOnThePublishedForms(policyID: String) throws {
        let policy = try #require(ScoringPolicy.named(policyID))
        let loaded = FormLocator.load([Self.root.appendingPathComponent("Forms/2023").path])
        #expect(loaded.errors.isEmpty)
        #expect(loaded.forms.count == 10)
        let checks = CheckRegistry.all.filter { Self.ruleIDs.contains($0.description.id) }
        #expect(checks.count == Self.ruleIDs.count)
        let result = CheckRunner(checks: checks, policy: policy).run(
            loaded.forms.map { CheckRunner.Input(file: $0.file, form: $0.form) })
        for (index, form) in loaded.forms.enumerated() {
            let name = (form.file as NSString).lastPathComponent
            let got = result.findings(forForm: index).map {
                "\($0.ruleID) \($0.location.fieldPath ?? "-") \($0.expected ?? "-") \($0.actual ?? "-")"
            }.sorted()
            #expect(got == (Self.expected[name] ?? []).sorted(), "\(policyID): \(name)")
        }
        #expect(
            !result.findings.contains { $0.severity == .error && $0.location.file.contains("209100") },
            "seed 000's arithmetic is right: no error-level finding")
    }
}
