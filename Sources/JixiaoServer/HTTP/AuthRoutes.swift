import Foundation
import Hummingbird

/// Signing in and out.
enum AuthRoutes {
    static func add(to router: Router<AppRequestContext>, _ services: Services) {
        router.get("/") { _, context -> Response in
            guard let user = context.identity?.user else { return Responses.redirect("/login") }
            return Responses.redirect(user.role == .officer ? "/forms" : "/review")
        }

        router.get("/login") { request, context -> Response in
            if context.identity != nil { return Responses.redirect("/") }
            let token = SecureToken.make()
            var response = Responses.html(
                LoginPage.render(token: token, next: try request.queryFields()["next"], error: nil))
            response.setCookie(loginCookie(token, secure: context.isSecure))
            return response
        }

        router.post("/login") { request, context -> Response in
            let form = try context.requireForm()
            let login = try form.text("login", label: "登录名")
            let password = try form.text("password", label: "密码")
            let credentials = try await services.store.credentials(login: login)
            // An unknown login costs the same time as a wrong password, so logins cannot be probed.
            let valid = PasswordHasher.verify(password, against: credentials?.passwordHash ?? LoginTiming.decoyHash)
            guard let user = credentials?.user, valid else {
                return Responses.html(
                    LoginPage.render(
                        token: form["_csrf"] ?? "", next: form["next"],
                        error: "登录名或密码不正确"), status: .unauthorized)
            }
            let token = SecureToken.make()
            let lifetime = services.configuration.sessionLifetime
            try await services.store.createSession(
                Session(
                    tokenDigest: SecureToken.digest(token), userID: user.id,
                    csrfToken: SecureToken.make(),
                    expiresAt: Date().addingTimeInterval(lifetime)))
            var response = Responses.redirect(safeNext(form["next"]) ?? "/")
            response.setCookie(SessionMiddleware.cookie(token, lifetime: lifetime, secure: context.isSecure))
            response.setCookie(loginCookie("", secure: context.isSecure))
            return response
        }

        router.post("/logout") { request, context -> Response in
            if let identity = context.identity {
                try await services.store.deleteSession(tokenDigest: identity.session.tokenDigest)
            }
            var response = Responses.redirect("/login")
            response.setCookie(SessionMiddleware.cookie(nil, lifetime: 0, secure: context.isSecure))
            return response
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
