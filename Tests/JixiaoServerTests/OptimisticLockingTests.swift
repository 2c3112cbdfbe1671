import Foundation
import HTTPTypes
import JixiaoCore
import Testing

@testable import JixiaoServer

/// Two people edit the same version: the first save wins, the second is refused with both sides' changes.
@Suite struct OptimisticLockingTests {
    @Test func theSecondSaveOfAVersionIsRefusedAndShowsTheOtherChanges() async throws {
        let fixture = try await Fixture()
        let colleague = try await Fixture.user("colleague", .officer, unit: fixture.unitA, in: fixture.store)
        try await fixture.test { client in
            let first = try await client.signedIn(fixture.officerA)
            let second = try await client.signedIn(colleague)
            let id = fixture.formA.id
            let saved = try await client.post(
                "/forms/\(id)", first, [("_version", "1"), ("indicators[0].actual", "12台")])
            #expect(saved.status == .seeOther)
            let refused = try await client.post(
                "/forms/\(id)", second,
                [
                    ("_version", "1"), ("indicators[0].actual", "9台"),
                    ("goals.completion", "我的说明"),
                ])
            refused.expectClearRefusal(.conflict, containing: "保存失败")
            #expect(refused.text.contains("officer-a"), "names who changed it")
            #expect(refused.text.contains("12台"), "shows their value")
            #expect(refused.text.contains("9台") && refused.text.contains("我的说明"), "keeps what the second person typed")
            let stored = try await client.form(id)
            #expect(stored.record.version == 2)
            #expect(stored.form.indicators[0].actual.text == "12台")
            #expect(stored.form.goals.completion == fixture.formAGoalsCompletion)
        }
    }

    @Test func theJSONInterfaceAnswers409WithTheChanges() async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            let officer = try await client.signedIn(fixture.officerA)
            let id = fixture.formA.id
            let ok = try await client.json(
                .put, "/api/forms/\(id)", officer, #"{"version": 1, "fields": {"total": "99"}}"#)
            #expect(ok.status == .ok)
            #expect(ok.object["version"] as? Int == 2)
            let stale = try await client.json(
                .put, "/api/forms/\(id)", officer, #"{"version": 1, "fields": {"total": "98"}}"#)
            stale.expectClearRefusal(.conflict)
            let conflict = try #require((stale.object["error"] as? [String: Any])?["conflict"] as? [String: Any])
            #expect(conflict["currentVersion"] as? Int == 2)
            let theirs = try #require(conflict["theirChanges"] as? [[String: Any]])
            #expect(theirs.contains { $0["field"] as? String == "total" && $0["new"] as? String == "99" })
            let yours = try #require(conflict["yourChanges"] as? [[String: Any]])
            #expect(yours.map { $0["new"] as? String } == ["98"])
            #expect(try await client.form(id).form.printedTotal.text == "99")
        }
    }

    @Test func concurrentSavesOfOneVersionLetExactlyOneThrough() async throws {
        let fixture = try await Fixture()
        defer { fixture.remove() }
        let service = FormService(store: fixture.store, policy: .national)
        let officer = fixture.officerA
        let id = fixture.formA.id
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<8 {
                group.addTask {
                    (try? await service.save(officer, formID: id, version: 1, fields: ["total": "9\(index)"])) != nil
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 1)
        #expect(try await fixture.store.record(id: id)?.version == 2)
        #expect(try await fixture.store.history(formID: id).filter { $0.kind == .edited }.count == 1)
    }
}

extension Fixture {
    var formAGoalsCompletion: String { ExampleForms.selfEvaluationValue().goals.completion }
}
