import Foundation

/// One line of the account history (登录与账户记录): sign-ins, refusals, lockouts and what administrators
/// did to accounts. Append-only, like a form's history.
public struct AccountEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case signedIn = "signed-in"
        case signInFailed = "sign-in-failed"
        /// A sign-in refused because the account or the address is throttled.
        case throttled
        case lockedOut = "locked-out"
        case unlocked
        case signedOut = "signed-out"
        case signedOutEverywhere = "signed-out-everywhere"
        case passwordChanged = "password-changed"
        case passwordReset = "password-reset"
        case created, disabled, enabled, deleted

        public var label: String {
            switch self {
            case .signedIn: "登录"
            case .signInFailed: "登录失败"
            case .throttled: "登录被限制"
            case .lockedOut: "锁定"
            case .unlocked: "解除锁定"
            case .signedOut: "退出"
            case .signedOutEverywhere: "退出全部会话"
            case .passwordChanged: "修改密码"
            case .passwordReset: "重置密码"
            case .created: "创建用户"
            case .disabled: "停用"
            case .enabled: "启用"
            case .deleted: "删除用户"
            }
        }
    }

    public let id: Int64
    public let at: Date
    public let kind: Kind
    /// The login the event is about, as typed (a failed sign-in may name no existing account).
    public let login: String
    /// The account, when it exists (kept as a number after the account is deleted).
    public let userID: Int64?
    /// Who did it, when it is not the account itself (an administrator).
    public let actorID: Int64?
    public let actorName: String?
    /// The client address the request came from.
    public let address: String?
    public let detail: String?

    public init(
        id: Int64 = 0, at: Date, kind: Kind, login: String, userID: Int64? = nil, actorID: Int64? = nil,
        actorName: String? = nil, address: String? = nil, detail: String? = nil
    ) {
        self.id = id
        self.at = at
        self.kind = kind
        self.login = login
        self.userID = userID
        self.actorID = actorID
        self.actorName = actorName
        self.address = address
        self.detail = detail
    }
}

/// Failed sign-ins counted under one key (`account:LOGIN` or `address:IP`) since the last success. What they
/// mean — a delay, a lockout — is decided by `LoginThrottle`, not by the store.
public struct LoginFailures: Sendable, Hashable {
    public let key: String
    public let count: Int
    public let lastFailureAt: Date

    public init(key: String, count: Int, lastFailureAt: Date) {
        self.key = key
        self.count = count
        self.lastFailureAt = lastFailureAt
    }
}
