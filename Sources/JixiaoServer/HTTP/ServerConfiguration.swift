import Foundation
import JixiaoCore

/// Settings of `jixiao serve`.
public struct ServerConfiguration: Sendable {
    public var policy: ScoringPolicy
    /// Where export batches are written.
    public var exportDirectory: String
    /// The server is reached over HTTPS (directly or behind a proxy): cookies are `Secure` and responses
    /// carry HSTS.
    public var secureCookies: Bool
    /// Addresses of reverse proxies whose `X-Forwarded-For` and `X-Forwarded-Proto` are believed; from any
    /// other client those headers are ignored.
    public var trustedProxies: Set<String>
    public var sessions: SessionPolicy
    public var throttle: LoginThrottle
    /// Largest request body accepted (a whole form with long texts is well under this).
    public var maximumBodyBytes: Int
    /// How long the editor waits after the last keystroke before it saves the draft (milliseconds).
    public var autosaveDelay: Int

    public init(
        policy: ScoringPolicy = .national, exportDirectory: String, secureCookies: Bool = false,
        trustedProxies: Set<String> = [], sessions: SessionPolicy = SessionPolicy(),
        throttle: LoginThrottle = LoginThrottle(), maximumBodyBytes: Int = 1024 * 1024, autosaveDelay: Int = 5000
    ) {
        self.policy = policy
        self.exportDirectory = exportDirectory
        self.secureCookies = secureCookies
        self.trustedProxies = trustedProxies
        self.sessions = sessions
        self.throttle = throttle
        self.maximumBodyBytes = maximumBodyBytes
        self.autosaveDelay = autosaveDelay
    }
}
