import Foundation

/// 金额单位: the unit every amount on a form is printed in. Shanxi prints self-evaluations in 万元 and target
/// tables in 元; other provinces print either on either form (`项目资金（元）`, `金额单位：万元`), so each form
/// carries its own, and amounts are compared and printed in it.
public enum MoneyUnit: String, Sendable, Hashable, CaseIterable, Codable {
    case yuan = "元"
    case wanYuan = "万元"

    /// What one unit is worth in 元.
    public var yuanValue: Decimal {
        switch self {
        case .yuan: 1
        case .wanYuan: 10_000
        }
    }

    /// `amount`, given in this unit, in `other` (exact: 26.149 万元 → 261490 元).
    public func convert(_ amount: Decimal, to other: MoneyUnit) -> Decimal {
        self == other ? amount : amount * yuanValue / other.yuanValue
    }

    /// Reads a printed unit: `元`, `万元`, with brackets or a `金额单位：` caption around it. nil for anything else.
    public init?(label: String) {
        var text = label.filter { !$0.isWhitespace }
        for caption in ["金额单位", "单位"] where text.hasPrefix(caption) {
            text = String(text.dropFirst(caption.count))
            break
        }
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: ":：()（）"))
        guard let unit = MoneyUnit(rawValue: text) else { return nil }
        self = unit
    }

    public var label: String { rawValue }
}
