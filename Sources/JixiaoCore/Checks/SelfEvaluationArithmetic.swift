import Foundation

/// Readings the self-evaluation arithmetic rules (SE.FUND, SE.EXEC, SE.WEIGHT, SE.SCORE, SE.TOTAL, SE.GRADE,
/// SE.SX) share, written once so that they walk the form the same way and never recompute a score
/// themselves: every number comes from `FormScore`, `ExecutionScore` or `IndicatorScore`.

extension String {
    /// A cell holds text other than whitespace (a 偏差原因 that says something).
    var isFilledCell: Bool { !trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
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
