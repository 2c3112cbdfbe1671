/// The one vocabulary of printed labels: for every field of the 自评表 and the 目标表, its canonical Chinese
/// label as the official layout prints it, every other spelling the importers accept, and its field path
/// (`funds.total.executed`). The importers map forms by it, and messages, the server's pages and the reports
/// name fields by it. Pure data and string folding.

/// The one normalisation of printed labels, used wherever a cell's text is compared with a label.
public enum PrintedLabel {
    /// The text without whitespace (a cell may wrap `满意度指 标` or space out `总 分`) and with the full-width
    /// forms of ASCII (U+FF01–FF5E: `（）：，％`, full-width letters and digits) folded to ASCII:
    /// `项目资金（元）` → `项目资金(元)`.
    public static func compact(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace { continue }
            if (0xFF01...0xFF5E).contains(scalar.value), let folded = Unicode.Scalar(scalar.value - 0xFEE0) {
                scalars.append(folded)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// The label a text prints: `compact` without a trailing colon (`资金总额：` → `资金总额`).
    public static func normalize(_ text: String) -> String {
        var label = compact(text)
        while label.hasSuffix(":") { label.removeLast() }
        return label
    }

    /// A normalised label without a trailing unit in brackets: `执行率(%)` → `执行率`, `项目资金(元)` → `项目资金`.
    public static func withoutUnit(_ label: String) -> String {
        guard label.hasSuffix(")"), let open = label.lastIndex(of: "("), open > label.startIndex else { return label }
        return String(label[..<open])
    }

    /// A normalised label without the letters the national template (财预〔2020〕10号) prints after a caption to
    /// say how its columns relate: `全年预算数(A)`, `全年执行数（B）`, `执行率(B/A)`, `年度指标值（Ａ）` → the
    /// column's label. Only a trailing parenthesis of Latin letters with `/`, `×`, `*`, `%`, `.` or digits is
    /// dropped, never a unit (`项目资金(万元)`, `执行率(%)`).
    public static func withoutFormulaLetters(_ label: String) -> String {
        guard label.hasSuffix(")"), let open = label.lastIndex(of: "("), open > label.startIndex else { return label }
        let inner = label[label.index(after: open)..<label.index(before: label.endIndex)].unicodeScalars
        func isLetter(_ scalar: Unicode.Scalar) -> Bool { ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) }
        let hasLetter = inner.contains(where: isLetter)
        let allowed = inner.allSatisfy {
            isLetter($0) || ("0"..."9").contains($0) || "/×*%.".unicodeScalars.contains($0)
        }
        guard hasLetter, allowed else { return label }
        return String(label[..<open])
    }

    /// The readings of a normalised label a vocabulary spelling may match, most literal first: the label, the
    /// label without formula letters (`全年预算数(A)`), and each without a unit in brackets (`执行率(%)`,
    /// `全年预算数(万元)(A)`).
    public static func readings(_ label: String) -> [String] {
        let lettersDropped = withoutFormulaLetters(label)
        let candidates = [
            label, lettersDropped, withoutUnit(label), withoutUnit(lettersDropped),
            withoutFormulaLetters(withoutUnit(label)),
        ]
        var readings: [String] = []
        for candidate in candidates where !readings.contains(candidate) { readings.append(candidate) }
        return readings
    }
}

/// One field's printed label and the spellings that name it.
public struct FieldTerm: Sendable, Hashable {
    /// The field path; `[]` stands for any row's index (`indicators[].actual`). Funds columns carry the
    /// 资金总额 row's path (`funds.total.executed`); every source row prints the same column.
    public let path: String
    /// The canonical label, as the official layout prints it.
    public let label: String
    /// Every accepted spelling, normalised (`PrintedLabel.normalize`), the label's first.
    public let spellings: [String]
    /// Prefixes a long caption's spellings keep (`偏差原因` for `偏差原因分析及改进措施`).
    public let prefixes: [String]

    init(_ path: String, _ label: String, _ others: [String] = [], prefixes: [String] = []) {
        self.path = path
        self.label = label
        var spellings = [PrintedLabel.normalize(label)]
        for other in others.map(PrintedLabel.normalize) where !spellings.contains(other) { spellings.append(other) }
        self.spellings = spellings
        self.prefixes = prefixes
    }

