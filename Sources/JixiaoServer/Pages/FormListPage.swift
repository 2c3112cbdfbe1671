import JixiaoCore

/// An officer's forms by year and status, and the target tables a self-evaluation can be drafted from.
enum FormListPage {
    static func render(
        records: [FormRecord], targets: [FormRecord], year: Int?, state: WorkflowState?,
        years: [Int], identity: Identity, notice: String?, policy: ScoringPolicy
    ) -> HTML {
        let byYear = Dictionary(grouping: records, by: \.year)
        let sections: [HTML] = byYear.keys.sorted(by: >).map { year in
            let rows: [HTML] = byYear[year]!.sorted {
                ($0.state?.rawValue ?? "", $0.project) < ($1.state?.rawValue ?? "", $1.project)
            }.map { record in
                let figures = record.figures
                return """
                    <tr><td><a href="/forms/\(record.id)">\(record.project)</a></td><td>\(Display.state(record.state))</td>
                    <td class="num">\(fixed: figures?.total)</td><td>\(Display.grade(figures, policy: policy))</td>
                    <td>\(Display.findings(figures))</td><td>\(Display.time(record.updatedAt))</td></tr>
                    """
            }
            return """
                <h2>\(year) 年度</h2>
                <table class="list"><tr><th>项目</th><th>状态</th><th>总分（重算）</th><th>等级</th><th>问题</th><th>更新时间</th></tr>\(rows)</table>
                """
        }
        let targetRows: [HTML] = targets.map { target in
            """
            <tr><td>\(target.year)</td><td>\(target.project)</td><td>
              <form method="post" action="/forms" class="inline">\(Layout.csrfField(identity))
                <input type="hidden" name="target" value="\(target.id)"><button type="submit">按目标表创建自评表</button></form>
            </td></tr>
            """
        }
        let yearOptions: [HTML] = years.map { "<option value=\"\($0)\"\($0 == year ? " selected" : "")>\($0)</option>" }
        let stateOptions: [HTML] = WorkflowState.allCases.map {
            "<option value=\"\($0.rawValue)\"\($0 == state ? " selected" : "")>\($0.label)</option>"
        }
        return Layout.page(
            "我的自评表", identity: identity,
            """
            <section>
              <h1>我的自评表</h1>
              \(notice.map { Layout.message($0, kind: "success") } ?? .empty)
              <form method="get" action="/forms" class="filters">
                <label>年度<select name="year"><option value="">全部</option>\(yearOptions)</select></label>
                <label>状态<select name="state"><option value="">全部</option>\(stateOptions)</select></label>
                <button type="submit">筛选</button>
              </form>
              \(sections.isEmpty ? "<p class=\"muted\">没有符合条件的自评表。</p>" : HTML(raw: sections.map(\.text).joined()))
              \(HTML.when(!targets.isEmpty, """
              <h2>可按目标表创建的自评表</h2>
              <p class="muted">自动带入指标、年初指标值（同时作为调整后指标值）、年度目标和目标申报数（年度资金总额 ÷ 10000，单位万元）；分值、实际完成值和执行数由您填写。</p>
              <table class="list"><tr><th>年度</th><th>项目</th><th></th></tr>\(targetRows)</table>
              """))
            </section>
            """)
    }
}
