import Foundation
import JixiaoCore

/// A self-evaluation laid out like the printed 自评表. When the officer may edit it, every cell is an input
/// named by its field path; the page script sends them to the scoring endpoint as the officer types and
/// shows execution, rule scores, totals and findings in place. Otherwise the cells are text, with the
/// reviewer's return/approve panel where allowed. The history is below.
struct FormPage {
    let view: FormService.FormView
    let form: SelfEvaluation
    let analysis: FormAnalysis
    let identity: Identity
    /// A notice after an action (`已保存` …).
    let notice: String?
    /// Milliseconds between the last keystroke and the autosave.
    var autosaveDelay = 5000

    var record: FormRecord { view.record }
    var policyName: String { view.policyName }
    var user: User { identity.user }
    private func may(_ action: FormAction) -> Bool {
        (try? AccessPolicy.check(user, action, unitID: record.unitID)) != nil
    }
    var editable: Bool { may(.edit) && record.state?.isEditable == true }
    var reviewable: Bool { may(.review) && record.state == .submitted }
    /// Findings by field path; those with no cell on the page are listed at the top.
    var findingsByPath: [String: [Finding]] {
        Dictionary(grouping: analysis.findings, by: { $0.location.fieldPath ?? "" })
    }

    func render() -> HTML {
        let title = "\(form.project)项目支出绩效自评表"
        let paths = Set(FormFields.flatten(form).map(\.path))
        let loose = analysis.findings.filter { !paths.contains($0.location.fieldPath ?? "") }
        return Layout.page(
            title, identity: identity,
            """
            <section class="form-page">
              <p class="crumbs"><a href="\(user.role == .officer ? "/forms" : "/review")">← 返回列表</a></p>
              <h1>\(title)</h1>
              <p class="subtitle">（\(form.year)年度） \(Display.state(record.state)) 第 \(record.version) 版 · \(view.unit?.label ?? "")</p>
              \(notice.map { Layout.message($0, kind: "success") } ?? .empty)
              \(returnNotice())
              <p class="screen-only toolbar"><button type="button" data-print>打印</button>
                <a href="/forms/\(record.id)/form.xlsx" class="button">下载 Excel</a>
                <span class="muted">打印时只印表格本身和签字栏（按正式自评表版式）。</span></p>
              <div class="summary-bar screen-only" id="live-summary" role="status" aria-live="polite" aria-atomic="true">
                <span>执行率 <b data-live="executionRate">\(fixed: analysis.score.execution.ratePercent)</b>%</span>
                <span>执行得分 <b data-live="executionScore">\(fixed: analysis.score.execution.score)</b></span>
                <span title="重算的执行得分加上表上填写的各指标得分">总分 <b data-live="total">\(fixed: analysis.score.total)</b>（<b data-live="grade">\(analysis.score.gradeLabel)</b>）</span>
                <span title="各指标按评分规则（\(policyName)）由分值、指标值和实际完成值重新计算的得分之和">规则重算总分 <b data-live="ruleTotal">\(fixed: analysis.score.ruleTotal)</b>（<b data-live="ruleGrade">\(analysis.score.ruleGradeLabel)</b>）</span>
                <span>错误 <b data-live="errors">\(analysis.errors.count)</b> 条</span>
              </div>
              <div class="print-only print-title"><h2>\(title)</h2><p>（\(form.year)年度）</p></div>
              <div id="loose-findings" class="findings">\(loose.map(findingItem))</div>
              \(editable ? editor() : sheet())
              \(HTML.when(editable && may(.submit), submitPanel()))
              \(HTML.when(reviewable, reviewPanel()))
              <div class="signatures print-only"><span>单位负责人（签字）：</span><span>填表人（签字）：</span><span>日期：　　年　　月　　日</span></div>
              \(HTML.when(editable && record.state == .draft && may(.edit), deletePanel()))
              \(HistorySection.render(view.history, formID: record.id))
            </section>
            """)
    }

    private func returnNotice() -> HTML {
        guard record.state == .returned,
            let entry = view.lastReturn
        else { return .empty }
        return """
            <div class="message error return-comment"><b>退回意见</b>（\(entry.userName ?? "审核人")，\(Display.time(entry.at))）：\
            <span class="comment-text">\(entry.comment ?? "")</span></div>
            """
    }