    /// The path's last component: `executed` for `funds.total.executed`.
    public var key: String { path.split(separator: ".").last.map(String.init) ?? path }

    /// Whether a normalised label names this field: one of its spellings in one of the label's readings
    /// (`PrintedLabel.readings`: with or without formula letters or a unit in brackets, `全年预算数(A)`,
    /// `执行率(%)`), or a caption that starts with one of its prefixes.
    public func accepts(_ normalized: String) -> Bool {
        if prefixes.contains(where: normalized.hasPrefix) { return true }
        return PrintedLabel.readings(normalized).contains(where: spellings.contains)
    }

    /// Whether a cell's text, as printed, names this field.
    public func names(_ printed: String) -> Bool { accepts(PrintedLabel.normalize(printed)) }
}

/// The fields of both forms with their labels.
public enum FieldVocabulary {
    // MARK: 自评表 (SelfEvaluation)

    /// The header's captioned values.
    public static let project = FieldTerm("project", "项目名称")
    public static let projectCode = FieldTerm("projectCode", "项目代码", ["项目编码"])
    public static let department = FieldTerm("department", "主管部门及代码", ["主管部门"])
    public static let agency = FieldTerm("agency", "预算单位", ["预算单位及代码"])
    public static let implementingAgency = FieldTerm("implementingAgency", "实施单位")

    /// The 项目资金 block's columns, in printed order, and its row labels.
    public enum Funds {
        public static let source = FieldTerm("funds.sources[].source", "资金来源")
        public static let declared = FieldTerm("funds.total.declared", "目标申报数")
        public static let compiled = FieldTerm("funds.total.compiled", "预算编制数")
        public static let fullYearBudget = FieldTerm("funds.total.fullYearBudget", "全年预算数")
        public static let received = FieldTerm("funds.total.received", "资金到位数")
        public static let executed = FieldTerm("funds.total.executed", "全年执行数")
        public static let balance = FieldTerm(
            "funds.total.balance", "资金结(转)余", ["资金结转余", "结转结余", "资金结余", "结余"])
        public static let weight = FieldTerm("funds.total.weight", "分值")
        public static let rate = FieldTerm("funds.total.rate", "执行率")
        public static let score = FieldTerm("funds.total.score", "得分")
        public static let deviation = FieldTerm("funds.total.deviation", "偏差原因分析及改进措施", prefixes: ["偏差原因"])
        /// The amount columns in printed order.
        public static let columns = [
            declared, compiled, fullYearBudget, received, executed, balance, weight, rate, score, deviation,
        ]
        /// The column whose path ends in `key` (`executed`).
        public static func column(_ key: String) -> FieldTerm? { columns.first { $0.key == key } }

        /// The 资金总额 row's label (`资金总额：`, `年度资金总额`, `合计`).
        public static let total = FieldTerm("funds.total", "资金总额", ["合计", "总计"])
        /// `年初预算数`: the caption printed over 目标申报数 and 预算编制数 (or alone, for 预算编制数).
        public static let initialBudget = "年初预算数"
        /// The block's caption (`项目资金(元)`, `项目资金预算安排及执行进度`).
        public static let blockPrefix = "项目资金"

        /// Whether a row label is the 资金总额 row's: it contains 资金总额 or is 合计/总计.
        public static func isTotal(_ printed: String) -> Bool {
            let label = PrintedLabel.normalize(printed)
            return label.contains(total.label) || total.accepts(label)
        }
    }

    public static let annualGoal = FieldTerm("goals.annual", "年度目标", ["预期目标", "年度绩效目标"])
    public static let completion = FieldTerm("goals.completion", "实际完成情况", ["年度目标完成情况"])

