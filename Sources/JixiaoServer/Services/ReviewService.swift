import Foundation
import JixiaoCore
import JixiaoCrypto
import JixiaoFormats
import JixiaoXLSX
import JixiaoXML

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
        var filter = filter
        if let text = filter.unitText, filter.unitID == nil {
            guard let unit = Dashboard.unit(text, in: units) else {
                throw ServiceError.invalid("没有找到单位“\(text.prefix(40))”（可写单位编号、单位代码或名称），或您无权查看该单位")
            }
            filter.unitID = unit.id
        }
        let query = FormQuery(
            year: year, units: scope, unitID: filter.unitID, states: filter.state.map { [$0] } ?? [],
            grade: filter.grade, ruleID: filter.ruleID, search: filter.search)
        // The aggregates count the forms the list pages through: the list needs no count of its own.
        let aggregates = try await store.aggregates(query)
        var page = try await store.records(
            query, sort: filter.sort, page: PageRequest(number: filter.page, size: Dashboard.pageSize),
            total: aggregates.count)
        if page.items.isEmpty, page.total > 0 {
            page = try await store.records(
                query, sort: filter.sort, page: PageRequest(number: page.pageCount, size: Dashboard.pageSize),
                total: aggregates.count)
        }
        filter.page = page.request.number
        let summaryStates = filter.state.map { [$0] } ?? WorkflowState.allCases.filter { $0 != .deleted }
        return Dashboard(
            filter: filter, year: year, years: years, units: units, ruleIDs: try await store.ruleIDs(),
            page: page, aggregates: aggregates,
            summaries: filter.unitID == nil ? [] : try await departmentSummaries(query), summaryStates: summaryStates,
            policy: policy)
    }

    /// The 决算公开 summary of the forms shown (one unit's year, so a few dozen forms are read).
    private func departmentSummaries(_ query: FormQuery) async throws -> [UnitSummary] {
        var forms: [SelfEvaluation] = []
        for record in try await store.records(query) {
            if case .selfEvaluation(let form)? = try await store.form(id: record.id)?.form { forms.append(form) }
        }
        return DepartmentSummary(forms, policy: policy).units
    }

    /// What a batch export did: the batch, and the approved forms the exporter refused, with its reasons.
    public struct ExportOutcome: Sendable {
        public let batch: ExportBatch
        public let refused: [(record: FormRecord, reasons: [String])]
    }

    /// Exports every approved form of the year (and unit, when given) that the reviewer may export as the XML
    /// of `jixiao export` (one schema-valid file per form and a batch file with its manifest) into a new
    /// batch folder, and marks the exported ones 已导出.
    public func exportApproved(_ user: User, year: Int, unitID: Int64?) async throws -> ExportOutcome {
        try reviewer(user)
        let records = try await store.records(
            FormQuery(
                year: year, units: AccessPolicy.scope(of: user), unitID: unitID,
                states: [.approved]))
        guard !records.isEmpty else { throw ServiceError.invalid("\(year) 年度没有“已审核”状态的自评表可以导出") }
        var forms: [LoadedForm] = []
        for record in records {
            do { try AccessPolicy.check(user, .export, unitID: record.unitID) } catch {
                throw ServiceError.denied(error)
            }
            guard let stored = try await store.form(id: record.id) else { continue }
            forms.append(LoadedForm(file: ReviewService.label(record.id), form: stored.form))
        }
        let name = "batch-\(ReviewService.stamp(Date()))-\(Hashing.hex(SecureToken.randomBytes(3)))"
        let directory = (exportDirectory as NSString).appendingPathComponent(name)
        let report: ExportReport
        do {
            report = try Exporter(
                options: ExportOptions(
                    outputFolder: directory, batchName: name, policy: policy,
                    createdAt: ISO8601DateFormatter().string(from: Date()))
            ).export(forms)
        } catch {
            throw ServiceError.invalid("导出失败：\(error)")
        }
        let exported = Dictionary(report.exported.map { ($0.file, $0.path) }, uniquingKeysWith: { first, _ in first })
        let refusals = Dictionary(report.refused.map { ($0.file, $0.reasons) }, uniquingKeysWith: { first, _ in first })
        let items = records.compactMap { record in
            exported[ReviewService.label(record.id)].map {
                (formID: record.id, path: String($0.dropFirst(directory.count + 1)))
            }
        }
        let refused = records.compactMap { record in refusals[ReviewService.label(record.id)].map { (record, $0) } }
        guard !items.isEmpty else {
            try? FileManager.default.removeItem(atPath: directory)
            throw ServiceError.invalid("没有可以导出的自评表：" + refused.flatMap(\.1).joined(separator: "；"))
        }
        do {
            return ExportOutcome(
                batch: try await store.recordExport(directory: directory, items: items, by: user.id, at: Date()),
                refused: refused)
        } catch {
            try? FileManager.default.removeItem(atPath: directory)
            throw error
        }
    }

    /// How an exported form is named in the exporter's report.
    private static func label(_ id: Int64) -> String { "表单 \(id)" }

    /// One exported form's XML file, when the user may export its unit's forms.
    public func exportedFile(_ user: User, batchID: Int64, formID: Int64) async throws -> (name: String, data: Data) {
        let batch = try await self.batch(user, id: batchID)
        guard let item = batch.items.first(where: { $0.formID == formID }) else { throw ServiceError.denied(.notFound) }
        return try ReviewService.file((batch.directory as NSString).appendingPathComponent(item.path))
    }

    /// The batch file (every form and the manifest), when the user may export every form in it.
    public func batchFile(_ user: User, batchID: Int64) async throws -> (name: String, data: Data) {
        try reviewer(user)
        guard let batch = try await store.exportBatch(id: batchID) else { throw ServiceError.denied(.notFound) }
        guard batch.items.allSatisfy({ AccessPolicy.scope(of: user).contains($0.unitID) }) else {
            throw ServiceError.denied(.notFound)
        }
        return try ReviewService.file(batch.batchFile)
    }

    private static func file(_ path: String) throws -> (name: String, data: Data) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ServiceError.invalid("导出文件已不在服务器的导出文件夹中（\((path as NSString).lastPathComponent)），请重新导出")
        }
        return ((path as NSString).lastPathComponent, data)
    }

    /// The batch, with only the items the user may see.
    public func batch(_ user: User, id: Int64) async throws -> ExportBatch {
        try reviewer(user)
        guard let batch = try await store.exportBatch(id: id) else { throw ServiceError.denied(.notFound) }
        let scope = AccessPolicy.scope(of: user)
        let items = batch.items.filter { scope.contains($0.unitID) }
        guard !items.isEmpty else { throw ServiceError.denied(.notFound) }
        return ExportBatch(
            id: batch.id, createdBy: batch.createdBy, createdAt: batch.createdAt,
            directory: batch.directory, items: items)
    }

    /// Past export batches with forms of the user's units, newest first.
    public func batches(_ user: User, page: Int) async throws -> Page<ExportBatchSummary> {
        try reviewer(user)
        return try await store.exportBatches(
            units: AccessPolicy.scope(of: user), page: PageRequest(number: page, size: 50))
    }

    /// Every XML file of the batch that the user may see, and the batch file when they may see all of it, as
    /// one zip (`batch-….zip`).
    public func batchArchive(_ user: User, batchID: Int64) async throws -> (name: String, data: Data) {
        let batch = try await self.batch(user, id: batchID)
        var entries: [(path: String, data: Data)] = []
        for item in batch.items {
            entries.append(
                (
                    item.path,
                    try ReviewService.file((batch.directory as NSString).appendingPathComponent(item.path)).data
                ))
        }
        if let whole = try? await batchFile(user, batchID: batchID) { entries.append((whole.name, whole.data)) }
        let name = (batch.directory as NSString).lastPathComponent
        do { return ("\(name).zip", try ZipWriter.archive(entries)) } catch {
            throw ServiceError.invalid("无法生成压缩文件（\(error)）")
        }
    }

    /// The dashboard's whole list (every page) as a workbook: unit, project, state, printed and recomputed
    /// totals and grades, execution rate, amounts, and each form's findings.
    public func listWorkbook(_ user: User, filter: Dashboard.Filter) async throws -> (name: String, data: Data) {
        let dashboard = try await self.dashboard(user, filter: filter)
        let query = FormQuery(
            year: dashboard.year, units: AccessPolicy.scope(of: user), unitID: dashboard.filter.unitID,
            states: filter.state.map { [$0] } ?? [], grade: filter.grade, ruleID: filter.ruleID, search: filter.search)
        let total = dashboard.page.total
        guard total <= 20_000 else { throw ServiceError.invalid("列表有 \(total) 张表，超过 20000 张；请先按单位或状态筛选") }
        let records = try await store.records(
            query, sort: filter.sort, page: PageRequest(number: 1, size: max(total, 1)))
        var sheet = WorksheetDraft(name: "\(dashboard.year.map(String.init) ?? "")年度自评表")
        let header = [
            "单位", "项目名称", "状态", "表上总分", "表上等级", "重算总分", "重算等级", "执行率(%)", "目标申报数（万元）", "全年预算数（万元）",
            "全年执行数（万元）", "错误", "警告", "问题",
        ]
        sheet.columnWidths = [24, 30, 8, 10, 8, 10, 8, 10, 14, 14, 14, 6, 6, 60]
        for (column, caption) in header.enumerated() { sheet.text(1, column + 1, caption, style: .label) }
        for (offset, record) in records.items.enumerated() {
            let row = offset + 2
            let figures = record.figures
            let findings = try await store.findings(formID: record.id).map { finding in
                "\(finding.severity.label) \(finding.fieldPath.map(FieldLabels.label).map { $0 + "：" } ?? "")\(finding.message)（\(finding.ruleID)）"
            }
            sheet.text(row, 1, dashboard.unit(record.unitID)?.label ?? "")
            sheet.text(row, 2, record.project)
            sheet.text(row, 3, record.state?.label ?? "")
            sheet.number(row, 4, figures?.printedTotal ?? "")
            sheet.text(row, 5, figures?.printedGrade ?? "")
            sheet.number(row, 6, figures.map { DecimalText.fixed($0.total) } ?? "")
            sheet.text(row, 7, figures.map { $0.grade.map(policy.label(of:)) ?? FormScore.unscoredLabel } ?? "")
            sheet.number(row, 8, figures?.executionRate.map { DecimalText.fixed($0) } ?? "")
            for (column, amount) in [figures?.declared, figures?.fullYearBudget, figures?.executed].enumerated() {
                sheet.number(row, 9 + column, amount.map { DecimalText.fixed($0) } ?? "")
            }
            sheet.number(row, 12, String(figures?.errorCount ?? 0))
            sheet.number(row, 13, String(figures?.warningCount ?? 0))
            sheet.text(row, 14, findings.joined(separator: "\n"))
        }
        do {
            return ("\(dashboard.year.map(String.init) ?? "")年度自评表列表.xlsx", try XLSXWriter.workbook([sheet]))
        } catch {
            throw ServiceError.invalid("无法生成 Excel 文件（\(error)）")
        }
    }

    private func reviewer(_ user: User) throws {
        do { try AccessPolicy.checkReviewer(user) } catch { throw ServiceError.denied(error) }
    }

    static func stamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .current
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d%02d%02d-%02d%02d%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0,
            c.minute ?? 0, c.second ?? 0)
    }
}
