import Hummingbird

/// Users, units and reviewer assignments (administrators only).
enum AdminRoutes {
    static func add(to router: Router<AppRequestContext>, _ services: Services) {
        let admin = services.admin

        router.get("/admin") { request, context -> Response in
            let identity = try context.requireIdentity()
            try AccessPolicy.checkAdministrator(identity.user)
            return Responses.html(
                AdminPage.render(
                    users: try await services.store.users(), units: try await services.store.units(),
                    identity: identity, notice: Notice.from(try request.queryFields())))
        }

        router.post("/admin/users") { _, context -> Response in
            try AccessPolicy.checkAdministrator(try context.user)
            let form = try context.requireForm()
            let role: Role? = try form.optionalChoice("role", label: "角色")
            guard let role else { throw RequestError.badRequest("请选择角色") }
            let units = try unitIDs(form)
            _ = try await admin.createUser(
                login: try form.text("login", label: "登录名"), displayName: try form.text("name", label: "姓名"),
                role: role, password: try form.text("password", label: "密码"),
                unitID: units.first, reviewedUnits: Set(units))
            return Responses.redirect("/admin?done=\(Notice.user.rawValue)")
        }

        router.post("/admin/units") { _, context -> Response in
            try AccessPolicy.checkAdministrator(try context.user)
            _ = try await admin.createUnit(label: try context.requireForm().text("unit", label: "单位"))
            return Responses.redirect("/admin?done=\(Notice.unit.rawValue)")
        }

        router.post("/admin/assignments") { _, context -> Response in
            try AccessPolicy.checkAdministrator(try context.user)
            let form = try context.requireForm()
            try await admin.assign(
                reviewerID: Int64(try form.integer("reviewer", label: "审核人")), units: Set(try unitIDs(form)))
            return Responses.redirect("/admin?done=\(Notice.assigned.rawValue)")
        }
    }

    private static func unitIDs(_ form: FormFieldsBody) throws -> [Int64] {
        try (form.lists["units"] ?? []).map { text in
            guard let id = Int64(text) else { throw RequestError.badRequest("单位编号应为整数，实际是“\(text.prefix(40))”") }
            return id
        }
    }
}
