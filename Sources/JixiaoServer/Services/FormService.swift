import Foundation
import JixiaoCore
import JixiaoFormats

/// The operations of the web application, each checked against `AccessPolicy` before the store is
/// touched. Route handlers call these and render the result.
public struct FormService: Sendable {
    public let store: any FormStore
    public let policy: ScoringPolicy
    private let cache = FormCache()

    public init(store: any FormStore, policy: ScoringPolicy) {
        self.store = store
        self.policy = policy
    }

    // MARK: Reading

    /// A form the user may read: its record, body, analysis (self-evaluations) and history.
    public struct FormView: Sendable {
        public let record: FormRecord
        public let form: Form
        public let unit: BudgetUnit?
        public let analysis: FormAnalysis?
        public let history: [HistoryEntry]
    }

    public func view(_ user: User, formID: Int64) async throws -> FormView {
        let stored = try await readable(user, formID: formID, for: .read)
        var analysis: FormAnalysis?
        if case .selfEvaluation(let form) = stored.form {
            analysis = FormAnalysis(form, target: try await target(of: stored.record), policy: policy)
        }
        let units = try await store.units()
        return FormView(
            record: stored.record, form: stored.form, unit: units.first { $0.id == stored.record.unitID },
            analysis: analysis, history: try await store.history(formID: formID))
    }

    /// The form, when the user may do `action` to it; not found otherwise (also for other units' forms).
    /// The decision is made on the record, before the body is read.
    func readable(_ user: User, formID: Int64, for action: FormAction) async throws -> StoredForm {
        guard let record = try await store.record(id: formID) else { throw ServiceError.denied(.notFound) }
        try authorize(user, action, unitID: record.unitID)
        return try await load(record)
    }

    /// The body at the record's version, from the cache when it is there.
    private func load(_ record: FormRecord) async throws -> StoredForm {
        if let form = cache.form(record.id, version: record.version) { return StoredForm(record: record, form: form) }
        guard let stored = try await store.form(id: record.id) else { throw ServiceError.denied(.notFound) }
        cache.insert(stored)
        return stored
    }

    func authorize(_ user: User, _ action: FormAction, unitID: Int64) throws {
        do { try AccessPolicy.check(user, action, unitID: unitID) } catch { throw ServiceError.denied(error) }
    }

    /// The user's self-evaluations (their units), optionally of one year and state.
    public func forms(_ user: User, year: Int? = nil, state: WorkflowState? = nil) async throws -> [FormRecord] {
        try await store.records(
            FormQuery(year: year, units: AccessPolicy.scope(of: user), states: state.map { [$0] } ?? []))
    }

    /// Target tables of the officer's unit that no self-evaluation has been drafted from yet.
    public func draftableTargets(_ user: User) async throws -> [FormRecord] {
        guard user.role == .officer else { return [] }
        let scope = AccessPolicy.scope(of: user)
        let tables = try await store.records(FormQuery(kind: .targetTable, units: scope))
        let used = Set(try await store.records(FormQuery(units: scope)).compactMap(\.targetID))
        return tables.filter { !used.contains($0.id) }
    }

    /// The target table a self-evaluation answers to: the one it was drafted from.
    func target(of record: FormRecord) async throws -> TargetTable? {
        guard let id = record.targetID, let target = try await store.record(id: id),
            case .targetTable(let table) = try await load(target).form
        else { return nil }
        return table
    }

    // MARK: Officer

    /// Drafts a self-evaluation from one of the officer's target tables.
    public func draft(_ user: User, targetID: Int64) async throws -> FormRecord {
        let stored = try await readable(user, formID: targetID, for: .create)
        guard case .targetTable(let table) = stored.form else { throw ServiceError.invalid("只能从目标表创建自评表") }
        guard try await draftableTargets(user).contains(where: { $0.id == targetID }) else {
            throw ServiceError.wrongState("已按该目标表创建过自评表，请在“我的自评表”中继续填写")
        }
        guard let unit = try await store.units().first(where: { $0.id == stored.record.unitID }) else {
            throw ServiceError.store(.notFound("单位"))
        }
        let form = TargetDraft.selfEvaluation(from: table, unit: unit)
        let analysis = FormAnalysis(form, target: table, policy: policy)
        return try await store.insertForm(
            analysis.write, unitID: unit.id, state: .draft, targetID: targetID, by: user.id,
            kind: .created, at: Date())
    }

    /// Scores the form as it would be with `fields` applied, without saving: the live recomputation.
    public func score(_ user: User, formID: Int64, fields: [String: String]) async throws -> FormAnalysis {
        let stored = try await readable(user, formID: formID, for: .read)
        guard case .selfEvaluation(let form) = stored.form else { throw ServiceError.invalid("目标表不评分") }
        let edited = try apply(fields, to: form)
        return FormAnalysis(edited, target: try await target(of: stored.record), policy: policy)
    }

