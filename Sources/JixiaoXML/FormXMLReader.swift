import Foundation
import JixiaoCore

/// Turns a validated form element back into the model. Everything is read from the verbatim texts (the
/// extension elements and the standard text columns); the typed standard values are derived and ignored.
enum FormXMLReader {
    /// A form element that the mapping cannot use; validation makes this rare.
    struct Failure: Error {
        let line: Int
        let message: String
    }

    static func form(_ element: XMLElement) throws(Failure) -> Form {
        switch (element.namespace, element.name) {
        case (ExportNamespace.selfEvaluation, "PM_PERF_SELF_EVAL"): return .selfEvaluation(try selfEvaluation(element))
        case (ExportNamespace.targetTable, "PerfTargetTable"): return .targetTable(try targetTable(element))
        default:
            throw Failure(line: element.line, message: "元素 \(element.name)（命名空间 \(element.namespace)）不是自评表或目标表")
        }
    }

    static func selfEvaluation(_ e: XMLElement) throws(Failure) -> SelfEvaluation {
        let ext = try e.required("SelfEvalExt")
        let rows = e.all("PM_PERF_SELF_BGT")
        guard let totalRow = rows.first else { throw Failure(line: e.line, message: "缺少资金总额行 PM_PERF_SELF_BGT") }
        let goal = try e.required("PM_SELF_EVAL_GOAL")
        var indicators: [SelfEvaluation.Indicator] = []
        for row in e.all("PM_SELF_EVAL_INDICATOR") {
            let rowExt = try row.required("IndicatorExt")
            let number = { (name: String) in rowExt.child(name).map { EnteredNumber($0.text) } }
            indicators.append(
                SelfEvaluation.Indicator(
                    level1: try row.text("LV1_PERF_IND_NAME"), level2: try row.text("LV2_PERF_IND_NAME"),
                    name: try row.text("LV3_PERF_IND_NAME"), nature: rowExt.child("Nature")?.text,
                    initialTarget: try rowExt.text("InitialTarget"), adjustedTarget: try row.text("KPI_VAL"),
                    unit: rowExt.child("Unit")?.text, actual: try row.text("IND_COMP"),
                    qualitativeNote: rowExt.child("QualitativeNote")?.text,
                    explanation: rowExt.child("Explanation")?.text,
                    completionStatus: rowExt.child("CompletionStatus")?.text,
                    weight: EnteredNumber(try rowExt.text("Weight")), weightPercent: number("WeightPercent"),
                    scoreCoefficient: number("ScoreCoefficient"), score: EnteredNumber(try rowExt.text("Score")),
                    convertedScore: number("ConvertedScore"), scoringCriteria: rowExt.child("ScoringCriteria")?.text,
                    coreIndicator: rowExt.child("CoreIndicator")?.text, deviation: try row.text("DEVI_ANALY"),
                    extraCells: rowExt.all("ExtraCell").map(\.text)))
        }
        let analysisElement = try ext.required("Analysis")
        func analysis(_ key: String) throws(Failure) -> String {
            try analysisElement.text(FormXMLWriter.analysisElement(key))
        }
        return SelfEvaluation(
            year: try year(e), project: try e.text("PRO_NAME"), projectCode: e.child("PRO_CODE")?.text,
            department: CodedName(try ext.text("Department")), agency: CodedName(try ext.text("Agency")),
            implementingAgency: ext.child("ImplementingAgency")?.text,
            amountUnit: try amountUnit(ext, default: SelfEvaluation.defaultAmountUnit),
            funds: SelfEvaluation.Funds(
                total: try fundsRow(totalRow, isTotal: true),
                sources: try rows.dropFirst().map { row throws(Failure) in try fundsRow(row, isTotal: false) }),
            goals: SelfEvaluation.Goals(annual: try goal.text("KPI_TARGET"), completion: try goal.text("GOAL_COMP")),
            indicators: indicators,
            printedTotal: EnteredNumber(try ext.text("PrintedTotal")),
            printedWeightTotal: ext.child("PrintedWeightTotal").map { EnteredNumber($0.text) },
            printedGrade: ext.child("PrintedGrade")?.text,
            analysis: SelfEvaluation.Analysis(
                execution: try analysis("execution"), output: try analysis("output"), benefit: try analysis("benefit"),
                satisfaction: try analysis("satisfaction"), experience: try analysis("experience"),
                problems: try analysis("problems"), improvements: try analysis("improvements")),
            otherFields: otherFields(ext), source: try source(ext))
    }

