import Foundation
import JixiaoCore

/// Writes forms as form files (the format of Forms/README.md), deterministically: fixed key order, every
/// text double-quoted so numbers keep their printed form ("100.00" stays "100.00"). Reading the output
/// gives back the same model (`FormFileReader`), which is what lossless import relies on.
public enum FormFileWriter {
    public static func yaml(_ form: Form) -> String {
        var out = YAMLOut()
        switch form {
        case .selfEvaluation(let f): write(f, &out)
        case .targetTable(let t): write(t, &out)
        }
        return out.text
    }

    static func write(_ f: SelfEvaluation, _ out: inout YAMLOut) {
        out.field("form", "self-evaluation")
        out.number("year", f.year)
        out.field("project", f.project)
        out.optional("projectCode", f.projectCode)
        out.field("department", f.department.text)
        out.field("agency", f.agency.text)
        out.optional("implementingAgency", f.implementingAgency)
        amountUnit(f.amountUnit, default: SelfEvaluation.defaultAmountUnit, &out)
        out.open("funds")
        out.open("total")
        fundsRow(f.funds.total, &out, includeSource: false)
        out.close()
        if !f.funds.sources.isEmpty {
            out.sequence("sources", f.funds.sources) { fundsRow($1, &$0, includeSource: true) }
        }
        out.close()
        out.open("goals")
        out.field("annual", f.goals.annual)
        out.field("completion", f.goals.completion)
        out.close()
        out.sequence("indicators", f.indicators) { out, row in
            out.field("level1", row.level1)
            out.field("level2", row.level2)
            out.field("name", row.name)
            out.optional("nature", row.nature)
            out.field("initialTarget", row.initialTarget.text)
            out.field("adjustedTarget", row.adjustedTarget.text)
            out.optional("unit", row.unit)
            out.field("actual", row.actual.text)
            out.optional("qualitativeNote", row.qualitativeNote)
            out.optional("explanation", row.explanation)
            out.optional("completionStatus", row.completionStatus)
            out.field("weight", row.weight.text)
            out.optional("weightPercent", row.weightPercent?.text)
            out.optional("scoreCoefficient", row.scoreCoefficient?.text)
            out.field("score", row.score.text)
            out.optional("convertedScore", row.convertedScore?.text)
            out.optional("scoringCriteria", row.scoringCriteria)
            out.optional("coreIndicator", row.coreIndicator)
            out.field("deviation", row.deviation)
            if !row.extraCells.isEmpty { out.list("extraCells", row.extraCells) }
        }
        out.field("total", f.printedTotal.text)
        out.optional("totalWeight", f.printedWeightTotal?.text)
        out.optional("grade", f.printedGrade)
        out.open("analysis")
        for (key, text) in f.analysis.fields { out.field(key, text) }
        out.close()
        otherFields(f.otherFields, &out)
        source(f.source, &out)
    }

    static func fundsRow(_ row: SelfEvaluation.FundsRow, _ out: inout YAMLOut, includeSource: Bool) {
        if includeSource { out.field("source", row.source) }
        out.field("declared", row.declared.text)
        out.field("compiled", row.compiled.text)
        out.field("fullYearBudget", row.fullYearBudget.text)
        out.optional("received", row.received?.text)
        out.field("executed", row.executed.text)
        out.field("balance", row.balance.text)
        out.optional("weight", row.weight?.text)
        out.field("rate", row.rate.text)
        out.field("score", row.score.text)
        out.optional("deviation", row.deviation)
    }

    /// `amountUnit:`, written only when it is not the kind's default, so that files in the default unit stay
    /// as they were.
    static func amountUnit(_ unit: MoneyUnit, default standard: MoneyUnit, _ out: inout YAMLOut) {
        if unit != standard { out.field("amountUnit", unit.label) }
    }

    static func otherFields(_ fields: [PrintedField], _ out: inout YAMLOut) {
        guard !fields.isEmpty else { return }
        out.sequence("otherFields", fields) { out, field in
            out.field("label", field.label)
            out.field("text", field.text)
        }
    }

