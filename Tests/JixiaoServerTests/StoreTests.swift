import Foundation
import GRDB
import JixiaoCore
import JixiaoFormats
import Testing

@testable import JixiaoServer

@Suite struct StoreTests {
    static let forms = CLIPaths.root.appendingPathComponent("Forms").path

    @Test func theDatabaseEnforcesForeignKeysAndAppendOnlyHistory() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        for statement in [
            "UPDATE history SET comment = 'x'", "DELETE FROM history", "DELETE FROM form_versions",
            "UPDATE form_versions SET body = ''",
            "INSERT INTO forms (kind, unit_id, year, project, state, version, updated_at) VALUES ('self-evaluation', 999, 2023, 'x', 'draft', 1, CURRENT_TIMESTAMP)",
        ] {
            await #expect(throws: (any Error).self, "\(statement)") { try await fixture.execute(statement) }
        }
        if TestStores.isPostgres {
            await #expect(throws: (any Error).self) { try await fixture.execute("TRUNCATE history CASCADE") }
        }
        // Reopening runs the migrations again: nothing to do, nothing lost.
        let reopened = try await fixture.reopened()
        #expect(try await reopened.units().count == 2)
        #expect(try await reopened.history(formID: fixture.formA.id).count == 1)
    }

    @Test(.disabled(if: TestStores.isPostgres, "SQLite 专用：WAL 模式（SQLite 的测试中运行）"))
    func theSQLiteDatabaseIsInWALMode() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        let database = try DatabaseQueue(path: fixture.directory.appendingPathComponent("test.sqlite").path)
        let mode = try await database.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        try database.close()
    }

    @Test func bodiesReadBackAsTheSameForms() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        let stored = try #require(try await fixture.store.form(id: fixture.formA.id))
        #expect(stored.form == .selfEvaluation(ExampleForms.selfEvaluationValue()))
        let target = try #require(try await fixture.store.form(id: fixture.targetA.id))
        #expect(target.form == ExampleForms.targetTable())
        #expect(stored.record.figures?.grade == .excellent)
        #expect(stored.record.figures?.declared == 100)
    }

    @Test func importingTheBundledFormsAndExportingThemBack() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "jixiao-import-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try await TestStores.make(in: directory)
        let transfer = StoreTransfer(store: store, policy: .national)
        let report = try await transfer.importForms([StoreTests.forms])
        #expect(report.imported == 20 && report.skipped == 0 && report.errors.isEmpty)
        let units = try await store.units()
        #expect(units.map(\.label).sorted() == ["209100-山西省社会保险局", "209105-山西省工伤保险管理服务中心"])
        let evaluations = try await store.records(FormQuery(units: .all))
        #expect(evaluations.count == 10 && evaluations.allSatisfy { $0.state == .submitted })
        let meeting = try #require(evaluations.first { $0.project == "会议培训费" })
        #expect(meeting.figures?.total == Decimal(string: "85.39"))
        #expect(meeting.figures?.grade == .good)

        let again = try await transfer.importForms([StoreTests.forms])
        #expect(again.imported == 0 && again.skipped == 20)

        let out = directory.appendingPathComponent("out").path
        let written = try await transfer.exportAll(to: out, overwrite: false)
        #expect(written.count == 20)
        let original = FormLocator.load([StoreTests.forms]).forms.map(\.form)
        let exported = FormLocator.load([out])
        #expect(exported.errors.isEmpty)
        #expect(Set(exported.forms.map { strip($0.form) }) == Set(original.map { strip($0) }))
        // A second export finds the same files and leaves them alone.
        #expect(try await transfer.exportAll(to: out, overwrite: false).count == 20)
    }

    /// The form without its source line numbers (which differ between files by construction).
    func strip(_ form: Form) -> Form {
        switch form {
        case .selfEvaluation(var f):
            f.lines = [:]
            return .selfEvaluation(f)
        case .targetTable(var t):
            t.lines = [:]
            return .targetTable(t)
        }
    }
}

/// The package root, for the bundled forms.
enum CLIPaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
}