    /// The indicator table's columns.
    public enum Indicators {
        public static let level1 = FieldTerm("indicators[].level1", "一级指标")
        public static let level2 = FieldTerm("indicators[].level2", "二级指标")
        public static let name = FieldTerm("indicators[].name", "三级指标", ["指标名称"])
        public static let initialTarget = FieldTerm("indicators[].initialTarget", "年初指标值")
        public static let adjustedTarget = FieldTerm(
            "indicators[].adjustedTarget", "调整后指标值", ["年度指标值", "指标值"])
        public static let actual = FieldTerm("indicators[].actual", "实际完成值", ["全年实际值"])
        public static let qualitativeNote = FieldTerm("indicators[].qualitativeNote", "定性值情况说明")
        public static let weight = FieldTerm("indicators[].weight", "分值", ["权重"])
        public static let score = FieldTerm("indicators[].score", "得分")
        public static let deviation = FieldTerm(
            "indicators[].deviation", "偏差原因分析及改进措施", ["未完成原因分析"], prefixes: ["偏差原因", "未完成原因"])
        public static let columns = [
            level1, level2, name, initialTarget, adjustedTarget, actual, qualitativeNote, weight, score, deviation,
        ]
        /// The column whose path ends in `key` (`actual`).
        public static func column(_ key: String) -> FieldTerm? { columns.first { $0.key == key } }

        /// The block's caption, printed beside its first row.
        public static let caption = "绩效指标"
    }

    public static let total = FieldTerm("total", "总分")
    public static let grade = FieldTerm("grade", "等级", ["自评等级", "评价等级"])

    /// The 项目绩效分析 texts (captions from `SelfEvaluation.Analysis.fields`).
    public static let analysis: [FieldTerm] = SelfEvaluation.Analysis.fields.map {
        FieldTerm("analysis.\($0.key)", $0.caption)
    }
    /// The captions of the analysis block as a whole.
    public static let analysisBlockCaptions: Set<String> = ["项目绩效分析", "自评结果分析"]

    /// The analysis text a caption names, by the words every variant keeps (`项目实施的预算执行情况及分析`,
    /// `项目管理中存在的问题及原因分析`, `下一步改进措施及建议`, `存在问题`).
    public static func analysisField(_ printed: String) -> FieldTerm? {
        let caption = PrintedLabel.normalize(printed)
        guard caption.count <= 40 else { return nil }
        let isSituation = caption.hasSuffix("情况") || caption.hasSuffix("分析")
        let key: String? =
            if caption.contains("预算执行"), isSituation || caption.contains("预算执行情况") {
                "execution"
            } else if caption.hasPrefix("产出情况") {
                "output"
            } else if caption.hasPrefix("效益情况") {
                "benefit"
            } else if caption.hasPrefix("满意度情况") {
                "satisfaction"
            } else if caption.contains("经验做法") {
                "experience"
            } else if caption.contains("问题"),
                caption.hasSuffix("分析") || caption.contains("存在的主要问题")
                    || caption.hasPrefix("存在问题")
            {
                "problems"
            } else if caption.hasPrefix("下一步") || caption.hasSuffix("管理建议")
                || caption.contains("改进措施") && !Funds.deviation.accepts(caption)
                    && !Indicators.deviation.accepts(caption)
            {
                "improvements"
            } else {
                nil
            }
        return key.flatMap { key in analysis.first { $0.key == key } }
    }

    /// Every field of the 自评表 with a printed label.
    public static let selfEvaluation: [FieldTerm] =
        [project, projectCode, department, agency, implementingAgency] + Funds.columns + [Funds.source, Funds.total]
        + [annualGoal, completion] + Indicators.columns + [total, grade] + analysis

    // MARK: 目标表 (TargetTable)

