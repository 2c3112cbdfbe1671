import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JixiaoCore
import Testing

@testable import JixiaoServer

/// Passwords, sign-in throttling, sessions and what administrators do to accounts — through the service the
/// pages and `jixiao user` share, and over HTTP.
@Suite struct AccountTests {
    @Test(arguments: [
        ("12345678", "officer"), ("password", "officer"), ("        ", "officer"), ("officer-a", "officer-a"),
        ("Officer-A-2024", "officer-a"), ("password2024!", "zhang"), ("qwertyuiop", "zhang"), ("aaaaaaaaaa", "zhang"),
        ("abc12345", "zhang"), ("short", "zhang"), ("woaini1314", "zhang"),
    ])
    func weakPasswordsAreRefused(_ password: String, _ login: String) {
        #expect(PasswordPolicy.weakness(of: password, login: login) != nil, "\(password)")
    }

    @Test(arguments: ["correct-horse-9", "社保局2024年报表", "Tq7#mV2p!xR", "blue-lamp-river"])
    func reasonablePasswordsAreAccepted(_ password: String) {
        #expect(PasswordPolicy.weakness(of: password, login: "zhang") == nil, "\(password)")
    }

    @Test func throttlingWaitsLongerAfterFiveFailuresAndLocksAtTwenty() {
        let throttle = LoginThrottle()
        let at = Date(timeIntervalSince1970: 1_700_000_000)
        let key = LoginThrottle.accountKey("Officer-A")
        #expect(key == "account:officer-a")
        #expect(throttle.refusal(LoginFailures(key: key, count: 4, lastFailureAt: at), now: at) == nil)
        let fifth = throttle.refusal(LoginFailures(key: key, count: 5, lastFailureAt: at), now: at)
        #expect(fifth?.until == at.addingTimeInterval(1) && fifth?.locked == false)
        #expect(
            throttle.refusal(LoginFailures(key: key, count: 8, lastFailureAt: at), now: at)?.until
                == at.addingTimeInterval(8))
        #expect(
            throttle.refusal(LoginFailures(key: key, count: 19, lastFailureAt: at), now: at)?.until
                == at.addingTimeInterval(300))
        let locked = throttle.refusal(LoginFailures(key: key, count: 20, lastFailureAt: at), now: at)
        #expect(locked?.locked == true && locked?.until == at.addingTimeInterval(900))
        #expect(
            throttle.refusal(LoginFailures(key: key, count: 20, lastFailureAt: at), now: at.addingTimeInterval(901))
                == nil)
        // An office shares an address: the address limits are higher.
        let address = LoginThrottle.addressKey("10.1.2.3")
        #expect(throttle.refusal(LoginFailures(key: address, count: 19, lastFailureAt: at), now: at) == nil)
        #expect(throttle.refusal(LoginFailures(key: address, count: 100, lastFailureAt: at), now: at)?.locked == true)
        let message = try! #require(locked).message(now: at, time: Display.time)
        #expect(message.contains("已被锁定") && message.contains("15 分钟") && message.contains("管理员解除锁定"), "\(message)")
    }

    @Test func wrongPasswordsThrottleThenLockTheAccountUntilAnAdministratorUnlocksIt() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        let accounts = AccountService(store: fixture.store)
        var now = Date()
        for attempt in 1...5 {
            guard
                case .failed = try await accounts.signIn(
                    login: "officer-a", password: "wrong-\(attempt)", address: "10.0.0.9", now: now)
            else {
                Issue.record("attempt \(attempt) was not a plain failure")
                return
            }
        }
        // The sixth attempt within the second is refused without checking the password, even the right one.
        guard
            case .throttled(let wait) = try await accounts.signIn(
                login: "officer-a", password: Fixture.password, address: "10.0.0.9", now: now)
        else {
            Issue.record("not throttled")
            return
        }
        #expect(wait.contains("秒后再试"), "\(wait)")
        // Failures 6 to 17 as if made over the next hour (each after its wait), then three more through sign-in.
        for _ in 6...17 {
            _ = try await fixture.store.recordLoginFailure(keys: [LoginThrottle.accountKey("officer-a")], at: now)
        }
        for _ in 18...20 {
            now = now.addingTimeInterval(301)
            _ = try await accounts.signIn(login: "officer-a", password: "wrong", address: "10.0.0.9", now: now)
        }
        let failures = try await fixture.store.loginFailures(keys: [LoginThrottle.accountKey("officer-a")])
        #expect(failures.first?.count == 20)
        guard
            case .throttled(let locked) = try await accounts.signIn(
                login: "officer-a", password: Fixture.password, address: "10.0.0.7", now: now.addingTimeInterval(60))
        else {
            Issue.record("not locked")
            return
        }
        #expect(locked.contains("已被锁定"))
        // Recorded in the account history: the failures, the lockout, the refusals.
        let events = try await fixture.store.accountEvents(login: "officer-a", page: PageRequest(number: 1, size: 100))
        #expect(events.items.filter { $0.kind == .signInFailed }.count == 8)
        #expect(events.items.filter { $0.kind == .lockedOut }.count == 1)
        #expect(events.items.contains { $0.kind == .throttled })
        // The administrator unlocks; the right password then signs in and clears the counts.
        try await accounts.unlock("officer-a", by: fixture.admin)
        guard
            case .success = try await accounts.signIn(
                login: "officer-a", password: Fixture.password, address: "10.0.0.9", now: now.addingTimeInterval(61))
        else {
            Issue.record("unlock did not let the right password in")
            return
        }
        #expect(try await fixture.store.loginFailures(keys: [LoginThrottle.accountKey("officer-a")]).isEmpty)
        let after = try await fixture.store.accountEvents(login: "officer-a", page: PageRequest(number: 1, size: 3))
        #expect(after.items.map(\.kind).prefix(2) == [.signedIn, .unlocked])
    }

    @Test func aSuccessResetsTheCounts() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        let accounts = AccountService(store: fixture.store)
        for _ in 1...4 { _ = try await accounts.signIn(login: "reviewer-a", password: "nope", address: "127.0.0.1") }
        guard
            case .success = try await accounts.signIn(
                login: "reviewer-a", password: Fixture.password, address: "127.0.0.1")
        else {
            Issue.record("the right password failed")
            return
        }
        #expect(
            try await fixture.store.loginFailures(keys: [
                LoginThrottle.accountKey("reviewer-a"), LoginThrottle.addressKey("127.0.0.1"),
            ]).isEmpty)
    }

    @Test func idleSessionsEndAndActiveOnesAreTouched() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        let accounts = AccountService(
            store: fixture.store, sessions: SessionPolicy(lifetime: 8 * 3600, idleLimit: 1800))
        let start = Date()
        guard
            case .success(let token, _, _) = try await accounts.signIn(
                login: "officer-a", password: Fixture.password, address: nil, now: start)
        else {
            Issue.record("sign-in failed")
            return
        }
        let touched = try await accounts.session(token: token, now: start.addingTimeInterval(1700))
        #expect(touched != nil)
        #expect(
            try await accounts.session(token: token, now: start.addingTimeInterval(3400)) != nil, "activity counted")
        #expect(try await accounts.session(token: token, now: start.addingTimeInterval(3400 + 1801)) == nil, "idle")
        #expect(try await accounts.session(token: token, now: start.addingTimeInterval(3400)) == nil, "ended for good")
    }

    @Test func changingOnesPasswordEndsTheOtherSessions() async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            let here = try await client.signedIn(fixture.officerA)
            let elsewhere = try await client.signedIn(fixture.officerA)
            let weak = try await client.post(
                "/account/password", here,
                [("current", Fixture.password), ("new", "officer-a-1"), ("confirmation", "officer-a-1")])
            weak.expectClearRefusal(.badRequest, containing: "登录名")
            let wrong = try await client.post(
                "/account/password", here,
                [("current", "nope"), ("new", "blue-lamp-river"), ("confirmation", "blue-lamp-river")])
            wrong.expectClearRefusal(.badRequest, containing: "当前密码不正确")
            let changed = try await client.post(
                "/account/password", here,
                [("current", Fixture.password), ("new", "blue-lamp-river"), ("confirmation", "blue-lamp-river")])
            #expect(changed.location == "/account?done=password")
            #expect(try await client.get("/forms", here).status == .ok)
            #expect(try await client.get("/forms", elsewhere).location?.hasPrefix("/login") == true)
            let credentials = try #require(try await fixture.store.credentials(login: "officer-a"))
            #expect(PasswordHasher.verify("blue-lamp-river", against: credentials.passwordHash))
            let events = try await fixture.store.accountEvents(
                login: "officer-a", page: PageRequest(number: 1, size: 5))
            #expect(events.items.first?.kind == .passwordChanged)
        }
    }

    @Test func signingOutEverywhereEndsEverySession() async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            let one = try await client.signedIn(fixture.reviewerA)
            let two = try await client.signedIn(fixture.reviewerA)
            _ = try await client.post("/logout", one, [("everywhere", "1")])
            #expect(try await client.get("/review", one).location?.hasPrefix("/login") == true)
            let ended = try await client.get("/review", two)
            #expect(ended.location?.contains("ended=idle") == true, "the login page says the session ended")
            let api = try await client.json(.post, "/api/forms/\(fixture.formA.id)/score", two, #"{"fields":{}}"#)
            api.expectClearRefusal(.unauthorized, containing: "登录已过期")
        }
    }

    @Test func administratorsResetDisableEnableAndDeleteAccounts() async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            let admin = try await client.signedIn(fixture.admin)
            let officer = try await client.signedIn(fixture.officerB)
            let id = fixture.officerB.id
            // Reset: a temporary password; the officer's session ends and the next sign-in must change it.
            #expect(
                try await client.post("/admin/users/\(id)/reset", admin, [("password", "temp-pass-7319")]).location
                    == "/admin?done=reset")
            #expect(try await client.get("/forms", officer).location?.hasPrefix("/login") == true)
            let temporary = try await client.signedIn(try #require(try await fixture.store.user(id: id)))
            #expect(try await client.get("/forms", temporary).location == "/account")
            try await client.json(.post, "/api/forms/\(fixture.formB.id)/score", temporary, #"{"fields":{}}"#)
                .expectClearRefusal(.forbidden, containing: "修改初始密码")
            // Disable: no sign-in, sessions gone; enable again.
            #expect(try await client.post("/admin/users/\(id)/disable", admin).location == "/admin?done=disabled")
            #expect(try await client.get("/account", temporary).location?.hasPrefix("/login") == true)
            let accounts = AccountService(store: fixture.store)
            guard case .failed = try await accounts.signIn(login: "officer-b", password: "temp-pass-7319", address: nil)
            else {
                Issue.record("a disabled account signed in")
                return
            }
            _ = try await client.post("/admin/users/\(id)/enable", admin)
            guard
                case .success = try await accounts.signIn(login: "officer-b", password: "temp-pass-7319", address: nil)
            else {
                Issue.record("an enabled account could not sign in")
                return
            }
            // Delete: refused for an account with history, done for a fresh one.
            _ = try await fixture.store.transition(
                id: fixture.formB.id, .submit, expectedVersion: nil, comment: nil, by: id, at: Date())
            try await client.post("/admin/users/\(id)/delete", admin).expectClearRefusal(
                .badRequest, containing: "请改为停用")
            let spare = try await Fixture.user("spare", .reviewer, in: fixture.store)
            #expect(try await client.post("/admin/users/\(spare.id)/delete", admin).location == "/admin?done=removed")
            #expect(try await fixture.store.user(id: spare.id) == nil)
            // Not for anyone else.
            let reviewer = try await client.signedIn(fixture.reviewerA)
            try await client.post("/admin/users/\(id)/disable", reviewer).expectClearRefusal(.forbidden)
            let page = try await client.get("/admin", admin)
            #expect(page.text.contains("重置密码") && page.text.contains("登录与账户记录") && page.text.contains("停用"))
        }
    }

    @Test func theLoginPageSaysWhenToTryAgainAndTheForwardedAddressIsTrustedOnlyFromAProxy() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        var configuration = fixture.configuration
        configuration.throttle.baseDelay = 3600
        let app = Application(router: ServerApplication.router(store: fixture.store, configuration: configuration))
        try await app.test(.router) { raw in
            let client = Client(client: raw, store: fixture.store)
            let form = try await client.get("/login")
            let token = try #require(
                form.headers[values: .setCookie].first { $0.hasPrefix(RequestGuardMiddleware.loginCookieName) }?
                    .split(separator: ";").first?.split(separator: "=").last.map(String.init))
            let browser = Browser(cookie: "\(RequestGuardMiddleware.loginCookieName)=\(token)", csrf: token)
            var last: HTTPResponse.Status = .ok
            for _ in 1...6 {  // five failures, then the sixth attempt within the hour's wait
                let answer = try await client.post(
                    "/login", browser, [("login", "officer-a"), ("password", "wrong")],
                    headers: [ClientMiddleware.forwardedFor: "203.0.113.9"])
                last = answer.status
                if answer.status == .tooManyRequests {
                    answer.expectClearRefusal(.tooManyRequests, containing: "分钟后再试")
                }
            }
            #expect(last == .tooManyRequests)
            // No proxy is configured: the header was ignored, no address was counted under its value.
            #expect(try await fixture.store.loginFailures(keys: [LoginThrottle.addressKey("203.0.113.9")]).isEmpty)
            // No HSTS over plain HTTP, and a forged X-Forwarded-Proto does not change that.
            let page = try await client.get("/login", headers: [ClientMiddleware.forwardedProto: "https"])
            #expect(page.headers[ClientMiddleware.strictTransportSecurity] == nil)
        }
    }

    @Test func aSecureServerSendsHSTS() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        var configuration = fixture.configuration
        configuration.secureCookies = true
        let app = Application(router: ServerApplication.router(store: fixture.store, configuration: configuration))
        try await app.test(.router) { client in
            let page = try await client.execute(uri: "/login", method: .get)
            #expect(page.headers[ClientMiddleware.strictTransportSecurity] == "max-age=31536000")
        }
    }
}