    static func fundsRow(_ row: XMLElement, isTotal: Bool) throws(Failure) -> SelfEvaluation.FundsRow {
        let ext = try row.required("BudgetExt")
        guard ext.attributes["row"] == (isTotal ? "total" : "source") else {
            throw Failure(
                line: row.line,
                message: isTotal
                    ? "第一行 PM_PERF_SELF_BGT 应为资金总额行（row=\"total\"）"
                    : "资金总额行只能有一行，且必须是第一行")
        }
        let name = try row.text("FOUND_TYPE_NAME")
        return SelfEvaluation.FundsRow(
            source: isTotal && name == FormXMLWriter.totalRowName ? "" : name,
            declared: EnteredNumber(try ext.text("Declared")), compiled: EnteredNumber(try ext.text("Compiled")),
            fullYearBudget: EnteredNumber(try ext.text("FullYearBudget")),
            received: ext.child("Received").map { EnteredNumber($0.text) },
            executed: EnteredNumber(try ext.text("Executed")),
            balance: EnteredNumber(try ext.text("Balance")), weight: ext.child("Weight").map { EnteredNumber($0.text) },
            rate: EnteredNumber(try ext.text("Rate")),
            score: EnteredNumber(try ext.text("Score")), deviation: ext.child("Deviation")?.text)
    }

    static func targetTable(_ e: XMLElement) throws(Failure) -> TargetTable {
        let ext = try e.required("TargetExt")
        let goalElements = e.all("PM_PERF_GOAL_INFO")
        var codes: [String] = []
        for goal in goalElements { codes.append(try goal.text("PERF_OBJ_TYPE_CODE")) }
        guard codes == [FormXMLWriter.periodType.0, FormXMLWriter.annualType.0] else {
            throw Failure(
                line: goalElements.first?.line ?? e.line,
                message: "PM_PERF_GOAL_INFO 应依次为实施期目标（PERF_OBJ_TYPE_CODE 1）和年度目标（2），实际为 \(codes)")
        }
        let goals = TargetTable.Goals(
            period: try goalElements[0].text("KPI_TARGET"), annual: try goalElements[1].text("KPI_TARGET"))
        var period: [TargetTable.Indicator] = []
        var annual: [TargetTable.Indicator] = []
        for row in e.all("PM_PERF_INDICATOR") {
            let rowExt = try row.required("TargetIndicatorExt")
            let indicator = TargetTable.Indicator(
                level1: row.child("LV1_PERF_IND_NAME")?.text, level2: try row.text("LV2_PERF_IND_NAME"),
                name: try row.text("LV3_PERF_IND_NAME"), value: try row.text("KPI_VAL"),
                weight: rowExt.child("Weight").map { EnteredNumber($0.text) },
                explanation: rowExt.child("Explanation")?.text, remark: rowExt.child("Remark")?.text)
            if try row.text("PERF_OBJ_TYPE_CODE") == FormXMLWriter.periodType.0 {
                period.append(indicator)
            } else {
                annual.append(indicator)
            }
        }
        let footer = try ext.required("Footer")
        let singleSet = ext.attributes["indicatorSets"] == "annual"
        if singleSet, !period.isEmpty {
            throw Failure(line: e.line, message: "indicatorSets=\"annual\" 的目标表不应有实施期指标（PERF_OBJ_TYPE_CODE 1）")
        }
        let unit = try amountUnit(ext, default: TargetTable.defaultAmountUnit)
        return TargetTable(
            year: try year(e), project: try e.text("PRO_NAME"), projectCode: e.child("PRO_CODE")?.text,
            department: CodedName(try ext.text("Department")), agency: ext.child("Agency").map { CodedName($0.text) },
            implementingAgency: try ext.text("ImplementingAgency"), nature: try ext.text("Nature"),
            period: try ext.text("Period"), amountUnit: unit,
            funds: TargetTable.Funds(
                period: try ext.child("PeriodFunds").map { element throws(Failure) in try breakdown(element) },
                annual: try breakdown(try ext.required("AnnualFunds")),
                executionTarget: ext.child("ExecutionTarget")?.text,
                executionWeight: ext.child("ExecutionWeight").map { EnteredNumber($0.text) }),
            overview: try ext.text("Overview"), basis: try ext.text("Basis"), necessity: try ext.text("Necessity"),
            measures: try ext.text("Measures"), plan: try ext.text("Plan"), goals: goals,
            indicators: TargetTable.Indicators(period: singleSet ? nil : period, annual: annual),
            footer: TargetTable.Footer(
                responsible: try footer.text("Responsible"), handler: try footer.text("Handler"),
                phone: try footer.text("Phone"), filledAt: try footer.text("FilledAt")),
            otherFields: otherFields(ext), source: try source(ext))
    }