    public enum Target {
        public static let project = FieldVocabulary.project
        public static let projectCode = FieldVocabulary.projectCode
        public static let department = FieldVocabulary.department
        public static let agency = FieldVocabulary.agency
        public static let implementingAgency = FieldVocabulary.implementingAgency
        public static let nature = FieldTerm("nature", "项目属性")
        public static let period = FieldTerm("period", "项目期", ["项目日期", "项目周期"])
        public static let periodFunds = FieldTerm("funds.period.total", "实施期资金总额", ["实施期资金"])
        public static let annualFunds = FieldTerm("funds.annual.total", "年度资金总额")
        public static let overview = FieldTerm("overview", "项目概况")
        public static let basis = FieldTerm("basis", "立项依据")
        public static let necessity = FieldTerm("necessity", "项目设立必要性")
        public static let measures = FieldTerm("measures", "保证项目实施的制度、措施", ["保证项目实施的制度措施"])
        public static let plan = FieldTerm("plan", "项目实施计划")
        /// The five described texts, in printed order.
        public static let texts = [overview, basis, necessity, measures, plan]
        public static let periodGoal = FieldTerm("goals.period", "实施期目标")
        public static let annualGoal = FieldTerm("goals.annual", "年度目标")
        /// The goals block's caption.
        public static let goalsCaption = "总体目标"
        public static let level1 = FieldTerm("indicators.period[].level1", "一级指标")
        public static let level2 = FieldTerm("indicators.period[].level2", "二级指标")
        public static let name = FieldTerm("indicators.period[].name", "三级指标")
        public static let value = FieldTerm("indicators.period[].value", "指标值", ["年度指标值"])
        public static let responsible = FieldTerm("footer.responsible", "负责人")
        public static let handler = FieldTerm("footer.handler", "经办人")
        public static let phone = FieldTerm("footer.phone", "联系电话")
        public static let filledAt = FieldTerm("footer.filledAt", "填报日期")
        public static let footer = [responsible, handler, phone, filledAt]

        /// The fund sources listed under a 资金总额 (`其中：中央财政资金`, `市县（区）财政资金`), by the model's key
        /// (`TargetTable.FundBreakdown.templateSources`).
        public static let sources: [(key: String, stems: [String])] = [
            ("central", ["中央"]), ("provincial", ["省级"]), ("cityCounty", ["市县", "市级", "县级"]),
            ("selfRaised", ["自筹"]), ("other", ["其他"]),
        ]

        /// The fund source a row label names, by the stem it starts with after `其中：` or contains.
        public static func source(_ printed: String) -> String? {
            var text = PrintedLabel.normalize(printed)
            guard text.count <= 16 else { return nil }
            if text.hasPrefix("其中") { text.removeFirst(2) }
            while text.hasPrefix(":") { text.removeFirst() }
            return sources.first { $0.stems.contains { text.hasPrefix($0) } }?.key
                ?? sources.first { $0.key != "other" && $0.stems.contains { text.contains($0) } }?.key
                ?? (text.contains("其他资金") ? "other" : nil)
        }

        /// Every field of the 目标表 with a printed label; the 年度 half of the indicators is labelled as the
        /// 实施期 half.
        public static let fields: [FieldTerm] =
            [project, projectCode, department, agency, implementingAgency, nature, period, periodFunds, annualFunds]
            + texts + [periodGoal, annualGoal, level1, level2, name, value] + [
                FieldTerm("indicators.annual[].level2", level2.label, Array(level2.spellings.dropFirst())),
                FieldTerm("indicators.annual[].name", name.label, Array(name.spellings.dropFirst())),
                FieldTerm("indicators.annual[].value", value.label, Array(value.spellings.dropFirst())),
            ] + footer
    }

    // MARK: Look-ups

    /// The term whose spellings name a printed label, among `terms`.
    public static func term(_ printed: String, among terms: [FieldTerm]) -> FieldTerm? {
        let label = PrintedLabel.normalize(printed)
        return terms.first { $0.accepts(label) }
    }

    /// The canonical label of a field path (`funds.sources[2].executed` → `全年执行数`,
    /// `indicators[3].score` → `得分`), nil for a path the forms print no label for.
    public static func label(ofPath path: String) -> String? {
        let template = template(of: path)
        if let term = byPath[template] { return term.label }
        if template.hasPrefix("funds.sources[]."), let term = byPath["funds.total." + template.dropFirst(16)] {
            return term.label
        }
        return nil
    }

    /// A path with its indices emptied: `indicators[3].score` → `indicators[].score`.
    public static func template(of path: String) -> String {
        path.replacing(/\[\d+\]/, with: "[]")
    }

    static let byPath: [String: FieldTerm] = Dictionary(
        (selfEvaluation + Target.fields).map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
}