    static func write(_ t: TargetTable, _ out: inout YAMLOut) {
        out.field("form", "target-table")
        out.number("year", t.year)
        out.field("project", t.project)
        out.optional("projectCode", t.projectCode)
        out.field("department", t.department.text)
        out.optional("agency", t.agency?.text)
        out.field("implementingAgency", t.implementingAgency)
        out.field("nature", t.nature)
        out.field("period", t.period)
        amountUnit(t.amountUnit, default: TargetTable.defaultAmountUnit, &out)
        out.open("funds")
        for (key, breakdown) in [("period", t.funds.period), ("annual", t.funds.annual)] {
            guard let breakdown else { continue }
            out.open(key)
            out.field("total", breakdown.total.text)
            if breakdown.hasTemplateSources {
                for (source, template) in zip(breakdown.sources, TargetTable.FundBreakdown.templateSources) {
                    out.field(template.key, source.amount.text)
                }
            } else {
                out.sequence("sources", breakdown.sources) { out, source in
                    out.field("label", source.label)
                    out.field("amount", source.amount.text)
                }
            }
            out.close()
        }
        out.optional("executionTarget", t.funds.executionTarget)
        out.optional("executionWeight", t.funds.executionWeight?.text)
        out.close()
        out.field("overview", t.overview)
        out.field("basis", t.basis)
        out.field("necessity", t.necessity)
        out.field("measures", t.measures)
        out.field("plan", t.plan)
        out.open("goals")
        out.field("period", t.goals.period)
        out.field("annual", t.goals.annual)
        out.close()
        out.open("indicators")
        for (key, rows) in [("period", t.indicators.period), ("annual", t.indicators.annual)] {
            guard let rows else { continue }
            out.sequence(key, rows) { out, row in
                out.optional("level1", row.level1)
                out.field("level2", row.level2)
                out.field("name", row.name)
                out.field("value", row.value.text)
                out.optional("weight", row.weight?.text)
                out.optional("explanation", row.explanation)
                out.optional("remark", row.remark)
            }
        }
        out.close()
        out.open("footer")
        out.field("responsible", t.footer.responsible)
        out.field("handler", t.footer.handler)
        out.field("phone", t.footer.phone)
        out.field("filledAt", t.footer.filledAt)
        out.close()
        otherFields(t.otherFields, &out)
        source(t.source, &out)
    }

    static func source(_ source: SourceReference?, _ out: inout YAMLOut) {
        guard let source else { return }
        out.open("source")
        out.field("document", source.document)
        if let line = source.firstLine { out.number("firstLine", line) }
        if let line = source.lastLine { out.number("lastLine", line) }
        if source.isTruncated { out.line("truncated: true") }
        out.close()
    }
}

/// A minimal block-style YAML emitter: mappings, lists of mappings, double-quoted strings.
struct YAMLOut {
    private(set) var text = ""
    private var depth = 0
    /// The next key opens a list item (`- key: …`).
    private var itemPending = false

    mutating func line(_ body: String) {
        let indent = String(repeating: "  ", count: depth)
        if itemPending {
            text += String(repeating: "  ", count: depth - 1) + "- " + body + "\n"
            itemPending = false
        } else {
            text += indent + body + "\n"
        }
    }

    mutating func field(_ key: String, _ value: String) { line("\(key): \(YAMLOut.quote(value))") }
    mutating func number(_ key: String, _ value: Int) { line("\(key): \(value)") }
    mutating func optional(_ key: String, _ value: String?) { if let value { field(key, value) } }

    mutating func list(_ key: String, _ values: [String]) {
        line("\(key): [\(values.map(YAMLOut.quote).joined(separator: ", "))]")
    }

    mutating func open(_ key: String) {
        line("\(key):")
        depth += 1
    }

    mutating func close() { depth -= 1 }

    /// A list of mappings (`key: []` when empty, so it reads back as a list).
    mutating func sequence<T>(_ key: String, _ items: [T], _ body: (inout YAMLOut, T) -> Void) {
        guard !items.isEmpty else { return line("\(key): []") }
        open(key)
        for item in items {
            depth += 1
            itemPending = true
            body(&self, item)
            depth -= 1
        }
        close()
    }

    /// Double-quoted YAML scalar; control characters and the YAML line breaks (NEL, LS, PS) are escaped.
    static func quote(_ value: String) -> String {
        QuotedText.escape(value, hexCase: .upper) { $0 < 0x20 || [0x7F, 0x85, 0x2028, 0x2029].contains($0) }
    }
}
