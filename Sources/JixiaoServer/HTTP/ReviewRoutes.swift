import Foundation
import Hummingbird
import JixiaoCore

/// The year dashboard and batch export.
enum ReviewRoutes {
    static func add(to router: Router<AppRequestContext>, _ services: Services) {
        let review = services.review

        router.get("/review") { request, context -> Response in
            let identity = try context.requireIdentity()
            let query = try request.queryFields()
            let filter = Dashboard.Filter(
                year: try query.optionalInteger("year", label: "年度"),
                unitID: try query.optionalInteger("unit", label: "单位").map(Int64.init),
                grade: try query.optionalChoice("grade", label: "等级"),
                state: try query.optionalChoice("state", label: "状态"),
                ruleID: query["rule"].flatMap { $0.isEmpty ? nil : $0 },
                page: try query.optionalInteger("page", label: "页码") ?? 1)
            let dashboard = try await review.dashboard(identity.user, filter: filter)
            return Responses.html(DashboardPage.render(dashboard, identity: identity, notice: Notice.from(query)))
        }

        router.post("/review/export") { _, context -> Response in
            let form = try context.requireForm()
            let identity = try context.requireIdentity()
            let outcome = try await review.exportApproved(
                identity.user, year: try form.integer("year", label: "年度"),
                unitID: try form.optionalInteger("unit", label: "单位").map(Int64.init))
            guard outcome.refused.isEmpty else {
                return Responses.html(
                    ExportBatchPage.render(outcome.batch, refused: outcome.refused, identity: identity))
            }
            return Responses.redirect("/exports/\(outcome.batch.id)")
        }

        router.get("/exports/:batch") { _, context -> Response in
            let identity = try context.requireIdentity()
            let batch = try await review.batch(identity.user, id: try context.id("batch"))
            return Responses.html(ExportBatchPage.render(batch, identity: identity))
        }

        router.get("/exports/:batch/forms/:form") { _, context -> Response in
            let file = try await review.exportedFile(
                try context.user, batchID: try context.id("batch"), formID: try context.id("form"))
            return Responses.file(Array(file.data), name: file.name, contentType: "application/xml; charset=utf-8")
        }

        router.get("/exports/:batch/batch") { _, context -> Response in
            let file = try await review.batchFile(try context.user, batchID: try context.id("batch"))
            return Responses.file(Array(file.data), name: file.name, contentType: "application/xml; charset=utf-8")
        }
    }
}
