import Hummingbird
import JixiaoCore
import JixiaoFormats

/// The JSON interface: the page's live recomputation and the same operations as the pages. Mutations carry
/// the session's token in `X-CSRF-Token`.
enum APIRoutes {
    static func add(to routes: Routes, _ services: Services) {
        let forms = services.forms

        routes.get("/api/forms") { request, context -> Response in
            let year = try request.queryFields().optionalInteger("year", label: "年度")
            let records = try await forms.forms(try context.user, year: year)
            return Responses.json(.array(records.map(APIJSON.record)))
        }

        routes.get("/api/forms/:id") { _, context -> Response in
            let view = try await forms.view(try context.user, formID: try context.id("id"))
            guard case .selfEvaluation(let form) = view.form else { return Responses.json(APIJSON.record(view.record)) }
            return Responses.json(APIJSON.form(view.record, form))
        }

        routes.post("/api/forms/:id/score") { _, context -> Response in
            let request = try body(context, allowed: ["fields", "version"], required: ["fields"])
            let analysis = try await forms.score(
                try context.user, formID: try context.id("id"), fields: request.fields ?? [:])
            return Responses.json(APIJSON.analysis(analysis))
        }

        routes.put("/api/forms/:id") { _, context -> Response in
            let request = try body(context, allowed: ["fields", "version"], required: ["fields", "version"])
            let record = try await forms.save(
                try context.user, formID: try context.id("id"), version: request.version ?? 0,
                fields: request.fields ?? [:])
            return Responses.json(APIJSON.record(record))
        }

        routes.post("/api/forms/:id/submit") { _, context -> Response in
            let request = try body(context, allowed: ["version"], required: ["version"])
            let record = try await forms.submit(
                try context.user, formID: try context.id("id"), version: request.version ?? 0)
            return Responses.json(APIJSON.record(record))
        }

        routes.post("/api/forms/:id/return") { _, context -> Response in
            let request = try body(context, allowed: ["version", "comment"], required: ["comment"])
            let record = try await forms.returnForm(
                try context.user, formID: try context.id("id"), version: request.version,
                comment: request.comment ?? "")
            return Responses.json(APIJSON.record(record))
        }

        routes.post("/api/forms/:id/approve") { _, context -> Response in
            let request = try body(context, allowed: ["version", "comment"])
            let record = try await forms.approve(
                try context.user, formID: try context.id("id"), version: request.version,
                comment: request.comment)
            return Responses.json(APIJSON.record(record))
        }
    }

    /// The JSON body read by `RequestGuardMiddleware`, decoded strictly.
    private static func body(
        _ context: AppRequestContext, allowed: Set<String>, required: Set<String> = []
    ) throws -> APIRequest {
        guard let body = context.body, body.readableBytes > 0 else {
            throw RequestError.badRequest("请求内容为空，应为 JSON 对象")
        }
        return try APIRequest.decode(Array(body.readableBytesView), allowed: allowed, required: required)
    }
}