    /// Saves `fields` onto the form if it is still at `version`; refuses with both sides' changes otherwise.
    public func save(_ user: User, formID: Int64, version: Int, fields: [String: String]) async throws -> FormRecord {
        let stored = try await readable(user, formID: formID, for: .edit)
        guard case .selfEvaluation(let current) = stored.form else { throw ServiceError.invalid("目标表不能在线修改") }
        if stored.record.version != version {
            throw ServiceError.conflict(
                try await conflict(
                    formID: formID, yourVersion: version, fields: fields,
                    currentVersion: stored.record.version))
        }
        if let state = stored.record.state, !state.isEditable {
            throw ServiceError.wrongState("该表当前状态为“\(state.label)”，不能修改（只有草稿或已退回的表可以修改）")
        }
        let edited = try apply(fields, to: current)
        let changes = FormFields.changes(from: current, to: edited)
        guard !changes.isEmpty else { return stored.record }
        let analysis = FormAnalysis(edited, target: try await target(of: stored.record), policy: policy)
        do {
            return try await store.updateForm(
                id: formID, expectedVersion: version, write: analysis.write, changes: changes,
                by: user.id, at: Date())
        } catch StoreError.versionConflict(_, _, let now) {
            throw ServiceError.conflict(
                try await conflict(
                    formID: formID, yourVersion: version, fields: fields,
                    currentVersion: now))
        } catch StoreError.wrongState(_, let reason) {
            throw ServiceError.wrongState(reason)
        }
    }

    private func apply(_ fields: [String: String], to form: SelfEvaluation) throws -> SelfEvaluation {
        do { return try FormFields.apply(fields, to: form) } catch { throw ServiceError.invalid(error.description) }
    }

    private func conflict(
        formID: Int64, yourVersion: Int, fields: [String: String],
        currentVersion: Int
    ) async throws -> SaveConflict {
        let theirs = try await store.history(formID: formID).filter { $0.version > yourVersion }
        var yours: [FieldChange] = []
        if case .selfEvaluation(let base)? = try await store.form(id: formID, version: yourVersion),
            let edited = try? FormFields.apply(fields, to: base)
        {
            yours = FormFields.changes(from: base, to: edited)
        }
        return SaveConflict(
            formID: formID, yourVersion: yourVersion, currentVersion: currentVersion,
            theirChanges: theirs, yourChanges: yours)
    }

    /// Submits the form for review; refused while error-level findings remain.
    public func submit(_ user: User, formID: Int64, version: Int) async throws -> FormRecord {
        let stored = try await readable(user, formID: formID, for: .submit)
        guard case .selfEvaluation(let form) = stored.form else { throw ServiceError.invalid("目标表不需要提交") }
        let errors = FormAnalysis(form, target: try await target(of: stored.record), policy: policy).errors
        guard errors.isEmpty else { throw ServiceError.blocked(errors) }
        return try await move(user, formID: formID, .submit, version: version, comment: nil)
    }

    // MARK: Reviewer

    /// Returns a submitted form to its officer; the comment says what to change.
    public func returnForm(_ user: User, formID: Int64, version: Int?, comment: String) async throws -> FormRecord {
        let stored = try await readable(user, formID: formID, for: .review)
        let comment = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !comment.isEmpty else { throw ServiceError.invalid("退回时请填写退回意见，说明需要修改的内容") }
        guard comment.count <= 2000 else { throw ServiceError.invalid("退回意见不能超过 2000 字") }
        return try await move(user, formID: stored.record.id, .return, version: version, comment: comment)
    }

    public func approve(_ user: User, formID: Int64, version: Int?, comment: String?) async throws -> FormRecord {
        let stored = try await readable(user, formID: formID, for: .review)
        let comment = comment?.trimmingCharacters(in: .whitespacesAndNewlines)
        return try await move(
            user, formID: stored.record.id, .approve, version: version,
            comment: comment?.isEmpty == false ? comment : nil)
    }

    private func move(
        _ user: User, formID: Int64, _ transition: Transition, version: Int?,
        comment: String?
    ) async throws -> FormRecord {
        do {
            return try await store.transition(
                id: formID, transition, expectedVersion: version, comment: comment,
                by: user.id, at: Date())
        } catch StoreError.versionConflict(_, let expected, let current) {
            throw ServiceError.conflict(
                SaveConflict(
                    formID: formID, yourVersion: expected, currentVersion: current,
                    theirChanges: try await store.history(formID: formID)
                        .filter { $0.version > expected }, yourChanges: []))
        } catch StoreError.wrongState(_, let reason) {
            throw ServiceError.wrongState(reason)
        }
    }
}
