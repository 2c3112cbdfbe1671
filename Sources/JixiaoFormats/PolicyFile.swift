import Foundation
import JixiaoCore

/// A policy file: a scoring policy written down as YAML, extending a built-in or loaded one.
///
/// ```yaml
/// extends: national          # a built-in id, a loaded policy's id, or another policy file's path
/// id: sichuan-70-20-10
/// name: 四川中江县衔接资金项目自评表（70/20/10）
/// level1Weights: {产出: 70, 效益: 20, 满意度: 10}
/// ```
///
/// Keys are `ScoringPolicy`'s property names (`PolicyFile.fields` lists them with their Chinese labels).
/// Mappings of a fixed set of keys (`gradeThresholds`, `gradeLabels`, `qualitativeWordings`,
/// `checkSeverities`) override the base key by key; `level1Weights` and `requiredAnalysis` replace the base's.
public enum PolicyFile {
    /// Every key a policy file may hold, in the order `write` prints them, with its Chinese label.
    public static let fields: [(key: String, label: String)] = [
        ("extends", "继承的评分政策"), ("id", "政策编号"), ("name", "名称"), ("version", "版本"), ("basis", "依据"),
        ("executionWeight", "预算执行分值"), ("level1Weights", "一级指标分值"), ("gradeThresholds", "等级分数线"),
        ("gradeLabels", "等级名称"), ("reverseFormula", "反向指标计分公式"), ("achievedBand", "定性“达成”得分下限（占分值比例）"),
        ("partlyAchievedBand", "定性“部分达成”得分下限（占分值比例）"), ("qualitativeWordings", "定性完成情况的措辞"),
        ("overAchievementRatio", "超额完成提示倍数"), ("unfilledCostRowCap", "未填报成本指标得分上限"),
        ("skipsDroppedIndicators", "调整时删去的指标不计分"), ("bareNumberOperator", "无计算符号的指标值按此符号计分"),
        ("actualsCarryOperator", "平台在实际完成值前印计算符号"),
        ("ratePrintedDecimals", "执行率小数位数"), ("rateTolerance", "执行率容差（百分点）"),
        ("scorePrintedDecimals", "得分小数位数"), ("scoreTolerance", "得分容差（分）"),
        ("checkSeverities", "规则级别调整"), ("requiredAnalysis", "必填的绩效分析项"),
    ]

    static let keys = Set(fields.map(\.key))

