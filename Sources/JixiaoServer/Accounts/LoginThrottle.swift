import Foundation

/// What failed sign-ins mean: after `delayAfter` failures under a key each further attempt must wait twice as
/// long as the last (`baseDelay`: 1 s, 2 s, 4 s … at most `maximumDelay`); at `lockAfter` the key is locked for
/// `lockout`. Counted per account (`account:LOGIN`) and per client address (`address:IP`, with higher limits:
/// one office shares an address). A success clears both. The counts live in the store; this type only
/// decides.
public struct LoginThrottle: Sendable {
    public struct Limits: Sendable, Hashable {
        public var delayAfter: Int
        public var lockAfter: Int

        public init(delayAfter: Int, lockAfter: Int) {
            self.delayAfter = delayAfter
            self.lockAfter = lockAfter
        }
    }

    public var account = Limits(delayAfter: 5, lockAfter: 20)
    public var address = Limits(delayAfter: 20, lockAfter: 100)
    public var baseDelay: TimeInterval = 1
    public var maximumDelay: TimeInterval = 300
    public var lockout: TimeInterval = 15 * 60

    public init() {}

    public static func accountKey(_ login: String) -> String { "account:" + login.lowercased().prefix(64) }
    public static func addressKey(_ address: String) -> String { "address:" + address.prefix(64) }

    /// A refusal: until when, and whether it is a lockout.
    public struct Refusal: Sendable, Hashable {
        public let key: String
        public let until: Date
        public let locked: Bool

        /// `登录失败次数过多，该账户已锁定，请在 15 分钟后（14:32 以后）再试`.
        public func message(now: Date, time: (Date) -> String) -> String {
            let seconds = max(1, Int(until.timeIntervalSince(now).rounded(.up)))
            let wait = seconds >= 60 ? "\((seconds + 59) / 60) 分钟" : "\(seconds) 秒"
            let whom = key.hasPrefix("address:") ? "来自您所在网络地址的登录" : "该账户"
            if locked {
                return "登录失败次数过多，\(whom)已被锁定。请在 \(wait)后（\(time(until)) 以后）再试，或请管理员解除锁定"
            }
            return "登录失败次数较多，请在 \(wait)后再试（\(whom)每次失败后需等待更长时间）"
        }
    }

    /// Limits of a key by its kind.
    func limits(_ key: String) -> Limits { key.hasPrefix("address:") ? address : account }

    /// Until when `failures` hold the key back, and whether that is a lockout; nil when an attempt is allowed.
    public func refusal(_ failures: LoginFailures, now: Date) -> Refusal? {
        let limits = limits(failures.key)
        let until: Date
        let locked = failures.count >= limits.lockAfter
        if locked {
            until = failures.lastFailureAt.addingTimeInterval(lockout)
        } else if failures.count >= limits.delayAfter {
            let exponent = min(failures.count - limits.delayAfter, 30)
            until = failures.lastFailureAt.addingTimeInterval(min(maximumDelay, baseDelay * pow(2, Double(exponent))))
        } else {
            return nil
        }
        return now < until ? Refusal(key: failures.key, until: until, locked: locked) : nil
    }

    /// The longest refusal among the keys' failures.
    public func refusal(_ failures: [LoginFailures], now: Date) -> Refusal? {
        failures.compactMap { refusal($0, now: now) }.max { $0.until < $1.until }
    }

    /// Whether this failure count is the one that locks the key (recorded once in the history).
    public func locksNow(_ failures: LoginFailures) -> Bool { failures.count == limits(failures.key).lockAfter }
}

/// When a session ends: `lifetime` after sign-in whatever happens, or after `idleLimit` without a request.
/// Activity is written to the store at most every `touchInterval`, not on every request.
public struct SessionPolicy: Sendable, Hashable {
    public var lifetime: TimeInterval
    public var idleLimit: TimeInterval
    public var touchInterval: TimeInterval = 60

    public init(lifetime: TimeInterval = 8 * 3600, idleLimit: TimeInterval = 30 * 60) {
        self.lifetime = lifetime
        self.idleLimit = idleLimit
    }

    public func isIdle(_ session: Session, now: Date) -> Bool { now.timeIntervalSince(session.lastSeenAt) > idleLimit }
    public func needsTouch(_ session: Session, now: Date) -> Bool {
        now.timeIntervalSince(session.lastSeenAt) > touchInterval
    }
}
