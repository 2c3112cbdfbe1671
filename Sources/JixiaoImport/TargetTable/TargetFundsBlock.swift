import JixiaoCore

/// The 项目资金（元） block of a 目标表: `实施期资金总额 | amount | 年度资金总额 | amount`, then one `其中` row
/// per fund source with the 实施期 amount beside the 年度 amount. Read as label–amount pairs; a label
/// with no amount after it is a blank cell.
struct TargetFundsBlock {
    enum Half { case period, annual }
    enum Field: String, CaseIterable {
        case total, central, provincial, cityCounty, selfRaised, other
    }

    private(set) var amounts: [Half: [Field: (text: String, line: Int)]] = [:]
    /// Columns of the 实施期 and 年度 total labels, to place a source row that prints only one half.
    private var columns: [Half: Int] = [:]

    /// The half and field a label names.
    static func label(_ caption: String) -> (Half?, Field)? {
        let terms = FieldVocabulary.Target.self
        if terms.periodFunds.spellings.contains(where: caption.contains) { return (.period, .total) }
        if terms.annualFunds.spellings.contains(where: caption.contains) { return (.annual, .total) }
        return terms.source(caption).flatMap(Field.init(rawValue:)).map { (nil, $0) }
    }

    static func isFundsRow(_ line: TextLine) -> Bool {
        line.filled.contains { isBlockCaption($0) || label(Labels.caption($0)) != nil }
    }

    /// `项目资金(元)`: the block's caption, no field of its own.
    static func isBlockCaption(_ cell: TextCell) -> Bool {
        Labels.caption(cell).hasPrefix(FieldVocabulary.Funds.blockPrefix)
    }

    /// Reads a row. Returns a reason when part of it cannot be read.
    mutating func add(_ line: TextLine) -> String? {
        var pairs: [(half: Half?, field: Field, label: TextCell, amount: TextCell?)] = []
        for cell in line.filled where !TargetFundsBlock.isBlockCaption(cell) {
            if let (half, field) = TargetFundsBlock.label(Labels.caption(cell)) {
                pairs.append((half, field, cell, nil))
            } else if Labels.isAmount(cell.text), let last = pairs.last, last.amount == nil {
                pairs[pairs.count - 1].amount = cell
            } else {
                return "项目资金行中的“\(cell.text)”不在任何资金栏目之后"
            }
        }
        for (index, pair) in pairs.enumerated() {
            let half = pair.half ?? (pairs.count == 2 ? (index == 0 ? .period : .annual) : nearestHalf(pair.label))
            if pair.field == .total { columns[half] = pair.label.column }
            guard amounts[half]?[pair.field] == nil else {
                return "项目资金中“\(pair.label.text)”重复出现"
            }
            amounts[half, default: [:]][pair.field] = (pair.amount?.text ?? "", line.number)
        }
        return nil
    }

    private func nearestHalf(_ cell: TextCell) -> Half {
        guard let period = columns[.period], let annual = columns[.annual] else { return .period }
        return abs(cell.column - period) <= abs(cell.column - annual) ? .period : .annual
    }

    var hasTotals: Bool { amounts[.period]?[.total] != nil && amounts[.annual]?[.total] != nil }

    func breakdown(_ half: Half, _ log: inout ReadingLog) -> TargetTable.FundBreakdown {
        let path = half == .period ? "funds.period" : "funds.annual"
        var texts: [Field: EnteredNumber] = [:]
        for (field, entry) in amounts[half] ?? [:] {
            texts[field] = EnteredNumber(entry.text)
            log.record("\(path).\(field.rawValue)", entry.line)
        }
        return TargetTable.FundBreakdown(
            total: texts[.total] ?? "", central: texts[.central] ?? "",
            provincial: texts[.provincial] ?? "", cityCounty: texts[.cityCounty] ?? "",
            selfRaised: texts[.selfRaised] ?? "", other: texts[.other] ?? "")
    }
}