    private func editor() -> HTML {
        """
        <div class="message notice screen-only" id="restore-offer" hidden>本浏览器中保存着这张表上次未保存的填写内容。
          <button type="button" id="restore-button">恢复这些内容</button> <button type="button" id="discard-button">丢弃</button></div>
        <form method="post" action="/forms/\(record.id)" id="editor" data-form-id="\(record.id)" data-csrf="\(identity.session.csrfToken)" data-autosave="\(autosaveDelay)">
          \(Layout.csrfField(identity))
          <input type="hidden" name="_version" value="\(record.version)">
          <input type="hidden" name="\(FormFields.indicatorCount)" value="\(form.indicators.count)">
          <input type="hidden" name="\(FormFields.sourceCount)" value="\(form.funds.sources.count)">
          \(sheet())
          <div class="actions screen-only"><button type="submit" class="primary">保存草稿</button>
            <button type="button" id="adopt-computed" title="把重算的资金执行率、执行得分、总分和等级填入表中">把重算结果填入表中</button>
            <span id="save-status" class="muted" role="status" aria-live="polite">停止输入几秒后自动保存为草稿</span>
            <span id="live-status" class="muted" aria-live="polite"></span></div>
        </form>
        """
    }

    /// The printed layout; cells are inputs when editing.
    private func sheet() -> HTML {
        """
        <table class="sheet">
          <tr><th scope="row">项目名称</th><td colspan="3">\(cell("project", form.project))</td>
              <th scope="row">项目代码</th><td colspan="2">\(cell("projectCode", form.projectCode ?? ""))</td></tr>
          <tr><th scope="row">主管部门及代码</th><td colspan="3">\(cell("department", form.department.text))</td>
              <th scope="row">预算单位</th><td colspan="2">\(cell("agency", form.agency.text))</td></tr>
          \(HTML.when(form.implementingAgency != nil, "<tr><th>实施单位</th><td colspan=\"6\">\(cell("implementingAgency", form.implementingAgency ?? ""))</td></tr>"))
        </table>
        \(fundsTable())
        <table class="sheet">
          <caption>项目年度绩效目标</caption>
          <tr><th scope="col">年度目标</th><th scope="col">实际完成情况</th></tr>
          <tr><td>\(cell("goals.annual", form.goals.annual, long: true))</td><td>\(cell("goals.completion", form.goals.completion, long: true))</td></tr>
        </table>
        \(indicatorTable())
        <table class="sheet totals">
          <tr><th scope="row">总分</th><td>\(cell("total", form.printedTotal.text))</td><th scope="row">等级</th><td>\(cell("grade", form.printedGrade ?? ""))</td></tr>
        </table>
        <table class="sheet">
          <caption>项目绩效分析</caption>
          \(FormFields.analysis.map { key, accessor in
              let path = "analysis.\(key)"
              return "<tr><th scope=\"row\">\(FieldLabels.label(path))</th><td>\(cell(path, accessor.get(form), long: true))</td></tr>" as HTML
          })
        </table>
        """
    }

    private func fundsTable() -> HTML {
        let columns = ["declared", "compiled", "fullYearBudget", "executed", "balance", "rate", "score"]
        let hasDeviation = form.funds.total.deviation != nil
        func row(_ label: HTML, _ prefix: String, _ row: SelfEvaluation.FundsRow) -> HTML {
            let cells: [HTML] = columns.map { key in
                "<td>\(cell("\(prefix).\(key)", FormFields.fundsRow[key]!.get(row), numeric: true))</td>"
            }
            let deviation: HTML = hasDeviation ? "<td>\(cell("\(prefix).deviation", row.deviation ?? ""))</td>" : .empty
            return "<tr><th scope=\"row\">\(label)</th>\(cells)\(deviation)</tr>"
        }
        let sources: [HTML] = form.funds.sources.enumerated().map { index, source in
            row(cell("funds.sources[\(index)].source", source.source), "funds.sources[\(index)]", source)
        }
        return """
            <table class="sheet funds">
              <caption>项目资金预算安排及执行进度（万元）</caption>
              <tr><th rowspan="2">资金来源</th><th colspan="2">年初预算数</th><th rowspan="2">全年预算数</th><th rowspan="2">全年执行数</th>
                  <th rowspan="2">资金结(转)余</th><th rowspan="2">执行率(%)</th><th rowspan="2">得分</th>
                  \(HTML.when(hasDeviation, "<th rowspan=\"2\">偏差原因分析及改进措施</th>"))</tr>
              <tr><th>目标申报数</th><th>预算编制数</th></tr>
              \(row("资金总额", "funds.total", form.funds.total))
              \(sources)
              <tr class="live screen-only"><td colspan="\(hasDeviation ? 9 : 8)">重算：执行率 <b data-live="executionRate">\(fixed: analysis.score.execution.ratePercent)</b>%，得分 <b data-live="executionScore">\(fixed: analysis.score.execution.score)</b>
                <span data-live="executionProblem" class="muted">\(analysis.score.execution.problem?.label ?? "")</span></td></tr>
            </table>
            """
    }

