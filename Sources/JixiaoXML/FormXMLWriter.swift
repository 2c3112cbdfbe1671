import Foundation
import JixiaoCore

/// The namespaces of the export (Exports/README.md).
public enum ExportNamespace {
    public static let selfEvaluation = "urn:jixiao:perf:selfeval:1.0"
    public static let targetTable = "urn:jixiao:perf:target:1.0"
    public static let batch = "urn:jixiao:perf:batch:1.0"
    public static let ext = "urn:jixiao:ext:1.0"
    public static let schemaVersion = "1.0"
}

/// Writes one form as its canonical XML document: the same form and policy always give the same bytes.
/// Standard (部标) elements carry typed values in 元 with the standard's precision; the extension elements
/// carry every text verbatim, which is what re-import reads, so the export is lossless.
public enum FormXMLWriter {
    public static func canonical(_ form: Form, policy: ScoringPolicy) throws(XMLExportError) -> [UInt8] {
        try canonical(form, policy: policy, score: nil)
    }

    /// `score`: the self-evaluation's score under `policy`, when the caller has it already.
    static func canonical(_ form: Form, policy: ScoringPolicy, score: FormScore?) throws(XMLExportError) -> [UInt8] {
        let out = XMLTextWriter()
        out.startDocument()
        switch form {
        case .selfEvaluation(let f): write(f, policy: policy, score: score ?? FormScore(f, policy: policy), out)
        case .targetTable(let t): write(t, out)
        }
        out.endDocument()
        if let failure = out.failure { throw XMLExportError(failure) }
        return out.drain()
    }

    // MARK: Self-evaluation

    static func write(_ f: SelfEvaluation, policy: ScoringPolicy, score: FormScore, _ out: XMLTextWriter) {
        out.start("PM_PERF_SELF_EVAL")
        out.attribute("xmlns", ExportNamespace.selfEvaluation)
        out.attribute("xmlns:x", ExportNamespace.ext)
        out.attribute("schemaVersion", ExportNamespace.schemaVersion)
        out.attribute("amountUnit", "元")
        out.attribute("policy", policy.id)
        out.attribute("policyVersion", policy.version)
        common(
            year: f.year, agency: f.agency, department: f.department, projectCode: f.projectCode,
            project: f.project, out)
        out.element("TOTAL_EVAL_VALUE", f.printedTotal.value.map(Precision.score))
        budgetRow(f.funds.total, isTotal: true, out)
        for row in f.funds.sources { budgetRow(row, isTotal: false, out) }
        out.start("PM_SELF_EVAL_GOAL")
        out.element("KPI_TARGET", f.goals.annual)
        out.element("GOAL_COMP", f.goals.completion)
        out.end()
        for row in f.indicators { indicator(row, out) }

        out.start("x:SelfEvalExt")
        out.element("x:Department", f.department.text)
        out.element("x:Agency", f.agency.text)
        out.element("x:ImplementingAgency", f.implementingAgency)
        out.element("x:PrintedTotal", f.printedTotal.text)
        out.element("x:PrintedGrade", f.printedGrade)
        out.start("x:Recomputed")
        out.attribute("total", DecimalText.fixed(score.total))
        out.attribute("grade", score.grade.label)
        out.attribute("ruleTotal", DecimalText.fixed(score.ruleTotal))
        out.attribute("ruleGrade", score.ruleGrade.label)
        out.attribute("executionRate", score.execution.ratePercent.map { DecimalText.fixed($0) })
        out.attribute("executionScore", DecimalText.fixed(score.execution.score))
        out.end()
        out.start("x:Analysis")
        for (key, text) in f.analysis.fields { out.element("x:" + analysisElement(key), text) }
        out.end()
        source(f.source, out)
        out.end()
        out.end()
    }

    /// `execution` → `Execution`.
    static func analysisElement(_ key: String) -> String { key.prefix(1).uppercased() + key.dropFirst() }

    static func common(
        year: Int, agency: CodedName?, department: CodedName, projectCode: String?, project: String,
        _ out: XMLTextWriter
    ) {
        out.element("FISCAL_YEAR", String(year))
        out.element("AGENCY_CODE", agency?.code)
        out.element("AGENCY_NAME", agency?.name)
        out.element("DEPT_CODE", department.code)
        out.element("DEPT_NAME", department.name)
        out.element("PRO_CODE", projectCode)
        out.element("PRO_NAME", project)
    }

