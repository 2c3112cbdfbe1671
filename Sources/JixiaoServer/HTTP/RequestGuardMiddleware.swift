import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Every request that changes something (POST, PUT, PATCH, DELETE) passes here first:
/// - its body is read once, up to the size limit (413 beyond);
/// - it must come from this site: a foreign `Origin` is refused;
/// - it must carry the session's CSRF token: the `_csrf` field of a form post, or the `X-CSRF-Token` header
///   of a JSON request. The login form, before any session exists, carries the token of its login cookie.
struct RequestGuardMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let loginCookieName = "jixiao_login"
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

    let maximumBodyBytes: Int

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard [.post, .put, .patch, .delete].contains(request.method) else { return try await next(request, context) }
        var context = context
        try checkOrigin(request)
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maximumBodyBytes {
            throw RequestError.tooLarge(limit: maximumBodyBytes)
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: maximumBodyBytes)
        } catch is NIOTooManyBytesError {
            throw RequestError.tooLarge(limit: maximumBodyBytes)
        }
        context.body = body
        let mediaType =
            request.headers[.contentType].map {
                $0.split(separator: ";")[0].trimmingCharacters(in: .whitespaces).lowercased()
            } ?? ""
        let presented: String?
        switch mediaType {
        case "application/x-www-form-urlencoded":
            guard let text = String(validating: Array(body.readableBytesView), as: UTF8.self) else {
                throw RequestError.badRequest("表单内容不是有效的 UTF-8 文本")
            }
            let fields = try FormFieldsBody(parsing: text)
            context.formFields = fields
            presented = fields["_csrf"]
        case "application/json":
            presented = request.headers[RequestGuardMiddleware.csrfHeader]
        case "" where body.readableBytes == 0:
            presented = request.headers[RequestGuardMiddleware.csrfHeader]
        default:
            throw RequestError.unsupportedMediaType(mediaType)
        }
        let expected =
            request.uri.path == "/login"
            ? request.cookies[RequestGuardMiddleware.loginCookieName]?.value
            : context.identity?.session.csrfToken
        guard context.identity != nil || request.uri.path == "/login" else { throw RequestError.unauthenticated }
        guard let expected, !expected.isEmpty, let presented, SecureToken.constantTimeEquals(expected, presented) else {
            throw RequestError.csrf
        }
        return try await next(request, context)
    }

    /// Browsers send `Origin` on posts; when present it must name this host (`null` included: refused).
    private func checkOrigin(_ request: Request) throws {
        guard let origin = request.headers[.origin] else { return }
        guard let host = request.head.authority,
            let url = URL(string: origin), let originHost = url.host
        else { throw RequestError.csrf }
        let originAuthority = url.port.map { "\(originHost):\($0)" } ?? originHost
        guard originAuthority.lowercased() == host.lowercased() else { throw RequestError.csrf }
    }
}
