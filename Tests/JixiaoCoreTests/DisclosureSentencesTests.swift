import Foundation
import JixiaoCore
import Testing

/// Reading the summary sentences of published documents: the printed templates of the seeds and the other
/// wordings units use.
@Suite struct DisclosureSentencesTests {
    static func lines(_ text: String) -> [DocumentLine] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { DocumentLine(number: $0.offset + 1, text: String($0.element)) }
    }

    @Test func seed000SentenceWithItsTrailingRemark() throws {
        let text =
            "2023年二级项目绩效自评个数6个，涉及资金774.64万元：5个项目自评等级为“优”，1个项目自评等级为“良”，0个项目自评等级为“中”，0个项目自评等级为“差”。我单位没有自评结果为“中”“和”“差”的项目。"
        let sentence = try #require(SummarySentence(text, line: 522))
        #expect(sentence.year == 2023)
        #expect(sentence.formCount == 6)
        #expect(sentence.involvedFunds?.text == "774.64")
        #expect(sentence.grades == [.excellent: 5, .good: 1, .fair: 0, .poor: 0])
        #expect(sentence.line == 522)
    }

    @Test func otherWordings() throws {
        let short = try #require(SummarySentence("2024年度共开展绩效自评的二级项目12个，涉及资金1,234.5万元，其中优10个、良1个、中1个。", line: 1))
        #expect(short.year == 2024)
        #expect(short.formCount == 12)
        #expect(short.involvedFunds?.value == Decimal(string: "1234.5"))
        #expect(short.grades == [.excellent: 10, .good: 1, .fair: 1])

        let graded = try #require(SummarySentence("2023年项目绩效自评个数为3个，涉及资金共计12.00万元：自评等级为优的项目2个，自评等级为良的项目1个。", line: 1))
        #expect(graded.formCount == 3)
        #expect(graded.grades == [.excellent: 2, .good: 1])

        // Full-width digits, an amount in 元.
        let yuan = try #require(SummarySentence("２０２３年二级项目绩效自评个数２个，涉及资金1,500,000元：2个项目自评等级为“优”。", line: 1))
        #expect(yuan.formCount == 2)
        #expect(yuan.involvedFunds?.value == 150)
        #expect(yuan.grades == [.excellent: 2])
    }

    @Test func firstLevelProjectsAndPlainFunds() throws {
        let first = try #require(
            SummarySentence("2023年度本部门开展绩效自评的一级项目共3个，资金1234.56万元，其中优2个、良1个。", line: 7))
        #expect(first.formCount == 3)
        #expect(first.involvedFunds?.text == "1234.56")
        #expect(first.grades == [.excellent: 2, .good: 1])

        let counted = try #require(SummarySentence("2024年一级项目绩效自评个数2个，资金共计56.08万元：2个项目自评等级为“优”。", line: 1))
        #expect(counted.formCount == 2)
        #expect(counted.involvedFunds?.value == Decimal(string: "56.08"))

        let budget = try #require(BudgetSentence("2026年纳入绩效目标管理的一级项目4个，资金3,210.50万元。", line: 1))
        #expect(budget.projectCount == 4)
        #expect(budget.amount?.text == "3,210.50")
    }

    /// “对N个项目开展了绩效自评…。自评结果为：…个项目为“良””: the count before its phrase, the grades in the next
    /// sentence, on the same line or the next.
    @Test func gradeCountsAfterSelfEvaluationResult() throws {
        let result = "自评结果为：3个项目自评等级为“优”，2个项目为“良”，0个项目为“中”，0个项目为“差”。"
        let opening = "2023年度我局对5个二级项目开展了绩效自评，涉及资金1,018.32万元。"
        for text in [opening + result, opening + "\n" + result] {
            let found = DisclosureSentences.find(in: Self.lines("（三）项目支出绩效自评情况\n" + text))
            let sentence = try #require(found.summary.first)
            #expect(found.summary.count == 1)
            #expect(sentence.line == 2)
            #expect(sentence.formCount == 5)
            #expect(sentence.involvedFunds?.text == "1,018.32")
            #expect(sentence.grades == [.excellent: 3, .good: 2, .fair: 0, .poor: 0])
        }
        let colon = try #require(SummarySentence("2023年二级项目绩效自评个数4个，自评结果为：优3个，良1个。", line: 1))
        #expect(colon.grades == [.excellent: 3, .good: 1])
    }

    @Test func scoresNarratedInProse() throws {
        let found = DisclosureSentences.find(
            in: Self.lines(
                """
                （一）社会保险经办专项业务工作经费项目
                该项目预算执行情况得分9.5分，绩效指标完成情况得分86分，总分95.5分，自评等级为“优”。
                维修维护费项目产出指标（50分）得分48分，效益指标得分29.5分，满意度指标得分10分；自评得分为97.5分。
                部门整体绩效自评得分96分。
                """))
        #expect(found.summary.isEmpty && found.budget.isEmpty)
        #expect(found.narrations.count == 3)
        let first = found.narrations[0]
        #expect(first.line == 2)
        #expect(first.scores == [.execution: "9.5", .indicators: "86", .total: "95.5"])
        #expect(first.context.last == "（一）社会保险经办专项业务工作经费项目")
        #expect(found.narrations[1].scores == [.output: "48", .benefit: "29.5", .satisfaction: "10"])
        #expect(found.narrations[2].scores == [.total: "97.5"])
        #expect(found.narrations[2].context.dropFirst().first?.hasPrefix("维修维护费项目") == true)
    }

    /// A count that includes a form printed twice says how many of its N are copies, on both sides.
    @Test func aCountIncludingACopySaysHowManyAreCopies() throws {
        let other = ExampleForms.selfEvaluation { $0.project = "另一项目" }
        let forms = [ExampleForms.selfEvaluation(), other, ExampleForms.selfEvaluation()]
        let text = "2023年二级项目绩效自评个数3个，涉及资金200.00万元：2个项目自评等级为“优”。"
        let disclosure = Disclosure(document: "d", forms: forms, text: text)
        let findings = CheckRunner(checks: [SentenceFormCountCheck.self], policy: .national)
            .run(forms.map { CheckRunner.Input(file: "d", form: $0) }, disclosure: disclosure).findings
        let count = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(count.expected == "2" && count.actual == "3")
        #expect(count.message.contains("句中的 3 个中有 1 个是重复公开的表：“示例项目”印了 2 次；不重复的表为 2 张"))

        let tables = [
            ExampleForms.targetTable(), ExampleForms.targetTable { $0.project = "另一项目" }, ExampleForms.targetTable(),
        ]
        let budget = Disclosure(
            document: "d", forms: tables, text: ExampleForms.budgetSentence(count: 3, amount: "200.00", categories: []))
        let budgetFindings = CheckRunner(checks: [BudgetSentenceTotalsCheck.self], policy: .national)
            .run(tables.map { CheckRunner.Input(file: "d", form: $0) }, disclosure: budget).findings
        #expect(budgetFindings.map(\.expected) == ["2"])
        #expect(
            budgetFindings.first?.message.contains("句中的 3 个中有 1 个是重复公开的表：“示例项目”印了 2 次；不重复的表为 2 张") == true)
        // A count that is neither: how many copies were left out.
        let four = Disclosure(
            document: "d", forms: tables, text: ExampleForms.budgetSentence(count: 4, amount: "200.00", categories: []))
        let fourFindings = CheckRunner(checks: [BudgetSentenceTotalsCheck.self], policy: .national)
            .run(tables.map { CheckRunner.Input(file: "d", form: $0) }, disclosure: four).findings
        #expect(fourFindings.first?.message.contains("（共印 3 张，其中 1 张与另一张完全相同，只计一次：“示例项目”印了 2 次）") == true)
    }

    @Test func notASummarySentence() {
        #expect(SummarySentence("附件：“优”等级5个二级项目绩效自评表", line: 1) == nil)
        #expect(SummarySentence("2023年度政府采购支出总额258.15万元。", line: 1) == nil)
    }

    @Test func aSentenceWrappedOverLinesIsReadWhole() throws {
        let found = DisclosureSentences.find(
            in: Self.lines(
                """
                （四）预算绩效情况说明
                2023年二级项目绩效自评个数4个，涉及资金407.75万元：4个项目自评等级为“优”，
                0个项目自评等级为“良”，0个项目自评等级为“中”，
                0个项目自评等级为“差”。
                附件：二级项目绩效自评表
                """))
        #expect(found.budget.isEmpty)
        let sentence = try #require(found.summary.first)
        #expect(found.summary.count == 1)
        #expect(sentence.line == 2)
        #expect(sentence.grades == [.excellent: 4, .good: 0, .fair: 0, .poor: 0])
    }

    @Test func seed002BudgetSentence() throws {
        let text =
            "2026年山西省社会保险局纳入绩效目标管理的二级项目10个，共计金额261,894.09万元。其中：其他运转类项目7个，涉及金额259,821.00万元；特定目标类项目3个，涉及金额2,073.09万元。公开项目绩效目标10个，涉及项目金额261,894.09万元，占部门（单位）项目支出总额的100%。其中：其他运转类项目7个，涉及项目金额259,821.00万元；特定目标类项目3个，涉及项目金额2,073.09万元。"
        let sentence = try #require(BudgetSentence(text, line: 462))
        #expect(sentence.year == 2026)
        #expect(sentence.projectCount == 10)
        #expect(sentence.amount?.text == "261,894.09")
        #expect(sentence.categories.map(\.name) == ["其他运转类", "特定目标类"])
        #expect(sentence.categories.map(\.projectCount) == [7, 3])
        #expect(sentence.categories.map(\.amount.text) == ["259,821.00", "2,073.09"])
        #expect(SummarySentence(text, line: 462) == nil)
    }

    @Test func sentencesOfSeveralUnitsCoverTheFormsPrintedAfterThem() {
        let early = ExampleForms.selfEvaluationValue { $0.source = SourceReference(document: "d", firstLine: 3) }
        let late = ExampleForms.selfEvaluationValue {
            $0.project = "另一项目"
            $0.source = SourceReference(document: "d", firstLine: 12)
        }
        let text = """
            2023年二级项目绩效自评个数1个，涉及资金100.00万元：1个项目自评等级为“优”。
            ...
            ...
            ...
            ...
            2023年二级项目绩效自评个数1个，涉及资金100.00万元：1个项目自评等级为“优”。
            """
        let disclosure = Disclosure(document: "d", forms: [.selfEvaluation(early), .selfEvaluation(late)], text: text)
        #expect(disclosure.selfEvaluations(coveredBySummary: 0) == [0])
        #expect(disclosure.selfEvaluations(coveredBySummary: 1) == [1])
        let inputs = disclosure.forms.map { CheckRunner.Input(file: "d", form: $0) }
        let documentFindings = CheckRunner(policy: .national).run(inputs, disclosure: disclosure).findings
            .filter { $0.location.formIndex == nil }
        #expect(documentFindings.isEmpty, "\(documentFindings.map(\.message))")
    }
}

