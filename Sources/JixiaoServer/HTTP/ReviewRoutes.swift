import Foundation
import Hummingbird
import JixiaoCore

/// The year dashboard and batch export.
enum ReviewRoutes {
    static func add(to routes: Routes, _ services: Services) {
        let review = services.review

        routes.get("/review") { request, context -> Response in
            let identity = try context.requireIdentity()
            let query = try request.queryFields()
            let dashboard = try await review.dashboard(identity.user, filter: try filter(query))
            return Responses.html(DashboardPage.render(dashboard, identity: identity, notice: Notice.from(query)))
        }

        routes.get("/review/list.xlsx") { request, context -> Response in
            let query = try request.queryFields()
            let file = try await review.listWorkbook(try context.user, filter: try filter(query))
            return Responses.file(Array(file.data), name: file.name, contentType: Responses.xlsxType)
        }

        routes.post("/review/bulk") { _, context -> Response in
            let identity = try context.requireIdentity()
            let form = try context.requireForm()
            let transition: Transition
            switch form["_action"] {
            case "approve": transition = .approve
            case "return": transition = .return
            default: throw RequestError.badRequest("请选择批量操作：审核通过或退回")
            }
            let ids = try (form.lists["forms"] ?? []).map { text in
                guard let id = Int64(text) else { throw RequestError.badRequest("表单编号应为整数，实际是“\(text.prefix(40))”") }
                return id
            }
            let outcome = try await services.forms.review(
                identity.user, formIDs: ids, transition, comment: form["comment"] ?? "")
            return Responses.html(BulkResultPage.render(outcome, transition: transition, identity: identity))
        }

        routes.get("/exports") { request, context -> Response in
            let identity = try context.requireIdentity()
            let page = try request.queryFields().optionalInteger("page", label: "页码") ?? 1
            let batches = try await review.batches(identity.user, page: page)
            return Responses.html(ExportBatchPage.list(batches, identity: identity))
        }

        routes.post("/review/export") { _, context -> Response in
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

        routes.get("/exports/:batch") { _, context -> Response in
            let identity = try context.requireIdentity()
            let batch = try await review.batch(identity.user, id: try context.id("batch"))
            return Responses.html(ExportBatchPage.render(batch, identity: identity))
        }

        routes.get("/exports/:batch/forms/:form") { _, context -> Response in
            let file = try await review.exportedFile(
                try context.user, batchID: try context.id("batch"), formID: try context.id("form"))
            return Responses.file(Array(file.data), name: file.name, contentType: "application/xml; charset=utf-8")
        }

        routes.get("/exports/:batch/batch") { _, context -> Response in
            let file = try await review.batchFile(try context.user, batchID: try context.id("batch"))
            return Responses.file(Array(file.data), name: file.name, contentType: "application/xml; charset=utf-8")
        }

        routes.get("/exports/:batch/batch.zip") { _, context -> Response in
            let file = try await review.batchArchive(try context.user, batchID: try context.id("batch"))
            return Responses.file(Array(file.data), name: file.name, contentType: "application/zip")
        }
    }

    /// The dashboard's filter from its address; the unit may be given by id, 单位代码 or name.
    static func filter(_ query: FormFieldsBody) throws -> Dashboard.Filter {
        let search = query["q"]?.trimmed
        guard (search?.count ?? 0) <= 100 else { throw RequestError.badRequest("搜索内容不能超过 100 字") }
        return Dashboard.Filter(
            year: try query.optionalInteger("year", label: "年度"),
            unitText: query["unit"].flatMap { $0.isEmpty ? nil : $0 },
            grade: try query.optionalChoice("grade", label: "等级"),
            state: try query.optionalChoice("state", label: "状态"),
            ruleID: query["rule"].flatMap { $0.isEmpty ? nil : $0 },
            search: search?.isEmpty == false ? search : nil,
            sort: FormSort(
                try query.optionalChoice("sort", label: "排序") ?? .errorsFirst, descending: query["desc"] == "1"),
            page: try query.optionalInteger("page", label: "页码") ?? 1)
    }
}
