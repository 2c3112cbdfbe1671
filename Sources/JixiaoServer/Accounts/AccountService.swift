import Foundation

/// Signing in (throttled), sessions, one's own password, and what administrators do to accounts (reset,
/// disable, enable, delete, unlock) — the one implementation behind the pages and `jixiao user`. Every
/// change is written to the account history.
public struct AccountService: Sendable {
    public let store: any FormStore
    public let hasher: PasswordHasher
    public let throttle: LoginThrottle
    public let sessions: SessionPolicy

    public init(
        store: any FormStore, hasher: PasswordHasher = PasswordHasher(), throttle: LoginThrottle = LoginThrottle(),
        sessions: SessionPolicy = SessionPolicy()
    ) {
        self.store = store
        self.hasher = hasher
        self.throttle = throttle
        self.sessions = sessions
    }

    /// Who did an administrative change: a signed-in administrator, or the command line (nil).
    public typealias Actor = User?

    // MARK: Signing in

    public enum SignIn: Sendable {
        /// The session token for the cookie, and the session.
        case success(token: String, session: Session, user: User)
        /// Wrong login or password (the same answer for both).
        case failed
        /// Throttled or locked: the Chinese message says when to try again.
        case throttled(String)
    }

    /// Checks the password unless the account or the address is throttled; counts a failure under both
    /// keys, clears them on success, and records the outcome.
    public func signIn(login: String, password: String, address: String?, now: Date = Date()) async throws -> SignIn {
        let login = String(login.trimmingCharacters(in: .whitespaces).prefix(64))
        let keys = [LoginThrottle.accountKey(login)] + (address.map { [LoginThrottle.addressKey($0)] } ?? [])
        if let refusal = throttle.refusal(try await store.loginFailures(keys: keys), now: now) {
            let message = refusal.message(now: now, time: Display.time)
            try await record(.throttled, login: login, address: address, detail: message, at: now)
            return .throttled(message)
        }
        let credentials = try await store.credentials(login: login)
        // An unknown login costs the same time as a wrong password, so logins cannot be probed.
        let valid = await PasswordVerifier.shared.verify(
            password, against: credentials?.passwordHash ?? LoginTiming.decoyHash)
        guard let user = credentials?.user, valid, !user.isDisabled else {
            let counts = try await store.recordLoginFailure(keys: keys, at: now)
            let detail = credentials?.user.isDisabled == true && valid ? "账户已停用" : nil
            try await record(
                .signInFailed, login: login, userID: credentials?.user.id, address: address, detail: detail, at: now)
            for count in counts where throttle.locksNow(count) {
                try await record(
                    .lockedOut, login: login, userID: credentials?.user.id, address: address,
                    detail: "\(count.key.hasPrefix("address:") ? "网络地址" : "账户")连续失败 \(count.count) 次", at: now)
            }
            return .failed
        }
        try await store.clearLoginFailures(keys: keys)
        let token = SecureToken.make()
        let session = Session(
            tokenDigest: SecureToken.digest(token), userID: user.id, csrfToken: SecureToken.make(),
            expiresAt: now.addingTimeInterval(sessions.lifetime), lastSeenAt: now)
        try await store.createSession(session)
        try await record(.signedIn, login: user.login, userID: user.id, address: address, at: now)
        return .success(token: token, session: session, user: user)
    }

    /// The session of a cookie token, when it is live: not expired, not idle, its user not disabled. An idle
    /// session is ended here; an active one is touched at most once a minute.
    public func session(token: String, now: Date = Date()) async throws -> (session: Session, user: User)? {
        let digest = SecureToken.digest(token)
        guard let found = try await store.session(tokenDigest: digest, now: now) else { return nil }
        if sessions.isIdle(found.session, now: now) || found.user.isDisabled {
            try await store.deleteSession(tokenDigest: digest)
            return nil
        }
        if sessions.needsTouch(found.session, now: now) { try await store.touchSession(tokenDigest: digest, at: now) }
        return found
    }

    /// Ends this session, or every session of the user (`everywhere`).
    public func signOut(_ identity: Identity, everywhere: Bool, address: String?) async throws {
        if everywhere {
            try await store.deleteSessions(userID: identity.user.id, except: nil)
        } else {
            try await store.deleteSession(tokenDigest: identity.session.tokenDigest)
        }
        try await record(
            everywhere ? .signedOutEverywhere : .signedOut, login: identity.user.login, userID: identity.user.id,
            address: address, at: Date())
    }

    // MARK: One's own password

