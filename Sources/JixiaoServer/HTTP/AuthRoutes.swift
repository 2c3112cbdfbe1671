import Foundation
import Hummingbird

/// Signing in and out, the signed-in user's account, and the session endpoint the editor uses to sign in
/// again in place when its session ended.
enum AuthRoutes {
    static func add(to routes: Routes, _ services: Services) {
        let accounts = services.accounts

        routes.get("/") { _, context -> Response in
            guard let user = context.identity?.user else { return Responses.redirect("/login") }
            return Responses.redirect(user.role == .officer ? "/forms" : "/review")
        }

        routes.get("/login") { request, context -> Response in
            if context.identity != nil { return Responses.redirect("/") }
            let query = try request.queryFields()
            let token = SecureToken.make()
            let notice = query["ended"] == "idle" ? "由于长时间没有操作，您已自动退出，请重新登录。" : nil
            var response = Responses.html(
                LoginPage.render(token: token, next: query["next"], error: nil, notice: notice))
            response.setCookie(loginCookie(token, secure: context.isSecure))
            return response
        }

        routes.post("/login") { _, context -> Response in
            let form = try context.requireForm()
            let outcome = try await accounts.signIn(
                login: try form.text("login", label: "登录名"), password: try form.text("password", label: "密码"),
                address: context.clientAddress)
            switch outcome {
            case .failed, .throttled:
                let message: String
                if case .throttled(let text) = outcome { message = text } else { message = "登录名或密码不正确" }
                let status: HTTPResponse.Status = {
                    if case .throttled = outcome { return .tooManyRequests }
                    return .unauthorized
                }()
                return Responses.html(
                    LoginPage.render(token: form["_csrf"] ?? "", next: form["next"], error: message), status: status)
            case .success(let token, _, let user):
                let next = user.mustChangePassword ? "/account" : safeNext(form["next"]) ?? "/"
                var response = Responses.redirect(next)
                response.setCookie(
                    SessionMiddleware.cookie(token, lifetime: accounts.sessions.lifetime, secure: context.isSecure))
                response.setCookie(loginCookie("", secure: context.isSecure))
                return response
            }
        }

        routes.post("/logout") { _, context -> Response in
            if let identity = context.identity {
                try await accounts.signOut(
                    identity, everywhere: context.formFields?["everywhere"] == "1", address: context.clientAddress)
            }
            var response = Responses.redirect("/login")
            response.setCookie(SessionMiddleware.cookie(nil, lifetime: 0, secure: context.isSecure))
            return response
        }

        /// After signing in again from the editor: the new session's CSRF token for the page's script.
        routes.get("/api/session") { _, context -> Response in
            let identity = try context.requireIdentity()
            return Responses.json(
                .object([
                    ("csrf", .string(identity.session.csrfToken)), ("login", .string(identity.user.login)),
                    ("name", .string(identity.user.displayName)),
                ]))
        }

        routes.get("/account") { request, context -> Response in
            let identity = try context.requireIdentity()
            let query = try request.queryFields()
            let events = try await services.store.accountEvents(
                login: identity.user.login,
                page: PageRequest(number: try query.optionalInteger("events", label: "页码") ?? 1, size: 20))
            return Responses.html(
                AccountPage.render(
                    identity: identity, events: events, idleLimit: accounts.sessions.idleLimit,
                    notice: Notice.from(query)))
        }

        routes.post("/account/password") { _, context -> Response in
            let identity = try context.requireIdentity()
            let form = try context.requireForm()
            try await accounts.changePassword(
                identity, current: try form.text("current", label: "当前密码"), new: try form.text("new", label: "新密码"),
                confirmation: try form.text("confirmation", label: "再次输入的新密码"), address: context.clientAddress)
            return Responses.redirect("/account?done=\(Notice.password.rawValue)")
        }
    }

    /// The login form's CSRF cookie (double submit: the form carries the same token).
    static func loginCookie(_ token: String, secure: Bool) -> Cookie {
        Cookie(
            name: RequestGuardMiddleware.loginCookieName, value: token, maxAge: token.isEmpty ? 0 : 3600,
            path: "/login", secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// Only a path on this site is followed after login (never `//host` or `https://…`).
    static func safeNext(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), next.count < 2000 else {
            return nil
        }
        return next
    }
}

/// A hash of a random password, verified when the login is unknown.
enum LoginTiming {
    static let decoyHash = PasswordHasher().hash(SecureToken.make())
}
