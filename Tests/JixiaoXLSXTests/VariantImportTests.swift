import Foundation
import JixiaoCore
import JixiaoFormats
import Testing

@testable import JixiaoXLSX

/// The same printed form, laid out differently on the sheet, imports to the same model
/// (variants made by Fixtures/make_variants.py).
@Suite struct VariantImportTests {
    static let layouts = ["shifted", "unmerged", "shifted-unmerged", "split", "inline"]

    static let cases: [(variant: String, form: String)] = layouts.flatMap { layout in
        XLSXTestSupport.seedForms.map { ("variants/\(layout)-\($0.fixture)", $0.form) }
    }

    @Test(arguments: cases.map(\.variant))
    func variantImportsLikeTheTranscription(_ variant: String) throws {
        let form = try #require(Self.cases.first { $0.variant == variant }?.form)
        try XLSXTestSupport.expectImports(variant, as: form)
    }

    @Test func qualitativeNoteColumnIsReadWhenPresent() throws {
        let notes = [
            "培训需求满足度": "培训内容满足各地经办需求", "培训（会议）时间": "均按年度计划时间召开",
            "专项工作推进程度": "专项整治按期推进",
        ]
        let result = try XLSXTestSupport.importOne(XLSXTestSupport.fixture("variants/qualitative-会议培训费.xlsx"))
        #expect(result.unreadable.isEmpty, "\(result.unreadable)")
        let imported = try #require(result.forms.first)
        guard case .selfEvaluation(var expected) = try XLSXTestSupport.transcription("2023/209100-山西省社会保险局/会议培训费.yaml")
        else {
            Issue.record("transcription is not a self-evaluation")
            return
        }
        for index in expected.indicators.indices {
            expected.indicators[index].qualitativeNote = notes[expected.indicators[index].name] ?? ""
        }
        #expect(
            XLSXTestSupport.difference(imported.form, .selfEvaluation(expected)) == nil,
            "\(XLSXTestSupport.difference(imported.form, .selfEvaluation(expected)) ?? "")")
    }

    @Test func everySheetAndEveryFormOnASheetIsRead() throws {
        let result = try XLSXTestSupport.importOne(XLSXTestSupport.fixture("variants/multi-form.xlsx"))
        #expect(result.unreadable.isEmpty, "\(result.unreadable)")
        #expect(result.forms.map(\.origin) == ["工作表“自评表” A3 起", "工作表“自评表” B39 起", "工作表“目标表”"])
        try XLSXTestSupport.expect(
            result.forms,
            as: [
                "2023/209100-山西省社会保险局/会议培训费.yaml",
                "2023/209105-山西省工伤保险管理服务中心/社会保障卡工本费支出.yaml",
                "2026/山西省社会保险局/维修维护费.yaml",
            ])
    }

    @Test func formsSideBySideAreReadApart() throws {
        let result = try XLSXTestSupport.importOne(XLSXTestSupport.fixture("variants/side-by-side.xlsx"))
        #expect(result.unreadable.isEmpty, "\(result.unreadable)")
        #expect(result.forms.map(\.origin) == ["工作表“Sheet” A3 起", "工作表“Sheet” L5 起"])
        try XLSXTestSupport.expect(
            result.forms,
            as: [
                "2023/209100-山西省社会保险局/会议培训费.yaml",
                "2026/山西省社会保险局/社保数据治理费.yaml",
            ])
    }

    @Test func unmappableSheetsAreReportedBesideTheFormsThatWereRead() throws {
        let result = try XLSXTestSupport.importOne(XLSXTestSupport.fixture("variants/partly-unreadable.xlsx"))
        #expect(result.forms.map(\.form.project) == ["维修维护费"])
        #expect(result.unreadable.count == 2)
        let header = try #require(result.unreadable.first)
        #expect(header.location == "工作表“自评表” A3 起")
        #expect(
            header.reason.contains("“分值”") && header.reason.contains("“得分”") && header.reason.contains("第 11 行"),
            "\(header.reason)")
        let loose = try #require(result.unreadable.last)
        #expect(loose.location == "工作表“指标”")
        #expect(loose.reason.contains("找不到“项目名称”"), "\(loose.reason)")
    }

    @Test func workbookWithoutAnyFormIsAnError() throws {
        let url = XLSXTestSupport.fixture("variants/no-form.xlsx")
        #expect {
            _ = try XLSXImporter().importForms(from: url)
        } throws: { error in
            guard let error = error as? ImportError else { return false }
            return error.problem.contains("“通讯录”") && error.problem.contains("找不到项目支出绩效自评表或目标表")
        }
    }
}
