import Foundation

/// 计量单位, as written, with the 万/亿 scale understood so that `20万元` and `45000元` compare.
public struct MeasureUnit: Sendable, Hashable, Codable {
    /// The unit as printed (`万人`, `台（套）`, `%`).
    public let text: String
    /// The unit without its scale prefix, brackets normalised (`人`, `台(套)`, `%`).
    public let base: String
    /// What one printed unit is worth in `base` units (1, 10 000, 100 000 000).
    public let scale: Decimal

    public init(_ text: String) {
        let trimmed = text.trimmed
        self.text = trimmed
        var rest = trimmed.replacingScalars(MeasureUnit.halfWidth)
        var scale = Decimal(1)
        for (prefix, factor) in MeasureUnit.scalePrefixes where rest.begins(with: prefix) {
            rest = String(rest.dropFirst(prefix.count))
            scale = factor
            break
        }
        self.base = MeasureUnit.aliases[rest] ?? rest
        self.scale = scale
    }

    static let halfWidth: [Unicode.Scalar: Unicode.Scalar] = ["（": "(", "）": ")", "％": "%"]
    static let scalePrefixes: [(String, Decimal)] = [("亿", Decimal(100_000_000)), ("万", Decimal(10_000))]
    /// Spellings of the same unit seen in forms.
    /// Only true synonyms: `百分点` (a difference of percentages) is not `%`.
    static let aliases: [String: String] = [
        "平米": "平方米", "㎡": "平方米", "m²": "平方米", "人/次": "人次", "%(百分比)": "%", "百分比": "%", "(%)": "%",
        "百分率": "%", "千米": "公里", "km": "公里",
    ]

    /// Whether two units measure the same thing (after scale and spelling).
    public func isCompatible(with other: MeasureUnit) -> Bool { base == other.base }
}
