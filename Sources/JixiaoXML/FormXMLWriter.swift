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
/// Standard (部标) elements carry typed values in 元 (converted from the form's own unit) with the standard's
/// precision; the extension elements carry every text verbatim, which is what re-import reads, so the
/// export is lossless. Columns and cells only some layouts print are extension elements written only when
/// the form has them, so a Shanxi form exports exactly as before.
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
        budgetRow(f.funds.total, isTotal: true, unit: f.amountUnit, out)
        for row in f.funds.sources { budgetRow(row, isTotal: false, unit: f.amountUnit, out) }
        out.start("PM_SELF_EVAL_GOAL")
        out.element("KPI_TARGET", f.goals.annual)
        out.element("GOAL_COMP", f.goals.completion)
        out.end()
        for row in f.indicators { indicator(row, out) }

        out.start("x:SelfEvalExt")
        out.element("x:Department", f.department.text)
        out.element("x:Agency", f.agency.text)
        out.element("x:ImplementingAgency", f.implementingAgency)
        amountUnit(f.amountUnit, default: SelfEvaluation.defaultAmountUnit, out)
        out.element("x:PrintedTotal", f.printedTotal.text)
        out.element("x:PrintedWeightTotal", f.printedWeightTotal?.text)
        out.element("x:PrintedGrade", f.printedGrade)
        out.start("x:Recomputed")
        out.attribute("total", DecimalText.fixed(score.total))
        out.attribute("grade", score.grade?.label)
        out.attribute("gradeLabel", score.grade.map(policy.label(of:)))
        out.attribute("ruleTotal", DecimalText.fixed(score.ruleTotal))
        out.attribute("ruleGrade", score.ruleGrade?.label)
        out.attribute("ruleGradeLabel", score.ruleGrade.map(policy.label(of:)))
        out.attribute("unscored", score.isUnscored ? "true" : nil)
        out.attribute("missingScores", score.isUnscored ? score.missingScores.joined(separator: " ") : nil)
        out.attribute("executionRate", score.execution.ratePercent.map { DecimalText.fixed($0) })
        out.attribute("executionScore", DecimalText.fixed(score.execution.score))
        out.end()
        out.start("x:Analysis")
        for (key, text) in f.analysis.fields { out.element("x:" + analysisElement(key), text) }
        out.end()
        otherFields(f.otherFields, out)
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

    static func budgetRow(_ row: SelfEvaluation.FundsRow, isTotal: Bool, unit: MoneyUnit, _ out: XMLTextWriter) {
        let yuan = { (entered: EnteredNumber) in Precision.yuan(entered, from: unit) }
        out.start("PM_PERF_SELF_BGT")
        out.element("FOUND_TYPE_NAME", isTotal && row.source.isEmpty ? totalRowName : row.source)
        out.element("REPLY_AMT", yuan(row.compiled))
        if let compiled = row.compiled.value, let full = row.fullYearBudget.value {
            out.element("YEAR_ADJ_AMT", Precision.amount(unit.convert(full - compiled, to: .yuan)))
        }
        out.element("CUR_AMT", yuan(row.fullYearBudget))
        out.element("YEAR_EXE_AMT", yuan(row.executed))
        out.element("EXE_AMT_RATE", row.rate.value.map(Precision.rate))
        out.element("EXE_SCORE", row.score.value.map(Precision.score))
        out.start("x:BudgetExt")
        out.attribute("row", isTotal ? "total" : "source")
        out.element("x:Declared", row.declared.text, attributes: [("value", yuan(row.declared))])
        out.element("x:Compiled", row.compiled.text)
        out.element("x:FullYearBudget", row.fullYearBudget.text)
        out.element("x:Received", row.received?.text)
        out.element("x:Executed", row.executed.text)
        out.element("x:Balance", row.balance.text, attributes: [("value", yuan(row.balance))])
        out.element("x:Weight", row.weight?.text)
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
        out.element("x:Nature", row.nature)
        out.element("x:Unit", row.unit)
        out.element("x:Explanation", row.explanation)
        out.element("x:CompletionStatus", row.completionStatus)
        out.element("x:WeightPercent", row.weightPercent?.text)
        out.element("x:ScoreCoefficient", row.scoreCoefficient?.text)
        out.element("x:ConvertedScore", row.convertedScore?.text)
        out.element("x:ScoringCriteria", row.scoringCriteria)
        out.element("x:CoreIndicator", row.coreIndicator)
        for cell in row.extraCells { out.element("x:ExtraCell", cell) }
        // The target as scored: the 指标性质 and 度量单位 columns applied.
        reading("x:AdjustedTarget", row.target, out)
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
                ("truncated", source.isTruncated ? "true" : nil),
            ])
    }

    /// `x:AmountUnit`: the unit the form is printed in, written only when it is not the kind's default.
    static func amountUnit(_ unit: MoneyUnit, default standard: MoneyUnit, _ out: XMLTextWriter) {
        out.element("x:AmountUnit", unit == standard ? nil : unit.label)
    }

    static func otherFields(_ fields: [PrintedField], _ out: XMLTextWriter) {
        for field in fields { out.element("x:OtherField", field.text, attributes: [("label", field.label)]) }
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
        for (type, rows) in [(periodType, t.indicators.period ?? []), (annualType, t.indicators.annual)] {
            for row in rows {
                out.start("PM_PERF_INDICATOR")
                out.element("PERF_OBJ_TYPE_CODE", type.0)
                out.element("LV1_PERF_IND_NAME", row.level1)
                out.element("LV2_PERF_IND_NAME", row.level2)
                out.element("LV3_PERF_IND_NAME", row.name)
                out.element("KPI_VAL", row.value.text)
                out.start("x:TargetIndicatorExt")
                out.element("x:Weight", row.weight?.text)
                out.element("x:Explanation", row.explanation)
                out.element("x:Remark", row.remark)
                reading("x:Value", row.value, out)
                out.end()
                out.end()
            }
        }
        out.start("x:TargetExt")
        // A table printing one (年度) set of indicators says so: its rows are all of PERF_OBJ_TYPE_CODE 2.
        out.attribute("indicatorSets", t.indicators.period == nil ? "annual" : nil)
        out.element("x:Department", t.department.text)
        out.element("x:Agency", t.agency?.text)
        out.element("x:ImplementingAgency", t.implementingAgency)
        out.element("x:Nature", t.nature)
        out.element("x:Period", t.period)
        amountUnit(t.amountUnit, default: TargetTable.defaultAmountUnit, out)
        if let period = t.funds.period { breakdown("x:PeriodFunds", period, unit: t.amountUnit, out) }
        breakdown("x:AnnualFunds", t.funds.annual, unit: t.amountUnit, out)
        out.element("x:ExecutionTarget", t.funds.executionTarget)
        out.element("x:ExecutionWeight", t.funds.executionWeight?.text)
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
        otherFields(t.otherFields, out)
        source(t.source, out)
        out.end()
        out.end()
    }

    /// Element names of the Shanxi template's 其中 rows, in its order.
    static let templateSourceElements = ["Central", "Provincial", "CityCounty", "SelfRaised", "Other"]

    /// The total, then the template's five rows as named elements, or any other rows as `x:Source` with their
    /// printed label.
    static func breakdown(
        _ name: String, _ funds: TargetTable.FundBreakdown, unit: MoneyUnit, _ out: XMLTextWriter
    ) {
        let value = { (amount: EnteredNumber) in [("value", Precision.yuan(amount, from: unit))] }
        out.start(name)
        out.element("x:Total", funds.total.text, attributes: value(funds.total))
        if funds.hasTemplateSources {
            for (element, source) in zip(templateSourceElements, funds.sources) {
                out.element("x:" + element, source.amount.text, attributes: value(source.amount))
            }
        } else {
            for source in funds.sources {
                out.element(
                    "x:Source", source.amount.text, attributes: [("label", source.label)] + value(source.amount))
            }
        }
        out.end()
    }
}

/// The standard's precision: amounts NUMBER(18,2) in 元, rates and weights 4 places, scores 6 places,
/// rounded half away from zero (the printed values never need it).
enum Precision {
    static func amount(_ value: Decimal) -> String { DecimalText.fixed(value, scale: 2) }
    /// An amount as entered in the form's unit → 元: 26.149 万元 → 261490.00, exactly.
    static func yuan(_ entered: EnteredNumber, from unit: MoneyUnit) -> String? {
        entered.value.map { amount(unit.convert($0, to: .yuan)) }
    }
    static func rate(_ value: Decimal) -> String { DecimalText.plain(value.rounded(4)) }
    static func weight(_ value: Decimal) -> String { DecimalText.plain(value.rounded(4)) }
    static func score(_ value: Decimal) -> String { DecimalText.plain(value.rounded(6)) }
}
