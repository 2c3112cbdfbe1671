import Hummingbird
import NIOCore

/// Per-request state: who is signed in (set by `SessionMiddleware`) and the request body, read once and
/// checked by `RequestGuardMiddleware`.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: Identity?
    /// The body of a mutating request, within the size limit.
    public var body: ByteBuffer?
    /// Fields of an `application/x-www-form-urlencoded` body.
    public var formFields: FormFieldsBody?
    /// Set when the request came over HTTPS (configured, or said by a trusted proxy).
    public var isSecure = false
    /// The connected peer's address (nil in tests that call the router directly).
    public let peerAddress: String?
    /// The client's address: the peer's, or the one a trusted proxy forwards (`ClientMiddleware`).
    public var clientAddress: String?
    /// A session cookie came with the request but its session has ended (idle, expired, signed out).
    public var sessionEnded = false

    public init(source: Source) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress
    }

    /// The signed-in user; unauthenticated requests are sent to the login page (or get 401 from the API).
    public func requireIdentity() throws -> Identity {
        guard let identity else { throw RequestError.unauthenticated }
        return identity
    }

    public var user: User {
        get throws { try requireIdentity().user }
    }

    /// The urlencoded fields of a form post.
    public func requireForm() throws -> FormFieldsBody {
        guard let formFields else { throw RequestError.badRequest("请求应为表单提交（application/x-www-form-urlencoded）") }
        return formFields
    }
}

/// A signed-in user and their session.
public struct Identity: Sendable {
    public let user: User
    public let session: Session
}