    /// The label of the 资金总额 row in FOUND_TYPE_NAME.
    static let totalRowName = "资金总额"

    static func budgetRow(_ row: SelfEvaluation.FundsRow, isTotal: Bool, _ out: XMLTextWriter) {
        out.start("PM_PERF_SELF_BGT")
        out.element("FOUND_TYPE_NAME", isTotal && row.source.isEmpty ? totalRowName : row.source)
        out.element("REPLY_AMT", Precision.yuan(fromWan: row.compiled))
        if let compiled = row.compiled.value, let full = row.fullYearBudget.value {
            out.element("YEAR_ADJ_AMT", Precision.amount((full - compiled) * 10_000))
        }
        out.element("CUR_AMT", Precision.yuan(fromWan: row.fullYearBudget))
        out.element("YEAR_EXE_AMT", Precision.yuan(fromWan: row.executed))
        out.element("EXE_AMT_RATE", row.rate.value.map(Precision.rate))
        out.element("EXE_SCORE", row.score.value.map(Precision.score))
        out.start("x:BudgetExt")
        out.attribute("row", isTotal ? "total" : "source")
        out.element("x:Declared", row.declared.text, attributes: [("value", Precision.yuan(fromWan: row.declared))])
        out.element("x:Compiled", row.compiled.text)
        out.element("x:FullYearBudget", row.fullYearBudget.text)
        out.element("x:Executed", row.executed.text)
        out.element("x:Balance", row.balance.text, attributes: [("value", Precision.yuan(fromWan: row.balance))])
        out.element("x:Rate", row.rate.text)
        out.element("x:Score", row.score.text)
        out.element("x:Deviation", row.deviation)
        out.end()
        out.end()
    }

    static func indicator(_ row: SelfEvaluation.Indicator, _ out: XMLTextWriter) {
        out.start("PM_SELF_EVAL_INDICATOR")
        out.element("LV1_PERF_IND_NAME", row.level1)
        out.element("LV2_PERF_IND_NAME", row.level2)
        out.element("LV3_PERF_IND_NAME", row.name)
        out.element("KPI_VAL", row.adjustedTarget.text)
        out.element("IND_COMP", row.actual.text)
        out.element("IND_WEIGHT", row.weight.value.map(Precision.weight))
        out.element("EVAL_SCORE", row.score.value.map(Precision.score))
        out.element("DEVI_ANALY", row.deviation)
        out.start("x:IndicatorExt")
        out.element("x:InitialTarget", row.initialTarget.text)
        out.element("x:Weight", row.weight.text)
        out.element("x:Score", row.score.text)
        out.element("x:QualitativeNote", row.qualitativeNote)
        for cell in row.extraCells { out.element("x:ExtraCell", cell) }
        reading("x:AdjustedTarget", row.adjustedTarget, out)
        reading("x:Actual", row.actual, out)
        out.end()
        out.end()
    }

    /// How Jixiao read an indicator value: kind, and operator, number and unit for a quantity.
    static func reading(_ name: String, _ value: IndicatorValue, _ out: XMLTextWriter) {
        out.start(name)
        switch value.reading {
        case .empty: out.attribute("kind", "empty")
        case .quantity(let op, let quantity):
            out.attribute("kind", "quantity")
            out.attribute("operator", op?.rawValue)
            out.attribute("operatorCode", op.map { String($0.code) })
            out.attribute("number", DecimalText.plain(quantity.number))
            out.attribute("unit", quantity.unit.text.isEmpty ? nil : quantity.unit.text)
        case .outcome(let outcome, _):
            out.attribute("kind", "outcome")
            out.attribute("outcome", outcome.rawValue)
        case .qualitative: out.attribute("kind", "qualitative")
        case .notFilled: out.attribute("kind", "notFilled")
        case .unparsed: out.attribute("kind", "unparsed")
        }
        out.end()
    }

