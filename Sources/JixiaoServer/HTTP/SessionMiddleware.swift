import Foundation
import HTTPTypes
import Hummingbird

/// Finds the signed-in user from the session cookie. The cookie holds a random token; the store keeps
/// only its SHA-256, so a copy of the database does not let anyone sign in.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let cookieName = "jixiao_session"

    let store: any FormStore
    let secureCookies: Bool

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        context.isSecure = secureCookies || request.headers[HTTPField.Name("X-Forwarded-Proto")!] == "https"
        if let token = request.cookies[SessionMiddleware.cookieName]?.value, !token.isEmpty, token.count <= 128,
            let found = try await store.session(tokenDigest: SecureToken.digest(token), now: Date())
        {
            context.identity = Identity(user: found.user, session: found.session)
        }
        return try await next(request, context)
    }

    /// The session cookie: HttpOnly, SameSite=Strict, Secure over HTTPS; nil value clears it.
    static func cookie(_ token: String?, lifetime: TimeInterval, secure: Bool) -> Cookie {
        Cookie(
            name: cookieName, value: token ?? "", maxAge: token == nil ? 0 : Int(lifetime), path: "/",
            secure: secure, httpOnly: true, sameSite: .strict)
    }
}
