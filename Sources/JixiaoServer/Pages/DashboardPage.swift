import Foundation
import JixiaoCore

/// The reviewer's year overview: cards, the two charts, the department sentence, export, and the forms —
/// searched, sorted and paged by the store — with bulk return/approve.
enum DashboardPage {
    static func render(_ dashboard: Dashboard, identity: Identity, notice: String?) -> HTML {
        let grades = Grade.allCases
        let printed = dashboard.printedGrades
        let recomputed = dashboard.aggregates.recomputedGrades
        let gradeRows: [HTML] = grades.map { grade in
            "<tr><th>\(dashboard.policy.label(of: grade))</th><td class=\"num\">\(printed[grade] ?? 0)</td><td class=\"num\">\(recomputed[grade] ?? 0)</td></tr>"
        }
        let gradeChart = BarChart(
            title: "等级分布（表上 / 重算）", labels: grades.map(dashboard.policy.label(of:)) + ["无法识别"],
            series: [
                ("表上等级", grades.map { printed[$0] ?? 0 } + [dashboard.unreadablePrinted]),
                ("重算等级", grades.map { recomputed[$0] ?? 0 } + [0]),
            ])
        let rateChart = BarChart(
            title: "预算执行率分布（重算）", labels: dashboard.rateBuckets.map(\.label),
            series: [("自评表数", dashboard.rateBuckets.map(\.count))])
        let aggregates = dashboard.aggregates
        let states: [HTML] = WorkflowState.allCases.compactMap { state in
            aggregates.states[state].map { "\(state.label) \($0)" as HTML }
        }
        return Layout.page(
            "年度总览", identity: identity,
            """
            <section class="dashboard">
              <h1>\(dashboard.year.map { "\($0) 年度" } ?? "")自评表总览</h1>
              \(notice.map { Layout.message($0, kind: "success") } ?? .empty)
              \(filters(dashboard))
              <div class="cards">
                <div class="card"><b id="form-count">\(aggregates.count)</b><span>张自评表</span><small class="muted" id="state-counts">\(HTML(raw: states.map(\.text).joined(separator: "、")))</small></div>
                <div class="card error"><b id="error-count">\(aggregates.withErrors)</b><span>张有错误</span></div>
                <div class="card"><b>\(Display.amount(aggregates.declared.round2))</b><span>目标申报数合计（万元）</span></div>
                <div class="card"><b>\(Display.amount(aggregates.fullYearBudget.round2))</b><span>全年预算数合计（万元）</span></div>
                <div class="card"><b>\(Display.amount(aggregates.executed.round2))</b><span>全年执行数合计（万元）</span></div>
              </div>
              <div class="charts">
                <table class="list grades" id="grade-counts"><caption class="visually-hidden">等级计数</caption><tr><th scope="col">等级</th><th scope="col">表上</th><th scope="col">重算</th></tr>\(gradeRows)
                  <tr><th>无法识别</th><td class="num">\(dashboard.unreadablePrinted)</td><td class="num">—</td></tr></table>
                \(gradeChart.render())
                \(rateChart.render())
              </div>
              \(summarySection(dashboard))
              \(HTML.when(dashboard.year != nil, exportForm(dashboard, approved: aggregates.states[.approved] ?? 0, identity: identity)))
              \(formTable(dashboard, identity: identity))
            </section>
            """)
    }

    static func options<T: Equatable>(
        _ values: [T], selected: T?, value: (T) -> String, label: (T) -> String
    ) -> HTML {
        HTML(
            raw: values.map { item in
                "<option value=\"\(HTML.escape(value(item)))\"\(item == selected ? " selected" : "")>\(HTML.escape(label(item)))</option>"
            }.joined())
    }

    /// `SE.SCORE.010 得分超过分值`: the id with the catalogue's Chinese name.
    static func ruleLabel(_ id: String) -> String {
        CheckRegistry.check(id: id).map { "\(id) \($0.description.name)" } ?? id
    }

