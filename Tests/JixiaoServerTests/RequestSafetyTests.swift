import Foundation
import HTTPTypes
import Testing

@testable import JixiaoServer

/// CSRF refusal and bad input: every refusal is a clear 4xx in Chinese, never a 500 or a stack trace, and
/// the form is left exactly as it was.
@Suite struct RequestSafetyTests {
    /// Runs `attempt` and checks the form did not change.
    func unchanged(_ client: Client, _ fixture: Fixture, _ attempt: () async throws -> Void) async throws {
        let before = try await client.form(fixture.formA.id)
        try await attempt()
        let after = try await client.form(fixture.formA.id)
        #expect(after.record.version == before.record.version)
        #expect(after.form == before.form)
    }

    @Test func postsWithoutTheSessionsTokenAreRefused() async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            let officer = try await client.signedIn(fixture.officerA)
            let path = "/forms/\(fixture.formA.id)"
            try await unchanged(client, fixture) {
                (try await client.post(path, officer, [("_version", "1"), ("total", "1")], csrf: ""))
                    .expectClearRefusal(.forbidden, containing: "安全校验")
                (try await client.post(path, officer, [("_version", "1"), ("total", "1")], csrf: "0123"))
                    .expectClearRefusal(.forbidden)
                let other = try await client.signedIn(fixture.officerA)
                (try await client.post(path, officer, [("_version", "1"), ("total", "1")], csrf: other.csrf))
                    .expectClearRefusal(.forbidden)
                (try await client.json(
                    .put, "/api\(path)", officer, #"{"version": 1, "fields": {"total": "1"}}"#, csrf: false))
                    .expectClearRefusal(.forbidden)
                (try await client.post(
                    "\(path)/submit", officer, [("_version", "1")],
                    headers: [.origin: "https://evil.example"])).expectClearRefusal(.forbidden)
            }
        }
    }

    @Test func oversizedBodiesAreRefusedBeforeTheyAreRead() async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            let officer = try await client.signedIn(fixture.officerA)
            let huge = String(repeating: "长", count: 40_000)
            try await unchanged(client, fixture) {
                (try await client.post(
                    "/forms/\(fixture.formA.id)", officer, [("_version", "1"), ("analysis.problems", huge)]))
                    .expectClearRefusal(.contentTooLarge, containing: "过大")
                (try await client.json(
                    .put, "/api/forms/\(fixture.formA.id)", officer, #"{"version": 1, "fields": {"total": "\#(huge)"}}"#
                ))
                .expectClearRefusal(.contentTooLarge)
            }
        }
    }

    @Test(arguments: [
        (#"{"version": 1, "fields": {"total": "1"}"#, "不是有效的 JSON"),
        (#"[1, 2]"#, "JSON 对象"),
        (#"{"version": "1", "fields": {"total": "1"}}"#, "字段 version 的类型不对：应为整数"),
        (#"{"version": 1.5, "fields": {"total": "1"}}"#, "应为整数"),
        (#"{"version": true, "fields": {"total": "1"}}"#, "应为整数"),
        (#"{"version": 1, "fields": {"total": 1}}"#, "字段 fields.total 的类型不对：应为文字"),
        (#"{"version": 1, "fields": ["total"]}"#, "字段 fields 的类型不对"),
        (#"{"version": 1, "fields": {"total": null}}"#, "不能为 null"),
        (#"{"version": 1, "fields": {"total": "1"}, "force": true}"#, "未知字段“force”"),
        (#"{"fields": {"total": "1"}}"#, "缺少字段“version”"),
        (#"{"version": 1, "fields": {"totl": "1"}}"#, "字段 totl：没有这个字段"),
        (#"{"version": 1, "fields": {"indicators[9].score": "1"}}"#, "该表只有 6 行"),
        (#"{"version": 1, "fields": {"indicators.count": "-1"}}"#, "行数应为 0 到 200"),
        (#"{"version": 1, "fields": {"indicators.count": "100000"}}"#, "行数应为 0 到 200"),
        ("", "请求内容为空"),
    ])
    func malformedJSONIsRefusedClearly(_ body: String, _ message: String) async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            let officer = try await client.signedIn(fixture.officerA)
            try await unchanged(client, fixture) {
                let response = try await client.json(.put, "/api/forms/\(fixture.formA.id)", officer, body)
                response.expectClearRefusal(.badRequest, containing: message)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            }
        }
    }

    @Test func badFormPostsAndQueriesAreRefusedClearly() async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            let officer = try await client.signedIn(fixture.officerA)
            let path = "/forms/\(fixture.formA.id)"
            try await unchanged(client, fixture) {
                (try await client.post(path, officer, [("total", "1")])).expectClearRefusal(
                    .badRequest, containing: "版本号")
                (try await client.post(path, officer, [("_version", "x"), ("total", "1")])).expectClearRefusal(
                    .badRequest, containing: "整数")
                (try await client.post(path, officer, [("_version", "1"), ("total", "1"), ("total", "2")]))
                    .expectClearRefusal(.badRequest, containing: "提交了两次")
                (try await client.post(path, officer, [("_version", "1"), ("no.such.field", "1")]))
                    .expectClearRefusal(.badRequest, containing: "没有这个字段")
                (try await client.post(
                    path, officer, [("_version", "1"), ("analysis.problems", String(repeating: "a", count: 20_001))]))
                    .expectClearRefusal(.badRequest, containing: "内容过长")
                (try await client.json(.post, path, officer, "total=1", contentType: "text/plain"))
                    .expectClearRefusal(.unsupportedMediaType, containing: "不支持的内容类型")
            }
            (try await client.get("/forms?year=abc", officer)).expectClearRefusal(.badRequest, containing: "年度应为整数")
            (try await client.get("/forms?state=done", officer)).expectClearRefusal(.badRequest, containing: "未知的状态")
            (try await client.get("/no/such/page", officer)).expectClearRefusal(.notFound, containing: "没有这个页面")
            let reviewer = try await client.signedIn(fixture.reviewerA)
            (try await client.get("/review?grade=A", reviewer)).expectClearRefusal(.badRequest)
            (try await client.get("/review?page=%ZZ", reviewer)).expectClearRefusal(.badRequest)
        }
    }

    @Test func invalidUTF8InAFormPostIsRefused() async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            let officer = try await client.signedIn(fixture.officerA)
            var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            headers[.cookie] = officer.cookie
            let body = "_csrf=\(officer.csrf)&_version=1&total=%FF%FE"
            let response = try await client.client.execute(
                uri: "/forms/\(fixture.formA.id)", method: .post, headers: headers,
                body: .init(string: body))
            response.expectClearRefusal(.badRequest)
        }
    }
}
