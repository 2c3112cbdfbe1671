import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import JixiaoServer

@Suite struct AuthenticationTests {
    /// The login page's token, and the cookie that carries the same token.
    func loginForm(_ client: Client, headers: HTTPFields = [:]) async throws -> (token: String, cookie: String) {
        let page = try await client.get("/login", headers: headers)
        #expect(page.status == .ok)
        let setCookie = try #require(page.headers[.setCookie])
        let token = try #require(setCookie.split(separator: ";").first?.split(separator: "=").last.map(String.init))
        #expect(page.text.contains("value=\"\(token)\""))
        return (token, "\(RequestGuardMiddleware.loginCookieName)=\(token)")
    }

    @Test func loginWithThePasswordOpensASessionWithSafeCookies() async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            let (token, cookie) = try await loginForm(client)
            let response = try await client.post(
                "/login", Browser(cookie: cookie, csrf: token),
                [("login", "officer-a"), ("password", Fixture.password), ("next", "/forms/1")])
            #expect(response.status == .seeOther)
            #expect(response.location == "/forms/1")
            let session = try #require(
                response.headers[values: .setCookie].first { $0.hasPrefix(SessionMiddleware.cookieName) })
            #expect(session.contains("HttpOnly"))
            #expect(session.contains("SameSite=Strict"))
            #expect(!session.contains("Secure"))
            let value = String(session.split(separator: ";")[0])
            let home = try await client.get("/forms", Browser(cookie: value, csrf: ""))
            #expect(home.status == .ok)
            #expect(home.text.contains("我的自评表"))
        }
    }

    /// `X-Forwarded-Proto: https` is believed from a configured proxy only (the live server's peer is
    /// 127.0.0.1): then cookies are Secure and HSTS is sent; from anyone else it changes nothing.
    @Test func cookiesAreSecureBehindATrustedHTTPSProxyOnly() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        let forwarded: HTTPFields = [HTTPField.Name("X-Forwarded-Proto")!: "https"]
        for trusted in [Set<String>(), ["127.0.0.1", "::1"]] {
            var configuration = fixture.configuration
            configuration.trustedProxies = trusted
            let app = Application(router: ServerApplication.router(store: fixture.store, configuration: configuration))
            try await app.test(.live) { client in
                let page = try await client.execute(uri: "/login", method: .get, headers: forwarded)
                #expect(page.headers[.setCookie]?.contains("Secure") == !trusted.isEmpty, "\(trusted)")
                #expect((page.headers[ClientMiddleware.strictTransportSecurity] != nil) == !trusted.isEmpty)
            }
        }
        try await fixture.test { client in
            let page = try await client.get("/login", headers: forwarded)
            #expect(page.headers[.setCookie]?.contains("Secure") == false, "a client's own header is not believed")
        }
    }

    @Test func wrongPasswordAndUnknownLoginAreRefusedAlike() async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            let (token, cookie) = try await loginForm(client)
            let browser = Browser(cookie: cookie, csrf: token)
            let wrong = try await client.post(
                "/login", browser, [("login", "officer-a"), ("password", "not-the-password")])
            wrong.expectClearRefusal(.unauthorized, containing: "登录名或密码不正确")
            let unknown = try await client.post(
                "/login", browser, [("login", "nobody"), ("password", Fixture.password)])
            unknown.expectClearRefusal(.unauthorized, containing: "登录名或密码不正确")
            #expect(wrong.headers[values: .setCookie].allSatisfy { !$0.hasPrefix(SessionMiddleware.cookieName) })
        }
    }

    @Test func loginWithoutItsFormTokenIsRefused() async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            let (_, cookie) = try await loginForm(client)
            let forged = try await client.post(
                "/login", Browser(cookie: cookie, csrf: "forged"),
                [("login", "officer-a"), ("password", Fixture.password)])
            forged.expectClearRefusal(.forbidden, containing: "安全校验未通过")
            let noCookie = try await client.post(
                "/login", Browser(cookie: nil, csrf: "x"),
                [("login", "officer-a"), ("password", Fixture.password)])
            noCookie.expectClearRefusal(.forbidden)
        }
    }

    @Test func nextNeverLeavesTheSite() {
        #expect(AuthRoutes.safeNext("/forms/3") == "/forms/3")
        #expect(AuthRoutes.safeNext("//evil.example/") == nil)
        #expect(AuthRoutes.safeNext("https://evil.example/") == nil)
        #expect(AuthRoutes.safeNext("/\\evil.example") == nil)
    }

    @Test func pagesNeedASignedInUser() async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            let page = try await client.get("/forms?year=2023")
            #expect(page.status == .seeOther)
            #expect(page.location == "/login?next=%2Fforms%3Fyear%3D2023")
            let api = try await client.get("/api/forms")
            api.expectClearRefusal(.unauthorized, containing: "请先登录")
            let post = try await client.post("/forms/\(fixture.formA.id)", .anonymous, [("project", "x")], csrf: "x")
            post.expectClearRefusal(.unauthorized)
            #expect(try await client.form(fixture.formA.id).form.project == "示例项目")
        }
    }

    @Test func logoutEndsTheSessionOnTheServer() async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            let browser = try await client.signedIn(fixture.officerA)
            let out = try await client.post("/logout", browser)
            #expect(out.status == .seeOther)
            #expect(out.headers[.setCookie]?.contains("Max-Age=0") == true)
            let after = try await client.get("/forms", browser)
            #expect(after.status == .seeOther)
        }
    }

    @Test func expiredSessionsAreNotAccepted() async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            let token = SecureToken.make()
            try await fixture.store.createSession(
                Session(
                    tokenDigest: SecureToken.digest(token), userID: fixture.officerA.id,
                    csrfToken: "c", expiresAt: Date().addingTimeInterval(-1)))
            let page = try await client.get(
                "/forms", Browser(cookie: "\(SessionMiddleware.cookieName)=\(token)", csrf: "c"))
            #expect(page.status == .seeOther)
        }
    }
}