    private static func filters(_ dashboard: Dashboard) -> HTML {
        let filter = dashboard.filter
        return """
            <form method="get" action="/review" class="filters" role="search">
              <label>年度<select name="year">\(options(dashboard.years, selected: dashboard.year, value: String.init, label: String.init))</select></label>
              <label>单位<select name="unit"><option value="">全部</option>\(options(dashboard.units.map(\.id), selected: filter.unitID, value: String.init, label: { dashboard.unit($0)?.label ?? "" }))</select></label>
              <label>等级（重算）<select name="grade"><option value="">全部</option>\(options(Grade.allCases, selected: filter.grade, value: \.rawValue, label: dashboard.policy.label(of:)))</select></label>
              <label>状态<select name="state"><option value="">全部（不含已删除）</option>\(options(WorkflowState.allCases, selected: filter.state, value: \.rawValue, label: \.label))</select></label>
              <label>规则<select name="rule"><option value="">全部</option>\(options(dashboard.ruleIDs, selected: filter.ruleID, value: { $0 }, label: ruleLabel))</select></label>
              <label>项目名称包含<input name="q" type="search" value="\(filter.search ?? "")"></label>
              <label>排序<select name="sort">\(options(FormSort.Key.allCases, selected: filter.sort.key, value: \.rawValue, label: \.label))</select></label>
              <label class="check"><span>倒序</span><input type="checkbox" name="desc" value="1"\(filter.sort.descending ? " checked" : "")></label>
              <button type="submit">筛选</button>
            </form>
            """
    }

    /// The 决算公开 sentence, ready to paste, with the three 涉及资金 definitions and what to check first.
    private static func summarySection(_ dashboard: Dashboard) -> HTML {
        guard dashboard.filter.unitID != nil else {
            return "<p class=\"muted\">选择一个单位后，这里给出该单位本年度的决算公开汇总句（带复制按钮）。</p>"
        }
        let counted = dashboard.summaryStates.map(\.label).joined(separator: "、")
        let blocks: [HTML] = dashboard.summaries.enumerated().map { index, summary in
            let definitions: [HTML] = InvolvedFunds.allCases.map { funds in
                "<tr><th>\(funds.label)</th><td class=\"num\">\(Display.amount(summary.total(funds)))</td><td>\(summary.sentence(funds: funds))</td></tr>"
            }
            let warnings: [HTML] = summary.warnings.map { "<li>\($0)</li>" }
            return """
                <div class="panel department-summary">
                  <p><b>\(summary.unit.text)</b>（\(summary.year) 年度，\(summary.formCount) 张，按重算等级计数；计入的状态：\(counted)）</p>
                  <label for="sentence-\(index)" class="visually-hidden">汇总句</label>
                  <textarea readonly rows="2" class="sentence" id="sentence-\(index)">\(summary.sentence(funds: .executed))</textarea>
                  <p><button type="button" class="copy" data-copy="sentence-\(index)">复制汇总句</button> <span class="muted copy-status" role="status" aria-live="polite"></span></p>
                  <p class="muted state-note">只统计已审核的表：在上方“状态”中选“已审核”或“已导出”后再复制。</p>
                  <table class="list"><tr><th>涉及资金口径</th><th>合计（万元）</th><th>汇总句</th></tr>\(definitions)</table>
                  \(HTML.when(!warnings.isEmpty, "<ul class=\"reasons\">\(warnings)</ul>"))
                </div>
                """
        }
        return """
            <section id="department-summary"><h2>部门汇总句（决算公开）</h2>
            \(blocks.isEmpty ? "<p class=\"muted\">该单位本年度没有自评表。</p>" : HTML(raw: blocks.map(\.text).joined()))</section>
            """
    }