    static func source(_ source: SourceReference?, _ out: XMLTextWriter) {
        guard let source else { return }
        out.element(
            "x:Source", source.document,
            attributes: [
                ("firstLine", source.firstLine.map(String.init)), ("lastLine", source.lastLine.map(String.init)),
            ])
    }

    // MARK: Target table

    /// PERF_OBJ_TYPE_CODE and its name for the two halves of a target table.
    static let periodType = ("1", "实施期绩效目标")
    static let annualType = ("2", "年度绩效目标")

    static func write(_ t: TargetTable, _ out: XMLTextWriter) {
        out.start("PerfTargetTable")
        out.attribute("xmlns", ExportNamespace.targetTable)
        out.attribute("xmlns:x", ExportNamespace.ext)
        out.attribute("schemaVersion", ExportNamespace.schemaVersion)
        out.attribute("amountUnit", "元")
        common(
            year: t.year, agency: t.agency, department: t.department, projectCode: t.projectCode,
            project: t.project, out)
        for (type, text) in [(periodType, t.goals.period), (annualType, t.goals.annual)] {
            out.start("PM_PERF_GOAL_INFO")
            out.element("PERF_OBJ_TYPE_CODE", type.0)
            out.element("PERF_OBJ_TYPE_NAME", type.1)
            out.element("KPI_TARGET", text)
            out.end()
        }
        for (type, rows) in [(periodType, t.indicators.period), (annualType, t.indicators.annual)] {
            for row in rows {
                out.start("PM_PERF_INDICATOR")
                out.element("PERF_OBJ_TYPE_CODE", type.0)
                out.element("LV1_PERF_IND_NAME", row.level1)
                out.element("LV2_PERF_IND_NAME", row.level2)
                out.element("LV3_PERF_IND_NAME", row.name)
                out.element("KPI_VAL", row.value.text)
                out.start("x:TargetIndicatorExt")
                reading("x:Value", row.value, out)
                out.end()
                out.end()
            }
        }
        out.start("x:TargetExt")
        out.element("x:Department", t.department.text)
        out.element("x:Agency", t.agency?.text)
        out.element("x:ImplementingAgency", t.implementingAgency)
        out.element("x:Nature", t.nature)
        out.element("x:Period", t.period)
        breakdown("x:PeriodFunds", t.funds.period, out)
        breakdown("x:AnnualFunds", t.funds.annual, out)
        out.element("x:Overview", t.overview)
        out.element("x:Basis", t.basis)
        out.element("x:Necessity", t.necessity)
        out.element("x:Measures", t.measures)
        out.element("x:Plan", t.plan)
        out.start("x:Footer")
        out.element("x:Responsible", t.footer.responsible)
        out.element("x:Handler", t.footer.handler)
        out.element("x:Phone", t.footer.phone)
        out.element("x:FilledAt", t.footer.filledAt)
        out.end()
        source(t.source, out)
        out.end()
        out.end()
    }

    /// Element names of the fund breakdown rows, in printed order.
    static let breakdownElements = ["Total", "Central", "Provincial", "CityCounty", "SelfRaised", "Other"]

    static func breakdown(_ name: String, _ funds: TargetTable.FundBreakdown, _ out: XMLTextWriter) {
        out.start(name)
        let amounts = [funds.total] + funds.sources.map(\.amount)
        for (element, amount) in zip(breakdownElements, amounts) {
            out.element("x:" + element, amount.text, attributes: [("value", amount.value.map(Precision.amount))])
        }
        out.end()
    }
}

/// The standard's precision: amounts NUMBER(18,2) in 元, rates and weights 4 places, scores 6 places,
/// rounded half away from zero (the printed values never need it).
enum Precision {
    static func amount(_ value: Decimal) -> String { DecimalText.fixed(value, scale: 2) }
    /// 万元 as entered on a self-evaluation → 元: 26.149 → 261490.00, exactly.
    static func yuan(fromWan entered: EnteredNumber) -> String? { entered.value.map { amount($0 * 10_000) } }
    static func rate(_ value: Decimal) -> String { DecimalText.plain(value.rounded(4)) }
    static func weight(_ value: Decimal) -> String { DecimalText.plain(value.rounded(4)) }
    static func score(_ value: Decimal) -> String { DecimalText.plain(value.rounded(6)) }
}
