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
        /// One page of the history, newest first.
        public let history: Page<HistoryEntry>
        /// The latest return, whose comment the officer must see whatever page of the history is shown.
        public let lastReturn: HistoryEntry?
        public let policyName: String
    }

    public static let historyPageSize = 50

    public func view(_ user: User, formID: Int64, historyPage: Int = 1) async throws -> FormView {
        let stored = try await readable(user, formID: formID, for: .read)
        var analysis: FormAnalysis?
        if case .selfEvaluation(let form) = stored.form {
            analysis = FormAnalysis(form, target: try await target(of: stored.record), policy: policy)
        }
        let units = try await store.units()
        let lastReturn =
            stored.record.state == .returned
            ? try await store.history(formID: formID).last { $0.kind == .transition && $0.toState == .returned } : nil
        return FormView(
            record: stored.record, form: stored.form, unit: units.first { $0.id == stored.record.unitID },
            analysis: analysis,
            history: try await store.history(
                formID: formID, page: PageRequest(number: historyPage, size: FormService.historyPageSize)),
            lastReturn: lastReturn, policyName: policy.name)
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
        var yourFields: [String: String] = [:]
        if case .selfEvaluation(let base)? = try await store.form(id: formID, version: yourVersion),
            let edited = try? FormFields.apply(fields, to: base)
        {
            yours = FormFields.changes(from: base, to: edited)
            for change in yours { yourFields[change.path] = change.new }
            if edited.indicators.count != base.indicators.count {
                yourFields[FormFields.indicatorCount] = String(edited.indicators.count)
            }
            if edited.funds.sources.count != base.funds.sources.count {
                yourFields[FormFields.sourceCount] = String(edited.funds.sources.count)
            }
        }
        var conflict = SaveConflict(
            formID: formID, yourVersion: yourVersion, currentVersion: currentVersion,
            theirChanges: theirs, yourChanges: yours)
        conflict.yourFields = yourFields
        return conflict
    }

    /// Submits the form for review; refused while error-level findings remain.
    public func submit(_ user: User, formID: Int64, version: Int) async throws -> FormRecord {
        let stored = try await readable(user, formID: formID, for: .submit)
        guard case .selfEvaluation(let form) = stored.form else { throw ServiceError.invalid("目标表不需要提交") }
        let errors = FormAnalysis(form, target: try await target(of: stored.record), policy: policy).errors
        guard errors.isEmpty else { throw ServiceError.blocked(errors) }
        let missing = form.analysis.missing(policy.requiredAnalysis)
        guard missing.isEmpty else { throw ServiceError.incomplete(missing) }
        return try await move(user, formID: formID, .submit, version: version, comment: nil)
    }

    /// Deletes a draft made by mistake: it becomes 已删除 (out of every list, its target table draftable again);
    /// its versions and history stay, with the deletion in it.
    public func delete(_ user: User, formID: Int64, version: Int) async throws -> FormRecord {
        _ = try await readable(user, formID: formID, for: .edit)
        return try await move(user, formID: formID, .delete, version: version, comment: "删除草稿")
    }

    // MARK: Reviewer

    /// What a bulk return or approval did to each chosen form.
    public struct BulkOutcome: Sendable {
        public let done: [FormRecord]
        public let refused: [(id: Int64, project: String?, reason: String)]
    }

    /// Returns or approves each chosen form with the same comment; a form that cannot be moved is listed with
    /// its reason and the others go ahead.
    public func review(
        _ user: User, formIDs: [Int64], _ transition: Transition, comment: String
    ) async throws
        -> BulkOutcome
    {
        do { try AccessPolicy.checkReviewer(user) } catch { throw ServiceError.denied(error) }
        guard !formIDs.isEmpty else { throw ServiceError.invalid("请先勾选要处理的自评表") }
        guard formIDs.count <= 500 else { throw ServiceError.invalid("一次最多处理 500 张自评表") }
        if transition == .return, comment.allSatisfy(\.isWhitespace) {
            throw ServiceError.invalid("批量退回时请填写退回意见，说明需要修改的内容")
        }
        var done: [FormRecord] = []
        var refused: [(id: Int64, project: String?, reason: String)] = []
        for id in Set(formIDs).sorted() {
            do {
                done.append(
                    transition == .return
                        ? try await returnForm(user, formID: id, version: nil, comment: comment)
                        : try await approve(user, formID: id, version: nil, comment: comment))
            } catch let error as ServiceError {
                let project = try await store.record(id: id).flatMap { record in
                    AccessPolicy.scope(of: user).contains(record.unitID) ? record.project : nil
                }
                refused.append((id, project, Failure(error).message))
            }
        }
        return BulkOutcome(done: done, refused: refused)
    }

    /// Returns a submitted form to its officer; the comment says what to change.
    public func returnForm(_ user: User, formID: Int64, version: Int?, comment: String) async throws -> FormRecord {
        let stored = try await readable(user, formID: formID, for: .review)
        let comment = comment.trimmed
        guard !comment.isEmpty else { throw ServiceError.invalid("退回时请填写退回意见，说明需要修改的内容") }
        guard comment.count <= 2000 else { throw ServiceError.invalid("退回意见不能超过 2000 字") }
        return try await move(user, formID: stored.record.id, .return, version: version, comment: comment)
    }

    public func approve(_ user: User, formID: Int64, version: Int?, comment: String?) async throws -> FormRecord {
        let stored = try await readable(user, formID: formID, for: .review)
        let comment = comment?.trimmed
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
