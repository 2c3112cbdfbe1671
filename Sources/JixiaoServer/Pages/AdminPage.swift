import Foundation

/// Users (reset, disable, enable, delete), sign-in lockouts, the account history, units and reviewer
/// assignments.
enum AdminPage {
    static func render(
        users: [User], units: [BudgetUnit], locked: [LoginFailures], events: Page<AccountEvent>, identity: Identity,
        notice: String?
    ) -> HTML {
        let unitName = { (id: Int64) in units.first { $0.id == id }?.label ?? "单位 \(id)" }
        let userRows: [HTML] = users.map { user in
            let scope: String
            switch user.role {
            case .officer: scope = user.unitID.map(unitName) ?? ""
            case .reviewer: scope = user.reviewedUnits.sorted().map(unitName).joined(separator: "、")
            case .admin: scope = "全部单位"
            }
            let status = user.isDisabled ? "已停用" : user.mustChangePassword ? "待改初始密码" : "正常"
            let path = "/admin/users/\(user.id)"
            let toggle = user.isDisabled ? ("enable", "启用") : ("disable", "停用")
            return """
                <tr><td>\(user.login)</td><td>\(user.displayName)</td><td>\(user.role.label)</td><td>\(scope)</td><td>\(status)</td>
                <td class="actions-cell">
                  <form method="post" action="\(path)/reset" class="inline" data-confirm="重置 \(user.login) 的密码？其现有登录会失效，下次登录须修改密码。">\(Layout.csrfField(identity))
                    <label class="inline-label"><span class="visually-hidden">\(user.login) 的新初始密码</span><input name="password" type="password" autocomplete="new-password" placeholder="新初始密码" required></label>
                    <button type="submit">重置密码</button></form>
                  <form method="post" action="\(path)/\(toggle.0)" class="inline" data-confirm="\(toggle.1) \(user.login)？">\(Layout.csrfField(identity))<button type="submit">\(toggle.1)</button></form>
                  <form method="post" action="\(path)/delete" class="inline" data-confirm="删除用户 \(user.login)？有修改或审核记录的用户不能删除，只能停用。">\(Layout.csrfField(identity))<button type="submit" class="danger">删除</button></form>
                </td></tr>
                """
        }
        let lockedRows: [HTML] = locked.map { failures in
            let refusal = LoginThrottle().refusal(failures, now: Date())
            return """
                <tr><td>\(failures.key.hasPrefix("address:") ? "网络地址 \(failures.key.dropFirst(8))" : "账户 \(failures.key.dropFirst(8))")</td>
                <td class="num">\(failures.count)</td><td>\(Display.time(failures.lastFailureAt))</td>
                <td>\(refusal.map { ($0.locked ? "锁定至 " : "需等待至 ") + Display.time($0.until) } ?? "可以登录")</td>
                <td><form method="post" action="/admin/unlock" class="inline">\(Layout.csrfField(identity))<input type="hidden" name="key" value="\(failures.key)"><button type="submit">解除锁定</button></form></td></tr>
                """
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
              <table class="list" id="users"><tr><th scope="col">登录名</th><th scope="col">姓名</th><th scope="col">角色</th><th scope="col">单位 / 审核单位</th><th scope="col">状态</th><th scope="col">操作</th></tr>\(userRows)</table>
              <form method="post" action="/admin/users" class="panel">
                \(Layout.csrfField(identity))
                <label>登录名<input name="login" required></label>
                <label>姓名<input name="name" required></label>
                <label>初始密码（至少 \(PasswordPolicy.minimumLength) 位；用户首次登录时须修改）<input name="password" type="password" required></label>
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
              <h2>登录失败与锁定</h2>
              <p class="muted">同一账户连续失败 5 次后每次须等待更久，20 次锁定 15 分钟；同一网络地址的限额为 20 次和 100 次。登录成功后清零。</p>
              \(lockedRows.isEmpty ? "<p class=\"muted\" id=\"locked\">目前没有受限的账户或网络地址。</p>" : "<table class=\"list\" id=\"locked\"><tr><th scope=\"col\">账户 / 网络地址</th><th scope=\"col\">失败次数</th><th scope=\"col\">最近一次</th><th scope=\"col\">状态</th><th scope=\"col\"></th></tr>\(lockedRows)</table>")
              <h2>登录与账户记录</h2>
              \(AccountEventsTable.render(events, basePath: "/admin", showLogin: true))
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
