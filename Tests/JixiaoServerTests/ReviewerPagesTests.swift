import Foundation
import HTTPTypes
import JixiaoCore
import JixiaoFormats
import Testing

@testable import JixiaoServer

/// The reviewer at scale: rule names beside ids, search, sort, pages, the unit by its code, bulk return and
/// approval with one comment, Excel of the list, past batches with their manifests, one zip per batch.
@Suite struct ReviewerPagesTests {
    /// Submits the two fixture forms and a dozen more in unit A.
    static func submitted(_ fixture: Fixture) async throws -> [FormRecord] {
        var records: [FormRecord] = []
        for index in 1...12 {
            let form = ExampleForms.selfEvaluationValue { $0.project = "批量项目\(String(format: "%02d", index))" }
            records.append(
                try await Fixture.insert(form, unit: fixture.unitA.id, state: .submitted, into: fixture.store))
        }
        return records
    }

    @Test func theDashboardIsSearchedSortedPagedAndFilteredByUnitCode() async throws {
        let fixture = try await Fixture()
        _ = try await ReviewerPagesTests.submitted(fixture)
        try await fixture.test { client in
            let admin = try await client.signedIn(fixture.admin)
            let byCode = try await client.get("/review?unit=209105", admin)
            #expect(byCode.status == .ok)
            #expect(byCode.text.contains("<option value=\"\(fixture.unitB.id)\" selected>209105-另一中心</option>"))
            #expect(byCode.text.contains("id=\"form-count\">1<"))
            #expect(byCode.text.contains("计入的状态：草稿、已提交、已退回、已审核、已导出"))
            #expect(byCode.text.contains("data-copy=\"sentence-0\""))
            try await client.get("/review?unit=999999", admin).expectClearRefusal(.badRequest, containing: "没有找到单位")
            let search = try await client.get("/review?q=批量项目0&sort=project&desc=1", admin)
            #expect(search.text.contains("id=\"form-count\">9<"))
            let first = try #require(search.text.range(of: "批量项目09"))
            let later = try #require(search.text.range(of: "批量项目01"))
            #expect(first.lowerBound < later.lowerBound, "descending by project")
            #expect(search.text.contains("aria-sort=\"descending\""))
            let paged = try await client.get("/review?page=1", admin)
            #expect(paged.text.contains("共 14 张"))
        }
    }

    @Test func ruleNamesStandBesideTheirIds() {
        let id = CheckRegistry.all[0].description.id
        #expect(DashboardPage.ruleLabel(id) == "\(id) \(CheckRegistry.all[0].description.name)")
        #expect(DashboardPage.ruleLabel("NO.SUCH.RULE") == "NO.SUCH.RULE")
    }

    @Test func bulkApprovalAndReturnUseOneCommentAndListWhatWasRefused() async throws {
        let fixture = try await Fixture()
        let records = try await ReviewerPagesTests.submitted(fixture)
        try await fixture.test { client in
            let reviewer = try await client.signedIn(fixture.reviewerA)
            let chosen = records.prefix(3).map { ("forms[]", String($0.id)) }
            let noComment = try await client.post(
                "/review/bulk", reviewer, [("_action", "return"), ("comment", " ")] + chosen)
            noComment.expectClearRefusal(.badRequest, containing: "退回意见")
            let returned = try await client.post(
                "/review/bulk", reviewer, [("_action", "return"), ("comment", "请补充满意度调查方法")] + chosen)
            #expect(returned.status == .ok)
            #expect(returned.text.contains("已退回 3 张自评表"))
            for record in records.prefix(3) {
                let history = try await fixture.store.history(formID: record.id)
                #expect(history.last?.toState == .returned && history.last?.comment == "请补充满意度调查方法")
            }
            // A draft and another unit's form are refused with reasons; the rest go ahead.
            let mixed = [
                ("forms[]", String(records[3].id)), ("forms[]", String(fixture.formA.id)),
                ("forms[]", String(fixture.formB.id)),
            ]
            let approved = try await client.post(
                "/review/bulk", reviewer, [("_action", "approve"), ("comment", "")] + mixed)
            #expect(approved.text.contains("已审核通过 1 张自评表"))
            #expect(approved.text.contains("2 张未处理"))
            #expect(approved.text.contains("示例项目：该表当前状态为“草稿”"))
            #expect(!approved.text.contains("另一中心"), "another unit's form is not named")
            #expect(try await client.form(records[3].id).record.state == .approved)
            let officer = try await client.signedIn(fixture.officerA)
            try await client.post("/review/bulk", officer, [("_action", "approve")] + chosen).expectClearRefusal(
                .forbidden)
        }
    }

    @Test func theListDownloadsAsExcelAndBatchesAreListedAndZipped() async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            _ = try await fixture.store.transition(
                id: fixture.formA.id, .submit, expectedVersion: nil, comment: nil, by: fixture.officerA.id, at: Date())
            _ = try await fixture.store.transition(
                id: fixture.formA.id, .approve, expectedVersion: nil, comment: nil, by: fixture.admin.id, at: Date())
            let reviewer = try await client.signedIn(fixture.reviewerA)
            let list = try await client.get("/review/list.xlsx?year=2023", reviewer)
            #expect(list.status == .ok)
            #expect(list.headers[.contentType] == Responses.xlsxType)
            #expect(Array(list.body.readableBytesView.prefix(2)) == [0x50, 0x4B], "a zip")
            let export = try await client.post("/review/export", reviewer, [("year", "2023")])
            let batchPath = try #require(export.location)
            let batches = try await client.get("/exports", reviewer)
            #expect(batches.text.contains("href=\"\(batchPath)\""))
            #expect(batches.text.contains("reviewer-a"))
            let zip = try await client.get("\(batchPath)/batch.zip", reviewer)
            #expect(zip.status == .ok && zip.headers[.contentType] == "application/zip")
            let bytes = Data(zip.body.readableBytesView)
            #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(text.contains(".batch.xml") && text.contains("示例局"), "the file names are in the archive")
            let reviewerB = try await client.signedIn(fixture.reviewerB)
            try await client.get("\(batchPath)/batch.zip", reviewerB).expectClearRefusal(.notFound)
            #expect(!(try await client.get("/exports", reviewerB).text.contains("href=\"\(batchPath)\"")))
        }
    }
}