    /// Whether a YAML file is a policy file rather than a form, from its first kilobyte: a top-level
    /// `extends:` line and no top-level `form:` line (a form has no `extends`, a policy no `form`).
    public static func isPolicyFile(_ file: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: file) else { return false }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 1024) else { return false }
        let bytes = [UInt8](head)
        var extends = false
        var form = false
        for start in lineStarts(bytes) {
            extends = extends || bytes.hasPrefix("extends:", at: start)
            form = form || bytes.hasPrefix("form:", at: start)
        }
        return extends && !form
    }

    /// Where each line of UTF-8 `bytes` starts, for every separator `Character.isNewline` knows (LF, VT, FF,
    /// CR, NEL, LS, PS), read from the bytes: every file of a province is sniffed, so no `String` is made.
    static func lineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            var length = 0
            if (0x0A...0x0D).contains(byte) {
                length = 1
            } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x85 {
                length = 2
            } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
            {
                length = 3
            }
            index += max(length, 1)
            if length > 0 { starts.append(index) }
        }
        return starts
    }

    /// The text of a policy file that reads back to `policy`: every field, in a fixed order, extending
    /// `national` only so that the file is complete on its own terms.
    public static func write(_ policy: ScoringPolicy) -> String {
        var out = YAMLOut()
        let number = { DecimalText.plain($0) }
        out.line("# 评分政策文件：jixiao policies show \(policy.id) 生成；可修改后用 --policy 文件路径 使用")
        out.line("extends: national")
        out.field("id", policy.id)
        out.field("name", policy.name)
        out.field("version", policy.version)
        out.field("basis", policy.basis)
        out.line("executionWeight: \(number(policy.executionWeight))")
        out.open("level1Weights")
        for (level1, weight) in policy.orderedLevel1Weights {
            out.line("\(YAMLOut.quote(level1.label)): \(number(weight))")
        }
        out.close()
        let thresholds = policy.gradeThresholds
        out.line(
            "gradeThresholds: {优: \(number(thresholds.excellent)), 良: \(number(thresholds.good)), 中: \(number(thresholds.fair))}"
        )
        out.open("gradeLabels")
        for grade in Grade.allCases { out.field(grade.rawValue, policy.label(of: grade)) }
        out.close()
        out.line("reverseFormula: \(policy.reverseFormula.rawValue)")
        out.line("achievedBand: \(number(policy.achievedBand))")
        out.line("partlyAchievedBand: \(number(policy.partlyAchievedBand))")
        out.open("qualitativeWordings")
        for outcome in QualitativeOutcome.allCases {
            out.list(outcome.label, policy.qualitativeWordings[outcome] ?? [])
        }
        out.close()
        out.line("overAchievementRatio: \(number(policy.overAchievementRatio))")
        out.line("unfilledCostRowCap: \(policy.unfilledCostRowCap.map(number) ?? "null")")
        out.line("skipsDroppedIndicators: \(policy.skipsDroppedIndicators)")
        out.line("bareNumberOperator: \(policy.bareNumberOperator.map { YAMLOut.quote($0.rawValue) } ?? "null")")
        out.line("actualsCarryOperator: \(policy.actualsCarryOperator)")
        out.number("ratePrintedDecimals", policy.ratePrintedDecimals)
        out.line("rateTolerance: \(number(policy.rateTolerance))")
        out.number("scorePrintedDecimals", policy.scorePrintedDecimals)
        out.line("scoreTolerance: \(number(policy.scoreTolerance))")
        if policy.checkSeverities.isEmpty {
            out.line("checkSeverities: {}")
        } else {
            out.open("checkSeverities")
            for (id, severity) in policy.checkSeverities.sorted(by: { $0.key < $1.key }) {
                out.line("\(YAMLOut.quote(id)): \(severity.rawValue)")
            }
            out.close()
        }
        out.list("requiredAnalysis", policy.requiredAnalysis)
        return out.text
    }

    /// A policy file's mapping, composed but not yet applied to its base.
    struct Draft {
        let file: String
        let node: YAMLNode
        /// The mapping's field path (`policy` inline in `.jixiao.yml`, empty for a file).
        let path: String
        let fields: YAMLNodeReader.Fields
        /// The id the policy will have: its `id`, else `defaultID`.
        let id: String
        let extends: String
    }

    /// Composes a policy file's text and reads its `id` and `extends`.
    static func draft(_ data: Data, file: String, defaultID: String) throws(FormFileError) -> Draft {
        guard let text = String(data: data, encoding: .utf8) else {
            throw FormFileError(file: file, problem: "文件不是 UTF-8 编码的文本", fix: "用 UTF-8 编码另存该文件")
        }
        let root: YAMLNode?
        do { root = try YAMLNodeReader.compose(text) } catch { throw FormFileReader.syntaxError(error, file: file) }
        guard let root else {
            throw FormFileError(file: file, problem: "评分政策文件是空的", fix: "至少写 extends: national，再写要修改的字段")
        }
        return try draft(root, file: file, path: "", defaultID: defaultID)
    }

    /// Reads `id` and `extends` from a policy mapping (a whole file, or `policy:` inline in `.jixiao.yml`).
    static func draft(_ node: YAMLNode, file: String, path: String, defaultID: String) throws(FormFileError) -> Draft {
        var reader = YAMLNodeReader(file: file)
        let fields = try reader.mapping(node, path, allowed: keys)
        guard let extends = try reader.optionalText(fields, "extends", path), !extends.isEmpty else {
            throw reader.error(
                node, reader.join(path, "extends"), "评分政策缺少“extends”（继承哪一个政策）",
                "在开头写 extends: national（或 shanxi、已加载政策的编号、另一个政策文件的路径）")
        }
        let id = try reader.optionalText(fields, "id", path) ?? defaultID
        guard !id.isEmpty, !id.contains(where: \.isWhitespace) else {
            throw reader.error(
                fields["id"], reader.join(path, "id"), "政策编号“\(id)”不能为空或含空格", "写成英文字母、数字和连字符，例如 sichuan-70-20-10")
        }
        return Draft(file: file, node: node, path: path, fields: fields, id: id, extends: extends)
    }

    /// An error at one of a draft's fields (or at the mapping when the field is absent).
    static func error(_ draft: Draft, _ key: String, _ problem: String, _ fix: String) -> FormFileError {
        let reader = YAMLNodeReader(file: draft.file)
        return reader.error(draft.fields[key] ?? draft.node, reader.join(draft.path, key), problem, fix)
    }

    /// The policy a draft defines: `base` with every field the draft gives overridden.
    static func apply(_ draft: Draft, to base: ScoringPolicy) throws(FormFileError) -> ScoringPolicy {
        var reader = Reader(nodes: YAMLNodeReader(file: draft.file), fields: draft.fields, path: draft.path)
        var policy = base
        policy.id = draft.id
        policy.name = try reader.text("name") ?? (base.id == draft.id ? base.name : draft.id)
        policy.version = try reader.text("version") ?? base.version
        policy.basis = try reader.text("basis") ?? base.basis
        if let weight = try reader.decimal("executionWeight", in: 0...100) { policy.executionWeight = weight }
        if let weights = try reader.level1Weights() { policy.level1Weights = weights }
        let points = policy.level1Weights.values.reduce(policy.executionWeight, +)
        if points != 100 {
            let plain = { DecimalText.plain($0) }
            throw error(
                draft, draft.fields["level1Weights"] == nil ? "executionWeight" : "level1Weights",
                "一级指标分值之和 \(plain(points - policy.executionWeight)) 加预算执行分值 \(plain(policy.executionWeight)) 等于 \(plain(points))，应为 100",
                "同时写 executionWeight 和 level1Weights，使两者合计 100，例如 executionWeight: 20 与 level1Weights: {产出: 40, 效益: 30, 满意度: 10}"
            )
        }
        policy.gradeThresholds = try reader.gradeThresholds(base.gradeThresholds)
        policy.gradeLabels = try reader.gradeLabels(base.gradeLabels)
        if let formula = try reader.choice("reverseFormula", ScoringPolicy.ReverseFormula.allCases, \.rawValue) {
            policy.reverseFormula = formula
        }
        if let band = try reader.decimal("achievedBand", in: 0...1) { policy.achievedBand = band }
        if let band = try reader.decimal("partlyAchievedBand", in: 0...1) { policy.partlyAchievedBand = band }
        if policy.partlyAchievedBand > policy.achievedBand {
            throw error(
                draft, draft.fields["partlyAchievedBand"] == nil ? "achievedBand" : "partlyAchievedBand",
                "“部分达成”下限 \(DecimalText.plain(policy.partlyAchievedBand)) 高于“达成”下限 \(DecimalText.plain(policy.achievedBand))",
                "例如 achievedBand: 0.8、partlyAchievedBand: 0.5（100–80 / 80–50 / 50–0）")
        }
        policy.qualitativeWordings = try reader.wordings(base.qualitativeWordings)
        if let ratio = try reader.decimal("overAchievementRatio", in: 1...1000) { policy.overAchievementRatio = ratio }
        if let cap = try reader.optionalDecimal("unfilledCostRowCap", in: 0...100) { policy.unfilledCostRowCap = cap }
        if let skips = try reader.boolean("skipsDroppedIndicators") { policy.skipsDroppedIndicators = skips }
        if let carries = try reader.boolean("actualsCarryOperator") { policy.actualsCarryOperator = carries }
        if let op = try reader.bareNumberOperator() { policy.bareNumberOperator = op }
        if let places = try reader.integer("ratePrintedDecimals", in: 0...6) { policy.ratePrintedDecimals = places }
        if let tolerance = try reader.decimal("rateTolerance", in: 0...100) { policy.rateTolerance = tolerance }
        if let places = try reader.integer("scorePrintedDecimals", in: 0...6) { policy.scorePrintedDecimals = places }
        if let tolerance = try reader.decimal("scoreTolerance", in: 0...100) { policy.scoreTolerance = tolerance }
        policy.checkSeverities = try reader.severities(base.checkSeverities)
        if let required = try reader.requiredAnalysis() { policy.requiredAnalysis = required }
        return policy
    }

    /// Typed reading of the policy fields, each error naming the field path and what would be right.
    struct Reader {
        var nodes: YAMLNodeReader
        let fields: YAMLNodeReader.Fields
        let path: String

        func at(_ key: String) -> String { nodes.join(path, key) }

        mutating func text(_ key: String) throws(FormFileError) -> String? {
            try nodes.optionalText(fields, key, path)
        }

        /// A number `Decimal` reads exactly (never through `Double`), within `range`.
        mutating func number(
            _ node: YAMLNode, _ path: String, in range: ClosedRange<Decimal>
        ) throws(FormFileError) -> Decimal {
            let text = try nodes.scalarText(node, path)
            guard let value = DecimalText.parse(text) else {
                throw nodes.error(node, path, "应为数字，实际是“\(text)”", "写成数字，例如 10 或 0.8")
            }
            guard range.contains(value) else {
                let bounds = "\(DecimalText.plain(range.lowerBound))～\(DecimalText.plain(range.upperBound))"
                throw nodes.error(node, path, "数字 \(text) 超出允许范围 \(bounds)", "写 \(bounds) 之间的数字")
            }
            return value
        }

        mutating func decimal(_ key: String, in range: ClosedRange<Decimal>) throws(FormFileError) -> Decimal? {
            guard let node = fields[key] else { return nil }
            return try number(node, at(key), in: range)
        }

        /// A number or `null` (no value): nil when absent, `.some(nil)` for null.
        mutating func optionalDecimal(_ key: String, in range: ClosedRange<Decimal>) throws(FormFileError) -> Decimal??
        {
            guard let node = fields[key] else { return nil }
            if try nodes.scalarText(node, at(key)).isEmpty { return .some(nil) }
            return .some(try number(node, at(key), in: range))
        }

        mutating func integer(_ key: String, in range: ClosedRange<Int>) throws(FormFileError) -> Int? {
            guard let node = fields[key] else { return nil }
            let text = try nodes.scalarText(node, at(key))
            guard let value = Int(text), range.contains(value) else {
                throw nodes.error(
                    node, at(key), "应为 \(range.lowerBound)～\(range.upperBound) 的整数，实际是“\(text)”", "写成整数，例如 2")
            }
            return value
        }

        mutating func boolean(_ key: String) throws(FormFileError) -> Bool? {
            guard let node = fields[key] else { return nil }
            let text = try nodes.scalarText(node, at(key))
            switch text {
            case "true", "是": return true
            case "false", "否": return false
            default: throw nodes.error(node, at(key), "应为 true 或 false，实际是“\(text)”", "写 true（是）或 false（否）")
            }
        }

        mutating func choice<T>(_ key: String, _ cases: [T], _ name: (T) -> String) throws(FormFileError) -> T? {
            guard let node = fields[key] else { return nil }
            let text = try nodes.scalarText(node, at(key))
            guard let match = cases.first(where: { name($0) == text }) else {
                throw nodes.error(
                    node, at(key), "未知的取值“\(text)”", "可用：\(cases.map(name).joined(separator: "、"))")
            }
            return match
        }

        /// A mapping whose keys must be among `known` (an error lists them).
        mutating func entries(_ key: String, known: [String]) throws(FormFileError) -> [(key: String, node: YAMLNode)]?
        {
            guard let node = fields[key] else { return nil }
            guard let mapping = node.mapping else {
                throw nodes.error(
                    node, at(key), "应为键值映射（key: value），实际是\(nodes.kindName(node))",
                    "可用的键：\(known.joined(separator: "、"))")
            }
            var result: [(key: String, node: YAMLNode)] = []
            for (name, value) in mapping {
                let text = name.scalar?.string ?? ""
                guard known.isEmpty || known.contains(text) else {
                    throw nodes.error(
                        name, nodes.join(at(key), text), "未知的键“\(text)”", "可用的键：\(known.joined(separator: "、"))")
                }
                result.append((key: text, node: value))
            }
            return result
        }

        mutating func level1Weights() throws(FormFileError) -> [Level1: Decimal]? {
            guard let entries = try entries("level1Weights", known: []) else { return nil }
            var weights: [Level1: Decimal] = [:]
            for (name, node) in entries {
                let level1 = Level1(label: name) ?? Level1(name: name)
                guard weights[level1] == nil, !name.isEmpty else {
                    throw nodes.error(node, nodes.join(at("level1Weights"), name), "一级指标“\(name)”重复或为空", "每个一级指标只写一次")
                }
                weights[level1] = try number(node, nodes.join(at("level1Weights"), name), in: 0...100)
            }
            return weights
        }

        mutating func gradeThresholds(_ base: GradeThresholds) throws(FormFileError) -> GradeThresholds {
            let keys = [Grade.excellent, .good, .fair].map(\.rawValue)
            guard let entries = try entries("gradeThresholds", known: keys) else { return base }
            var thresholds = base
            for (name, node) in entries {
                // `entries(_:known:)` refused any other name.
                guard let grade = Grade(rawValue: name) else { continue }
                let value = try number(node, nodes.join(at("gradeThresholds"), name), in: 0...100)
                switch grade {
                case .excellent: thresholds.excellent = value
                case .good: thresholds.good = value
                case .fair, .poor: thresholds.fair = value
                }
            }
            guard thresholds.excellent > thresholds.good, thresholds.good > thresholds.fair else {
                throw nodes.error(
                    fields["gradeThresholds"], at("gradeThresholds"), "等级分数线应为 优 > 良 > 中",
                    "例如 {优: 90, 良: 80, 中: 60}")
            }
            return thresholds
        }

        mutating func gradeLabels(_ base: [Grade: String]) throws(FormFileError) -> [Grade: String] {
            guard let entries = try entries("gradeLabels", known: Grade.allCases.map(\.rawValue)) else { return base }
            var labels = base
            for (name, node) in entries {
                guard let grade = Grade(rawValue: name) else { continue }
                let label = try nodes.scalarText(node, nodes.join(at("gradeLabels"), name))
                guard !label.isEmpty else {
                    throw nodes.error(node, nodes.join(at("gradeLabels"), name), "等级名称不能为空", "例如 优: 优秀")
                }
                labels[grade] = label
            }
            guard Set(labels.values).count == labels.count else {
                throw nodes.error(fields["gradeLabels"], at("gradeLabels"), "两个等级用了同一个名称", "每个等级写不同的名称")
            }
            return labels
        }

        mutating func wordings(
            _ base: [QualitativeOutcome: [String]]
        ) throws(FormFileError) -> [QualitativeOutcome: [String]] {
            let known = QualitativeOutcome.allCases.map(\.label)
            guard let entries = try entries("qualitativeWordings", known: known) else { return base }
            var wordings = base
            for (name, node) in entries {
                let path = nodes.join(at("qualitativeWordings"), name)
                var texts: [String] = []
                for (index, item) in try nodes.sequence(node, path).enumerated() {
                    let text = try nodes.scalarText(item, "\(path)[\(index)]")
                    guard !text.isEmpty else {
                        throw nodes.error(item, "\(path)[\(index)]", "措辞不能为空", "写表上的文字开头，例如 达成")
                    }
                    texts.append(text)
                }
                wordings[QualitativeOutcome.allCases.first { $0.label == name }!] = texts
            }
            return wordings
        }

        mutating func bareNumberOperator() throws(FormFileError) -> ComparisonOperator?? {
            guard let node = fields["bareNumberOperator"] else { return nil }
            let text = try nodes.scalarText(node, at("bareNumberOperator"))
            if text.isEmpty { return .some(nil) }
            // Read with the indicator value grammar, so every spelling a form may use (≥, >=, ≧ …) is accepted.
            guard case .quantity(let op?, let zero) = IndicatorValue(text + "0").reading, zero.number == 0,
                zero.unit.text.isEmpty
            else {
                throw nodes.error(
                    node, at("bareNumberOperator"), "未知的计算符号“\(text)”",
                    "写 \(ComparisonOperator.allCases.map(\.rawValue).joined(separator: "、")) 之一，或 null（不按规则计分）")
            }
            return .some(op)
        }

        mutating func severities(_ base: [String: Severity]) throws(FormFileError) -> [String: Severity] {
            guard let entries = try entries("checkSeverities", known: []) else { return base }
            let known = Set(CheckRegistry.all.map { $0.description.id })
            var severities = base
            for (id, node) in entries {
                let path = nodes.join(at("checkSeverities"), id)
                guard known.contains(id) else {
                    throw nodes.error(node, path, "未知的规则编号“\(id)”", "用 jixiao rules 查看规则编号")
                }
                let text = try nodes.scalarText(node, path)
                guard let severity = Severity(rawValue: text) else {
                    throw nodes.error(
                        node, path, "未知的级别“\(text)”", "写 error、warning 或 notice（停用规则请在 .jixiao.yml 的 rules 中写 off）")
                }
                severities[id] = severity
            }
            return severities
        }

        mutating func requiredAnalysis() throws(FormFileError) -> [String]? {
            guard fields["requiredAnalysis"] != nil else { return nil }
            let known = SelfEvaluation.Analysis.fields.map(\.key)
            let keys = try nodes.texts(fields, "requiredAnalysis", path)
            for (index, key) in keys.enumerated() where !known.contains(key) {
                throw nodes.error(
                    fields["requiredAnalysis"], "\(at("requiredAnalysis"))[\(index)]", "未知的绩效分析项“\(key)”",
                    "可用：\(known.joined(separator: "、"))")
            }
            return keys
        }
    }
}

extension [UInt8] {
    /// Whether the bytes at `offset` are `prefix`'s UTF-8.
    fileprivate func hasPrefix(_ prefix: String, at offset: Int) -> Bool {
        self[offset...].starts(with: prefix.utf8)
    }
}
