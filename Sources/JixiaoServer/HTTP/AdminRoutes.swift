import Hummingbird

/// Users, units and reviewer assignments (administrators only).
enum AdminRoutes {
    static func add(to routes: Routes, _ services: Services) {
        let admin = services.admin

        routes.get("/admin") { request, context -> Response in
            let identity = try context.requireIdentity()
            try AccessPolicy.checkAdministrator(identity.user)
            let query = try request.queryFields()
            return Responses.html(
                AdminPage.render(
                    users: try await services.store.users(), units: try await services.store.units(),
                    locked: try await services.store.loginFailures(atLeast: 1),
                    events: try await services.store.accountEvents(
                        login: nil,
                        page: PageRequest(number: try query.optionalInteger("events", label: "页码") ?? 1, size: 30)),
                    identity: identity, notice: Notice.from(query)))
        }

        let accounts = services.accounts
        for (action, notice) in [
            ("reset", Notice.reset), ("disable", .disabled), ("enable", .enabled), ("delete", .removed),
        ] {
            routes.post("/admin/users/:id/\(action)") { _, context -> Response in
                let actor = try context.user
                try AccessPolicy.checkAdministrator(actor)
                guard let user = try await services.store.user(id: try context.id("id")) else {
                    throw ServiceError.invalid("用户不存在")
                }
                switch action {
                case "reset":
                    try await accounts.resetPassword(
                        user.login, to: try context.requireForm().text("password", label: "新初始密码"), by: actor)
                case "disable", "enable": try await accounts.setDisabled(user.login, action == "disable", by: actor)
                default: try await accounts.delete(user.login, by: actor)
                }
                return Responses.redirect("/admin?done=\(notice.rawValue)")
            }
        }

        routes.post("/admin/unlock") { _, context -> Response in
            let actor = try context.user
            try AccessPolicy.checkAdministrator(actor)
            try await accounts.unlock(try context.requireForm().text("key", label: "账户或网络地址"), by: actor)
            return Responses.redirect("/admin?done=\(Notice.unlocked.rawValue)")
        }

        routes.post("/admin/users") { _, context -> Response in
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

        routes.post("/admin/units") { _, context -> Response in
            try AccessPolicy.checkAdministrator(try context.user)
            _ = try await admin.createUnit(label: try context.requireForm().text("unit", label: "单位"))
            return Responses.redirect("/admin?done=\(Notice.unit.rawValue)")
        }

        routes.post("/admin/assignments") { _, context -> Response in
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
