import Foundation
import JixiaoCore

/// Settings of `jixiao serve`.
public struct ServerConfiguration: Sendable {
    public var policy: ScoringPolicy
    /// Where export batches are written.
    public var exportDirectory: String
    /// Mark cookies `Secure` (serve behind HTTPS). Also set per request when a proxy says
    /// `X-Forwarded-Proto: https`.
    public var secureCookies: Bool
    public var sessionLifetime: TimeInterval
    /// Largest request body accepted (a whole form with long texts is well under this).
    public var maximumBodyBytes: Int

    public init(
        policy: ScoringPolicy = .national, exportDirectory: String, secureCookies: Bool = false,
        sessionLifetime: TimeInterval = 8 * 3600, maximumBodyBytes: Int = 1024 * 1024
    ) {
        self.policy = policy
        self.exportDirectory = exportDirectory
        self.secureCookies = secureCookies
        self.sessionLifetime = sessionLifetime
        self.maximumBodyBytes = maximumBodyBytes
    }
}
