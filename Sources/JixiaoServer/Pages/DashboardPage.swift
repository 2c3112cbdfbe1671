import JixiaoCore

/// The reviewer's year dashboard.
enum DashboardPage {
    static func render(_ dashboard: Dashboard, identity: Identity, notice: String?) -> HTML {
        let grades = Grade.allCases
        let gradeRows: [HTML] = grades.map { grade in
            "<tr><th>\(grade.label)</th><td class=\"num\">\(dashboard.printedGrades[grade] ?? 0)</td><td class=\"num\">\(dashboard.recomputedGrades[grade] ?? 0)</td></tr>"
        }
        let gradeChart = BarChart(
            title: "等级分布（表上 / 重算）", labels: grades.map(\.label) + ["无法识别"],
            series: [
                ("表上等级", grades.map { dashboard.printedGrades[$0] ?? 0 } + [dashboard.unreadablePrinted]),
                ("重算等级", grades.map { dashboard.recomputedGrades[$0] ?? 0 } + [0]),
            ])
        let rateChart = BarChart(
            title: "预算执行率分布（重算）", labels: dashboard.rateBuckets.map(\.label),
            series: [("自评表数", dashboard.rateBuckets.map(\.count))])
        let approved = dashboard.records.filter { $0.state == .approved }.count
        return Layout.page(
            "年度总览", identity: identity,
            """
            <section class="dashboard">
              <h1>\(dashboard.year.map { "\($0) 年度" } ?? "")自评表总览</h1>
              \(notice.map { Layout.message($0, kind: "success") } ?? .empty)
              \(filters(dashboard))
              <div class="cards">
                <div class="card"><b id="form-count">\(dashboard.records.count)</b><span>张自评表</span></div>
                <div class="card error"><b id="error-count">\(dashboard.withErrors)</b><span>张有错误</span></div>
                <div class="card"><b>\(Display.amount(dashboard.declared))</b><span>目标申报数合计（万元）</span></div>
                <div class="card"><b>\(Display.amount(dashboard.fullYearBudget))</b><span>全年预算数合计（万元）</span></div>
                <div class="card"><b>\(Display.amount(dashboard.executed))</b><span>全年执行数合计（万元）</span></div>
              </div>
              <div class="charts">
                <table class="list grades" id="grade-counts"><tr><th>等级</th><th>表上</th><th>重算</th></tr>\(gradeRows)
                  <tr><th>无法识别</th><td class="num">\(dashboard.unreadablePrinted)</td><td class="num">—</td></tr></table>
                \(gradeChart.render())
                \(rateChart.render())
              </div>
              \(summarySection(dashboard))
              \(HTML.when(dashboard.year != nil, exportForm(dashboard, approved: approved, identity: identity)))
              \(formTable(dashboard))
            </section>
            """)
    }

    private static func filters(_ dashboard: Dashboard) -> HTML {
        let filter = dashboard.filter
        func options<T>(_ values: [T], selected: T?, value: (T) -> String, label: (T) -> String) -> HTML
        where T: Equatable {
            HTML(
                raw: values.map { item in
                    "<option value=\"\(HTML.escape(value(item)))\"\(item == selected ? " selected" : "")>\(HTML.escape(label(item)))</option>"
                }.joined())
        }
        return """
            <form method="get" action="/review" class="filters">
              <label>年度<select name="year">\(options(dashboard.years, selected: dashboard.year, value: String.init, label: String.init))</select></label>
              <label>单位<select name="unit"><option value="">全部</option>\(options(dashboard.units.map(\.id), selected: filter.unitID, value: String.init, label: { dashboard.unit($0)?.label ?? "" }))</select></label>
              <label>等级（重算）<select name="grade"><option value="">全部</option>\(options(Grade.allCases, selected: filter.grade, value: \.rawValue, label: \.label))</select></label>
              <label>状态<select name="state"><option value="">全部</option>\(options(WorkflowState.allCases, selected: filter.state, value: \.rawValue, label: \.label))</select></label>
              <label>规则<select name="rule"><option value="">全部</option>\(options(dashboard.ruleIDs, selected: filter.ruleID, value: { $0 }, label: { $0 }))</select></label>
              <button type="submit">筛选</button>
            </form>
            """
    }

