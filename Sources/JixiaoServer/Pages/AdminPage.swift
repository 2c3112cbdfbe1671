/// Users, units and reviewer assignments.
enum AdminPage {
    static func render(users: [User], units: [BudgetUnit], identity: Identity, notice: String?) -> HTML {
        let unitName = { (id: Int64) in units.first { $0.id == id }?.label ?? "单位 \(id)" }
        let userRows: [HTML] = users.map { user in
            let scope: String
            switch user.role {
            case .officer: scope = user.unitID.map(unitName) ?? ""
            case .reviewer: scope = user.reviewedUnits.sorted().map(unitName).joined(separator: "、")
            case .admin: scope = "全部单位"
            }
            return
                "<tr><td>\(user.login)</td><td>\(user.displayName)</td><td>\(user.role.label)</td><td>\(scope)</td></tr>"
        }
        let unitOptions: [HTML] = units.map { "<option value=\"\($0.id)\">\($0.label)</option>" }
        let reviewerOptions: [HTML] = users.filter { $0.role == .reviewer }.map {
            "<option value=\"\($0.id)\">\($0.displayName)（\($0.login)）</option>"
        }
        let unitRows: [HTML] = units.map { "<tr><td>\($0.code ?? "")</td><td>\($0.name)</td></tr>" }
        let roleOptions: [HTML] = Role.allCases.map { "<option value=\"\($0.rawValue)\">\($0.label)</option>" }
        return Layout.page(
            "用户与单位", identity: identity,
            """
            <section class="admin">
              <h1>用户与单位</h1>
              \(notice.map { Layout.message($0, kind: "success") } ?? .empty)
              <h2>用户</h2>
              <table class="list" id="users"><tr><th>登录名</th><th>姓名</th><th>角色</th><th>单位 / 审核单位</th></tr>\(userRows)</table>
              <form method="post" action="/admin/users" class="panel">
                \(Layout.csrfField(identity))
                <label>登录名<input name="login" required></label>
                <label>姓名<input name="name" required></label>
                <label>初始密码（至少 \(PasswordHasher.minimumLength) 位）<input name="password" type="password" required></label>
                <label>角色<select name="role">\(roleOptions)</select></label>
                <label>单位（经办人）/ 审核单位（审核人，可多选）<select name="units[]" multiple>\(unitOptions)</select></label>
                <button type="submit" class="primary">创建用户</button>
              </form>
              <h2>审核人的审核单位</h2>
              <form method="post" action="/admin/assignments" class="panel">
                \(Layout.csrfField(identity))
                <label>审核人<select name="reviewer">\(reviewerOptions)</select></label>
                <label>审核单位（可多选）<select name="units[]" multiple>\(unitOptions)</select></label>
                <button type="submit">保存分配</button>
              </form>
              <h2>单位</h2>
              <table class="list" id="units"><tr><th>代码</th><th>名称</th></tr>\(unitRows)</table>
              <form method="post" action="/admin/units" class="panel">
                \(Layout.csrfField(identity))
                <label>单位（如 209100-山西省社会保险局）<input name="unit" required></label>
                <button type="submit">创建单位</button>
              </form>
            </section>
            """)
    }
}
