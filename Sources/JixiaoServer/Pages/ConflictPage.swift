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
              \(HTML.when(!conflict.yourFields.isEmpty && identity != nil, applyForm(conflict, identity: identity)))
              <p><a class="button" href="/forms/\(conflict.formID)">放弃我的修改，载入最新版本</a></p>
            </section>
            """)
    }

    /// Posts the user's changed fields again, against the current version: their values win where both
    /// changed the same field, everything else the others saved stays.
    private static func applyForm(_ conflict: SaveConflict, identity: Identity?) -> HTML {
        let fields: [HTML] = conflict.yourFields.sorted { $0.key < $1.key }.map {
            "<input type=\"hidden\" name=\"\($0.key)\" value=\"\($0.value)\">"
        }
        let overlap = Set(conflict.theirChanges.compactMap(\.change?.path)).intersection(
            conflict.yourChanges.map(\.path))
        return """
            <form method="post" action="/forms/\(conflict.formID)" class="panel" id="apply-mine">
              \(Layout.csrfField(identity))<input type="hidden" name="_version" value="\(conflict.currentVersion)">
              \(fields)
              <button type="submit" class="primary">把我的修改应用到最新版本之上</button>
              <span class="muted">\(overlap.isEmpty ? "双方改的是不同的字段，不会覆盖对方的修改。" : "双方都改了 \(overlap.count) 个字段（\(overlap.sorted().map(FieldLabels.label).joined(separator: "、"))），这些字段将采用您的值。")</span>
            </form>
            """
    }
}