    /// Changes the user's password after checking the current one; ends their other sessions.
    public func changePassword(
        _ identity: Identity, current: String, new: String, confirmation: String, address: String?
    ) async throws {
        let user = identity.user
        guard let credentials = try await store.credentials(login: user.login),
            await PasswordVerifier.shared.verify(current, against: credentials.passwordHash)
        else { throw ServiceError.invalid("当前密码不正确") }
        guard new == confirmation else { throw ServiceError.invalid("两次输入的新密码不一致") }
        guard new != current else { throw ServiceError.invalid("新密码不能与当前密码相同") }
        if let weakness = PasswordPolicy.weakness(of: new, login: user.login) { throw ServiceError.invalid(weakness) }
        try await store.setPassword(userID: user.id, passwordHash: hasher.hash(new), mustChange: false)
        try await store.deleteSessions(userID: user.id, except: identity.session.tokenDigest)
        try await record(.passwordChanged, login: user.login, userID: user.id, address: address, at: Date())
    }

    // MARK: Administration

    /// Sets a temporary password that the user must change at their next sign-in; ends their sessions and
    /// clears their failed sign-ins.
    public func resetPassword(_ login: String, to password: String, by actor: Actor) async throws {
        // The command line is run by whoever administers the server: its changes are recorded without an actor.
        let user = try await account(login, by: actor)
        if let weakness = PasswordPolicy.weakness(of: password, login: user.login) {
            throw ServiceError.invalid(weakness)
        }
        try await store.setPassword(userID: user.id, passwordHash: hasher.hash(password), mustChange: true)
        try await store.deleteSessions(userID: user.id, except: nil)
        try await store.clearLoginFailures(keys: [LoginThrottle.accountKey(user.login)])
        try await record(.passwordReset, login: user.login, userID: user.id, actor: actor, at: Date())
    }

    /// 停用 ends every session of the account at once; 启用 lets it sign in again.
    public func setDisabled(_ login: String, _ disabled: Bool, by actor: Actor) async throws {
        let user = try await account(login, by: actor)
        if disabled, user.id == actor?.id { throw ServiceError.invalid("不能停用自己的账户") }
        try await store.setDisabled(userID: user.id, disabled)
        if disabled { try await store.deleteSessions(userID: user.id, except: nil) }
        try await record(disabled ? .disabled : .enabled, login: user.login, userID: user.id, actor: actor, at: Date())
    }

    /// Deletes an account that never changed a form (otherwise the store refuses: disable it instead).
    public func delete(_ login: String, by actor: Actor) async throws {
        let user = try await account(login, by: actor)
        if user.id == actor?.id { throw ServiceError.invalid("不能删除自己的账户") }
        do { try await store.deleteUser(id: user.id) } catch StoreError.invalid(let reason) {
            throw ServiceError.invalid(reason)
        }
        try await record(.deleted, login: user.login, userID: user.id, actor: actor, at: Date())
    }

    /// Clears the failed sign-ins under a key (`account:LOGIN`, `address:IP`) or of a login.
    public func unlock(_ keyOrLogin: String, by actor: Actor) async throws {
        let key =
            keyOrLogin.hasPrefix("account:") || keyOrLogin.hasPrefix("address:")
            ? keyOrLogin : LoginThrottle.accountKey(keyOrLogin)
        guard !(try await store.loginFailures(keys: [key])).isEmpty else {
            throw ServiceError.invalid("“\(keyOrLogin.prefix(80))”没有登录失败记录，无需解除锁定")
        }
        try await store.clearLoginFailures(keys: [key])
        let login = key.hasPrefix("account:") ? String(key.dropFirst(8)) : ""
        try await record(
            .unlocked, login: login, actor: actor, address: key.hasPrefix("address:") ? String(key.dropFirst(8)) : nil,
            at: Date())
    }

    private func account(_ login: String, by actor: Actor) async throws -> User {
        if let actor, actor.role != .admin { throw ServiceError.denied(.forbidden("只有管理员可以管理用户")) }
        guard let user = try await store.credentials(login: login)?.user else {
            throw ServiceError.invalid("没有登录名为“\(login.prefix(64))”的用户")
        }
        return user
    }

    private func record(
        _ kind: AccountEvent.Kind, login: String, userID: Int64? = nil, actor: Actor = nil, address: String? = nil,
        detail: String? = nil, at: Date
    ) async throws {
        try await store.recordAccountEvent(
            AccountEvent(
                at: at, kind: kind, login: login, userID: userID, actorID: actor?.id,
                address: address.map { String($0.prefix(64)) },
                detail: detail ?? actor.map { "由管理员 \($0.displayName) 操作" }))
    }
}

/// PBKDF2 verifications run on their own threads, never on the ones that answer requests, at most one per
/// core at a time: parallel guessers wait for each other instead of slowing every page for everyone.
final class PasswordVerifier: Sendable {
    static let shared = PasswordVerifier()
    private let queue = DispatchQueue(label: "jixiao.password-verification", attributes: .concurrent)
    private let slots = DispatchSemaphore(value: max(1, ProcessInfo.processInfo.activeProcessorCount))

    func verify(_ password: String, against hash: String) async -> Bool {
        await withCheckedContinuation { continuation in
            queue.async { [slots] in
                slots.wait()
                defer { slots.signal() }
                continuation.resume(returning: PasswordHasher.verify(password, against: hash))
            }
        }
    }
}
