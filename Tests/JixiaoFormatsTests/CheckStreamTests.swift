import Foundation
import JixiaoCore
import Testing

@testable import JixiaoFormats

/// `jixiao check`'s streaming report (per-form parts spooled, cross-form findings merged in afterwards) says
/// exactly what the catalogue says over the same forms in memory, in the same order, on every run.
@Suite struct CheckStreamTests {
    /// Forms whose findings come from both passes: a duplicate pair, near-duplicates, a self-evaluation with
    /// its target table (whose 年度 value differs), and an input that is not a form between them.
    struct Mixed: FormSource {
        static let forms: [Form?] = [
            ExampleForms.selfEvaluation { $0.indicators[0].score = "16" },
            ExampleForms.targetTable { $0.indicators.annual[0].value = IndicatorValue("≥12台") },
            nil,
            ExampleForms.selfEvaluation { $0.indicators[0].score = "16" },
            ExampleForms.selfEvaluation { $0.project = "其他项目" },
            ExampleForms.selfEvaluation {
                $0.project = "第三个项目"
                $0.agency = CodedName("209105-示例中心")
            },
        ]

        var count: Int { Self.forms.count }
        func label(at position: Int) -> String { "省/\(position).yaml" }
        func form(at position: Int) throws(FormFileError) -> Form {
            guard let form = Self.forms[position] else {
                throw FormFileError(file: label(at: position), line: 1, column: 1, problem: "坏", fix: "修")
            }
            return form
        }

        var inputs: [CheckRunner.Input] {
            Self.forms.indices.compactMap { position in
                Self.forms[position].map { CheckRunner.Input(file: label(at: position), form: $0) }
            }
        }
    }

    func report(_ format: CheckStream.Format) throws -> (text: String, outcome: CheckStream.Outcome) {
        var text = ""
        let outcome = try CheckStream(
            policy: .national, configuration: CheckConfiguration(), baseline: nil, format: format
        ).write(Mixed(), to: &text)
        return (text, outcome)
    }

    @Test func theStreamedReportHoldsTheCataloguesFindingsInOrder() throws {
        let expected = CheckRunner(policy: .national).run(Mixed().inputs)
        #expect(expected.findings.contains { $0.ruleID == "XF.DUP.010" })
        #expect(expected.findings.contains { $0.ruleID == "XF.DUP.020" })
        #expect(expected.findings.contains { $0.ruleID == "XF.TGSE.010" })
        let (json, outcome) = try report(.json)
        #expect(outcome.unreadable.map(\.file) == ["省/2.yaml"])
        #expect(outcome.forms == 5)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let forms = try #require(root["forms"] as? [[String: Any]])
        #expect(forms.map { $0["file"] as? String } == ["省/0.yaml", "省/1.yaml", "省/3.yaml", "省/4.yaml", "省/5.yaml"])
        let streamed: [[String?]] = forms.flatMap { $0["findings"] as? [[String: Any]] ?? [] }.map { finding in
            let location = finding["location"] as? [String: Any] ?? [:]
            return [
                finding["ruleId"] as? String, location["form"].map { "\($0)" }, location["fieldPath"] as? String,
                finding["severity"] as? String, finding["expected"] as? String,
                (finding["related"] as? [String])?.joined(separator: ","),
                (finding["group"] as? [String: Any])?["id"] as? String,
            ]
        }
        let inMemory: [[String?]] = expected.findings.map { finding in
            [
                finding.ruleID, finding.location.formIndex.map { "\($0)" }, finding.location.fieldPath,
                finding.severity.rawValue, finding.expected, finding.related.joined(separator: ","), finding.group?.id,
            ]
        }
        #expect(streamed == inMemory)
        let summary = try #require(root["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == expected.findings.filter { $0.severity == .error }.count)
        #expect(summary["notices"] as? Int == expected.findings.filter { $0.severity == .notice }.count)
        let groups = try #require(root["groups"] as? [[String: Any]])
        #expect(groups.map { $0["id"] as? String } == expected.groups.map(\.id))
        #expect(groups.first?["members"] as? [String] == ["省/0.yaml", "省/3.yaml"])
    }

    @Test func everyFormatIsTheSameBytesOnEveryRun() throws {
        for format in CheckStream.Format.allCases {
            let first = try report(format).text
            #expect(try report(format).text == first, "\(format)")
            if format != .text {
                #expect(try JSONSerialization.jsonObject(with: Data(first.utf8)) is [String: Any], "\(format)")
            }
        }
        let text = try report(.text).text
        #expect(text.contains("重复与疑似重复的表单（每组一项，列出全部表单）："))
        #expect(text.contains("    省/0.yaml\n    省/3.yaml\n"))
    }
}
