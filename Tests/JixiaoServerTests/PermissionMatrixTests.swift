import Foundation
import HTTPTypes
import Testing

@testable import JixiaoServer

/// Each role × each action × own/other unit (5 × 11), over HTTP. A form of a unit the user does not see answers
/// 404, exactly as a form that does not exist; a visible form the role may not act on answers 403.
@Suite struct PermissionMatrixTests {
    enum Actor: String, CaseIterable, Sendable {
        case officerOwnUnit, officerOtherUnit, reviewerAssigned, reviewerNotAssigned, admin

        func user(_ fixture: Fixture) -> User {
            switch self {
            case .officerOwnUnit: fixture.officerA
            case .officerOtherUnit: fixture.officerB
            case .reviewerAssigned: fixture.reviewerA
            case .reviewerNotAssigned: fixture.reviewerB
            case .admin: fixture.admin
            }
        }
    }

    enum Action: String, CaseIterable, Sendable {
        case viewPage, readJSON, score, save, submit, returnForm, approve, exportBatch, draftFromTarget, dashboard,
            administration

        /// The form's state before the action: what the action needs to be possible at all.
        var startState: WorkflowState {
            switch self {
            case .returnForm, .approve: .submitted
            case .exportBatch: .approved
            default: .draft
            }
        }

        /// Whether the action, when refused, must leave the form as it was.
        var mutates: Bool { [.save, .submit, .returnForm, .approve, .exportBatch, .draftFromTarget].contains(self) }

        func perform(_ client: Client, _ browser: Browser, _ fixture: Fixture) async throws -> HTTPResponse.Status {
            let id = fixture.formA.id
            let version = String(try await client.form(id).record.version)
            switch self {
            case .viewPage: return try await client.get("/forms/\(id)", browser).status
            case .readJSON: return try await client.get("/api/forms/\(id)", browser).status
            case .score:
                return try await client.json(
                    .post, "/api/forms/\(id)/score", browser, #"{"fields": {"indicators[0].actual": "9台"}}"#
                ).status
            case .save:
                return try await client.post("/forms/\(id)", browser, [("_version", version), ("project", "改")]).status
            case .submit: return try await client.post("/forms/\(id)/submit", browser, [("_version", version)]).status
            case .returnForm:
                return try await client.post(
                    "/forms/\(id)/return", browser, [("_version", version), ("comment", "退回")]
                ).status
            case .approve: return try await client.post("/forms/\(id)/approve", browser, [("_version", version)]).status
            case .exportBatch:
                return try await client.post(
                    "/review/export", browser, [("year", "2023"), ("unit", String(fixture.unitA.id))]
                ).status
            case .draftFromTarget:
                return try await client.post("/forms", browser, [("target", String(fixture.targetA.id))]).status
            case .dashboard: return try await client.get("/review", browser).status
            case .administration: return try await client.get("/admin", browser).status
            }
        }
    }

    /// The expected answer; 303 is a successful post (redirect to the result).
    static func expected(_ action: Action, _ actor: Actor) -> HTTPResponse.Status {
        let hidden: HTTPResponse.Status = .notFound
        switch (action, actor) {
        case (.administration, .admin): return .ok
        case (.administration, _): return .forbidden
        case (.dashboard, .officerOwnUnit), (.dashboard, .officerOtherUnit),
            (.exportBatch, .officerOwnUnit), (.exportBatch, .officerOtherUnit):
            return .forbidden
        case (.dashboard, _): return .ok
        // A reviewer of other units finds nothing approved to export in unit A, as for a unit without forms.
        case (.exportBatch, .reviewerNotAssigned): return .badRequest
        case (.exportBatch, _): return .seeOther
        case (_, .officerOtherUnit), (_, .reviewerNotAssigned): return hidden
        case (.viewPage, _), (.readJSON, _), (.score, _): return .ok
        case (.save, .officerOwnUnit), (.submit, .officerOwnUnit), (.draftFromTarget, .officerOwnUnit): return .seeOther
        case (.save, _), (.submit, _), (.draftFromTarget, _): return .forbidden
        case (.returnForm, .officerOwnUnit), (.approve, .officerOwnUnit): return .forbidden
        case (.returnForm, _), (.approve, _): return .seeOther
        }
    }

    static let cases: [(Action, Actor)] = Action.allCases.flatMap { action in Actor.allCases.map { (action, $0) } }

    @Test(arguments: cases)
    func matrix(_ action: Action, _ actor: Actor) async throws {
        let fixture = try await Fixture()
        let path: [Transition] =
            action.startState == .submitted ? [.submit] : action.startState == .approved ? [.submit, .approve] : []
        for transition in path {
            _ = try await fixture.store.transition(
                id: fixture.formA.id, transition, expectedVersion: nil, comment: nil,
                by: fixture.admin.id, at: Date())
        }
        try await fixture.test { client in
            let before = try await client.form(fixture.formA.id)
            let formsBefore = try await fixture.store.records(FormQuery(units: .all)).count
            let browser = try await client.signedIn(actor.user(fixture))
            let status = try await action.perform(client, browser, fixture)
            let expected = PermissionMatrixTests.expected(action, actor)
            #expect(status == expected, "\(action) by \(actor)")
            if action.mutates, status != .seeOther {
                let after = try await client.form(fixture.formA.id)
                #expect(after.record.version == before.record.version)
                #expect(after.form == before.form)
                #expect(try await fixture.store.records(FormQuery(units: .all)).count == formsBefore)
            }
        }
    }

    /// Guessing ids: another unit's form answers exactly like a form that does not exist, in pages, JSON
    /// and lists.
    @Test func anotherUnitsFormIsIndistinguishableFromNoForm() async throws {
        let fixture = try await Fixture()
        try await fixture.test { client in
            let officer = try await client.signedIn(fixture.officerA)
            let other = try await client.get("/forms/\(fixture.formB.id)", officer)
            let missing = try await client.get("/forms/999999", officer)
            other.expectClearRefusal(.notFound)
            #expect(other.text == missing.text)
            let otherJSON = try await client.get("/api/forms/\(fixture.formB.id)", officer)
            let missingJSON = try await client.get("/api/forms/999999", officer)
            #expect(otherJSON.status == .notFound && otherJSON.text == missingJSON.text)
            let notANumber = try await client.get("/forms/abc", officer)
            #expect(notANumber.status == .notFound)

            let list = try await client.get("/forms", officer)
            #expect(list.text.contains("/forms/\(fixture.formA.id)\""))
            #expect(!list.text.contains("/forms/\(fixture.formB.id)\""))
            let json = try await client.get("/api/forms", officer)
            let ids = (try JSONSerialization.jsonObject(with: Data(json.text.utf8)) as? [[String: Any]] ?? [])
                .compactMap { $0["id"] as? Int }
            #expect(ids == [Int(fixture.formA.id)])

            let reviewer = try await client.signedIn(fixture.reviewerA)
            let dashboard = try await client.get("/review?unit=\(fixture.unitB.id)", reviewer)
            #expect(!dashboard.text.contains("/forms/\(fixture.formB.id)\""))
            #expect(!dashboard.text.contains("另一中心"))
        }
    }
}
