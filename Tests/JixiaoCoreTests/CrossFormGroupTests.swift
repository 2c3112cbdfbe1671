import Testing

@testable import JixiaoCore

/// Cross-form rules at a province's scale: forms sharing a key are reported as one group, whatever their
/// number, and a group's id does not depend on the run or the order of the forms.
@Suite struct CrossFormGroupTests {
    /// `count` self-evaluations of different units and projects, all with the example's indicator table.
    static func copiedTemplate(_ count: Int) -> [CheckRunner.Input] {
        (0..<count).map { index in
            CheckRunner.Input(
                file: "省/\(index).yaml",
                form: ExampleForms.selfEvaluation {
                    $0.project = "项目\(index)"
                    $0.agency = CodedName("\(300000 + index)-单位\(index)")
                })
        }
    }

    static func run(_ check: any Check.Type, _ inputs: [CheckRunner.Input]) -> CheckRunner.Result {
        CheckRunner(checks: [check], policy: .national).run(inputs)
    }

    @Test func nearDuplicatesOf2000FormsAreOneGroupOf2000() throws {
        let inputs = Self.copiedTemplate(2000)
        let result = Self.run(NearDuplicateFormCheck.self, inputs)
        #expect(result.findings.count == 2000, "one finding per form, not one per pair (1 999 000)")
        let group = try #require(result.groups.first)
        #expect(result.groups.count == 1)
        #expect(group.members == Array(0..<2000))
        #expect(group.ruleID == "XF.DUP.020")
        #expect(group.summary == "2023年度自评表，6 个指标逐项相同，涉及 2000 个项目名称")
        // The id is a hash of kind, year and table: the same in every run and process (no `Hasher` seed).
        #expect(group.id == "XF.DUP.020-7b0f8ca067d77342")
        for (index, finding) in result.findings.enumerated() {
            #expect(finding.location.formIndex == index)
            #expect(finding.group == FormGroup.Membership(id: group.id, size: 2000))
            #expect(finding.related.count == FormGroup.namedMembers)
            #expect(!finding.related.contains(inputs[index].file))
        }
        #expect(result.findings[0].related == ["省/1.yaml", "省/2.yaml", "省/3.yaml", "省/4.yaml", "省/5.yaml"])
        #expect(
            result.findings[1].message
                == "指标表与另外 1999 张2023年度自评表（如项目“项目0”）的 6 个指标逐项相同，但项目名称不同（本表“项目1”）：请确认是否复制后改名")
    }

    @Test func groupIdsDoNotDependOnTheRunOrTheOrder() {
        let inputs = Self.copiedTemplate(50)
        let first = Self.run(NearDuplicateFormCheck.self, inputs).groups.map(\.id)
        let again = Self.run(NearDuplicateFormCheck.self, inputs).groups.map(\.id)
        let reversed = Self.run(NearDuplicateFormCheck.self, inputs.reversed()).groups.map(\.id)
        #expect(first == again)
        #expect(first == reversed)
        #expect(first == ["XF.DUP.020-7b0f8ca067d77342"])
        // Another table is another group.
        let other = Self.copiedTemplate(3).map { input in
            guard case .selfEvaluation(var form) = input.form else { return input }
            form.indicators[0].weight = "20"
            return CheckRunner.Input(file: input.file, form: .selfEvaluation(form))
        }
        #expect(Self.run(NearDuplicateFormCheck.self, other).groups.map(\.id) != first)
    }

    @Test func twoThousandCopiesOfOneFormAreOneDuplicateGroup() throws {
        let inputs = (0..<2000).map { CheckRunner.Input(file: "省/\($0).yaml", form: ExampleForms.selfEvaluation()) }
        let result = Self.run(DuplicateFormCheck.self, inputs)
        let group = try #require(result.groups.first)
        #expect(result.groups.count == 1 && group.members.count == 2000)
        #expect(result.findings.count == 2000)
        #expect(result.findings.map(\.severity) == [.notice] + Array(repeating: .warning, count: 1999))
        #expect(result.findings.allSatisfy { $0.group?.id == group.id })
        #expect(group.id == "XF.DUP.010-" + FormIdentity(ExampleForms.selfEvaluation()).stableHash.hex)
    }

    /// A self-evaluation meets one target table, even when its table was published many times.
    @Test func aSelfEvaluationIsPairedWithItsFirstTableOnly() {
        let forms = [ExampleForms.selfEvaluation()] + Array(repeating: ExampleForms.targetTable(), count: 300)
        let pairs = FormIndex(forms).targetPairs
        #expect(pairs.map(\.evaluation) == [0])
        #expect(pairs.map(\.table) == [1])
    }

    /// FNV-1a 128 test vectors (the offset basis for no input; "a").
    @Test func stableHashIsFNV1a128() {
        var empty = StableHash()
        #expect((empty.high, empty.low) == (0x6c62_272e_07bb_0142, 0x62b8_2175_6295_c58d))
        empty.add(UInt8(ascii: "a"))
        #expect((empty.high, empty.low) == (0xd228_cb69_6f1a_8caf, 0x7891_2b70_4e4a_8964))
    }
}
