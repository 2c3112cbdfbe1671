/// 一级指标, by name: the national frame's 产出/效益/满意度 (with 成本 as a 一级 in 财预〔2021〕101号), and the
/// 决策/过程/产出/效益 frame of 部门整体 forms. A scoring policy names the set it weights; a name outside the
/// known ones is made with `init(name:)`.
public struct Level1: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Canonical label: `产出指标`.
    public let label: String

    /// A 一级 by its name (`决策` or `决策指标` → `决策指标`).
    public init(name: String) {
        let stem = Level1.stem(of: name)
        label = stem.isEmpty ? name : stem + "指标"
    }

    public static let output = Level1(name: "产出")
    public static let benefit = Level1(name: "效益")
    public static let satisfaction = Level1(name: "满意度")
    /// 成本 is a 一级 in the 2021 central guide (财预〔2021〕101号); Shanxi files it under 产出.
    public static let cost = Level1(name: "成本")
    /// 部门整体 forms: 决策 and 过程 before 产出 and 效益.
    public static let decision = Level1(name: "决策")
    public static let process = Level1(name: "过程")

    /// The names Jixiao recognises on any form, with the printed variants that mean them.
    public static let known: [(stems: [String], level1: Level1)] = [
        (["产出"], .output), (["效益", "效果"], .benefit), (["满意度", "满意"], .satisfaction), (["成本"], .cost),
        (["决策"], .decision), (["过程"], .process),
    ]

    /// Reads a printed label (`产出指标`, `产出`, `满意度指 标`, `产出指标(70分)`, `成本指标(0-20)分`, `效果指标`)
    /// among the known names and `extra` (a policy's own). nil for anything else, e.g. a 二级 label.
    public init?(label: String, among extra: [Level1] = []) {
        // The canonical labels, as most forms print them, without reading (the checks ask for every row's).
        if let known = Level1.canonical[label] {
            self = known
            return
        }
        let stem = Level1.stem(of: label)
        guard !stem.isEmpty else { return nil }
        if let match = Level1.known.first(where: { $0.stems.contains(stem) }) {
            self = match.level1
        } else if let match = extra.first(where: { Level1.stem(of: $0.label) == stem }) {
            self = match
        } else {
            return nil
        }
    }

    static let canonical: [String: Level1] = Dictionary(
        known.map { ($0.level1.label, $0.level1) }, uniquingKeysWith: { first, _ in first })

    /// The name without whitespace, a bracketed weight or remark (`(70分)`, `(0-20)分`) and the 指标 suffix.
    static func stem(of label: String) -> String {
        var text = LabelText.withoutAnnotation(label.filter { !$0.isWhitespace })
        if text.hasSuffix("指标") { text.removeLast(2) }
        return text
    }

    public var description: String { label }
}

/// Label reading shared by the 一级 and 二级 readers.
enum LabelText {
    /// `产出指标(70分)` → `产出指标`; `成本指标(0-20)分` → `成本指标`; `数量指标(必填硬性指标)` → `数量指标`. A
    /// trailing bracketed remark (either bracket style) and a trailing 分 after it are dropped.
    static func withoutAnnotation(_ text: String) -> String {
        var text = text
        if text.hasSuffix("分"), let open = text.lastIndex(where: { $0 == "(" || $0 == "（" }),
            text[open...].contains(where: { $0 == ")" || $0 == "）" })
        {
            text = String(text[..<open])
        }
        if text.hasSuffix(")") || text.hasSuffix("）"), let open = text.lastIndex(where: { $0 == "(" || $0 == "（" }) {
            text = String(text[..<open])
        }
        return text
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
    /// Under 成本指标 as a 一级 (财预〔2021〕101号): 经济成本, 社会成本, 生态环境成本.
    case economicCost = "经济成本指标"
    case socialCost = "社会成本指标"
    case ecologicalCost = "生态环境成本指标"

    /// Reads a printed label, accepting the variants seen in forms (社会效益, 经济类, 生态类, 可持续,
    /// 服务对象, 服务对象满意度指标等, 社会公众或服务对象满意度指标) and a bracketed remark after it
    /// (`数量指标(10分)`, `数量指标(必填硬性指标)`). Returns nil for anything else, e.g. an indicator name
    /// printed in the 二级 column.
    public init?(label: String) {
        // The canonical labels, as most forms print them, without reading (the checks ask for every row's).
        if let known = Level2(rawValue: label) {
            self = known
            return
        }
        var text = LabelText.withoutAnnotation(label.filter { !$0.isWhitespace })
        // `服务对象满意度指标等`: the template's "and the like".
        if text.hasSuffix("等") { text.removeLast() }
        let prefixes: [(String, Level2)] = [
            ("数量", .quantity), ("质量", .quality), ("时效", .timeliness),
            ("经济成本", .economicCost), ("社会成本", .socialCost), ("生态环境成本", .ecologicalCost),
            ("环境成本", .ecologicalCost), ("成本", .cost),
            ("经济效益", .economic), ("经济类", .economic), ("社会效益", .social), ("社会类", .social),
            ("生态效益", .ecological), ("生态类", .ecological), ("可持续", .sustainability),
            ("社会公众或服务对象", .beneficiary), ("服务对象", .beneficiary), ("社会公众", .beneficiary),
            ("满意度", .beneficiary),
        ]
        guard let match = prefixes.first(where: { text.begins(with: $0.0) }) else { return nil }
        // `数量指标` yes, `数量…某某` (a name) no: what follows the stem must be a label suffix.
        let rest = text.dropFirst(match.0.count)
        let suffixes = ["", "指标", "类", "影响", "影响指标", "满意度", "满意度指标", "效益", "效益指标"]
        guard suffixes.contains(String(rest)) else { return nil }
        self = match.1
    }

    /// The 一级 this 二级 belongs to: the Shanxi frame (成本 under 产出), or 成本 for the 2021 frame's cost
    /// categories.
    public var level1: Level1 {
        switch self {
        case .quantity, .quality, .timeliness, .cost: .output
        case .economic, .social, .ecological, .sustainability: .benefit
        case .beneficiary: .satisfaction
        case .economicCost, .socialCost, .ecologicalCost: .cost
        }
    }
}
