import Foundation
import HTTPTypes
import JixiaoCore
import JixiaoFormats
import JixiaoXLSX
import Testing

@testable import JixiaoServer

/// The editor as officers use it: labelled inputs, live totals announced, decimal keyboards, confirmations,
/// the print view and the Excel download, deleting a mistaken draft, the analysis texts submission needs,
/// applying one's changes over someone else's, the paged history, and the small refusals (405, file names).
@Suite struct FormPageTests {
    @Test func everyInputIsLabelledAndNumbersAskForADecimalKeyboard() async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            let officer = try await client.signedIn(fixture.officerA)
            let page = try await client.get("/forms/\(fixture.formA.id)", officer).text
            let inputs =
                page.components(separatedBy: "<input name=\"").dropFirst()
                + page.components(separatedBy: "<textarea name=\"").dropFirst()
            #expect(inputs.count > 80)
            for input in inputs {
                let tag = input.prefix { $0 != ">" }
                #expect(tag.contains("aria-label=\""), "unlabelled: \(tag.prefix(80))")
            }
            #expect(
                page.contains("name=\"indicators[2].actual\" id=\"indicators[2].actual\" aria-label=\"第 3 行指标·实际完成值\""))
            #expect(
                page.contains(
                    "aria-label=\"资金总额·全年执行数\" value=\"100\" class=\"num\" autocomplete=\"off\" inputmode=\"decimal\""))
            #expect(page.contains("id=\"live-summary\" role=\"status\" aria-live=\"polite\""))
            #expect(page.contains("data-confirm=\"提交后表单交审核人审核"))
            #expect(page.contains("aria-label=\"删除第 1 行指标\""))
            #expect(page.contains("data-print") && page.contains("/forms/\(fixture.formA.id)/form.xlsx"))
            #expect(page.contains("单位负责人（签字）") && page.contains("填表人（签字）") && page.contains("日期："))
            #expect(page.contains("id=\"delete-form\""))
            let style = try await client.get("/static/app.css").text
            #expect(style.contains("@media print") && style.contains(".screen-only"))
        }
    }

    @Test func theExcelDownloadImportsBackAsTheStoredForm() async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            let officer = try await client.signedIn(fixture.officerA)
            let download = try await client.get("/forms/\(fixture.formA.id)/form.xlsx", officer)
            #expect(download.status == .ok && download.headers[.contentType] == Responses.xlsxType)
            #expect(download.headers[.contentDisposition]?.contains("filename*=UTF-8''") == true)
            let url = fixture.directory.appendingPathComponent("download.xlsx")
            try Data(download.body.readableBytesView).write(to: url)
            let imported = try XLSXImporter().importForms(from: url)
            guard case .selfEvaluation(var form)? = imported.forms.first?.form else {
                Issue.record("no self-evaluation in the download")
                return
            }
            form.source = nil
            form.lines = [:]
            #expect(form == (try await client.form(fixture.formA.id)).form)
            try await client.get("/forms/\(fixture.formB.id)/form.xlsx", officer).expectClearRefusal(.notFound)
        }
    }

    @Test func aMistakenDraftIsDeletedWithItsHistoryKept() async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            let officer = try await client.signedIn(fixture.officerA)
            let created = try await client.post("/forms", officer, [("target", String(fixture.targetA.id))])
            let path = try #require(created.location?.split(separator: "?").first.map(String.init))
            let id = try #require(Int64(path.split(separator: "/").last ?? ""))
            let deleted = try await client.post("\(path)/delete", officer, [("_version", "1")])
            #expect(deleted.location == "/forms?done=deleted")
            let list = try await client.get(try #require(deleted.location), officer)
            #expect(list.text.contains("草稿已删除") && list.text.contains("按目标表创建自评表"), "the target is draftable again")
            #expect(try await client.form(id).record.state == .deleted)
            #expect(try await fixture.store.history(formID: id).last?.toState == .deleted)
            // Only drafts, only by their unit's officer.
            let reviewer = try await client.signedIn(fixture.reviewerA)
            try await client.post("/forms/\(fixture.formA.id)/delete", reviewer, [("_version", "1")])
                .expectClearRefusal(.forbidden)
            _ = try await fixture.store.transition(
                id: fixture.formA.id, .submit, expectedVersion: 1, comment: nil, by: fixture.officerA.id, at: Date())
            try await client.post("/forms/\(fixture.formA.id)/delete", officer, [("_version", "2")])
                .expectClearRefusal(.conflict, containing: "不能删除")
        }
    }

    @Test func submissionNeedsTheAnalysisTextsThePolicyRequires() async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            let officer = try await client.signedIn(fixture.officerA)
            let id = fixture.formA.id
            _ = try await client.post(
                "/forms/\(id)", officer, [("_version", "1"), ("analysis.problems", "  "), ("analysis.output", "")])
            let refused = try await client.post("/forms/\(id)/submit", officer, [("_version", "2")])
            refused.expectClearRefusal(.unprocessableContent, containing: "项目绩效分析·产出情况：未填写")
            #expect(refused.text.contains("项目绩效分析·存在的主要问题及原因分析：未填写"))
            let api = try await client.json(.post, "/api/forms/\(id)/submit", officer, #"{"version":2}"#)
            #expect((api.object["error"] as? [String: Any])?["missing"] as? [String] == ["产出情况", "存在的主要问题及原因分析"])
            #expect(ScoringPolicy.national.requiredAnalysis.count == 7)
            var lenient = ScoringPolicy.national
            lenient.requiredAnalysis = ["execution"]
            #expect(
                ExampleForms.selfEvaluationValue { $0.analysis.output = "" }.analysis.missing(lenient.requiredAnalysis)
                    .isEmpty)
        }
    }

    @Test func aConflictOffersToApplyMineOnTopOfTheirsAndKeepsTheHeader() async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            let officer = try await client.signedIn(fixture.officerA)
            let id = fixture.formA.id
            _ = try await client.post("/forms/\(id)", officer, [("_version", "1"), ("indicators[0].actual", "12台")])
            let conflict = try await client.post(
                "/forms/\(id)", officer,
                [
                    ("_version", "1"), ("goals.completion", "全部完成"), ("indicators.count", "7"),
                    ("indicators[6].name", "新指标"),
                ])
            #expect(conflict.status == .conflict)
            #expect(conflict.text.contains("<nav>") && conflict.text.contains("officer-a"), "the header is kept")
            #expect(
                conflict.text.contains("id=\"apply-mine\"") && conflict.text.contains("name=\"_version\" value=\"2\""))
            #expect(conflict.text.contains("不会覆盖对方的修改"))
            // Applying: the fields the page carries, against the current version.
            let applied = try await client.post(
                "/forms/\(id)", officer,
                [
                    ("_version", "2"), ("goals.completion", "全部完成"), ("indicators.count", "7"),
                    ("indicators[6].name", "新指标"),
                ])
            #expect(applied.location == "/forms/\(id)?done=saved")
            let form = try await client.form(id).form
            #expect(
                form.indicators[0].actual.text == "12台" && form.goals.completion == "全部完成"
                    && form.indicators[6].name == "新指标")
        }
    }

    @Test func theHistoryIsPagedNewestFirst() async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            let officer = try await client.signedIn(fixture.officerA)
            let id = fixture.formA.id
            var fields: [(String, String)] = [("_version", "1")]
            for index in 0..<6 {
                for column in [
                    "name", "actual", "deviation", "level2", "adjustedTarget", "initialTarget", "weight", "score",
                    "level1",
                ] {
                    fields.append(("indicators[\(index)].\(column)", "改\(index)\(column)"))
                }
            }
            _ = try await client.post("/forms/\(id)", officer, fields)
            let first = try await client.get("/forms/\(id)", officer).text
            #expect(first.contains("共 55 条，第 1 / 2 页"))
            let second = try await client.get("/forms/\(id)?history=2", officer).text
            #expect(second.contains("从表单文件导入"))
            #expect(!first.contains("从表单文件导入"))
        }
    }

    @Test func unsupportedMethodsAre405AndUnknownPaths404() async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            let officer = try await client.signedIn(fixture.officerA)
            let put = try await client.json(.put, "/forms/\(fixture.formA.id)/submit", officer, "{}")
            put.expectClearRefusal(.methodNotAllowed, containing: "POST")
            #expect(put.headers[.allow] == "POST")
            let delete = try await client.json(.delete, "/api/forms/\(fixture.formA.id)", officer, "{}")
            delete.expectClearRefusal(.methodNotAllowed)
            #expect(delete.headers[.allow]?.contains("GET") == true && delete.headers[.allow]?.contains("PUT") == true)
            try await client.get("/no/such/page", officer).expectClearRefusal(.notFound)
        }
    }

    @Test(arguments: [
        ("../../etc/passwd", "etc_passwd.xml"), (".hidden", "hidden.xml"), ("a/b\\c", "a_b_c.xml"), ("", "未命名项目.xml"),
        ("维修\u{0}维护费", "维修_维护费.xml"), ("...", "未命名.xml"),
    ])
    func fileNamesFromProjectNamesAreNeverHiddenOrOutsideTheFolder(_ project: String, _ expected: String) {
        #expect(FormImporters.fileName(project, extension: "xml") == expected)
    }
}
