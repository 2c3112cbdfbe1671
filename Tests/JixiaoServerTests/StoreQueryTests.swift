import Foundation
import GRDB
import JixiaoCore
import JixiaoFormats
import Testing

@testable import JixiaoServer

/// The store's paged, filtered and sorted queries and its aggregates, over the twenty bundled real forms, checked
/// against the same figures computed in Swift from every record; deleted drafts; the account tables; the
/// upgrade of a version-1 database.
@Suite struct StoreQueryTests {
    /// A store holding the bundled forms (the store under test, or a SQLite file in the folder).
    static func bundled(sqlite: Bool = false) async throws -> (any FormStore, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "jixiao-query-\(UUID().uuidString)")
        let store: any FormStore =
            sqlite
            ? try SQLiteFormStore(path: directory.appendingPathComponent("test.sqlite").path)
            : try await TestStores.make(in: directory)
        _ = try await StoreTransfer(store: store, policy: .national).importForms([StoreTests.forms])
        return (store, directory)
    }

    @Test func aggregatesEqualTheSumsOverEveryRecord() async throws {
        let (store, directory) = try await StoreQueryTests.bundled()
        defer { try? FileManager.default.removeItem(at: directory) }
        for year in [nil, 2023, 2026] as [Int?] {
            let query = FormQuery(year: year, units: .all)
            let records = try await store.records(query)
            let aggregates = try await store.aggregates(query)
            #expect(aggregates.count == records.count)
            #expect(aggregates.withErrors == records.filter { ($0.figures?.errorCount ?? 0) > 0 }.count)
            let scored = records.compactMap(\.figures)
            #expect(aggregates.declared == scored.compactMap(\.declared).reduce(0, +))
            #expect(aggregates.executed == scored.compactMap(\.executed).reduce(0, +))
            #expect(aggregates.fullYearBudget == scored.compactMap(\.fullYearBudget).reduce(0, +))
            #expect(
                aggregates.recomputedGrades
                    == Dictionary(grouping: scored.filter { $0.grade != nil }, by: { $0.grade! }).mapValues(\.count))
            #expect(
                aggregates.rateBuckets
                    == Dictionary(grouping: scored, by: { RateBucket($0.executionRate) }).mapValues(\.count))
            #expect(
                aggregates.states == Dictionary(grouping: records.compactMap(\.state), by: { $0 }).mapValues(\.count))
        }
        // The 2023 forms of 209100 as published: six forms, 774.64 万元 executed.
        let units = try await store.units()
        let office = try #require(units.first { $0.code == "209100" })
        let published = try await store.aggregates(FormQuery(year: 2023, units: .all, unitID: office.id))
        #expect(published.count == 6)
        #expect(published.executed.round2 == Decimal(string: "774.64"))
    }

    @Test func pagesAreSortedSearchedAndNeverOverlap() async throws {
        let (store, directory) = try await StoreQueryTests.bundled()
        defer { try? FileManager.default.removeItem(at: directory) }
        let all = try await store.records(FormQuery(units: .all))
        for key in FormSort.Key.allCases {
            for descending in [false, true] {
                var seen: [Int64] = []
                var number = 1
                while true {
                    let page = try await store.records(
                        FormQuery(units: .all), sort: FormSort(key, descending: descending),
                        page: PageRequest(number: number, size: 3))
                    #expect(page.total == all.count)
                    seen += page.items.map(\.id)
                    if page.items.count < 3 { break }
                    number += 1
                }
                #expect(seen.count == all.count && Set(seen) == Set(all.map(\.id)), "\(key) \(descending)")
            }
        }
        let byTotal = try await store.records(
            FormQuery(units: .all), sort: FormSort(.total, descending: true), page: PageRequest(number: 1, size: 100))
        let totals = byTotal.items.compactMap(\.figures?.total)
        #expect(totals == totals.sorted(by: >))
        let search = try await store.records(
            FormQuery(units: .all, search: "维修"), sort: FormSort(.project), page: PageRequest(number: 1, size: 10))
        #expect(search.total > 0 && search.items.allSatisfy { $0.project.contains("维修") })
        let literal = try await store.records(
            FormQuery(units: .all, search: "%"), sort: FormSort(), page: PageRequest(number: 1, size: 10))
        #expect(literal.total == 0, "% is a character, not a wildcard")
        let beyond = try await store.records(
            FormQuery(units: .all), sort: FormSort(), page: PageRequest(number: Int.max, size: 50))
        #expect(beyond.items.isEmpty && beyond.total == all.count)
    }

    @Test func aDeletedDraftLeavesEveryListButKeepsItsHistory() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        let store = fixture.store
        let id = fixture.formA.id
        _ = try await store.transition(
            id: id, .delete, expectedVersion: 1, comment: "删除草稿", by: fixture.officerA.id, at: Date())
        #expect(try await store.records(FormQuery(units: .all)).map(\.id) == [fixture.formB.id])
        #expect(try await store.aggregates(FormQuery(units: .all)).count == 1)
        #expect(try await store.records(FormQuery(units: .all, states: [.deleted])).map(\.id) == [id])
        #expect(!(try await store.exists(kind: .selfEvaluation, unitID: fixture.unitA.id, year: 2023, project: "示例项目")))
        let history = try await store.history(formID: id)
        #expect(history.last?.toState == .deleted && history.last?.comment == "删除草稿")
        await #expect(throws: StoreError.self) {
            try await store.transition(
                id: fixture.formB.id, .submit, expectedVersion: nil, comment: nil, by: fixture.officerB.id, at: Date())
            try await store.transition(
                id: fixture.formB.id, .delete, expectedVersion: nil, comment: nil, by: fixture.officerB.id, at: Date())
        }
    }

    @Test func historyPagesAreNewestFirst() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        let id = fixture.formA.id
        for version in 1...4 {
            _ = try await fixture.store.updateForm(
                id: id, expectedVersion: version,
                write: FormAnalysis(
                    ExampleForms.selfEvaluationValue { $0.project = "项目\(version)" }, target: nil, policy: .national
                ).write,
                changes: [FieldChange(path: "project", old: "", new: "项目\(version)")], by: fixture.officerA.id,
                at: Date())
        }
        let first = try await fixture.store.history(formID: id, page: PageRequest(number: 1, size: 2))
        #expect(first.total == 5 && first.pageCount == 3)
        #expect(first.items.map(\.version) == [5, 4])
        let last = try await fixture.store.history(formID: id, page: PageRequest(number: 3, size: 2))
        #expect(last.items.map(\.kind) == [.imported])
    }

    @Test func accountRecordsCountFailuresAtomicallyAndKeepTheHistoryAppendOnly() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        let store = fixture.store
        let at = Date()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<20 {
                group.addTask { _ = try? await store.recordLoginFailure(keys: ["account:x", "address:1"], at: at) }
            }
        }
        #expect(try await store.loginFailures(keys: ["account:x", "address:1", "account:y"]).map(\.count) == [20, 20])
        #expect(try await store.loginFailures(atLeast: 20).count == 2)
        try await store.clearLoginFailures(keys: ["account:x"])
        #expect(try await store.loginFailures(keys: ["account:x"]).isEmpty)
        try await store.recordAccountEvent(AccountEvent(at: at, kind: .signInFailed, login: "x", address: "1"))
        await #expect(throws: (any Error).self) { try await fixture.execute("DELETE FROM account_events") }
        await #expect(throws: (any Error).self) { try await fixture.execute("UPDATE account_events SET detail = 'x'") }
        try await store.setDisabled(userID: fixture.officerA.id, true)
        #expect(try await store.user(id: fixture.officerA.id)?.isDisabled == true)
    }

    /// A database made by the first version (schema v1, forms in it) is upgraded in place: the rebuilt forms
    /// table keeps every row, the new columns are filled from the stored figures.
    @Test(.disabled(if: TestStores.isPostgres, "SQLite 专用：升级 SQLite 第 1 版数据库（SQLite 的测试中运行）"))
    func aVersionOneDatabaseIsUpgradedInPlace() async throws {
        let (store, directory) = try await StoreQueryTests.bundled(sqlite: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let expected = try await store.aggregates(FormQuery(units: .all))
        let path = directory.appendingPathComponent("v1.sqlite").path
        let v1 = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(v1, upTo: "v1")
        let source = try DatabaseQueue(path: directory.appendingPathComponent("test.sqlite").path)
        let columns = """
            id, kind, unit_id, year, project, state, version, target_id, body, printed_total, printed_grade, total, grade, \
            rule_total, rule_grade, execution_rate, declared, full_year_budget, executed, error_count, warning_count, updated_at
            """
        // Version 1 kept the current body in `forms` too; the body of today's rows is their current version's.
        let selected = columns.replacingOccurrences(
            of: "target_id, body,",
            with: "target_id, (SELECT body FROM form_versions WHERE form_id = forms.id AND version = forms.version),")
        let rows = try await source.read { db in
            try Row.fetchAll(db, sql: "SELECT \(selected) FROM forms ORDER BY id").map { Array($0.databaseValues) }
        }
        let units = try await source.read { db in
            try Row.fetchAll(db, sql: "SELECT id, code, name FROM units").map { Array($0.databaseValues) }
        }
        try await v1.write { db in
            for unit in units {
                try db.execute(
                    sql: "INSERT INTO units (id, code, name) VALUES (?, ?, ?)", arguments: StatementArguments(unit))
            }
            for row in rows {
                try db.execute(
                    sql:
                        "INSERT INTO forms (\(columns)) VALUES (\(Array(repeating: "?", count: row.count).joined(separator: ",")))",
                    arguments: StatementArguments(row))
            }
        }
        try v1.close()
        try source.close()
        let upgraded = try SQLiteFormStore(path: path)
        #expect(try await upgraded.aggregates(FormQuery(units: .all)) == expected)
        let kinds = [FormKind.selfEvaluation, .targetTable]
        var upgradedCount = 0
        for kind in kinds { upgradedCount += try await upgraded.records(FormQuery(kind: kind, units: .all)).count }
        #expect(upgradedCount == rows.count)
        // The bodies only the v1 rows held (no version rows were copied) are kept as their current versions.
        let first = try #require(try await store.records(FormQuery(units: .all)).first)
        let original = try #require(try await store.form(id: first.id))
        #expect(try await upgraded.form(id: first.id)?.form == original.form)
    }
}