/// DS.BGT.010 searches groupings of the target tables; beyond its bound it stays silent instead of guessing.
@Suite struct BudgetCategoriesSearchTests {
    static func findings(tables: Int, split: [(name: String, count: Int, amount: String)], total: String) -> [Finding] {
        let amounts = (1...tables).map { "\($0 * 10000 + 1)" }  // 1.0001万, 2.0001万, … : no two groupings alike
        let disclosure = Disclosure(
            document: "d", forms: ExampleForms.targetTables(amounts: amounts),
            text: ExampleForms.budgetSentence(count: tables, amount: total, categories: split))
        return CheckRunner(checks: [BudgetCategoriesCheck.self], policy: .national)
            .run(disclosure.forms.map { CheckRunner.Input(file: "d", form: $0) }, disclosure: disclosure).findings
    }

    @Test func aGroupingAmongManyTablesIsFound() {
        // 1…20 万元 (plus 0.0001 each): the five largest make 90.0005万, the other fifteen 120.0015万.
        let split = [(name: "其他运转类", count: 15, amount: "120.0015"), (name: "特定目标类", count: 5, amount: "90.0005")]
        #expect(Self.findings(tables: 20, split: split, total: "210.002").isEmpty)
        let crossed = [(name: "其他运转类", count: 5, amount: "120.0015"), (name: "特定目标类", count: 15, amount: "90.0005")]
        #expect(
            Self.findings(tables: 20, split: crossed, total: "210.002").map(\.expected)
                == ["其他运转类 15 个 120.0015 万元；特定目标类 5 个 90.0005 万元"])
    }

    @Test func tooManyTablesOrGroupingsAreNotJudged() {
        // 25 tables: not searched at all.
        let many = [(name: "其他运转类", count: 12, amount: "1.00"), (name: "特定目标类", count: 13, amount: "324.00")]
        #expect(Self.findings(tables: 25, split: many, total: "325.00").isEmpty)
        // 24 tables split 12/12 into amounts no grouping gives: the search gives up within its budget.
        let even = [(name: "其他运转类", count: 12, amount: "150.00"), (name: "特定目标类", count: 12, amount: "150.0024")]
        #expect(Self.findings(tables: 24, split: even, total: "300.0024").isEmpty)
    }
}
