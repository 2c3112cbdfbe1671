import Foundation
import HTTPTypes
import JixiaoCore
import Testing

@testable import JixiaoServer

/// Every endpoint answers what it should for a user allowed to use it.
@Suite struct EndpointTests {
    @Test func homeSendsEachRoleToItsPage() async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            let anonymous = try await client.get("/")
            #expect(anonymous.location == "/login")
            let officer = try await client.get("/", try await client.signedIn(fixture.officerA))
            #expect(officer.location == "/forms")
            let reviewer = try await client.get("/", try await client.signedIn(fixture.reviewerA))
            #expect(reviewer.location == "/review")
            let admin = try await client.get("/login", try await client.signedIn(fixture.admin))
            #expect(admin.location == "/")
        }
    }

    @Test func assetsAreServedWithTheirTypesAndPagesWithSecurityHeaders() async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            let script = try await client.get("/static/app.js")
            #expect(script.status == .ok && script.headers[.contentType]?.hasPrefix("text/javascript") == true)
            #expect(script.text.contains("/api/forms/"))
            let style = try await client.get("/static/app.css")
            #expect(style.headers[.contentType]?.hasPrefix("text/css") == true)
            let page = try await client.get("/login")
            #expect(page.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
            #expect(page.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
            #expect(!page.text.contains("<script>"), "no inline script")
            #expect(!page.text.contains("http://") && !page.text.contains("https://"), "no external resource")
        }
    }

    @Test func officerListDraftsFromATargetTableAndEdits() async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            let officer = try await client.signedIn(fixture.officerA)
            let list = try await client.get("/forms?year=2023&state=draft", officer)
            #expect(list.status == .ok)
            #expect(list.text.contains("示例项目"))
            #expect(list.text.contains("按目标表创建自评表"))
            let created = try await client.post("/forms", officer, [("target", String(fixture.targetA.id))])
            let location = try #require(created.location)
            #expect(location.hasSuffix("?done=created"))
            let page = try await client.get(location, officer)
            #expect(page.text.contains("已按目标表创建自评表草稿"))
            #expect(page.text.contains("aria-label=\"资金总额·目标申报数\" value=\"100\""), "1,000,000 元 → 100 万元")
            #expect(page.text.contains("aria-label=\"第 1 行指标·年初指标值\" value=\"≥10台\""))
            #expect(page.text.contains("aria-label=\"第 1 行指标·分值\" value=\"\""))
            #expect(page.text.contains("data-rule-score=\"5\""))
            let again = try await client.post("/forms", officer, [("target", String(fixture.targetA.id))])
            again.expectClearRefusal(.conflict, containing: "已按该目标表创建过")
            let target = try await client.get("/forms/\(fixture.targetA.id)", officer)
            #expect(target.text.contains("项目支出绩效目标表"))
            let notATarget = try await client.post("/forms", officer, [("target", String(fixture.formA.id))])
            notATarget.expectClearRefusal(.badRequest, containing: "只能从目标表创建")
        }
    }

    @Test func savingRecordsEachChangedFieldInTheHistory() async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            let officer = try await client.signedIn(fixture.officerA)
            let id = fixture.formA.id
            let response = try await client.post(
                "/forms/\(id)", officer,
                [
                    ("_version", "1"), ("indicators[0].actual", "9台"), ("indicators[0].score", "13.5"),
                    ("project", "示例项目"), ("indicators.count", "6"),
                ])
            #expect(response.location == "/forms/\(id)?done=saved")
            let unchanged = try await client.post("/forms/\(id)", officer, [("_version", "2"), ("project", "示例项目")])
            #expect(unchanged.location == "/forms/\(id)?done=unchanged")
            let history = try await fixture.store.history(formID: id).filter { $0.kind == .edited }
            #expect(
                history.map { $0.change } == [
                    FieldChange(path: "indicators[0].actual", old: "11台", new: "9台"),
                    FieldChange(path: "indicators[0].score", old: "15", new: "13.5"),
                ])
            #expect(history.allSatisfy { $0.userName == "officer-a" && $0.version == 2 })
            let page = try await client.get("/forms/\(id)", officer)
            #expect(page.text.contains("修改与审核记录"))
            #expect(page.text.contains("第 1 行指标·实际完成值"))
            #expect(try await fixture.store.form(id: id, version: 1) != nil, "every version is kept")
        }
    }

    @Test func addingAndRemovingRowsThroughTheCount() async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            let officer = try await client.signedIn(fixture.officerA)
            let id = fixture.formA.id
            _ = try await client.post(
                "/forms/\(id)", officer,
                [
                    ("_version", "1"), ("indicators.count", "7"),
                    ("indicators[6].name", "新增指标"), ("indicators[6].weight", "0"),
                ])
            #expect(try await client.form(id).form.indicators.count == 7)
            _ = try await client.post("/forms/\(id)", officer, [("_version", "2"), ("indicators.count", "5")])
            let form = try await client.form(id).form
            #expect(form.indicators.count == 5)
            #expect(form.indicators.last?.name == "业务正常运转保障度")
        }
    }

    @Test func theScoringEndpointRecomputesWithoutSaving() async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            let officer = try await client.signedIn(fixture.officerA)
            let id = fixture.formA.id
            let response = try await client.json(
                .post, "/api/forms/\(id)/score", officer,
                #"""
                {"fields": {"funds.total.executed": "80", "indicators[0].actual": "5台", "indicators[1].score": "16"}}
                """#)
            #expect(response.status == .ok)
            let result = response.object
            #expect(result["executionRate"] as? String == "80.00")
            #expect(result["executionScore"] as? String == "8.00")
            let rows = try #require(result["indicators"] as? [[String: Any]])
            #expect(rows[0]["ruleScore"] as? String == "7.50", "5 of ≥10台 → half of 15")
            #expect(rows[0]["differs"] as? Bool == true)
            #expect(result["total"] as? String == "99.00")
            #expect(result["grade"] as? String == "优")
            #expect((result["errors"] as? Int ?? 0) >= 1, "at least the score above its weight")
            let findings = try #require(result["findings"] as? [[String: Any]])
            #expect(
                findings.contains {
                    $0["fieldPath"] as? String == "indicators[1].score" && $0["ruleId"] as? String == "SE.SCORE.010"
                })
            #expect(try await client.form(id).record.version == 1, "nothing saved")

            let form = try await client.get("/api/forms/\(id)", officer).object
            let fields = try #require(form["fields"] as? [String: String])
            #expect(fields["indicators.count"] == "6")
            #expect(fields["funds.total.executed"] == "100")
            #expect(form["state"] as? String == "draft")
        }
    }

    @Test func blankCellsAreOfferedWhatTheFilledOnesGive() async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            let officer = try await client.signedIn(fixture.officerA)
            let blanks = [
                "funds.total.executed": "86.48", "funds.total.balance": "", "funds.total.rate": "",
                "funds.total.score": "", "funds.sources[0].fullYearBudget": "", "funds.sources[0].executed": "",
                "funds.sources[0].balance": "", "indicators[1].score": "12.5", "total": "", "grade": "",
            ]
            let body = try String(decoding: JSONEncoder().encode(["fields": blanks]), as: UTF8.self)
            let response = try await client.json(.post, "/api/forms/\(fixture.formA.id)/score", officer, body)
            #expect(response.status == .ok)
            let suggestions = try #require(response.object["suggestions"] as? [String: String])
            #expect(suggestions["funds.total.balance"] == "13.52", "100 − 86.48")
            #expect(suggestions["funds.total.rate"] == "86.48")
            #expect(suggestions["funds.total.score"] == "8.65")
            #expect(suggestions["funds.sources[0].fullYearBudget"] == "100.00", "the lone source row follows the total")
            #expect(suggestions["funds.sources[0].executed"] == "86.48")
            #expect(suggestions["funds.sources[0].balance"] == "13.52")
            #expect(suggestions["total"] == "96.15", "8.648 + 87.5, rounded once")
            #expect(suggestions["grade"] == "优")
            #expect(suggestions["funds.sources[0].declared"] == nil, "a filled cell is never suggested over")
            #expect(suggestions["indicators[1].score"] == nil)
        }
    }

    @Test func submitAndReviewThroughTheJSONInterface() async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            let officer = try await client.signedIn(fixture.officerA)
            let reviewer = try await client.signedIn(fixture.reviewerA)
            let id = fixture.formA.id
            #expect(
                try await client.json(.post, "/api/forms/\(id)/submit", officer, #"{"version": 1}"#).object["state"]
                    as? String == "submitted")
            let refused = try await client.json(.post, "/api/forms/\(id)/return", reviewer, #"{"version": 2}"#)
            refused.expectClearRefusal(.badRequest, containing: "缺少字段“comment”")
            let returned = try await client.json(
                .post, "/api/forms/\(id)/return", reviewer, #"{"version": 2, "comment": "补充说明"}"#)
            #expect(returned.object["state"] as? String == "returned")
            #expect(try await client.json(.post, "/api/forms/\(id)/submit", officer, #"{"version": 3}"#).status == .ok)
            let approved = try await client.json(.post, "/api/forms/\(id)/approve", reviewer, #"{"comment": "同意"}"#)
            #expect(approved.object["stateLabel"] as? String == "已审核")
            let list = try await client.get("/api/forms?year=2023", reviewer)
            #expect(list.text.contains("\"approved\""))
        }
    }

    @Test func submissionIsRefusedWithReasonsInJSONToo() async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            let officer = try await client.signedIn(fixture.officerA)
            let id = fixture.formA.id
            _ = try await client.json(
                .put, "/api/forms/\(id)", officer, #"{"version": 1, "fields": {"indicators[2].score": "11"}}"#)
            let refused = try await client.json(.post, "/api/forms/\(id)/submit", officer, #"{"version": 2}"#)
            refused.expectClearRefusal(.unprocessableContent, containing: "改正后才能提交")
            let findings = try #require((refused.object["error"] as? [String: Any])?["findings"] as? [[String: Any]])
            #expect(findings.first?["fieldPath"] as? String == "indicators[2].score")
            #expect(try await client.form(id).record.state == .draft)
        }
    }

    @Test func theDashboardCountsChartsAndFilters() async throws {
        let fixture = try await Fixture()
        let wrong = ExampleForms.selfEvaluationValue {
            $0.project = "错误的项目"
            $0.indicators[0].score = "16"
            $0.indicators[4].score = "10"
            $0.funds.total.executed = "50"
            $0.printedGrade = "优"
        }
        let broken = try await Fixture.insert(wrong, unit: fixture.unitA.id, state: .submitted, into: fixture.store)
        try await fixture.test { client in
            let reviewer = try await client.signedIn(fixture.reviewerA)
            let page = try await client.get("/review", reviewer)
            #expect(page.status == .ok)
            let text = page.text
            #expect(text.contains("2023 年度"))
            #expect(text.contains("<b id=\"form-count\">2</b>"))
            #expect(text.contains("<b id=\"error-count\">1</b>"))
            #expect(text.contains("<svg"), "charts are inline SVG")
            #expect(text.contains("等级分布") && text.contains("预算执行率分布"))
            #expect(text.contains("200.00"), "Σ目标申报数 of both forms (万元)")
            #expect(text.contains("150.00"), "Σ全年执行数 100 + 50")
            let first = try #require(text.range(of: "/forms/\(broken.id)\""))
            let second = try #require(text.range(of: "/forms/\(fixture.formA.id)\""))
            #expect(first.lowerBound < second.lowerBound, "forms with errors first")
            #expect(text.contains("<option value=\"SE.SCORE.010\""))

            let byRule = try await client.get("/review?rule=SE.SCORE.010", reviewer)
            #expect(byRule.text.contains("<b id=\"form-count\">1</b>"))
            let byGrade = try await client.get("/review?grade=%E4%BC%98", reviewer)
            #expect(byGrade.text.contains("<b id=\"form-count\">1</b>"), "the broken form recomputes to 中 (76.00)")
            #expect(
                text.contains("<tr><th>中</th><td class=\"num\">0</td><td class=\"num\">1</td></tr>"),
                "printed 0 中, recomputed 1")
            let byState = try await client.get("/review?state=submitted&unit=\(fixture.unitA.id)&year=2023", reviewer)
            #expect(byState.text.contains("<b id=\"form-count\">1</b>"))
            let empty = try await client.get("/review?year=1999", reviewer)
            #expect(empty.text.contains("<b id=\"form-count\">0</b>"))
        }
    }

    @Test func administratorsCreateUnitsUsersAndAssignments() async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            let admin = try await client.signedIn(fixture.admin)
            #expect(try await client.get("/admin", admin).text.contains("reviewer-a"))
            #expect(
                try await client.post("/admin/units", admin, [("unit", "209200-新单位")]).location == "/admin?done=unit")
            (try await client.post("/admin/units", admin, [("unit", "209200-新单位")])).expectClearRefusal(
                .badRequest, containing: "已存在")
            let unit = try #require(try await fixture.store.units().first { $0.code == "209200" })
            let created = try await client.post(
                "/admin/users", admin,
                [
                    ("login", "li.si"), ("name", "李四"), ("password", "long-password-1"),
                    ("role", "officer"), ("units[]", String(unit.id)),
                ])
            #expect(created.location == "/admin?done=user")
            (try await client.post(
                "/admin/users", admin,
                [
                    ("login", "li.si"), ("name", "李四"), ("password", "long-password-1"),
                    ("role", "officer"), ("units[]", String(unit.id)),
                ]))
                .expectClearRefusal(.badRequest, containing: "已被使用")
            (try await client.post(
                "/admin/users", admin, [("login", "wang"), ("name", "王五"), ("password", "short"), ("role", "admin")]))
                .expectClearRefusal(.badRequest, containing: "密码至少")
            (try await client.post(
                "/admin/users", admin,
                [("login", "zhao"), ("name", "赵六"), ("password", "long-password-1"), ("role", "officer")]))
                .expectClearRefusal(.badRequest, containing: "经办人必须属于一个单位")
            let assigned = try await client.post(
                "/admin/assignments", admin,
                [
                    ("reviewer", String(fixture.reviewerA.id)),
                    ("units[]", String(fixture.unitA.id)), ("units[]", String(unit.id)),
                ])
            #expect(assigned.location == "/admin?done=assigned")
            #expect(
                try await fixture.store.user(id: fixture.reviewerA.id)?.reviewedUnits == [fixture.unitA.id, unit.id])
            (try await client.post("/admin/assignments", admin, [("reviewer", String(fixture.officerA.id))]))
                .expectClearRefusal(.badRequest, containing: "只有审核人")

            let newUser = try #require(try await fixture.store.credentials(login: "li.si"))
            #expect(newUser.user.unitID == unit.id)
            #expect(PasswordHasher.verify("long-password-1", against: newUser.passwordHash))
        }
    }
}
