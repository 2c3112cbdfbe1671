import Foundation

/// Readings the self-evaluation arithmetic rules (SE.FUND, SE.EXEC, SE.WEIGHT, SE.SCORE, SE.TOTAL, SE.GRADE,
/// SE.SX) share, written once so that they walk the form the same way and never recompute a score
/// themselves: every number comes from `FormScore`, `ExecutionScore` or `IndicatorScore`.

extension String {
    /// A cell holds text other than whitespace (a 偏差原因 that says something).
    var isFilledCell: Bool { !isBlank }
}

extension EnteredNumber {
    /// Digits printed after the decimal point (`"104.049"` → 3, `"100"` → 0).
    var printedDecimals: Int {
        guard let dot = text.firstIndex(where: { $0 == "." || $0 == "．" }) else { return 0 }
        return text[text.index(after: dot)...].prefix { $0.isNumber }.count
    }
}

extension DecimalText {
    /// Fixed-scale text at 2 places, or more when one of the printed operands has more (万元 amounts carry
    /// 3 decimals: `26.149`), so an exact comparison shows every digit it compared.
    static func fixed(_ value: Decimal, asPrinted operands: [EnteredNumber]) -> String {
        fixed(value, scale: max(2, operands.map(\.printedDecimals).max() ?? 0))
    }
}

extension SelfEvaluation.FundsRow {
    /// `资金总额` or the 资金来源, for messages.
    var rowLabel: String { source.isFilledCell ? source : "资金总额" }
}

extension SelfEvaluation.Funds {
    /// The 资金总额 row and every source row, each with its field path.
    var rowsWithPaths: [(path: String, row: SelfEvaluation.FundsRow)] {
        [("funds.total", total)] + sources.enumerated().map { ("funds.sources[\($0.offset)]", $0.element) }
    }

    /// Some funds row explains its figures in 偏差原因分析及改进措施.
    var hasDeviationNote: Bool { rowsWithPaths.contains { $0.row.deviation?.isFilledCell == true } }
}

/// One indicator row beside what the scoring engine made of it.
struct ScoredIndicator {
    let index: Int
    let row: SelfEvaluation.Indicator
    let score: IndicatorScore

    /// `indicators[3].score`
    func path(_ field: String) -> String { "indicators[\(index)].\(field)" }
}

extension FormScore {
    /// Every indicator row with its score, in printed order (rows the policy does not score included;
    /// filter on `score.isScored`).
    func rows(of form: SelfEvaluation) -> [ScoredIndicator] {
        zip(form.indicators, indicators).enumerated().map {
            ScoredIndicator(index: $0.offset, row: $0.element.0, score: $0.element.1)
        }
    }
}

extension IndicatorScore {
    /// The entered score when it lies within 0…分值. Outside that range SE.SCORE.010 reports the row, so the
    /// rules that compare scores stay silent rather than report the same cell twice.
    var enteredWithinWeight: Decimal? {
        guard let entered, let weight, entered >= 0, entered <= weight else { return nil }
        return entered
    }

    /// Scored by a quantitative formula (正向, 等于, 反向), so the rule score is a computation, not a band.
    var isFormulaScored: Bool {
        switch method {
        case .positive, .equal, .reverse: true
        default: false
        }
    }
}

extension QualitativeBand {
    /// `[12.00, 15.00]`, `[9.00, 12.00)`.
    var text: String {
        "[\(DecimalText.fixed(lower)), \(DecimalText.fixed(upper))\(includesUpper ? "]" : ")")"
    }
}

extension SelfEvaluation {
    /// The source holds only part of the form (`source.truncated`): what is missing cannot be judged.
    var isTruncated: Bool { source?.isTruncated == true }
}

extension TargetTable {
    /// The source holds only part of the table (`source.truncated`).
    var isTruncated: Bool { source?.isTruncated == true }
}

extension Violation {
    /// A rule that cannot judge the form says so, as a notice, naming the input and why: no rule skips
    /// silently.
    static func cannotJudge(at path: String?, _ message: String) -> Violation {
        Violation(at: path, message, severity: .notice)
    }
}

/// What keeps the weight rules (SE.WEIGHT.010/020, SE.TOTAL.020) from summing the 分值 of the scored rows.
enum WeightInputs {
    /// The scored rows whose 分值 is blank or unreadable, as `第N行“name”（分值“text”…）`; empty when every
    /// scored row has a readable 分值. Empty template rows and `其中` breakdown rows are not scored.
    static func unknown(_ rows: [ScoredIndicator]) -> [String] {
        rows.filter { $0.score.isScored && $0.score.weight == nil }.map { item in
            let why = item.row.weight.isBlank ? "为空" : (item.row.weight.unreadableReason?.label ?? "无法读取")
            return "第 \(item.index + 1) 行“\(item.row.name)”分值“\(item.row.weight.text)”\(why)"
        }
    }

    /// Why the weights of `form` cannot be summed or compared, as a notice; nil when they can.
    static func cannotSum(_ form: SelfEvaluation, _ rows: [ScoredIndicator], what: String) -> Violation? {
        let unknown = unknown(rows)
        let visible = rows.filter(\.score.isScored).reduce(Decimal(0)) { $0 + ($1.score.weight ?? 0) }
        if !unknown.isEmpty {
            return .cannotJudge(
                at: nil,
                "无法核对\(what)：\(unknown.joined(separator: "；"))；其余分值合计 \(DecimalText.plain(visible))")
        }
        if form.isTruncated {
            return .cannotJudge(
                at: nil, "无法核对\(what)：来源只含表单的一部分（source.truncated），可见分值合计 \(DecimalText.plain(visible))")
        }
        return nil
    }
}
