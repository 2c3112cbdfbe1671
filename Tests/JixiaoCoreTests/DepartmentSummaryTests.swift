import Foundation
import JixiaoCore
import Testing

/// The department summary on small example forms: grouping, duplicate removal, sums before rounding,
/// recomputed grades and the sentence.
@Suite struct DepartmentSummaryTests {
    /// The example self-evaluation under another project name, with the budget executed as given (万元).
    static func form(
        _ project: String, budget: String = "100", executed: String = "100",
        agency: String = "209100-示例局", year: Int = 2023
    ) -> SelfEvaluation {
        ExampleForms.selfEvaluationValue {
            $0.project = project
            $0.year = year
            $0.agency = CodedName(agency)
            $0.funds.total = SelfEvaluation.FundsRow(
                declared: EnteredNumber(budget), compiled: EnteredNumber(budget),
                fullYearBudget: EnteredNumber(budget), executed: EnteredNumber(executed))
            $0.funds.sources = []
        }
    }

    @Test func sumsFirstAndRoundsOnce() throws {
        // Seed 003's executed amounts: Σ = 280.165 → 280.17; rounding each term first would give 280.16.
        let forms = [
            Self.form("甲", budget: "91.45", executed: "91.45"), Self.form("乙", budget: "26.3", executed: "26.3"),
            Self.form("丙", budget: "262", executed: "157.951"), Self.form("丁", budget: "10", executed: "4.464"),
        ]
        let unit = try #require(DepartmentSummary(forms, policy: .national).units.first)
        #expect(unit.total(.executed) == Decimal(string: "280.17")!)
        #expect(unit.total(.fullYearBudget) == Decimal(string: "389.75")!)
        #expect(unit.sentence(funds: .executed).contains("涉及资金280.17万元"))
    }

    @Test func sentenceCountsRecomputedGrades() throws {
        // 丙: 50 of 100 executed → execution score 5, total 95, still 优; 丁: printed 100 优, but its indicator
        // scores add up to 70 → 10 + 70 = 80 → 良.
        let lowered = ExampleForms.selfEvaluationValue {
            $0.project = "丁"
            $0.indicators[4].score = "10"
        }
        let forms = [Self.form("甲"), Self.form("丙", executed: "50"), lowered]
        let unit = try #require(DepartmentSummary(forms, policy: .national).units.first)
        #expect(
            unit.sentence(funds: .executed)
                == "2023年二级项目绩效自评个数3个，涉及资金250.00万元：2个项目自评等级为“优”，1个项目自评等级为“良”，0个项目自评等级为“中”，0个项目自评等级为“差”。")
        #expect(unit.printedGrades[.excellent] == 3)
        #expect(unit.recomputedGrades[.excellent] == 2 && unit.recomputedGrades[.good] == 1)
        #expect(unit.warnings == ["“丁”表上等级“优”（总分 100），重算为“良”（80.00）；汇总句按重算等级计数"])
    }

    @Test func exactDuplicatesAreCountedOnceAndReported() throws {
        var copy = Self.form("甲")
        copy.source = SourceReference(document: "另一份公开文件.txt", firstLine: 10)
        let forms = [Self.form("甲"), copy, Self.form("乙", executed: "90"), Self.form("乙", executed: "80")]
        let unit = try #require(DepartmentSummary(forms, policy: .national).units.first)
        #expect(unit.entries.map(\.duplicateOf) == [nil, 0, nil, nil])
        #expect(unit.formCount == 3)
        #expect(unit.total(.executed) == 270)
        #expect(
            unit.warnings == [
                "“甲”有 2 张内容完全相同的自评表，只计 1 个；按附表张数计数会多计 1 个项目",
                "“乙”有 2 张内容不同的自评表，都已计入个数和涉及资金：请核对是否重复填报",
            ])
    }

    @Test func groupsByUnitCodeAndYearInOrderOfAppearance() {
        let forms = [
            Self.form("甲", agency: "209105-示例中心"), Self.form("乙"), Self.form("丙", agency: "209105-示例服务中心"),
            Self.form("丁", year: 2024), Self.form("戊", agency: "示例所"),
        ]
        let units = DepartmentSummary(forms, policy: .national).units
        #expect(
            units.map { "\($0.year) \($0.unit.text) \($0.formCount)" }
                == ["2023 209105-示例中心 2", "2023 209100-示例局 1", "2024 209100-示例局 1", "2023 示例所 1"])
    }

    @Test func declaredAmountFallsBackToSourcesAndUnreadableAmountsAreLeftOut() throws {
        var fromSources = ExampleForms.selfEvaluationValue { $0.project = "甲" }
        fromSources.funds.total.declared = ""
        let unreadable = ExampleForms.selfEvaluationValue {
            $0.project = "乙"
            $0.funds.total.declared = "一百"
        }
        let unit = try #require(DepartmentSummary([fromSources, unreadable], policy: .national).units.first)
        #expect(unit.total(.declared) == 100)
        #expect(unit.unreadable(.declared).map(\.form.project) == ["乙"])
        #expect(unit.warnings == ["“乙”的年初预算数（目标申报数）“一百”无法读取，未计入该口径的合计"])
    }
}

/// Name folding and form identity, which duplicates, target pairs and the summary all key on.
@Suite struct FormIdentityTests {
    @Test func foldsWhitespaceWidthsAndBrackets() {
        #expect(NameFolding.key("培训（会议）时间") == NameFolding.key("培训(会议)时间"))
        #expect(NameFolding.key("示例项目 【一期】") == NameFolding.key("示例项目[一期]"))
        #expect(NameFolding.key("ＡＢＣ１２３，") == NameFolding.key("ABC123,"))
        #expect(NameFolding.key("示例项目") != NameFolding.key("示例项目一期"))
    }

    @Test func projectCodeWinsOverName() {
        let a = ExampleForms.selfEvaluation {
            $0.projectCode = "14000023T000000012345"
            $0.project = "职教教补助"
        }
        let b = ExampleForms.selfEvaluation {
            $0.projectCode = "14000023T000000012345"
            $0.project = "职数教龄补助"
        }
        #expect(FormIdentity(a) == FormIdentity(b))
        #expect(FormIdentity(ExampleForms.selfEvaluation()) != FormIdentity(ExampleForms.targetTable()))
    }
}
