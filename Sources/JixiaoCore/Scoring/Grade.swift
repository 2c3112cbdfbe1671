import Foundation

/// 自评等级.
public enum Grade: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case excellent = "优"
    case good = "良"
    case fair = "中"
    case poor = "差"

    public init?(label: String) {
        let text = label.trimmed
        guard let grade = Grade.allCases.first(where: { text == $0.rawValue || text.hasPrefix($0.rawValue) })
        else { return nil }
        self = grade
    }

    public var label: String { rawValue }

    public static func < (lhs: Grade, rhs: Grade) -> Bool {
        let order: [Grade] = [.poor, .fair, .good, .excellent]
        return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
    }
}

/// Grade thresholds: lower bounds, inclusive. The national rule is 90/80/60; an older platform default
/// was 80/70/60, which is why they live in the policy.
public struct GradeThresholds: Sendable, Hashable {
    public var excellent: Decimal
    public var good: Decimal
    public var fair: Decimal

    public init(excellent: Decimal, good: Decimal, fair: Decimal) {
        self.excellent = excellent
        self.good = good
        self.fair = fair
    }

    public static let national = GradeThresholds(excellent: 90, good: 80, fair: 60)

    /// The grade of a total as readers see it (already rounded to 2 places).
    public func grade(of total: Decimal) -> Grade {
        if total >= excellent { return .excellent }
        if total >= good { return .good }
        if total >= fair { return .fair }
        return .poor
    }
}
