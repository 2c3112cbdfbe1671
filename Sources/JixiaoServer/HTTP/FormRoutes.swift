import Foundation
import Hummingbird
import JixiaoCore
import JixiaoFormats
import JixiaoXLSX

/// The pages of a form: list, draft from a target table, view/edit, save, submit, return, approve.
enum FormRoutes {
    static func add(to routes: Routes, _ services: Services) {
        let forms = services.forms

        routes.get("/forms") { request, context -> Response in
            let identity = try context.requireIdentity()
            let query = try request.queryFields()
            let year = try query.optionalInteger("year", label: "年度")
            let state: WorkflowState? = try query.optionalChoice("state", label: "状态")
            let records = try await forms.forms(identity.user, year: year, state: state)
            let years = try await services.store.years(
                kind: .selfEvaluation, units: AccessPolicy.scope(of: identity.user))
            let targets = try await forms.draftableTargets(identity.user)
            return Responses.html(
                FormListPage.render(
                    records: records, targets: targets, year: year, state: state,
                    years: years, identity: identity, notice: Notice.from(query), policy: forms.policy))
        }

        routes.post("/forms") { _, context -> Response in
            let user = try context.user
            let target = try context.requireForm().integer("target", label: "目标表编号")
            let record = try await forms.draft(user, targetID: Int64(target))
            return Responses.redirect("/forms/\(record.id)?done=\(Notice.created.rawValue)")
        }

        routes.get("/forms/:id") { request, context -> Response in
            let identity = try context.requireIdentity()
            let query = try request.queryFields()
            let view = try await forms.view(
                identity.user, formID: try context.id("id"),
                historyPage: try query.optionalInteger("history", label: "记录页码") ?? 1)
            let notice = Notice.from(query)
            switch view.form {
            case .selfEvaluation(let form):
                guard let analysis = view.analysis else { throw AccessDenied.notFound }
                return Responses.html(
                    FormPage(
                        view: view, form: form, analysis: analysis, identity: identity,
                        notice: notice, autosaveDelay: services.configuration.autosaveDelay
                    ).render())
            case .targetTable(let table):
                return Responses.html(TargetTablePage.render(view: view, table: table, identity: identity))
            }
        }

        routes.post("/forms/:id") { _, context -> Response in
            let user = try context.user
            let id = try context.id("id")
            let form = try context.requireForm()
            let version = try form.integer("_version", label: "版本号")
            let record = try await forms.save(user, formID: id, version: version, fields: form.formFields)
            let notice: Notice = record.version == version ? .unchanged : .saved
            return Responses.redirect("/forms/\(id)?done=\(notice.rawValue)")
        }

        routes.get("/forms/:id/form.xlsx") { _, context -> Response in
            let view = try await forms.view(try context.user, formID: try context.id("id"))
            guard case .selfEvaluation(let form) = view.form else { throw ServiceError.invalid("目标表不提供 Excel 下载") }
            let data: Data
            do { data = try SelfEvaluationSheet.workbook(form) } catch {
                throw ServiceError.invalid("无法生成 Excel 文件（\(error)）")
            }
            return Responses.file(
                Array(data), name: FormImporters.fileName(form.project, extension: "xlsx"),
                contentType: Responses.xlsxType)
        }

        routes.post("/forms/:id/delete") { _, context -> Response in
            _ = try await forms.delete(
                try context.user, formID: try context.id("id"),
                version: try context.requireForm().integer("_version", label: "版本号"))
            return Responses.redirect("/forms?done=\(Notice.deleted.rawValue)")
        }

        routes.post("/forms/:id/submit") { _, context -> Response in
            let id = try context.id("id")
            _ = try await forms.submit(
                try context.user, formID: id,
                version: try context.requireForm().integer("_version", label: "版本号"))
            return Responses.redirect("/forms/\(id)?done=\(Notice.submitted.rawValue)")
        }

        routes.post("/forms/:id/return") { _, context -> Response in
            let id = try context.id("id")
            let form = try context.requireForm()
            _ = try await forms.returnForm(
                try context.user, formID: id, version: try form.integer("_version", label: "版本号"),
                comment: form["comment"] ?? "")
            return Responses.redirect("/forms/\(id)?done=\(Notice.returned.rawValue)")
        }

        routes.post("/forms/:id/approve") { _, context -> Response in
            let id = try context.id("id")
            let form = try context.requireForm()
            _ = try await forms.approve(
                try context.user, formID: id, version: try form.integer("_version", label: "版本号"),
                comment: form["comment"])
            return Responses.redirect("/forms/\(id)?done=\(Notice.approved.rawValue)")
        }
    }
}
