import Foundation
import JixiaoCore

/// A 项目支出绩效自评表 written onto a worksheet in the official layout — the one `XLSXImporter` reads, so
/// a workbook written here imports back as the same form: title and year; 项目名称; 主管部门及代码 / 预算单位;
/// the funds block under its two caption rows; 项目年度绩效目标; the indicator table (with 定性值情况说明 when
/// the form has it); the 总分 row; the seven 项目绩效分析 texts; then the signature lines.
public enum SelfEvaluationSheet {
    /// The form as a workbook of one sheet.
    public static func workbook(_ form: SelfEvaluation) throws(WorkbookWriteError) -> Data {
        try XLSXWriter.workbook([sheet(form)])
    }

    public static func sheet(_ form: SelfEvaluation) -> WorksheetDraft {
        let withNote = form.indicators.contains { $0.qualitativeNote != nil }
        let n = withNote ? 11 : 10
        let (weightColumn, scoreColumn, lastColumn) = (n - 2, n - 1, n)
        var sheet = WorksheetDraft(name: form.project.isEmpty ? "自评表" : form.project)
        sheet.columnWidths = [12, 12, 14, 24, 12, 12, 14] + (withNote ? [12] : []) + [8, 8, 24]
        var row = 1
        sheet.span(row, 1, to: row, n, "\(form.project)项目支出绩效自评表", style: .title)
        sheet.height(row, 28)
        row += 1
        sheet.span(row, 1, to: row, n, "（\(form.year)年度）", style: .plain)
        row += 1
        sheet.span(row, 1, to: row, 2, "项目名称", style: .label)
        if let code = form.projectCode {
            sheet.span(row, 3, to: row, n - 4, form.project)
            sheet.text(row, n - 3, "项目代码", style: .label)
            sheet.span(row, n - 2, to: row, n, code)
        } else {
            sheet.span(row, 3, to: row, n, form.project)
        }
        row += 1
        sheet.span(row, 1, to: row, 2, "主管部门及代码", style: .label)
        sheet.span(row, 3, to: row, n - 4, form.department.text)
        sheet.text(row, n - 3, "预算单位", style: .label)
        sheet.span(row, n - 2, to: row, n, form.agency.text)
        row += 1
        if let implementing = form.implementingAgency {
            sheet.span(row, 1, to: row, 2, "实施单位", style: .label)
            sheet.span(row, 3, to: row, n, implementing)
            row += 1
        }
        row = funds(form.funds, unit: form.amountUnit, into: &sheet, at: row, lastColumn: n)
        sheet.span(row, 1, to: row + 1, 1, "项目年度绩效目标", style: .label)
        sheet.span(row, 2, to: row, 6, "年度目标", style: .label)
        sheet.span(row, 7, to: row, n, "实际完成情况", style: .label)
        sheet.span(row + 1, 2, to: row + 1, 6, form.goals.annual)
        sheet.span(row + 1, 7, to: row + 1, n, form.goals.completion)
        sheet.height(row + 1, height(max(form.goals.annual.count, form.goals.completion.count), perLine: 30))
        row += 2
        let header =
            ["一级指标", "二级指标", "三级指标", "年初指标值", "调整后指标值", "实际完成值"] + (withNote ? ["定性值情况说明"] : [])
            + ["分值", "得分", "偏差原因分析及改进措施"]
        let last = row + max(form.indicators.count, 1)
        sheet.span(row, 1, to: last, 1, "绩效指标", style: .label)
        for (offset, caption) in header.enumerated() { sheet.text(row, 2 + offset, caption, style: .label) }
        for (offset, indicator) in form.indicators.enumerated() {
            let r = row + 1 + offset
            var values = [
                indicator.level1, indicator.level2, indicator.name, indicator.initialTarget.text,
                indicator.adjustedTarget.text, indicator.actual.text,
            ]
            if withNote { values.append(indicator.qualitativeNote ?? "") }
            for (column, value) in values.enumerated() { sheet.text(r, 2 + column, value) }
            sheet.number(r, weightColumn, indicator.weight.text)
            sheet.number(r, scoreColumn, indicator.score.text)
            sheet.text(r, lastColumn, indicator.deviation)
            // Cells the form printed beyond the table's columns stay beside the row, as they were read.
            for (offset, extra) in indicator.extraCells.enumerated() { sheet.text(r, lastColumn + 1 + offset, extra) }
        }
        row = last + 1
        sheet.span(row, 1, to: row, weightColumn, "总分", style: .label)
        sheet.number(row, scoreColumn, form.printedTotal.text)
        sheet.text(row, lastColumn, form.printedGrade ?? "", style: .label)
        row += 1
        let analysis = SelfEvaluation.Analysis.fields.map { ($0.caption, form.analysis[keyPath: $0.keyPath]) }
        sheet.span(row, 1, to: row + analysis.count - 1, 1, "项目绩效分析", style: .label)
        for (offset, (caption, text)) in analysis.enumerated() {
            sheet.span(row + offset, 2, to: row + offset, 3, caption, style: .label)
            sheet.span(row + offset, 4, to: row + offset, n, text)
            sheet.height(row + offset, height(text.count, perLine: 60))
        }
        row += analysis.count + 1
        sheet.text(row, 1, "单位负责人（签字）：", style: .plain)
        sheet.text(row, 5, "填表人（签字）：", style: .plain)
        sheet.text(row, 8, "日期：", style: .plain)
        return sheet
    }

    /// The funds block from `row`: two caption rows, 资金总额 and each source; returns the next free row.
    private static func funds(
        _ funds: SelfEvaluation.Funds, unit: MoneyUnit, into sheet: inout WorksheetDraft, at row: Int,
        lastColumn n: Int
    ) -> Int {
        let hasDeviation = funds.total.deviation != nil
        let last = row + 2 + funds.sources.count
        sheet.span(row, 1, to: last, 1, "项目资金预算安排及执行进度（\(unit.label)）", style: .label)
        sheet.span(row, 2, to: row + 1, 2, "", style: .label)
        sheet.span(row, 3, to: row, 4, "年初预算数", style: .label)
        sheet.text(row + 1, 3, "目标申报数", style: .label)
        sheet.text(row + 1, 4, "预算编制数", style: .label)
        let scoreEnd = hasDeviation ? 9 : n
        let captions: [(String, Int, Int)] =
            [("全年预算数", 5, 5), ("全年执行数", 6, 6), ("资金结（转）余", 7, 7), ("执行率", 8, 8), ("得分", 9, scoreEnd)]
            + (hasDeviation ? [("偏差原因分析及改进措施", 10, n)] : [])
        for (caption, first, lastColumn) in captions {
            sheet.span(row, first, to: row + 1, lastColumn, caption, style: .label)
        }
        let rows = [("资金总额：", funds.total)] + funds.sources.map { ($0.source, $0) }
        for (offset, (caption, values)) in rows.enumerated() {
            let r = row + 2 + offset
            sheet.text(r, 2, caption, style: .label)
            let amounts = [
                values.declared, values.compiled, values.fullYearBudget, values.executed, values.balance, values.rate,
            ]
            for (column, amount) in amounts.enumerated() { sheet.number(r, 3 + column, amount.text) }
            sheet.span(r, 9, to: r, scoreEnd, values.score.text, numeric: true)
            if hasDeviation { sheet.span(r, 10, to: r, n, values.deviation ?? "") }
        }
        return last + 1
    }

    /// A row tall enough for `characters` of wrapped text.
    private static func height(_ characters: Int, perLine: Int) -> Double {
        Double(min(409, max(20, 15 * ((characters + perLine - 1) / perLine))))
    }
}
