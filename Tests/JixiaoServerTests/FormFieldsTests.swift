import Foundation
import JixiaoCore
import JixiaoFormats
import Testing

@testable import JixiaoServer

@Suite struct FormFieldsTests {
    let form = ExampleForms.selfEvaluationValue()

    @Test func everyFieldIsNamedByTheCheckPathsAndAppliesBack() throws {
        let fields = FormFields.flatten(form)
        #expect(fields.contains { $0.path == "indicators[3].score" && $0.value == "10" })
        #expect(fields.contains { $0.path == "funds.total.executed" && $0.value == "100" })
        #expect(fields.contains { $0.path == "funds.sources[0].source" && $0.value == "省级财政资金" })
        #expect(fields.contains { $0.path == "analysis.problems" })
        #expect(Set(fields.map(\.path)).count == fields.count)
        let map = Dictionary(uniqueKeysWithValues: fields.map { ($0.path, $0.value) })
        #expect(try FormFields.apply(map, to: form) == form)
    }

    @Test func applyingChangesOnlyTheNamedFields() throws {
        let edited = try FormFields.apply(["indicators[0].actual": "8台", "total": "97.5", "projectCode": ""], to: form)
        #expect(edited.indicators[0].actual.quantity?.number == 8)
        #expect(edited.printedTotal.value == Decimal(string: "97.5"))
        #expect(edited.projectCode == nil, "an absent optional column stays absent when left empty")
        #expect(
            FormFields.changes(from: form, to: edited) == [
                FieldChange(path: "indicators[0].actual", old: "11台", new: "8台"),
                FieldChange(path: "total", old: "100", new: "97.5"),
            ])
    }

    @Test func rowsAreAddedAndRemovedThroughTheirCount() throws {
        let longer = try FormFields.apply(
            ["indicators.count": "7", "indicators[6].name": "新指标", "funds.sources.count": "0"], to: form)
        #expect(longer.indicators.count == 7 && longer.indicators[6].name == "新指标")
        #expect(longer.funds.sources.isEmpty)
        let changes = FormFields.changes(from: form, to: longer)
        #expect(changes.contains(FieldChange(path: "indicators[6].name", old: "", new: "新指标")))
        #expect(changes.contains(FieldChange(path: "funds.sources[0].source", old: "省级财政资金", new: "")))
    }

    @Test(arguments: [
        "nope", "indicators[6].name", "indicators[0].nope", "indicators[x].name", "funds.total.source",
        "funds.sources[1].rate", "goals.nope", "analysis", "indicators[00000001].name",
    ])
    func unknownOrOutOfRangeFieldsAreRefused(_ path: String) {
        #expect(throws: FormFields.FieldError.self) { try FormFields.apply([path: "1"], to: form) }
    }

    @Test func labelsAreChinese() {
        #expect(FieldLabels.label("indicators[2].weight") == "第 3 行指标·分值")
        #expect(FieldLabels.label("funds.total.executed") == "资金总额·全年执行数")
        #expect(FieldLabels.label("funds.sources[0].declared") == "资金来源第 1 行·目标申报数")
        #expect(FieldLabels.label("analysis.problems") == "存在的主要问题及原因分析")
    }

    @Test func aDraftFromTheTargetTableCarriesIndicatorsTargetsAndDeclaredFunds() throws {
        let forms = FormLocatorForms.load("Forms/2026/山西省社会保险局/维修维护费.yaml")
        guard case .targetTable(let table) = forms else {
            Issue.record("not a target table")
            return
        }
        let unit = BudgetUnit(id: 1, code: "209100", name: "山西省社会保险局")
        let draft = TargetDraft.selfEvaluation(from: table, unit: unit)
        #expect(draft.year == 2026 && draft.project == "维修维护费")
        #expect(draft.agency.text == "209100-山西省社会保险局")
        #expect(draft.funds.total.declared.text == "53.86", "538,600 元 ÷ 10000")
        #expect(draft.funds.sources.map(\.source) == ["省级财政资金"])
        #expect(draft.funds.total.fullYearBudget.isBlank && draft.funds.total.executed.isBlank)
        #expect(draft.indicators.count == 6, "template rows left out")
        #expect(draft.indicators[1].name == "设备故障修复处理时间", "the 年度 name cut short is completed from 实施期")
        #expect(draft.indicators[1].level1 == "产出指标")
        #expect(draft.indicators.allSatisfy { $0.weight.isBlank && $0.score.isBlank && $0.actual.isEmpty })
        #expect(draft.indicators[0].initialTarget.text == "≥30台" && draft.indicators[0].adjustedTarget.text == "≥30台")
        #expect(draft.goals.annual.hasPrefix("满足业务需求"))
    }
}

enum FormLocatorForms {
    static func load(_ relative: String) -> Form? {
        let url = CLIPaths.root.appendingPathComponent(relative)
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try? JixiaoFormats.FormFileReader.read(data, file: relative)
    }
}

@Suite struct FormCacheTests {
    func stored(_ id: Int64, version: Int) -> StoredForm {
        StoredForm(
            record: FormRecord(
                id: id, kind: .selfEvaluation, unitID: 1, year: 2023, project: "p", state: .draft,
                version: version, targetID: nil, figures: nil, updatedAt: Date()),
            form: ExampleForms.selfEvaluation())
    }

    @Test func onlyTheCachedVersionIsAHitAndTheOldestGoFirst() {
        let cache = FormCache(capacity: 2)
        cache.insert(stored(1, version: 1))
        #expect(cache.form(1, version: 1) != nil)
        #expect(cache.form(1, version: 2) == nil, "a newer version is a miss")
        cache.insert(stored(2, version: 1))
        cache.insert(stored(3, version: 1))
        #expect(cache.form(1, version: 1) == nil, "evicted")
        #expect(cache.form(2, version: 1) != nil && cache.form(3, version: 1) != nil)
        cache.insert(stored(3, version: 2))
        #expect(cache.form(3, version: 2) != nil && cache.form(2, version: 1) != nil)
    }
}
