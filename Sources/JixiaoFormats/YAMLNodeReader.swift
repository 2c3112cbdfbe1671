/// Walks a composed YAML node tree, keeping the field path and the source line of everything it reads,
/// so that a missing field or a wrong type is reported with its line and column, not only a coding path.
///
/// Keys are looked up by their text in `Fields`, built by walking each mapping's pairs once: a `YAMLNode` is
/// never hashed or compared, which in Yams resolves tags through regular expressions (the largest cost of
/// reading a form file, before).
struct YAMLNodeReader {
    /// A mapping's values by key text. The composer has refused duplicate keys already.
    struct Fields {
        /// Up to this many keys a look-up compares key texts one by one: a form's mappings have about twenty
        /// short keys, and comparing them costs less than hashing each one to build a dictionary.
        static let linearLimit = 32

        private let pairs: [(key: YAMLNode, value: YAMLNode)]
        /// The keys' texts, in order, for a linear look-up (read out of the nodes once, not at every look-up).
        private let keys: [String]
        private let values: [String: YAMLNode]

        fileprivate init(_ mapping: [(key: YAMLNode, value: YAMLNode)]) {
            pairs = mapping
            guard mapping.count > Fields.linearLimit else {
                keys = mapping.map { $0.key.scalar?.string ?? "" }
                values = [:]
                return
            }
            keys = []
            var values: [String: YAMLNode] = [:]
            values.reserveCapacity(mapping.count)
            for (key, value) in mapping { values[key.scalar?.string ?? ""] = value }
            self.values = values
        }

        subscript(key: String) -> YAMLNode? {
            guard pairs.count <= Fields.linearLimit else { return values[key] }
            return keys.firstIndex(of: key).map { pairs[$0].value }
        }
    }

    /// Composes YAML text (`YAMLComposer`).
    static func compose(_ text: String) throws(YAMLSyntaxError) -> YAMLNode? { try YAMLComposer.compose(text) }

    let file: String
    /// Field path → line, filled as scalars are read when `recordsLines`.
    private(set) var lines: [String: Int] = [:]
    /// Whether to record `lines`: `jixiao score` locates nothing, and making a path for every value is a tenth
    /// of reading a form.
    let recordsLines: Bool

    init(file: String, recordsLines: Bool = true) {
        self.file = file
        self.recordsLines = recordsLines
    }

    func error(_ node: YAMLNode?, _ path: String, _ problem: String, _ fix: String) -> FormFileError {
        FormFileError(
            file: file, line: node?.mark.line, column: node?.mark.column,
            fieldPath: path.isEmpty ? nil : path, problem: problem, fix: fix)
    }

    /// The mapping at `node`, refusing keys the format does not know (a typo would otherwise lose data);
    /// `allowed` nil accepts any key.
    func mapping(_ node: YAMLNode, _ path: String, allowed: Set<String>?) throws(FormFileError) -> Fields {
        guard let mapping = node.mapping else {
            throw error(node, path, "应为键值映射（key: value），实际是\(kindName(node))", "按 Forms/README.md 的示例书写该部分")
        }
        if let allowed {
            for (key, _) in mapping {
                let name = key.scalar?.string ?? ""
                if !allowed.contains(name) {
                    let known = allowed.sorted().joined(separator: ", ")
                    throw error(key, join(path, name), "未知字段“\(EchoedText.cut(name))”", "检查拼写；此处可用的字段：\(known)")
                }
            }
        }
        return Fields(mapping)
    }

    func sequence(_ node: YAMLNode, _ path: String) throws(FormFileError) -> [YAMLNode] {
        guard let sequence = node.sequence else {
            throw error(node, path, "应为列表（每项以“- ”开头），实际是\(kindName(node))", "按 Forms/README.md 的示例书写列表")
        }
        return sequence
    }

    func child(_ mapping: Fields, _ key: String, _ path: String, parent: YAMLNode) throws(FormFileError) -> YAMLNode {
        guard let node = mapping[key] else {
            throw error(parent, join(path, key), "缺少必填字段“\(key)”", "在该部分加入 \(key): …（空单元格写 \"\"）")
        }
        return node
    }

    /// A required text field. Any scalar counts: `100.00` unquoted is read as the text "100.00".
    mutating func text(
        _ mapping: Fields, _ key: String, _ path: String, parent: YAMLNode
    ) throws(FormFileError) -> String {
        try scalarText(try child(mapping, key, path, parent: parent), under: path, key: key)
    }

    /// An optional text field: nil when the key is absent.
    mutating func optionalText(_ mapping: Fields, _ key: String, _ path: String) throws(FormFileError) -> String? {
        guard let node = mapping[key] else { return nil }
        return try scalarText(node, under: path, key: key)
    }

    mutating func scalarText(_ node: YAMLNode, _ path: String) throws(FormFileError) -> String {
        try scalarText(node, under: path, key: nil)
    }

    /// The text of the scalar at `key` under `path` (`path` itself when `key` is nil): the joined path is made
    /// only when it is recorded or reported.
    mutating func scalarText(_ node: YAMLNode, under path: String, key: String?) throws(FormFileError) -> String {
        guard let scalar = node.scalar else {
            throw error(
                node, key.map { join(path, $0) } ?? path, "应为单个值（文字或数字），实际是\(kindName(node))",
                "写成一行的值；含冒号等符号的文字请加引号")
        }
        if recordsLines { lines[key.map { join(path, $0) } ?? path] = node.mark.line }
        if scalar.isPlain, ["~", "null", "Null", "NULL"].contains(scalar.string) { return "" }
        return scalar.string
    }

    mutating func integer(
        _ mapping: Fields, _ key: String, _ path: String, parent: YAMLNode
    ) throws(FormFileError) -> Int {
        let node = try child(mapping, key, path, parent: parent)
        let text = try scalarText(node, under: path, key: key)
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw error(node, join(path, key), "应为整数，实际是“\(EchoedText.cut(text))”", "写成整数，例如 2023")
        }
        return value
    }

    mutating func optionalInteger(_ mapping: Fields, _ key: String, _ path: String) throws(FormFileError) -> Int? {
        guard let node = mapping[key] else { return nil }
        let text = try scalarText(node, under: path, key: key)
        if text.isEmpty { return nil }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw error(node, join(path, key), "应为整数，实际是“\(EchoedText.cut(text))”", "写成整数（行号），或删除该字段")
        }
        return value
    }

    /// A list of texts (optional; absent → []).
    mutating func texts(_ mapping: Fields, _ key: String, _ path: String) throws(FormFileError) -> [String] {
        guard let node = mapping[key] else { return [] }
        var result: [String] = []
        for (index, item) in try sequence(node, join(path, key)).enumerated() {
            result.append(try scalarText(item, "\(join(path, key))[\(index)]"))
        }
        return result
    }

    func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func kindName(_ node: YAMLNode) -> String {
        switch node {
        case .scalar(let scalar): "单个值“\(EchoedText.cut(scalar.string))”"
        case .mapping: "键值映射"
        case .sequence: "列表"
        }
    }
}