    static func breakdown(_ e: XMLElement) throws(Failure) -> TargetTable.FundBreakdown {
        let total = EnteredNumber(try e.text("Total"))
        let named = e.all("Source")
        guard named.isEmpty else {
            var sources: [TargetTable.FundBreakdown.Source] = []
            for element in named {
                guard let label = element.attributes["label"] else {
                    throw Failure(line: element.line, message: "x:Source 缺少 label 属性（资金来源名称）")
                }
                sources.append(.init(label: label, amount: EnteredNumber(element.text)))
            }
            return TargetTable.FundBreakdown(total: total, sources: sources)
        }
        guard e.child(FormXMLWriter.templateSourceElements[0]) != nil else {
            return TargetTable.FundBreakdown(total: total, sources: [])
        }
        var amounts: [EnteredNumber] = []
        for name in FormXMLWriter.templateSourceElements { amounts.append(EnteredNumber(try e.text(name))) }
        return TargetTable.FundBreakdown(
            total: total, central: amounts[0], provincial: amounts[1], cityCounty: amounts[2],
            selfRaised: amounts[3], other: amounts[4])
    }

    /// `x:AmountUnit`, or the kind's default when absent.
    static func amountUnit(_ ext: XMLElement, default standard: MoneyUnit) throws(Failure) -> MoneyUnit {
        guard let element = ext.child("AmountUnit") else { return standard }
        guard let unit = MoneyUnit(rawValue: element.text) else {
            throw Failure(line: element.line, message: "x:AmountUnit“\(element.text)”不是元或万元")
        }
        return unit
    }

    static func otherFields(_ ext: XMLElement) -> [PrintedField] {
        ext.all("OtherField").map { PrintedField(label: $0.attributes["label"] ?? "", text: $0.text) }
    }

    static func year(_ e: XMLElement) throws(Failure) -> Int {
        let text = try e.text("FISCAL_YEAR")
        guard let year = Int(text) else { throw Failure(line: e.line, message: "FISCAL_YEAR“\(text)”不是年份") }
        return year
    }

    static func source(_ ext: XMLElement) throws(Failure) -> SourceReference? {
        guard let element = ext.child("Source") else { return nil }
        return SourceReference(
            document: element.text, firstLine: element.attributes["firstLine"].flatMap { Int($0) },
            lastLine: element.attributes["lastLine"].flatMap { Int($0) },
            isTruncated: element.attributes["truncated"] == "true")
    }
}

extension XMLElement {
    func child(_ name: String) -> XMLElement? { children.first { $0.name == name } }

    func all(_ name: String) -> [XMLElement] { children.filter { $0.name == name } }

    func required(_ name: String) throws(FormXMLReader.Failure) -> XMLElement {
        guard let element = child(name) else {
            throw FormXMLReader.Failure(line: line, message: "元素 \(self.name) 缺少子元素 \(name)")
        }
        return element
    }

    func text(_ name: String) throws(FormXMLReader.Failure) -> String { try required(name).text }
}
