/// Readings several rules share, written once so that the 自评表 and 目标表 rules agree: what a 二级 label
/// says, which output categories a set of rows covers, whether a unit is money, and what is wrong with the
/// format of a value.

/// The labels both kinds of indicator row carry.
protocol LabelledIndicator {
    /// The printed 一级, read; nil when absent (the 目标表's 年度 half has no 一级 column) or unreadable.
    var printedLevel1: Level1? { get }
    var level2Value: Level2? { get }
}

extension LabelledIndicator {
    /// A 满意度 row by either label: the 一级 says 满意度, or the 二级 is 服务对象满意度.
    var isSatisfaction: Bool { printedLevel1 == .satisfaction || level2Value == .beneficiary }
}

extension SelfEvaluation.Indicator: LabelledIndicator {
    var printedLevel1: Level1? { level1Value }
}

extension TargetTable.Indicator: LabelledIndicator {
    var printedLevel1: Level1? { level1.flatMap { Level1(label: $0) } }
}

extension Level2 {
    /// The spelling the 目标表 template prints: `数量指标`, but `社会效益`, `服务对象满意度`.
    var targetTableLabel: String { level1 == .output ? rawValue : String(rawValue.dropLast("指标".count)) }

    /// The spellings either template prints (the 自评表 adds 指标 throughout: `社会效益指标`).
    var standardSpellings: [String] { [rawValue, targetTableLabel] }

    /// Under its Shanxi parent, or under 成本 when 成本 is a 一级 of its own (财预〔2021〕101号).
    func belongs(under level1: Level1) -> Bool { self.level1 == level1 || (self == .cost && level1 == .cost) }
}

/// What is wrong with a printed 二级 label, if anything.
enum Level2LabelProblem: Hashable {
    case missing
    /// Not a 二级 at all (often an indicator name printed in the 二级 column).
    case unrecognised
    case wrongLevel1(Level2, Level1)
    /// Readable, but not a template spelling (`经济类`, `可持续`, `服务对象`).
    case nonStandard(Level2)

    /// `level1` is the row's printed 一级, nil when there is none to compare with.
    static func of(_ label: String, level1: Level1?, requireStandardSpelling: Bool) -> Level2LabelProblem? {
        let text = label.withoutWhitespace
        if text.isEmpty { return .missing }
        guard let level2 = Level2(label: text) else { return .unrecognised }
        if let level1, !level2.belongs(under: level1) { return .wrongLevel1(level2, level1) }
        if requireStandardSpelling, !level2.standardSpellings.contains(text) { return .nonStandard(level2) }
        return nil
    }

    /// Chinese description of the problem with `label`.
    func describe(_ label: String) -> String {
        switch self {
        case .missing: "二级指标为空"
        case .unrecognised: "二级指标“\(label)”不是有效的二级指标名称"
        case .wrongLevel1(let level2, let level1):
            "二级指标“\(label)”属于\(level2.level1.label)，不应在一级指标“\(level1.label)”下"
        case .nonStandard(let level2): "二级指标“\(label)”不是模板写法，应为“\(level2.targetTableLabel)”"
        }
    }

    /// The label to write instead, where there is one.
    var expectedLabel: String? {
        if case .nonStandard(let level2) = self { return level2.targetTableLabel }
        return nil
    }
}

/// 产出指标 should cover 数量, 质量 and 时效 (财预〔2020〕10号 附件2 指标体系框架).
enum OutputCategories {
    static let required: [Level2] = [.quantity, .quality, .timeliness]

    /// The required categories no row is filed under, in framework order.
    static func missing(in rows: [some LabelledIndicator]) -> [Level2] {
        let present = Set(rows.compactMap(\.level2Value))
        return required.filter { !present.contains($0) }
    }
}

extension MeasureUnit {
    /// 元, 万元, 亿元, or money per something (元/人, 万元/台).
    var isMoney: Bool { base == "元" || base.hasPrefix("元/") }
}

extension IndicatorValue {
    /// A defect in how a value is written (the platform's input rules), as opposed to what it says.
    enum FormatProblem: Hashable {
        case forbiddenCharacter  // `*`, `_`, leading `-`
        case missingOperator  // `257.34平方米`
        case operatorWithoutNumber  // `≥人`
        case doubledWord  // `及时及时`
        case placeholder  // `≥**人`

        var label: String {
            switch self {
            case .forbiddenCharacter: "含平台禁用字符（*、_ 或开头的 -）"
            case .missingOperator: "定量值缺少计算符号"
            case .operatorWithoutNumber: "计算符号后没有数值"
            case .doubledWord: "文字重复"
            case .placeholder: "含未填写的模板占位符（如 **）"
            }
        }
    }

    var formatProblems: [FormatProblem] {
        var problems: [FormatProblem] = []
        if flaws.contains(.forbiddenCharacter) { problems.append(.forbiddenCharacter) }
        if flaws.contains(.missingOperator) { problems.append(.missingOperator) }
        if reading == .unparsed(.operatorWithoutNumber) { problems.append(.operatorWithoutNumber) }
        if flaws.contains(.doubledWord) { problems.append(.doubledWord) }
        if flaws.contains(.placeholder) { problems.append(.placeholder) }
        return problems
    }
}

extension SelfEvaluation.Indicator {
    /// The target cells of a row, each printed defect once: the adjusted target, and the initial one only
    /// where its text differs (a target carried over unchanged is one entry, not two).
    /// Each value is read with the 指标性质 and 度量单位 columns it is printed beside (`= | 100 | %`).
    func targetCells(at index: Int) -> [(path: String, value: IndicatorValue)] {
        var cells: [(String, IndicatorValue)] = []
        if !adjustedTarget.isEmpty { cells.append(("indicators[\(index)].adjustedTarget", target)) }
        if initialTarget.text.withoutWhitespace != adjustedTarget.text.withoutWhitespace {
            cells.append(("indicators[\(index)].initialTarget", initialTargetValue))
        }
        return cells
    }
}

extension TargetTable {
    /// The two halves of the indicator block.
    enum Half: String, CaseIterable {
        case period, annual

        var label: String { self == .period ? "实施期" : "年度" }
    }

    /// A filled indicator row with its half and field path (`indicators.annual[2]`).
    struct FilledRow {
        let half: Half
        let path: String
        let row: Indicator
    }

    /// The rows of a half that hold an indicator (template rows with neither name nor value left out).
    func filledRows(_ half: Half) -> [FilledRow] {
        ((half == .period ? indicators.period : indicators.annual) ?? []).enumerated().compactMap { index, row in
            row.isTemplateRow ? nil : FilledRow(half: half, path: "indicators.\(half.rawValue)[\(index)]", row: row)
        }
    }

    /// The filled rows of both halves, 实施期 first.
    var allFilledRows: [FilledRow] { Half.allCases.flatMap(filledRows) }

    /// The indicators the year is set against: the 年度 half, or the 实施期 half when the 年度 half is
    /// empty (the platform then copies the 实施期 indicators into it).
    var annualSet: (half: Half, rows: [FilledRow]) {
        let annual = filledRows(.annual)
        return annual.isEmpty ? (.period, filledRows(.period)) : (.annual, annual)
    }
}

extension String {
    /// The text with all whitespace removed: PDF extraction breaks and pads cells arbitrarily.
    var withoutWhitespace: String {
        guard unicodeScalars.contains(where: \.isSpace) else { return self }
        return String(String.UnicodeScalarView(unicodeScalars.filter { !$0.isSpace }))
    }
}
