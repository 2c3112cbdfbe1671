/// The frame of every page: title, navigation for the user's role, sign-out, and the page's content.
enum Layout {
    static func page(_ title: String, identity: Identity?, _ content: HTML) -> HTML {
        """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · 绩效自评</title>
        <link rel="stylesheet" href="/static/app.css">
        <script src="/static/app.js" defer></script>
        </head>
        <body>
        <header class="top">
          <a class="brand" href="/">绩效自评</a>
          \(navigation(identity))
        </header>
        <main>
        \(content)
        </main>
        </body>
        </html>
        """
    }

    private static func navigation(_ identity: Identity?) -> HTML {
        guard let identity else { return .empty }
        let user = identity.user
        var links: [HTML] = []
        if user.role == .officer { links.append("<a href=\"/forms\">我的自评表</a>") }
        if user.role != .officer { links.append("<a href=\"/review\">年度总览</a>") }
        if user.role == .admin { links.append("<a href=\"/admin\">用户与单位</a>") }
        return """
            <nav>\(links)</nav>
            <div class="who"><a href="/account" title="修改密码、退出所有设备">\(user.displayName)（\(user.role.label)）</a>
              <form method="post" action="/logout" class="inline">\(csrfField(identity))<button type="submit" class="link">退出</button></form>
            </div>
            """
    }

    /// The hidden CSRF field every form post carries.
    static func csrfField(_ identity: Identity?) -> HTML {
        "<input type=\"hidden\" name=\"_csrf\" value=\"\(identity?.session.csrfToken ?? "")\">"
    }

    /// A message box; `kind` is `error`, `notice` or `success`.
    static func message(_ text: String, kind: String = "notice") -> HTML {
        "<div class=\"message \(kind)\">\(text)</div>"
    }
}

/// A refusal or failure shown as a page.
enum ErrorPage {
    static func render(
        status: Int, title: String, message: String, details: [String] = [], identity: Identity?,
        back: String? = nil
    ) -> HTML {
        let items: [HTML] = details.map { "<li>\($0)</li>" }
        return Layout.page(
            title, identity: identity,
            """
            <section class="error-page">
              <h1>\(title)</h1>
              \(Layout.message(message, kind: "error"))
              \(HTML.when(!details.isEmpty, "<ul class=\"reasons\">\(items)</ul>"))
              <p><a href="\(back ?? "/")">返回</a>（HTTP \(status)）</p>
            </section>
            """)
    }
}
