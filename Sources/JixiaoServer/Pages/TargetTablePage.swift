import JixiaoCore

/// A target table, read-only: the reference a self-evaluation is drafted from.
enum TargetTablePage {
    static func render(view: FormService.FormView, table: TargetTable, identity: Identity) -> HTML {
        let rows: [HTML] = (table.indicators.period ?? []).filter { !$0.isTemplateRow }.map { row in
            "<tr><td>\(row.level1 ?? "")</td><td>\(row.level2)</td><td>\(row.name)</td><td>\(row.value.text)</td></tr>"
        }
        let annual: [HTML] = table.indicators.annual.filter { !$0.isTemplateRow }.map { row in
            "<tr><td>\(row.level2)</td><td>\(row.name)</td><td>\(row.value.text)</td></tr>"
        }
        let funds = table.funds
        return Layout.page(
            "\(table.project) 绩效目标表", identity: identity,
            """
            <section>
              <p class="crumbs"><a href="/forms">← 返回列表</a></p>
              <h1>\(table.project) 项目支出绩效目标表</h1>
              <p class="subtitle">（\(table.year)年度） \(view.unit?.label ?? "")</p>
              <table class="sheet">
                <tr><th>主管部门及代码</th><td>\(table.department.text)</td><th>实施单位</th><td>\(table.implementingAgency)</td></tr>
                <tr><th>项目属性</th><td>\(table.nature)</td><th>项目期</th><td>\(table.period)</td></tr>
                <tr><th>实施期资金总额（\(table.amountUnit.label)）</th><td>\(funds.period?.total.text ?? "")</td><th>年度资金总额（\(table.amountUnit.label)）</th><td>\(funds.annual.total.text)</td></tr>
                <tr><th>实施期目标</th><td>\(table.goals.period)</td><th>年度目标</th><td>\(table.goals.annual)</td></tr>
              </table>
              <table class="sheet"><caption>实施期绩效指标</caption><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th></tr>\(rows)</table>
              <table class="sheet"><caption>年度绩效指标</caption><tr><th>二级指标</th><th>三级指标</th><th>指标值</th></tr>\(annual)</table>
            </section>
            """)
    }
}
