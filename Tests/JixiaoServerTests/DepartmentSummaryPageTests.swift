import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import JixiaoServer

/// The dashboard gives the chosen unit's 决算公开 sentence, from the core's `DepartmentSummary`.
@Suite struct DepartmentSummaryPageTests {
    @Test func theSentenceOfSeed003IsReadyToPaste() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "jixiao-summary-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try await TestStores.make(in: directory)
        _ = try await StoreTransfer(store: store, policy: .national).importForms([
            CLIPaths.root.appendingPathComponent("Forms").path
        ])
        let units = try await store.units()
        let centre = try #require(units.first { $0.code == "209105" })
        let reviewer = try await Fixture.user("reviewer", .reviewer, reviews: Set(units.map(\.id)), in: store)
        let configuration = ServerConfiguration(exportDirectory: directory.appendingPathComponent("exports").path)
        try await Application(router: ServerApplication.router(store: store, configuration: configuration)).test(
            .router
        ) { client in
            let session = try await Fixture.session(reviewer, in: store)
            let page = try await Client(client: client, store: store).get(
                "/review?year=2023&unit=\(centre.id)", session)
            #expect(
                page.text.contains(
                    "<textarea readonly rows=\"2\" class=\"sentence\" id=\"sentence-0\">2023年二级项目绩效自评个数4个，涉及资金280.17万元：3个项目自评等级为“优”，1个项目自评等级为“良”，0个项目自评等级为“中”，0个项目自评等级为“差”。</textarea>"
                ))
            #expect(page.text.contains("407.75"), "Σ年初预算数, the definition the published summary used")
            #expect(page.text.contains("表上等级“优”"), "the grade that changes on recomputation is named")
            let all = try await Client(client: client, store: store).get("/review?year=2023", session)
            #expect(all.text.contains("选择一个单位后"))
        }
    }
}
