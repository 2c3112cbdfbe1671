/// 一级指标.
public enum Level1: String, Sendable, Hashable, CaseIterable, Codable {
    case output = "产出指标"
    case benefit = "效益指标"
    case satisfaction = "满意度指标"
    /// 成本 is a 一级 in the 2021 central guide (财预〔2021〕101号); Shanxi files it under 产出.
    case cost = "成本指标"

    /// Reads a printed label (`产出指标`, `产出`, `满意度指 标`).
    public init?(label: String) {
        let text = label.filter { !$0.isWhitespace }
        if text.hasPrefix("产出") {
            self = .output
        } else if text.hasPrefix("效益") {
            self = .benefit
        } else if text.hasPrefix("满意") {
            self = .satisfaction
        } else if text.hasPrefix("成本") {
            self = .cost
        } else {
            return nil
        }
    }
}

/// 二级指标.
public enum Level2: String, Sendable, Hashable, CaseIterable, Codable {
    case quantity = "数量指标"
    case quality = "质量指标"
    case timeliness = "时效指标"
    case cost = "成本指标"
    case economic = "经济效益指标"
    case social = "社会效益指标"
    case ecological = "生态效益指标"
    case sustainability = "可持续影响指标"
    case beneficiary = "服务对象满意度指标"

    /// Reads a printed label, accepting the variants seen in forms (社会效益, 经济类, 生态类, 可持续,
    /// 服务对象, 服务对象满意度指标). Returns nil for anything else, e.g. an indicator name printed in the
    /// 二级 column.
    public init?(label: String) {
        let text = label.filter { !$0.isWhitespace }
        let prefixes: [(String, Level2)] = [
            ("数量", .quantity), ("质量", .quality), ("时效", .timeliness), ("成本", .cost),
            ("经济效益", .economic), ("经济类", .economic), ("社会效益", .social), ("社会类", .social),
            ("生态效益", .ecological), ("生态类", .ecological), ("可持续", .sustainability),
            ("服务对象", .beneficiary), ("满意度", .beneficiary),
        ]
        guard let match = prefixes.first(where: { text.hasPrefix($0.0) }) else { return nil }
        // `数量指标` yes, `数量…某某` (a name) no: what follows the stem must be a label suffix.
        let rest = text.dropFirst(match.0.count)
        let suffixes = ["", "指标", "类", "影响", "影响指标", "满意度", "满意度指标", "效益", "效益指标"]
        guard suffixes.contains(String(rest)) else { return nil }
        self = match.1
    }

    /// The 一级 this 二级 belongs to in the Shanxi frame (成本 under 产出).
    public var level1: Level1 {
        switch self {
        case .quantity, .quality, .timeliness, .cost: .output
        case .economic, .social, .ecological, .sustainability: .benefit
        case .beneficiary: .satisfaction
        }
    }
}
