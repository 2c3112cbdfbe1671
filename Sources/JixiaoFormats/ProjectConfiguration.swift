import Foundation
import JixiaoCore

/// `.jixiao.yml`: a project's choices for every command — the scoring policy, the policy files it
/// loads and per-rule severities.
///
/// ```yaml
/// policy: shanxi              # a policy id, a policy file's path (relative to this file) or a mapping:
/// # policy: {extends: national, executionWeight: 20}
/// policies: [policies/]       # policy files (or folders of them) to load, so their ids can be used
/// rules:
///   SE.VAL.050: off        # disable
///   SE.SCORE.050: warning  # raise or lower
/// ```
public struct ProjectConfiguration: Sendable, Equatable {
    /// The policy the file chooses (resolved); nil when it chooses none.
    public var policy: ScoringPolicy?
    /// The built-in policies and those the file loads (`policies:`, a `policy:` path or mapping).
    public var library: PolicyLibrary
    public var severities: [String: Severity?]

    public static let fileName = ".jixiao.yml"

    public init(
        policy: ScoringPolicy? = nil, library: PolicyLibrary = PolicyLibrary(), severities: [String: Severity?] = [:]
    ) {
        self.policy = policy
        self.library = library
        self.severities = severities
    }

    /// Reads a configuration; paths in it are relative to the file's folder.
    public static func read(_ data: Data, file: String) throws(FormFileError) -> ProjectConfiguration {
        guard let text = String(data: data, encoding: .utf8) else {
            throw FormFileError(file: file, problem: "文件不是 UTF-8 编码的文本", fix: "用 UTF-8 编码另存该文件")
        }
        let root: YAMLNode?
        do { root = try YAMLNodeReader.compose(text) } catch { throw FormFileReader.syntaxError(error, file: file) }
        guard let root else { return ProjectConfiguration() }
        var reader = YAMLNodeReader(file: file)
        let top = try reader.mapping(root, "", allowed: ["policy", "policies", "rules"])
        var configuration = ProjectConfiguration()
        if let node = top["policies"] {
            var files: [String] = []
            let items = node.sequence.map { Array($0) } ?? [node]
            for (index, item) in items.enumerated() {
                let path = node.sequence == nil ? "policies" : "policies[\(index)]"
                let entry = try reader.scalarText(item, path)
                files += try policyFiles(entry, besides: file, node: item, path: path, reader: reader)
            }
            try configuration.library.load(files)
        }
        if let node = top["policy"] {
            if node.mapping != nil {
                configuration.policy = try configuration.library.load(inline: node, file: file, path: "policy")
            } else {
                let reference = try reader.scalarText(node, "policy")
                if PolicyLibrary.isPath(reference) {
                    configuration.policy = try configuration.library.load([PolicyLibrary.path(reference, besides: file)]
                    )
                    .first
                } else if let policy = configuration.library.policy(reference) {
                    configuration.policy = policy
                } else {
                    throw reader.error(
                        node, "policy", "未知的评分政策“\(EchoedText.cut(reference))”",
                        "可用：\(configuration.library.ids.joined(separator: "、"))，或政策文件的路径（如 policies/本省.yml）")
                }
            }
        }
        if let rulesNode = top["rules"] {
            let known = Set(CheckRegistry.all.map { $0.description.id })
            guard let rules = rulesNode.mapping else {
                throw reader.error(rulesNode, "rules", "应为“规则编号: 级别”的映射", "例如 SE.VAL.050: off")
            }
            for (key, value) in rules {
                let id = key.scalar?.string ?? ""
                guard known.contains(id) else {
                    throw reader.error(key, "rules.\(id)", "未知的规则编号“\(EchoedText.cut(id))”", "用 jixiao rules 查看规则编号")
                }
                let level = try reader.scalarText(value, "rules.\(id)")
                if ["off", "disabled", "停用"].contains(level) {
                    configuration.severities[id] = .some(nil)
                } else if let severity = Severity(rawValue: level) {
                    configuration.severities[id] = .some(severity)
                } else {
                    throw reader.error(
                        value, "rules.\(id)", "未知的级别“\(EchoedText.cut(level))”", "写 error、warning、notice 或 off")
                }
            }
        }
        return configuration
    }

    /// The policy files a `policies:` entry names: the file itself, or every .yml/.yaml in a folder (sorted).
    static func policyFiles(
        _ written: String, besides file: String, node: YAMLNode, path: String, reader: YAMLNodeReader
    ) throws(FormFileError) -> [String] {
        let entry = PolicyLibrary.path(written, besides: file)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: entry, isDirectory: &isDirectory) else {
            throw reader.error(node, path, "评分政策文件或文件夹“\(written)”不存在", "路径相对于 \(fileName) 所在的文件夹；检查拼写")
        }
        guard isDirectory.boolValue else { return [entry] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: entry)) ?? []
        return names.filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.sorted()
            .map { (entry as NSString).appendingPathComponent($0) }
    }

    /// The policy a command runs under: `--policy` (an id, or a policy file's path) when given, else this
    /// file's `policy:`, else the national policy. A `--policy` file joins `library`.
    public mutating func selectPolicy(_ flag: String?) throws(PolicySelectionError) -> ScoringPolicy {
        guard let flag else { return policy ?? .national }
        if PolicyLibrary.isPath(flag) {
            do { return try library.load([flag])[0] } catch { throw .file(error) }
        }
        guard let chosen = library.policy(flag) else {
            throw .unknownID("未知的评分政策“\(flag)”；可用：\(library.ids.joined(separator: "、"))（或政策文件的路径，如 policies/本省.yml）")
        }
        return chosen
    }

    /// The overrides this file makes, tagged with their origin for the report.
    public var overrides: [String: CheckConfiguration.Override] {
        severities.mapValues { CheckConfiguration.Override(severity: $0, origin: ProjectConfiguration.fileName) }
    }
}

/// Why `--policy` could not be used: a bad policy file, or an id no policy has (a usage error).
public enum PolicySelectionError: Error, Sendable, CustomStringConvertible {
    case file(FormFileError)
    case unknownID(String)

    public var description: String {
        switch self {
        case .file(let error): "\(error)"
        case .unknownID(let message): message
        }
    }
}
