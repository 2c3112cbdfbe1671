enum LoginPage {
    static func render(token: String, next: String?, error: String?, notice: String? = nil) -> HTML {
        Layout.page(
            "登录", identity: nil,
            """
            <section class="login">
              <h1>登录</h1>
              \(error.map { Layout.message($0, kind: "error") } ?? .empty)
              \(notice.map { Layout.message($0, kind: "notice") } ?? .empty)
              <form method="post" action="/login">
                <input type="hidden" name="_csrf" value="\(token)">
                <input type="hidden" name="next" value="\(next ?? "")">
                <label>登录名<input name="login" autocomplete="username" required autofocus></label>
                <label>密码<input name="password" type="password" autocomplete="current-password" required></label>
                <button type="submit" class="primary">登录</button>
              </form>
            </section>
            """)
    }
}
