/// A refused save: what others changed since the user's version, and the user's own unsaved changes, so
/// nothing typed is lost.
enum ConflictPage {
    static func render(_ conflict: SaveConflict, identity: Identity?) -> HTML {
        let theirs: [HTML] = conflict.theirChanges.map { entry in
            let what: HTML
            if let change = entry.change {
                what = "<td>\(FieldLabels.label(change.path))</td><td>\(change.old)</td><td>\(change.new)</td>"
            } else {
                what =
                    "<td colspan=\"3\">\(entry.fromState?.label ?? "")\(entry.toState.map { " → \($0.label)" } ?? "") \(entry.comment ?? "")</td>"
            }
            return "<tr><td>\(entry.userName ?? "系统")</td><td>\(Display.time(entry.at))</td>\(what)</tr>"
        }
        let yours: [HTML] = conflict.yourChanges.map { change in
            "<tr><td>\(FieldLabels.label(change.path))</td><td>\(change.old)</td><td class=\"mine\">\(change.new)</td></tr>"
        }
        return Layout.page(
            "保存冲突", identity: identity,
            """
            <section class="conflict">
              <h1>保存冲突</h1>
              \(Layout.message(conflict.message, kind: "error"))
              <h2>对方的修改（第 \(conflict.yourVersion + 1)–\(conflict.currentVersion) 版）</h2>
              <table class="list" id="their-changes"><tr><th>人员</th><th>时间</th><th>字段</th><th>原值</th><th>新值</th></tr>\(theirs)</table>
              <h2>您未保存的修改</h2>
              <table class="list" id="your-changes"><tr><th>字段</th><th>原值</th><th>您填写的值</th></tr>\(yours)</table>
              <p><a class="button primary" href="/forms/\(conflict.formID)">载入最新版本</a></p>
            </section>
            """)
    }
}