    /// The 决算公开 sentence, ready to paste, with the three 涉及资金 definitions and what to check first.
    private static func summarySection(_ dashboard: Dashboard) -> HTML {
        guard dashboard.filter.unitID != nil else {
            return "<p class=\"muted\">选择一个单位后，这里给出该单位本年度的决算公开汇总句（可直接复制）。</p>"
        }
        let blocks: [HTML] = dashboard.summaries.map { summary in
            let definitions: [HTML] = InvolvedFunds.allCases.map { funds in
                "<tr><th>\(funds.label)</th><td class=\"num\">\(Display.amount(summary.total(funds)))</td><td>\(summary.sentence(funds: funds))</td></tr>"
            }
            let warnings: [HTML] = summary.warnings.map { "<li>\($0)</li>" }
            return """
                <div class="panel department-summary">
                  <p><b>\(summary.unit.text)</b>（\(summary.year) 年度，\(summary.formCount) 张，按重算等级计数）</p>
                  <textarea readonly rows="2" class="sentence">\(summary.sentence(funds: .executed))</textarea>
                  <table class="list"><tr><th>涉及资金口径</th><th>合计（万元）</th><th>汇总句</th></tr>\(definitions)</table>
                  \(HTML.when(!warnings.isEmpty, "<ul class=\"reasons\">\(warnings)</ul>"))
                </div>
                """
        }
        return """
            <section id="department-summary"><h2>部门汇总句（决算公开，可直接复制）</h2>
            \(blocks.isEmpty ? "<p class=\"muted\">该单位本年度没有自评表。</p>" : HTML(raw: blocks.map(\.text).joined()))</section>
            """
    }

    private static func exportForm(_ dashboard: Dashboard, approved: Int, identity: Identity) -> HTML {
        """
        <form method="post" action="/review/export" class="panel">
          \(Layout.csrfField(identity))
          <input type="hidden" name="year" value="\(dashboard.year ?? 0)">
          <input type="hidden" name="unit" value="\(dashboard.filter.unitID.map(String.init) ?? "")">
          <button type="submit"\(approved == 0 ? " disabled" : "")>导出已审核的自评表（\(approved) 张）</button>
          <span class="muted">导出为 XML（与 jixiao export 相同：每张一个文件，另有带清单的批次文件），导出后状态变为“已导出”。</span>
        </form>
        """
    }

    private static func formTable(_ dashboard: Dashboard) -> HTML {
        let rows: [HTML] = dashboard.page.map { record in
            let figures = record.figures
            return """
                <tr class="\(figures?.errorCount ?? 0 > 0 ? "has-errors" : "")"><td>\(dashboard.unit(record.unitID)?.label ?? "")</td>
                <td><a href="/forms/\(record.id)">\(record.project)</a></td><td>\(Display.state(record.state))</td>
                <td class="num">\(figures?.printedTotal ?? "")</td><td>\(figures?.printedGrade ?? "")</td>
                <td class="num">\(fixed: figures?.total)</td><td>\(Display.grade(figures?.grade))</td>
                <td class="num">\(fixed: figures?.executionRate)</td><td>\(Display.findings(figures))</td></tr>
                """
        }
        let filter = dashboard.filter
        let pages: [HTML] = (1...dashboard.pageCount).map { page in
            let query = HTML.query([
                ("year", dashboard.year.map(String.init)), ("unit", filter.unitID.map(String.init)),
                ("grade", filter.grade?.rawValue), ("state", filter.state?.rawValue),
                ("rule", filter.ruleID), ("page", String(page)),
            ])
            return page == min(max(filter.page, 1), dashboard.pageCount)
                ? "<b>\(page)</b> " : "<a href=\"/review\(query)\">\(page)</a> "
        }
        return """
            <h2>自评表（有错误的在前）</h2>
            <table class="list" id="forms"><tr><th>单位</th><th>项目</th><th>状态</th><th>表上总分</th><th>表上等级</th>
              <th>重算总分</th><th>重算等级</th><th>执行率(%)</th><th>问题</th></tr>\(rows)</table>
            \(HTML.when(dashboard.pageCount > 1, "<p class=\"pages\">第 \(pages) 页</p>"))
            """
    }
}
