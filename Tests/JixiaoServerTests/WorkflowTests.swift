import Foundation
import HTTPTypes
import JixiaoCore
import JixiaoFormats
import JixiaoXML
import Testing

@testable import JixiaoServer

/// 草稿 → 已提交 → 已退回 / 已审核 → 已导出, through the pages, with every refusal checked.
@Suite struct WorkflowTests {
    @Test func draftSubmitReturnResubmitApproveExport() async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            let officer = try await client.signedIn(fixture.officerA)
            let reviewer = try await client.signedIn(fixture.reviewerA)
            let id = fixture.formA.id

            // A draft with an error-level finding cannot be submitted; the reasons are listed.
            var response = try await client.post(
                "/forms/\(id)", officer, [("_version", "1"), ("indicators[0].score", "16")])
            #expect(response.status == .seeOther)
            response = try await client.post("/forms/\(id)/submit", officer, [("_version", "2")])
            response.expectClearRefusal(.unprocessableContent, containing: "SE.SCORE.010")
            #expect(response.text.contains("第 1 行指标·得分"))
            #expect(try await client.form(id).record.state == .draft)

            response = try await client.post(
                "/forms/\(id)", officer, [("_version", "2"), ("indicators[0].score", "15")])
            response = try await client.post("/forms/\(id)/submit", officer, [("_version", "3")])
            #expect(response.status == .seeOther)
            #expect(try await client.form(id).record.state == .submitted)

            // Submitted: the officer can no longer edit; the reviewer cannot approve a stale version.
            response = try await client.post("/forms/\(id)", officer, [("_version", "4"), ("project", "改名")])
            response.expectClearRefusal(.conflict, containing: "不能修改")
            response = try await client.post("/forms/\(id)/approve", reviewer, [("_version", "3")])
            response.expectClearRefusal(.conflict)

            // Return needs a comment; the officer sees it on the form.
            response = try await client.post("/forms/\(id)/return", reviewer, [("_version", "4"), ("comment", "  ")])
            response.expectClearRefusal(.badRequest, containing: "退回意见")
            response = try await client.post(
                "/forms/\(id)/return", reviewer, [("_version", "4"), ("comment", "请补充偏差原因")])
            #expect(response.status == .seeOther)
            let page = try await client.get("/forms/\(id)", officer)
            #expect(page.text.contains("退回意见"))
            #expect(page.text.contains("请补充偏差原因"))
            #expect(page.text.contains("id=\"editor\""), "a returned form is editable again")

            response = try await client.post("/forms/\(id)/submit", officer, [("_version", "5")])
            #expect(response.status == .seeOther)
            response = try await client.post("/forms/\(id)/approve", reviewer, [("_version", "6")])
            #expect(response.status == .seeOther)
            #expect(try await client.form(id).record.state == .approved)