    private func indicatorTable() -> HTML {
        let withNote = form.indicators.contains { $0.qualitativeNote != nil }
        let rows: [HTML] = form.indicators.enumerated().map { index, row in
            indicatorRow(index, row, analysis.score.indicators[index], withNote: withNote)
        }
        let blank = SelfEvaluation.Indicator(
            level1: "", level2: "", name: "", adjustedTarget: "", actual: "",
            qualitativeNote: withNote ? "" : nil, weight: "", score: "")
        return """
            <table class="sheet indicators" id="indicators">
              <caption>绩效指标</caption>
              <tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>年初指标值</th><th>调整后指标值</th><th>实际完成值</th>
                  \(HTML.when(withNote, "<th>定性值情况说明</th>"))<th>分值</th><th>得分</th><th class="rule screen-only" title="按评分规则由分值、指标值和实际完成值算出的得分，供核对">规则得分</th>
                  <th>偏差原因分析及改进措施</th>\(HTML.when(editable, "<th class=\"screen-only\"><span class=\"visually-hidden\">操作</span></th>"))</tr>
              \(rows)
            </table>
            \(HTML.when(editable, """
            <template id="indicator-template">\(indicatorRow(-1, blank, nil, withNote: withNote))</template>
            <p class="screen-only"><button type="button" id="add-row">添加指标行</button></p>
            """))
            """
    }

    /// One indicator row; the new-row template has index −1 (the script renumbers rows).
    private func indicatorRow(
        _ index: Int, _ row: SelfEvaluation.Indicator, _ score: IndicatorScore?, withNote: Bool
    ) -> HTML {
        let prefix = "indicators[\(index)]"
        let rule: HTML = score.map { $0.isScored ? HTML("\(fixed: $0.ruleScore)") : "不计分" } ?? "—"
        let differs = (score?.difference ?? 0) != 0
        return """
            <tr data-row="\(index)">
              <td>\(cell("\(prefix).level1", row.level1))</td><td>\(cell("\(prefix).level2", row.level2))</td>
              <td>\(cell("\(prefix).name", row.name))</td><td>\(cell("\(prefix).initialTarget", row.initialTarget.text))</td>
              <td>\(cell("\(prefix).adjustedTarget", row.adjustedTarget.text))</td><td>\(cell("\(prefix).actual", row.actual.text))</td>
              \(HTML.when(withNote, "<td>\(cell("\(prefix).qualitativeNote", row.qualitativeNote ?? ""))</td>"))
              <td>\(cell("\(prefix).weight", row.weight.text, numeric: true))</td><td>\(cell("\(prefix).score", row.score.text, numeric: true))</td>
              <td class="rule screen-only\(differs ? " differs" : "")" data-rule-score="\(index)" title="\(score.map(ScoreExplanation.describe) ?? "")">\(rule)</td>
              <td>\(cell("\(prefix).deviation", row.deviation, long: true))</td>
              \(HTML.when(editable, "<td class=\"screen-only\"><button type=\"button\" class=\"link remove-row\" aria-label=\"删除第 \(index + 1) 行指标\">删除</button></td>"))
            </tr>
            """
    }

    /// An input (or text) for one field, with the findings on it.
    private func cell(_ path: String, _ value: String, long: Bool = false, numeric: Bool = false) -> HTML {
        let findings = findingsByPath[path] ?? []
        let notes: HTML = "<div class=\"field-findings\" data-for=\"\(path)\">\(findings.map(findingItem))</div>"
        let flagged = findings.isEmpty ? "" : " flagged"
        guard editable else { return "<span class=\"value\(flagged)\">\(value)</span>\(notes)" }
        // The new-row template's inputs are numbered by the script when a row is added.
        let template = "indicators[-1]."
        let label =
            path.hasPrefix(template)
            ? "第 0 行指标·" + (FieldLabels.indicator[String(path.dropFirst(template.count))] ?? "")
            : FieldLabels.label(path)
        let invalid = findings.isEmpty ? "" : " aria-invalid=\"true\""
        if long {
            return
                "<textarea name=\"\(path)\" id=\"\(path)\" aria-label=\"\(label)\" rows=\"2\" class=\"\(flagged)\"\(HTML(raw: invalid))>\(value)</textarea>\(notes)"
        }
        let mode: HTML = numeric ? " inputmode=\"decimal\"" : .empty
        return
            "<input name=\"\(path)\" id=\"\(path)\" aria-label=\"\(label)\" value=\"\(value)\" class=\"\(numeric ? "num" : "")\(flagged)\" autocomplete=\"off\"\(mode)\(HTML(raw: invalid))>\(notes)"
    }

