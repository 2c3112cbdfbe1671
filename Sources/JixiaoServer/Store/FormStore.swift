import Foundation
import JixiaoCore

/// Where users, units, sessions, forms, their versions and their history live. SQLite (`SQLiteFormStore`)
/// is the embedded default; a PostgreSQL store for province-wide deployments would adopt the same protocol.
///
/// The store enforces integrity (versions, allowed states, append-only history) but no permissions: those
/// are decided by `AccessPolicy` before the store is called. Nor does it hold policy: what a number of
/// failed sign-ins means (`LoginThrottle`), when a session is idle (`SessionPolicy`), which passwords are
/// acceptable (`PasswordPolicy`) and which rate class a form is in (`RateBucket`) are decided in Swift; the
/// store counts, sums, filters, sorts and pages, so each operation is one or a few SQL statements.
public protocol FormStore: Sendable {
    // MARK: Units and users
    func createUnit(code: String?, name: String) async throws -> BudgetUnit
    func units() async throws -> [BudgetUnit]
    func createUser(_ user: NewUser) async throws -> User
    func users() async throws -> [User]
    func user(id: Int64) async throws -> User?
    /// The user and their password hash, for logging in.
    func credentials(login: String) async throws -> (user: User, passwordHash: String)?
    func setReviewedUnits(userID: Int64, units: Set<Int64>) async throws
    /// Replaces the password hash; `mustChange` marks it temporary (set by an administrator).
    func setPassword(userID: Int64, passwordHash: String, mustChange: Bool) async throws
    /// 停用 / 启用. Disabling does not end sessions by itself: the caller ends them (`deleteSessions`).
    func setDisabled(userID: Int64, _ disabled: Bool) async throws
    /// Deletes an account that has never changed a form or made an export batch (its sessions and reviewer
    /// assignments go with it). An account with history is refused with `.invalid`: disable it instead, so the
    /// history keeps naming who did what.
    func deleteUser(id: Int64) async throws

    // MARK: Sessions
    func createSession(_ session: Session) async throws
    /// The session and its user, when the session exists and has not expired at `now` (the absolute
    /// expiry only; idleness is judged by the caller from `lastSeenAt`).
    func session(tokenDigest: String, now: Date) async throws -> (session: Session, user: User)?
    /// Records activity on a session (`lastSeenAt`).
    func touchSession(tokenDigest: String, at: Date) async throws
    func deleteSession(tokenDigest: String) async throws
    /// Ends every session of the user, except the one named (the session that changed the password).
    func deleteSessions(userID: Int64, except tokenDigest: String?) async throws

    // MARK: Sign-in throttling and the account history
    /// Adds one failure under each key at `at` and returns the new counts, atomically (parallel guessers
    /// cannot lose increments).
    func recordLoginFailure(keys: [String], at: Date) async throws -> [LoginFailures]
    /// The counts under these keys (keys without failures are absent).
    func loginFailures(keys: [String]) async throws -> [LoginFailures]
    /// Every key with at least `minimum` failures, most failures first (the administrator's list).
    func loginFailures(atLeast minimum: Int) async throws -> [LoginFailures]
    /// Forgets the failures under these keys (a success, an administrator's unlock).
    func clearLoginFailures(keys: [String]) async throws
    func recordAccountEvent(_ event: AccountEvent) async throws
    /// The account history, newest first; only the events about `login` when given.
    func accountEvents(login: String?, page: PageRequest) async throws -> Page<AccountEvent>

    // MARK: Forms
    /// Inserts a form at version 1 with a `created` or `imported` history entry.
    func insertForm(
        _ write: FormWrite, unitID: Int64, state: WorkflowState?, targetID: Int64?, by userID: Int64?,
        kind: HistoryEntry.Kind, at: Date
    ) async throws -> FormRecord
    func form(id: Int64) async throws -> StoredForm?
    func record(id: Int64) async throws -> FormRecord?
    /// The body of an earlier version (for showing what changed since).
    func form(id: Int64, version: Int) async throws -> Form?
    /// Records matching the query, forms with error findings first, then by unit, year and project.
    func records(_ query: FormQuery) async throws -> [FormRecord]
    /// One page of the records matching the query in the given order, and how many match in all: `total`
    /// when the caller has counted them already (the dashboard's aggregates; one scan fewer), counted otherwise.
    func records(_ query: FormQuery, sort: FormSort, page: PageRequest, total: Int?) async throws -> Page<FormRecord>
    /// Counts by grade, state and rate class and sums of the amounts over every record matching the query.
    func aggregates(_ query: FormQuery) async throws -> FormAggregates
    /// The years that have forms of this kind in these units, latest first.
    func years(kind: FormKind, units: UnitScope) async throws -> [Int]
    /// Whether a form of this kind, unit, year and project exists (imports skip it).
    func exists(kind: FormKind, unitID: Int64, year: Int, project: String) async throws -> Bool
    /// Saves a new body if the form is still at `expectedVersion` and in an editable state; one history entry
    /// per changed field. Throws `.versionConflict` otherwise.
    func updateForm(
        id: Int64, expectedVersion: Int, write: FormWrite, changes: [FieldChange], by userID: Int64,
        at: Date
    ) async throws -> FormRecord
    /// Moves a form along the workflow if it is in one of the transition's source states (and at
    /// `expectedVersion` when given); the history entry carries the comment.
    func transition(
        id: Int64, _ transition: Transition, expectedVersion: Int?, comment: String?, by userID: Int64,
        at: Date
    ) async throws -> FormRecord
    /// The whole history, oldest first.
    func history(formID: Int64) async throws -> [HistoryEntry]
    /// One page of the history, newest version first (within a version, in the order written).
    func history(formID: Int64, page: PageRequest) async throws -> Page<HistoryEntry>
    func findings(formID: Int64) async throws -> [StoredFinding]
    /// Rule ids with at least one stored finding (for the dashboard's filter).
    func ruleIDs() async throws -> [String]

    // MARK: Export batches
    /// Moves every form to 已导出 and records the batch, in one transaction.
    func recordExport(
        directory: String, items: [(formID: Int64, path: String)], by userID: Int64,
        at: Date
    ) async throws -> ExportBatch
    func exportBatch(id: Int64) async throws -> ExportBatch?
    /// Past batches with at least one form of these units, newest first; `formCount` counts those forms.
    func exportBatches(units: UnitScope, page: PageRequest) async throws -> Page<ExportBatchSummary>
}

extension FormStore {
    /// One page of the records matching the query in the given order, and how many match in all.
    public func records(_ query: FormQuery, sort: FormSort, page: PageRequest) async throws -> Page<FormRecord> {
        try await records(query, sort: sort, page: page, total: nil)
    }
}

/// Why the store refused or failed. Messages are Chinese.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// Someone saved the form since `expectedVersion` was read.
    case versionConflict(formID: Int64, expected: Int, current: Int)
    /// The form is not in a state that allows the change.
    case wrongState(WorkflowState, String)
    case notFound(String)
    /// A unique name or login already taken, or a reference to something that does not exist.
    case invalid(String)
    /// The database itself failed (disk, corruption, lock); the detail is for the log, not the user.
    case database(String)

    public var description: String {
        switch self {
        case .versionConflict(_, let expected, let current):
            "该表已被他人修改（您编辑的是第 \(expected) 版，当前为第 \(current) 版）"
        case .wrongState(_, let reason): reason
        case .notFound(let what): "\(what)不存在"
        case .invalid(let reason): reason
        case .database: "数据库操作失败，请稍后重试；若反复出现请联系管理员"
        }
    }
}
