import Foundation
import JixiaoCore
import Testing

@testable import JixiaoServer

/// What `--db` means, and what only PostgreSQL has: migrations under an advisory lock, row locks between
/// concurrent saves. The rest of the store is tested by every other suite, on PostgreSQL too when
/// `JIXIAO_TEST_POSTGRES_URL` is set.
@Suite struct PostgresStoreTests {
    @Test func aPathIsSQLiteAndAPostgresURLIsNeverAFile() throws {
        #expect(try StoreLocation("jixiao.sqlite") == .sqlite(path: "jixiao.sqlite"))
        #expect(try StoreLocation("/var/lib/jixiao/db.sqlite") == .sqlite(path: "/var/lib/jixiao/db.sqlite"))
        guard case .postgres(let location) = try StoreLocation("postgres://jixiao@127.0.0.1:5432/jixiao") else {
            Issue.record("not PostgreSQL")
            return
        }
        #expect(location.host == "127.0.0.1" && location.port == 5432 && location.database == "jixiao")
        #expect(location.username == "jixiao" && location.password == nil && location.tls == .prefer)
        for url in ["postgres:/jixiao@127.0.0.1/jixiao", "POSTGRESQL://x@h/d?sslmode=maybe", "postgres://x@h/"] {
            #expect(throws: StoreOpenError.self, "\(url)") { try StoreLocation(url) }
        }
        #expect(throws: StoreOpenError.self) { try StoreLocation("mysql://x@h/d") }
    }

    @Test func theURLCarriesAnEncodedPasswordThatIsNeverShown() throws {
        let location = try PostgresLocation(
            url: "postgresql://li%40si:p%40ss%3Aword@db.example:6543/%E7%BB%A9%E6%95%88?sslmode=require&schema=s1")
        #expect(location.username == "li@si" && location.password == "p@ss:word")
        #expect(location.port == 6543 && location.database == "绩效" && location.schema == "s1")
        #expect(location.tls == .require)
        #expect(location.description == "postgres://li@si@db.example:6543/绩效?schema=s1")
        do {
            _ = try PostgresLocation(url: "postgres://li:top-secret@db.example:6543/d?pool=9")
            Issue.record("an unknown parameter is refused")
        } catch {
            #expect(error.description.contains("不认识的参数“pool”"))
            #expect(!error.description.contains("top-secret"), "\(error.description)")
        }
    }

    @Test func anUnreachableServerIsAClearChineseError() async throws {
        let location = try PostgresLocation(url: "postgres://jixiao:top-secret@127.0.0.1:1/jixiao?sslmode=disable")
        do {
            _ = try await PostgresFormStore.open(location)
            Issue.record("port 1 answered")
        } catch {
            #expect(error.description.hasPrefix("无法连接 PostgreSQL 数据库 postgres://jixiao@127.0.0.1:1/jixiao"))
            #expect(error.description.contains("修改建议"))
            #expect(!error.description.contains("top-secret"))
        }
    }

    @Test(.enabled(if: TestStores.isPostgres, "需要 JIXIAO_TEST_POSTGRES_URL（scripts/test-postgres.sh 设置）"))
    func processesStartingAtOnceMigrateOnce() async throws {
        let location = try TestStores.freshLocation(TestStores.postgresURL ?? "")
        let stores = try await withThrowingTaskGroup(of: PostgresFormStore.self) { group in
            for _ in 0..<4 { group.addTask { try await PostgresFormStore.open(location, maximumConnections: 2) } }
            return try await group.reduce(into: [PostgresFormStore]()) { $0.append($1) }
        }
        #expect(stores.count == 4)
        let unit = try await stores[0].createUnit(code: nil, name: "示例局")
        #expect(try await stores[3].units() == [unit])
        await #expect(throws: StoreError.self) { try await stores[2].createUnit(code: nil, name: "示例局") }
    }

    @Test(.enabled(if: TestStores.isPostgres, "需要 JIXIAO_TEST_POSTGRES_URL（scripts/test-postgres.sh 设置）"))
    func savesOfOneVersionThroughTwoStoresLetOneThrough() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        let postgres = try #require(fixture.store as? PostgresFormStore)
        let other = try await PostgresFormStore.open(postgres.location, maximumConnections: 2)
        let id = fixture.formA.id
        let write = FormAnalysis(
            ExampleForms.selfEvaluationValue { $0.project = "改名" }, target: nil, policy: .national
        ).write
        let change = [FieldChange(path: "project", old: "", new: "改名")]
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for store in [fixture.store, other, fixture.store, other] as [any FormStore] {
                group.addTask {
                    (try? await store.updateForm(
                        id: id, expectedVersion: 1, write: write, changes: change, by: fixture.officerA.id, at: Date()))
                        != nil
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 1)
        #expect(try await other.record(id: id)?.version == 2)
        #expect(try await other.form(id: id, version: 1) != nil, "every version is kept")
    }
}
