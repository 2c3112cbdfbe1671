import Foundation
import HTTPTypes
import Hummingbird

/// Finds the signed-in user from the session cookie. The cookie holds a random token; the store keeps
/// only its SHA-256, so a copy of the database does not let anyone sign in. A session that is idle, expired
/// or whose user was disabled is no session (`AccountService.session`). A user whose password is temporary
/// may only change it (or sign out) until they have.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let cookieName = "jixiao_session"

    let accounts: AccountService

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        if let token = request.cookies[SessionMiddleware.cookieName]?.value, !token.isEmpty, token.count <= 128 {
            do {
                if let found = try await accounts.session(token: token) {
                    context.identity = Identity(user: found.user, session: found.session)
                } else {
                    context.sessionEnded = true
                }
            } catch {
                return ErrorMiddleware.response(for: error, request, context)
            }
        }
        if context.identity?.user.mustChangePassword == true, !SessionMiddleware.allowedBeforePasswordChange(request) {
            if request.method == .get, !ErrorMiddleware.isAPI(request) { return Responses.redirect("/account") }
            return ErrorMiddleware.response(for: RequestError.passwordChangeRequired, request, context)
        }
        return try await next(request, context)
    }

    static func allowedBeforePasswordChange(_ request: Request) -> Bool {
        let path = request.uri.path
        return path == "/account" || path == "/account/password" || path == "/logout" || path.hasPrefix("/static/")
            || path == "/api/session"
    }

    /// The session cookie: HttpOnly, SameSite=Strict, Secure over HTTPS; nil value clears it.
    static func cookie(_ token: String?, lifetime: TimeInterval, secure: Bool) -> Cookie {
        Cookie(
            name: cookieName, value: token ?? "", maxAge: token == nil ? 0 : Int(lifetime), path: "/",
            secure: secure, httpOnly: true, sameSite: .strict)
    }
}

/// Who is asking, before anything else: the client's address (the peer's, or — only when the peer is a
/// configured proxy — the one `X-Forwarded-For` names last) and whether the request came over HTTPS (only a
/// configured proxy's `X-Forwarded-Proto` is believed). Secure responses carry HSTS.
struct ClientMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
    static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")!
    static let strictTransportSecurity = HTTPField.Name("Strict-Transport-Security")!

    let secure: Bool
    let trustedProxies: Set<String>

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        let peer = context.peerAddress
        let viaProxy = peer.map(trustedProxies.contains) ?? false
        if viaProxy, let forwarded = request.headers[ClientMiddleware.forwardedFor] {
            let last = forwarded.split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces) }
            context.clientAddress = last.flatMap { $0.isEmpty ? nil : String($0.prefix(64)) } ?? peer
        } else {
            context.clientAddress = peer
        }
        context.isSecure = secure || (viaProxy && request.headers[ClientMiddleware.forwardedProto] == "https")
        var response = try await next(request, context)
        if context.isSecure { response.headers[ClientMiddleware.strictTransportSecurity] = "max-age=31536000" }
        return response
    }
}
