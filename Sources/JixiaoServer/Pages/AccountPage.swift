import Foundation

/// The signed-in user's account: change the password (required first when it is temporary), end the other
/// sessions, and the account's recent history.
enum AccountPage {
    static func render(
        identity: Identity, events: Page<AccountEvent>, idleLimit: TimeInterval, notice: String?
    ) -> HTML {
        let user = identity.user
        return Layout.page(
            "我的账户", identity: identity,
            """
            <section class="account">
              <h1>我的账户</h1>
              \(notice.map { Layout.message($0, kind: "success") } ?? .empty)
              \(HTML.when(user.mustChangePassword, Layout.message("您的密码是管理员设置的初始密码或重置密码，请先修改为只有您知道的密码，然后才能继续使用。", kind: "notice")))
              <p>\(user.displayName)（登录名 \(user.login)，\(user.role.label)）</p>
              <h2>修改密码</h2>
              <form method="post" action="/account/password" class="panel" id="password-form">
                \(Layout.csrfField(identity))
                <label>当前密码<input name="current" type="password" autocomplete="current-password" required></label>
                <label>新密码（至少 \(PasswordPolicy.minimumLength) 位，不能包含登录名，不能是常见密码）<input name="new" type="password" autocomplete="new-password" required minlength="\(PasswordPolicy.minimumLength)"></label>
                <label>再次输入新密码<input name="confirmation" type="password" autocomplete="new-password" required></label>
                <button type="submit" class="primary">修改密码</button>
                <p class="muted">修改后，您在其他浏览器或设备上的登录会全部失效。</p>
              </form>
              <h2>登录会话</h2>
              <form method="post" action="/logout" class="panel" data-confirm="退出全部设备上的登录（包括本浏览器）？">
                \(Layout.csrfField(identity))<input type="hidden" name="everywhere" value="1">
                <button type="submit">退出所有设备上的登录</button>
                <span class="muted">登录在 \(Int(idleLimit / 60)) 分钟无操作后自动结束。</span>
              </form>
              <h2>最近的登录与账户记录</h2>
              \(AccountEventsTable.render(events, basePath: "/account"))
            </section>
            """)
    }
}

/// A page of the account history with links to the other pages.
enum AccountEventsTable {
    static func render(_ events: Page<AccountEvent>, basePath: String, showLogin: Bool = false) -> HTML {
        let rows: [HTML] = events.items.map { event in
            let login: HTML = showLogin ? "<td>\(event.login)</td>" : .empty
            return
                "<tr><td>\(Display.time(event.at))</td>\(login)<td>\(event.kind.label)</td><td>\(event.address ?? "")</td><td>\(event.detail ?? "")</td></tr>"
        }
        let loginHeader: HTML = showLogin ? "<th scope=\"col\">登录名</th>" : .empty
        return """
            <table class="list account-events"><tr><th scope="col">时间</th>\(loginHeader)<th scope="col">事件</th><th scope="col">网络地址</th><th scope="col">说明</th></tr>\(rows)</table>
            \(Pager.render(events) { "\(basePath)?events=\($0)" })
            """
    }
}

/// 共 N 条，第 x / y 页 with first/previous/next/last links; `href` is the address of a page.
enum Pager {
    static func render<Item>(_ page: Page<Item>, unit: String = "条", href: (Int) -> String) -> HTML {
        guard page.pageCount > 1 else { return "<p class=\"muted pages\">共 \(page.total) \(unit)</p>" }
        let number = page.request.number
        func link(_ target: Int, _ text: String) -> HTML {
            target == number || target < 1 || target > page.pageCount
                ? "<span class=\"muted\">\(text)</span>" : "<a href=\"\(href(target))\">\(text)</a>"
        }
        return """
            <nav class="pages" aria-label="分页">共 \(page.total) \(unit)，第 \(number) / \(page.pageCount) 页：\
            \(link(1, "首页")) \(link(number - 1, "上一页")) \(link(number + 1, "下一页")) \(link(page.pageCount, "末页"))</nav>
            """
    }
}