    private static func exportForm(_ dashboard: Dashboard, approved: Int, identity: Identity) -> HTML {
        """
        <form method="post" action="/review/export" class="panel" data-confirm="导出后这些表的状态变为“已导出”，不能再退回。确定导出 \(approved) 张已审核的自评表吗？">
          \(Layout.csrfField(identity))
          <input type="hidden" name="year" value="\(dashboard.year ?? 0)">
          <input type="hidden" name="unit" value="\(dashboard.filter.unitID.map(String.init) ?? "")">
          <button type="submit"\(approved == 0 ? " disabled" : "")>导出已审核的自评表（\(approved) 张）</button>
          <span class="muted">导出为 XML（与 jixiao export 相同：每张一个文件，另有带清单的批次文件），导出后状态变为“已导出”。</span>
          <a href="/exports">以往的导出批次</a> ·
          <a href="/review/list.xlsx\(dashboard.filter.query(year: dashboard.year))">下载本列表（Excel）</a>
        </form>
        """
    }

    private static func formTable(_ dashboard: Dashboard, identity: Identity) -> HTML {
        let filter = dashboard.filter
        let rows: [HTML] = dashboard.page.items.map { record in
            let figures = record.figures
            let label = "选择 \(record.project)"
            return """
                <tr class="\(figures?.errorCount ?? 0 > 0 ? "has-errors" : "")">
                <td><input type="checkbox" name="forms[]" value="\(record.id)" form="bulk" aria-label="\(label)"\(record.state == .submitted ? "" : " disabled")></td>
                <td>\(dashboard.unit(record.unitID)?.label ?? "")</td>
                <td><a href="/forms/\(record.id)">\(record.project)</a></td><td>\(Display.state(record.state))</td>
                <td class="num">\(figures?.printedTotal ?? "")</td><td>\(figures?.printedGrade ?? "")</td>
                <td class="num">\(fixed: figures?.total)</td><td>\(Display.grade(figures, policy: dashboard.policy))</td>
                <td class="num">\(fixed: figures?.executionRate)</td><td>\(Display.findings(figures))</td></tr>
                """
        }
        func header(_ title: String, _ key: FormSort.Key?) -> HTML {
            guard let key else { return "<th scope=\"col\">\(title)</th>" }
            let current = filter.sort.key == key
            let next = FormSort(key, descending: current ? !filter.sort.descending : false)
            let sorted =
                current ? (filter.sort.descending ? " aria-sort=\"descending\"" : " aria-sort=\"ascending\"") : ""
            let arrow = current ? (filter.sort.descending ? " ↓" : " ↑") : ""
            return
                "<th scope=\"col\"\(HTML(raw: sorted))><a href=\"/review\(dashboard.filter.query(year: dashboard.year, sort: next))\">\(title)\(arrow)</a></th>"
        }
        let page = dashboard.page
        return """
            <h2>自评表（\(filter.sort.key.label)\(filter.sort.descending && filter.sort.key != .errorsFirst ? "，倒序" : "")）</h2>
            <form method="post" action="/review/bulk" id="bulk" class="panel bulk" data-confirm-bulk="1">
              \(Layout.csrfField(identity))
              <label>批量操作的意见（退回时必填，同一意见用于所选的每张表）<textarea name="comment" rows="2"></textarea></label>
              <button type="submit" name="_action" value="approve" class="primary">批量审核通过所选</button>
              <button type="submit" name="_action" value="return">批量退回所选</button>
              <span class="muted">只有“已提交”的表可以选择。</span>
            </form>
            <table class="list" id="forms"><tr><th scope="col"><span class="visually-hidden">选择</span></th>\(header("单位", .unit))\(header("项目", .project))
              \(header("状态", nil))\(header("表上总分", nil))\(header("表上等级", nil))\(header("重算总分", .total))\(header("重算等级", .grade))
              \(header("执行率(%)", .rate))\(header("问题", nil))</tr>\(rows)</table>
            \(Pager.render(page, unit: "张") { "/review\(filter.query(year: dashboard.year, page: $0))" })
            """
    }
}
