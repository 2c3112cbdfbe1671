import Foundation
import JixiaoCore
import JixiaoFormats

/// The reviewer's operations over many forms: the year dashboard and batch export of approved forms.
public struct ReviewService: Sendable {
    public let store: any FormStore
    public let policy: ScoringPolicy
    /// Export batches are written under this folder, one sub-folder per batch.
    public let exportDirectory: String

    public init(store: any FormStore, policy: ScoringPolicy, exportDirectory: String) {
        self.store = store
        self.policy = policy
        self.exportDirectory = exportDirectory
    }

    public func dashboard(_ user: User, filter: Dashboard.Filter) async throws -> Dashboard {
        try reviewer(user)
        let scope = AccessPolicy.scope(of: user)
        let years = try await store.years(kind: .selfEvaluation, units: scope)
        let year = filter.year ?? years.first
        let units = try await store.units().filter { scope.contains($0.id) }
        let records = try await store.records(FormQuery(
            year: year, units: scope, unitID: filter.unitID, states: filter.state.map { [$0] } ?? [],
            grade: filter.grade, ruleID: filter.ruleID))
        let summaries = filter.unitID == nil ? [] : try await departmentSummaries(records)
        return Dashboard(filter: filter, year: year, years: years, units: units, ruleIDs: try await store.ruleIDs(),
                         records: records, summaries: summaries)
    }

    /// The 决算公开 summary of the forms shown (one unit's year, so a few dozen forms are read).
    private func departmentSummaries(_ records: [FormRecord]) async throws -> [UnitSummary] {
        var forms: [SelfEvaluation] = []
        for record in records {
            if case .selfEvaluation(let form)? = try await store.form(id: record.id)?.form { forms.append(form) }
        }
        return DepartmentSummary(forms, policy: policy).units
    }

    /// Writes every approved form of the year (and unit, when given) that the reviewer may export as form
    /// files (`<year>/<unit>/<project>.yaml`) into a new batch folder, and marks them 已导出.
    public func exportApproved(_ user: User, year: Int, unitID: Int64?) async throws -> ExportBatch {
        try reviewer(user)
        let records = try await store.records(FormQuery(year: year, units: AccessPolicy.scope(of: user), unitID: unitID,
                                                        states: [.approved]))
        guard !records.isEmpty else { throw ServiceError.invalid("\(year) 年度没有“已审核”状态的自评表可以导出") }
        let name = "batch-\(ReviewService.stamp(Date()))-\(SecureToken.hex(SecureToken.randomBytes(3)))"
        let directory = (exportDirectory as NSString).appendingPathComponent(name)
        var items: [(formID: Int64, path: String)] = []
        var used = Set<String>()
        do {
            for record in records {
                try AccessPolicy.check(user, .export, unitID: record.unitID)
                guard let stored = try await store.form(id: record.id) else { continue }
                var path = FormImporters.relativePath(for: stored.form)
                if !used.insert(path).inserted {
                    path = (path as NSString).deletingPathExtension + "-\(record.id).yaml"
                    used.insert(path)
                }
                try AtomicFile.write(Data(FormFileWriter.yaml(stored.form).utf8),
                                     to: (directory as NSString).appendingPathComponent(path))
                items.append((record.id, path))
            }
            return try await store.recordExport(directory: directory, items: items, by: user.id, at: Date())
        } catch {
            try? FileManager.default.removeItem(atPath: directory)
            if let denied = error as? AccessDenied { throw ServiceError.denied(denied) }
            throw error
        }
    }

    /// One exported form file, when the user may export its unit's forms.
    public func exportedFile(_ user: User, batchID: Int64, formID: Int64) async throws -> (name: String, data: Data) {
        try reviewer(user)
        guard let batch = try await store.exportBatch(id: batchID),
              let item = batch.items.first(where: { $0.formID == formID }) else { throw ServiceError.denied(.notFound) }
        do { try AccessPolicy.check(user, .export, unitID: item.unitID) } catch { throw ServiceError.denied(error) }
        let path = (batch.directory as NSString).appendingPathComponent(item.path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ServiceError.invalid("导出文件已不在服务器的导出文件夹中（\(item.path)），请重新导出")
        }
        return ((item.path as NSString).lastPathComponent, data)
    }

    /// The batch, with only the items the user may see.
    public func batch(_ user: User, id: Int64) async throws -> ExportBatch {
        try reviewer(user)
        guard let batch = try await store.exportBatch(id: id) else { throw ServiceError.denied(.notFound) }
        let scope = AccessPolicy.scope(of: user)
        let items = batch.items.filter { scope.contains($0.unitID) }
        guard !items.isEmpty else { throw ServiceError.denied(.notFound) }
        return ExportBatch(id: batch.id, createdBy: batch.createdBy, createdAt: batch.createdAt,
                           directory: batch.directory, items: items)
    }

    private func reviewer(_ user: User) throws {
        do { try AccessPolicy.checkReviewer(user) } catch { throw ServiceError.denied(error) }
    }

    static func stamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .current
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02d-%02d%02d%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0,
                      c.minute ?? 0, c.second ?? 0)
    }
}
