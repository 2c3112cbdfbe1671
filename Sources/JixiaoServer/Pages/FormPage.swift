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

    var record: FormRecord { view.record }
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
              <div class="summary-bar" id="live-summary">
                <span>执行率 <b data-live="executionRate">\(fixed: analysis.score.execution.ratePercent)</b>%</span>
                <span>执行得分 <b data-live="executionScore">\(fixed: analysis.score.execution.score)</b></span>
                <span>总分 <b data-live="total">\(fixed: analysis.score.total)</b>（<b data-live="grade">\(analysis.score.grade.label)</b>）</span>
                <span>按评分规则 <b data-live="ruleTotal">\(fixed: analysis.score.ruleTotal)</b>（<b data-live="ruleGrade">\(analysis.score.ruleGrade.label)</b>）</span>
                <span>错误 <b data-live="errors">\(analysis.errors.count)</b> 条</span>
              </div>
              <div id="loose-findings" class="findings">\(loose.map(findingItem))</div>
              \(editable ? editor() : sheet())
              \(HTML.when(editable && may(.submit), submitPanel()))
              \(HTML.when(reviewable, reviewPanel()))
              \(HistorySection.render(view.history))
            </section>
            """)
    }

    private func returnNotice() -> HTML {
        guard record.state == .returned,
            let entry = view.history.last(where: { $0.kind == .transition && $0.toState == .returned })
        else { return .empty }
        return """
            <div class="message error return-comment"><b>退回意见</b>（\(entry.userName ?? "审核人")，\(Display.time(entry.at))）：\
            <span class="comment-text">\(entry.comment ?? "")</span></div>
            """
    }

    private func editor() -> HTML {
        """
        <form method="post" action="/forms/\(record.id)" id="editor" data-form-id="\(record.id)" data-csrf="\(identity.session.csrfToken)">
          \(Layout.csrfField(identity))
          <input type="hidden" name="_version" value="\(record.version)">
          <input type="hidden" name="\(FormFields.indicatorCount)" value="\(form.indicators.count)">
          <input type="hidden" name="\(FormFields.sourceCount)" value="\(form.funds.sources.count)">
          \(sheet())
          <div class="actions"><button type="submit" class="primary">保存草稿</button>
            <button type="button" id="adopt-computed">表上数字采用重算值</button>
            <span id="live-status" class="muted"></span></div>
        </form>
        """
    }

    /// The printed layout; cells are inputs when editing.
    private func sheet() -> HTML {
        """
        <table class="sheet">
          <tr><th>项目名称</th><td colspan="3">\(cell("project", form.project))</td>
              <th>项目代码</th><td colspan="2">\(cell("projectCode", form.projectCode ?? ""))</td></tr>
          <tr><th>主管部门及代码</th><td colspan="3">\(cell("department", form.department.text))</td>
              <th>预算单位</th><td colspan="2">\(cell("agency", form.agency.text))</td></tr>
          \(HTML.when(form.implementingAgency != nil, "<tr><th>实施单位</th><td colspan=\"6\">\(cell("implementingAgency", form.implementingAgency ?? ""))</td></tr>"))
        </table>
        \(fundsTable())
        <table class="sheet">
          <caption>项目年度绩效目标</caption>
          <tr><th>年度目标</th><th>实际完成情况</th></tr>
          <tr><td>\(cell("goals.annual", form.goals.annual, long: true))</td><td>\(cell("goals.completion", form.goals.completion, long: true))</td></tr>
        </table>
        \(indicatorTable())
        <table class="sheet totals">
          <tr><th>总分</th><td>\(cell("total", form.printedTotal.text))</td><th>等级</th><td>\(cell("grade", form.printedGrade ?? ""))</td></tr>
        </table>
        <table class="sheet">
          <caption>项目绩效分析</caption>
          \(FormFields.analysis.map { key, accessor in
              let path = "analysis.\(key)"
              return "<tr><th>\(FieldLabels.label(path))</th><td>\(cell(path, accessor.get(form), long: true))</td></tr>" as HTML
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
            return "<tr><th>\(label)</th>\(cells)\(deviation)</tr>"
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
              <tr class="live"><td colspan="\(hasDeviation ? 9 : 8)">重算：执行率 <b data-live="executionRate">\(fixed: analysis.score.execution.ratePercent)</b>%，得分 <b data-live="executionScore">\(fixed: analysis.score.execution.score)</b>
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
                  \(HTML.when(withNote, "<th>定性值情况说明</th>"))<th>分值</th><th>得分</th><th class="rule">规则得分</th>
                  <th>偏差原因分析及改进措施</th>\(HTML.when(editable, "<th></th>"))</tr>
              \(rows)
            </table>
            \(HTML.when(editable, """
            <template id="indicator-template">\(indicatorRow(-1, blank, nil, withNote: withNote))</template>
            <p><button type="button" id="add-row">添加指标行</button></p>
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
              <td class="rule\(differs ? " differs" : "")" data-rule-score="\(index)" title="\(score.map(ScoreExplanation.describe) ?? "")">\(rule)</td>
              <td>\(cell("\(prefix).deviation", row.deviation, long: true))</td>
              \(HTML.when(editable, "<td><button type=\"button\" class=\"link remove-row\">删除</button></td>"))
            </tr>
            """
    }

    /// An input (or text) for one field, with the findings on it.
    private func cell(_ path: String, _ value: String, long: Bool = false, numeric: Bool = false) -> HTML {
        let findings = findingsByPath[path] ?? []
        let notes: HTML = "<div class=\"field-findings\" data-for=\"\(path)\">\(findings.map(findingItem))</div>"
        let flagged = findings.isEmpty ? "" : " flagged"
        guard editable else { return "<span class=\"value\(flagged)\">\(value)</span>\(notes)" }
        if long {
            return "<textarea name=\"\(path)\" rows=\"2\" class=\"\(flagged)\">\(value)</textarea>\(notes)"
        }
        return
            "<input name=\"\(path)\" value=\"\(value)\" class=\"\(numeric ? "num" : "")\(flagged)\" autocomplete=\"off\">\(notes)"
    }

    private func findingItem(_ finding: Finding) -> HTML {
        let place = finding.location.fieldPath.map { FieldLabels.label($0) + "：" } ?? ""
        return
            "<div class=\"finding \(finding.severity.rawValue)\">\(finding.severity.label) \(place)\(finding.message)（\(finding.ruleID)）</div>"
    }

    private func submitPanel() -> HTML {
        """
        <form method="post" action="/forms/\(record.id)/submit" class="panel" id="submit-form">
          \(Layout.csrfField(identity))<input type="hidden" name="_version" value="\(record.version)">
          <button type="submit" class="primary" id="submit-button">提交审核</button>
          <span id="submit-reason" class="muted">\(analysis.errors.isEmpty ? "" : "还有 \(analysis.errors.count) 条错误，改正并保存后才能提交")</span>
          <p class="muted">提交前请先保存草稿；提交后表单交审核人审核，不能再修改，除非被退回。</p>
        </form>
        """
    }

    private func reviewPanel() -> HTML {
        """
        <div class="panel review">
          <form method="post" action="/forms/\(record.id)/return">
            \(Layout.csrfField(identity))<input type="hidden" name="_version" value="\(record.version)">
            <label>退回意见（必填）<textarea name="comment" rows="3" required></textarea></label>
            <button type="submit">退回修改</button>
          </form>
          <form method="post" action="/forms/\(record.id)/approve">
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
    static func render(_ history: [HistoryEntry]) -> HTML {
        // Newest version first; within a version, fields in printed order.
        let ordered = history.enumerated().sorted {
            ($0.element.version, -$0.offset) > ($1.element.version, -$1.offset)
        }.map(\.element)
        let rows: [HTML] = ordered.map { entry in
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
            <section class="history">
              <h2>修改与审核记录</h2>
              <table class="list"><tr><th>时间</th><th>人员</th><th>版本</th><th>操作</th><th>字段 / 意见</th><th>原值</th><th>新值</th></tr>
              \(rows)</table>
            </section>
            """
    }
}
