import JixiaoCore
import Testing

/// Runs every rule's own examples (SwiftLint-style): passing examples produce nothing, failing examples
/// produce exactly the expected findings (rule id, form, field path, expected and actual numbers).
@Suite struct CheckConformanceTests {
    static let ids = CheckRegistry.all.map { $0.description.id }

    func run(_ check: any Check.Type, _ example: CheckExample) -> [Finding] {
        let runner = CheckRunner(
            checks: [check], policy: example.policy,
            configuration: CheckConfiguration(only: [check.description.id]))
        let disclosure = example.disclosure.map { Disclosure(document: "example", forms: example.forms, text: $0) }
        #expect(
            (check.description.scope == .disclosure) == (disclosure != nil),
            "\(check.description.id) example at \(example.file):\(example.line): document rules, and only they, need the document text"
        )
        return runner.run(
            example.forms.enumerated().map { CheckRunner.Input(file: "example-\($0.offset)", form: $0.element) },
            disclosure: disclosure
        ).findings
    }

    @Test(arguments: ids)
    func passingExamplesProduceNoFinding(id: String) throws {
        let check = try #require(CheckRegistry.check(id: id))
        #expect(!check.description.passing.isEmpty, "\(id) has no passing example")
        for example in check.description.passing {
            let findings = run(check, example)
            #expect(
                findings.isEmpty,
                "\(id) example at \(example.file):\(example.line) should pass: \(findings.map(\.message))")
        }
    }

    @Test(arguments: ids)
    func failingExamplesProduceExactlyTheExpectedFindings(id: String) throws {
        let check = try #require(CheckRegistry.check(id: id))
        #expect(!check.description.failing.isEmpty, "\(id) has no failing example")
        for example in check.description.failing {
            let findings = run(check, example)
            #expect(findings.allSatisfy { $0.ruleID == id })
            let got = findings.map { ($0.location.formIndex, $0.location.fieldPath ?? "") }.sorted { "\($0)" < "\($1)" }
            let want = example.expected.map { ($0.formIndex, $0.fieldPath ?? "") }.sorted { "\($0)" < "\($1)" }
            #expect(
                got.map { "\($0.0):\($0.1)" } == want.map { "\($0.0):\($0.1)" },
                "\(id) example at \(example.file):\(example.line)")
            for expected in example.expected {
                let match = findings.first {
                    $0.location.formIndex == expected.formIndex && $0.location.fieldPath == expected.fieldPath
                }
                if let value = expected.expected {
                    #expect(match?.expected == value, "\(id) expected value at \(example.line)")
                }
                if let value = expected.actual {
                    #expect(match?.actual == value, "\(id) actual value at \(example.line)")
                }
                if let value = expected.severity {
                    #expect(match?.severity == value, "\(id) severity at \(example.line)")
                }
            }
        }
    }

    @Test func exampleFormsPassTheWholeCatalogue() {
        for policy in ScoringPolicy.builtIn {
            let inputs = [
                CheckRunner.Input(file: "se", form: ExampleForms.selfEvaluation()),
                CheckRunner.Input(file: "tg", form: ExampleForms.targetTable()),
            ]
            let findings = CheckRunner(policy: policy).run(inputs).findings
            #expect(findings.isEmpty, "\(policy.id): \(findings.map { "\($0.ruleID) \($0.message)" })")
        }
    }

    @Test func identifiersAreUniqueAndWellFormed() {
        let descriptions = CheckRegistry.all.map { $0.description }
        #expect(Set(descriptions.map(\.id)).count == descriptions.count)
        #expect(Set(descriptions.map(\.slug)).count == descriptions.count)
        for description in descriptions {
            #expect(description.id.wholeMatch(of: /(SE|TG|XF|DS)\.[A-Z]+\.\d{3}/) != nil, "\(description.id)")
            #expect(description.slug.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil, "\(description.slug)")
            #expect(!description.name.isEmpty && !description.summary.isEmpty && !description.basis.isEmpty)
        }
    }
}