    private func findingItem(_ finding: Finding) -> HTML {
        let place = finding.location.fieldPath.map { FieldLabels.label($0) + "：" } ?? ""
        return
            "<div class=\"finding \(finding.severity.rawValue)\">\(finding.severity.label) \(place)\(finding.message)（\(finding.ruleID)）</div>"
    }

    private func submitPanel() -> HTML {
        """
        <form method="post" action="/forms/\(record.id)/submit" class="panel screen-only" id="submit-form" data-confirm="提交后表单交审核人审核，在退回之前不能再修改。确定提交审核吗？">
          \(Layout.csrfField(identity))<input type="hidden" name="_version" value="\(record.version)">
          <button type="submit" class="primary" id="submit-button">提交审核</button>
          <span id="submit-reason" class="muted">\(analysis.errors.isEmpty ? "" : "还有 \(analysis.errors.count) 条错误，改正并保存后才能提交")</span>
          <p class="muted">提交前请先保存草稿；提交后表单交审核人审核，不能再修改，除非被退回。</p>
        </form>
        """
    }

    private func deletePanel() -> HTML {
        """
        <form method="post" action="/forms/\(record.id)/delete" class="panel screen-only" id="delete-form" data-confirm="删除这张草稿？删除后它不再出现在列表中（修改记录保留，目标表可以重新创建自评表）。">
          \(Layout.csrfField(identity))<input type="hidden" name="_version" value="\(record.version)">
          <button type="submit" class="danger">删除这张草稿</button>
          <span class="muted">只有从未提交过的草稿可以删除，例如按错目标表创建的。</span>
        </form>
        """
    }

    private func reviewPanel() -> HTML {
        """
        <div class="panel review screen-only">
          <form method="post" action="/forms/\(record.id)/return" data-confirm="确定退回这张自评表？经办人会看到退回意见。">
            \(Layout.csrfField(identity))<input type="hidden" name="_version" value="\(record.version)">
            <label>退回意见（必填）<textarea name="comment" rows="3" required></textarea></label>
            <button type="submit">退回修改</button>
          </form>
          <form method="post" action="/forms/\(record.id)/approve" data-confirm="确定审核通过这张自评表？">
            \(Layout.csrfField(identity))<input type="hidden" name="_version" value="\(record.version)">
            <label>审核意见（可选）<input name="comment"></label>
            <button type="submit" class="primary">审核通过</button>
          </form>
        </div>
        """
    }
}

/// The append-only history of a form: who changed which field from what to what, and every state change
/// with its comment.
enum HistorySection {
    static func render(_ history: Page<HistoryEntry>, formID: Int64) -> HTML {
        let rows: [HTML] = history.items.map { entry in
            let what: HTML
            switch entry.kind {
            case .created: what = "<td>创建</td><td colspan=\"3\">由目标表生成</td>"
            case .imported:
                what = "<td>导入</td><td colspan=\"3\">从表单文件导入\(entry.toState.map { "（\($0.label)）" } ?? "")</td>"
            case .edited:
                let change = entry.change
                what =
                    "<td>修改</td><td>\(change.map { FieldLabels.label($0.path) } ?? "")</td><td>\(change?.old ?? "")</td><td>\(change?.new ?? "")</td>"
            case .transition:
                what =
                    "<td>\(entry.fromState?.label ?? "") → \(entry.toState?.label ?? "")</td><td colspan=\"3\" class=\"comment\">\(entry.comment ?? "")</td>"
            }
            return
                "<tr><td>\(Display.time(entry.at))</td><td>\(entry.userName ?? "系统")</td><td>第 \(entry.version) 版</td>\(what)</tr>"
        }
        return """
            <section class="history screen-only" id="history">
              <h2>修改与审核记录（新的在前）</h2>
              <table class="list"><tr><th scope="col">时间</th><th scope="col">人员</th><th scope="col">版本</th><th scope="col">操作</th><th scope="col">字段 / 意见</th><th scope="col">原值</th><th scope="col">新值</th></tr>
              \(rows)</table>
              \(Pager.render(history) { "/forms/\(formID)?history=\($0)#history" })
            </section>
            """
    }
}