            // Approved: no more return; export moves it to 已导出 and writes the form file.
            response = try await client.post("/forms/\(id)/return", reviewer, [("_version", "7"), ("comment", "再改")])
            response.expectClearRefusal(.conflict, containing: "已审核")
            response = try await client.post("/review/export", reviewer, [("year", "2023")])
            #expect(response.status == .seeOther)
            let batchPage = try await client.get(try #require(response.location), reviewer)
            #expect(batchPage.text.contains("1 张自评表，状态为“已导出”"))
            #expect(!batchPage.text.contains(fixture.directory.path), "the server's folders are not shown")
            #expect(try await client.form(id).record.state == .exported)
            let history = try await fixture.store.history(formID: id)
            #expect(
                history.filter { $0.kind == .transition }.map { $0.toState } == [
                    .submitted, .returned, .submitted, .approved, .exported,
                ])
            #expect(history.first { $0.toState == .returned }?.comment == "请补充偏差原因")
            #expect(history.first { $0.toState == .returned }?.userName == "reviewer-a")
        }
    }

    @Test func everyTransitionOutsideTheMachineIsRefused() {
        for transition in Transition.allCases {
            for state in WorkflowState.allCases {
                #expect((transition.refusal(from: state) == nil) == transition.from.contains(state))
            }
        }
        #expect(Transition.submit.from == [.draft, .returned])
        #expect(Transition.return.from == [.submitted])
        #expect(Transition.approve.from == [.submitted])
        #expect(Transition.export.from == [.approved])
        #expect(Transition.delete.from == [.draft])
        #expect(WorkflowState.allCases.filter(\.isEditable) == [.draft, .returned])
    }

    @Test func storeRefusesMovesFromTheWrongState() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        for transition in [Transition.return, .approve, .export] {
            await #expect(throws: StoreError.self) {
                try await fixture.store.transition(
                    id: fixture.formA.id, transition, expectedVersion: nil, comment: nil,
                    by: fixture.admin.id, at: Date())
            }
        }
        #expect(try await fixture.store.record(id: fixture.formA.id)?.state == .draft)
    }

    @Test func exportedFilesAreSchemaValidXMLAndOnlyTheirReviewersDownloadThem() async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            for (form, user) in [(fixture.formA, fixture.officerA), (fixture.formB, fixture.officerB)] {
                _ = try await fixture.store.transition(
                    id: form.id, .submit, expectedVersion: nil, comment: nil, by: user.id, at: Date())
                _ = try await fixture.store.transition(
                    id: form.id, .approve, expectedVersion: nil, comment: nil, by: fixture.admin.id, at: Date())
            }
            let reviewerA = try await client.signedIn(fixture.reviewerA)
            let export = try await client.post("/review/export", reviewerA, [("year", "2023")])
            let batchPath = try #require(export.location)
            #expect(try await client.form(fixture.formA.id).record.state == .exported)
            #expect(try await client.form(fixture.formB.id).record.state == .approved, "unit B is not reviewer A's")

            let download = try await client.get("\(batchPath)/forms/\(fixture.formA.id)", reviewerA)
            #expect(download.status == .ok)
            #expect(download.headers[.contentDisposition]?.contains("attachment") == true)
            let validation = try XMLFormFile.validate(
                bytes: Array(download.body.readableBytesView), displayName: "download.xml")
            #expect(validation.problems.isEmpty)
            #expect(download.text.contains("示例项目"))
            let batchFile = try await client.get("\(batchPath)/batch", reviewerA)
            #expect(
                try XMLFormFile.validate(bytes: Array(batchFile.body.readableBytesView), displayName: "batch.xml")
                    .problems.isEmpty)

            let reviewerB = try await client.signedIn(fixture.reviewerB)
            (try await client.get("\(batchPath)/forms/\(fixture.formA.id)", reviewerB)).expectClearRefusal(.notFound)
            (try await client.get("\(batchPath)/batch", reviewerB)).expectClearRefusal(.notFound)
            (try await client.get(batchPath, reviewerB)).expectClearRefusal(.notFound)
            let officer = try await client.signedIn(fixture.officerA)
            (try await client.get("\(batchPath)/forms/\(fixture.formA.id)", officer)).expectClearRefusal(.forbidden)

            let again = try await client.post("/review/export", reviewerA, [("year", "2023")])
            again.expectClearRefusal(.badRequest, containing: "没有“已审核”状态")
        }
    }

    @Test func anApprovedFormTheExporterRefusesStaysApprovedWithTheReason() async throws {
        let fixture = try await Fixture()
        let wrong = ExampleForms.selfEvaluationValue {
            $0.project = "有错的项目"
            $0.indicators[0].score = "16"
        }
        let broken = try await Fixture.insert(wrong, unit: fixture.unitA.id, state: .approved, into: fixture.store)
        _ = try await fixture.store.transition(
            id: fixture.formA.id, .submit, expectedVersion: nil, comment: nil,
            by: fixture.officerA.id, at: Date())
        _ = try await fixture.store.transition(
            id: fixture.formA.id, .approve, expectedVersion: nil, comment: nil,
            by: fixture.admin.id, at: Date())
        try await fixture.test { client in
            let reviewer = try await client.signedIn(fixture.reviewerA)
            let page = try await client.post("/review/export", reviewer, [("year", "2023")])
            #expect(page.status == .ok)
            #expect(page.text.contains("1 张自评表未导出"))
            #expect(page.text.contains("SE.SCORE.010"))
            #expect(try await client.form(broken.id).record.state == .approved)
            #expect(try await client.form(fixture.formA.id).record.state == .exported)
        }
    }
}
