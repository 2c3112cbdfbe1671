/// 计算符号: how an indicator's target is compared with its actual value.
///
/// The platform's code list (`PMKPIZBXS`) numbers them 1–5; `＞`/`＜` score exactly like `≥`/`≤`.
public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable, Codable {
    case atLeast = "≥"  // 1
    case greaterThan = "＞"  // 2
    case equal = "＝"  // 3
    case lessThan = "＜"  // 4
    case atMost = "≤"  // 5

    /// The platform code (`PMKPIZBXS`).
    public var code: Int {
        switch self {
        case .atLeast: 1
        case .greaterThan: 2
        case .equal: 3
        case .lessThan: 4
        case .atMost: 5
        }
    }

    /// 正向 (higher is better), equal, or 反向 (lower is better).
    public var direction: Direction {
        switch self {
        case .atLeast, .greaterThan: .higherIsBetter
        case .equal: .equal
        case .lessThan, .atMost: .lowerIsBetter
        }
    }

    public enum Direction: Sendable { case higherIsBetter, equal, lowerIsBetter }

    /// Every spelling seen in forms, longest first so `>=` wins over `>`.
    static let spellings: [(String, ComparisonOperator)] = [
        (">=", .atLeast), ("＞=", .atLeast), (">＝", .atLeast), ("＞＝", .atLeast),
        ("<=", .atMost), ("＜=", .atMost), ("<＝", .atMost), ("＜＝", .atMost),
        ("==", .equal), ("＝＝", .equal),
        ("≥", .atLeast), ("≧", .atLeast), ("⩾", .atLeast),
        ("≤", .atMost), ("≦", .atMost), ("⩽", .atMost),
        (">", .greaterThan), ("＞", .greaterThan),
        ("<", .lessThan), ("＜", .lessThan),
        ("=", .equal), ("＝", .equal), ("═", .equal),
    ]

    /// The first scalar of every spelling.
    private static let leadingScalars = Set(spellings.compactMap { $0.0.unicodeScalars.first })

    /// Reads a 指标性质 cell: an operator printed on its own (`≧`, `>=`, `＝`), or the direction words
    /// 正向 (≥) and 反向 (≤). nil for a kind such as `定量指标`.
    public init?(nature: String) {
        let text = DecimalText.normalizeDigits(nature.filter { !$0.isWhitespace })
        if let (op, rest) = ComparisonOperator.split(text), rest.isEmpty {
            self = op
        } else if text.hasPrefix("正向") {
            self = .atLeast
        } else if text.hasPrefix("反向") {
            self = .atMost
        } else {
            return nil
        }
    }

    /// Splits a leading operator off `text`.
    static func split(_ text: String) -> (ComparisonOperator, String)? {
        // Most values start with a digit or a word: one look at the first scalar answers them.
        guard let first = text.unicodeScalars.first, leadingScalars.contains(first) else { return nil }
        for (spelling, op) in spellings where text.begins(with: spelling) {
            return (op, String(text.dropFirst(spelling.count)))
        }
        return nil
    }
}
