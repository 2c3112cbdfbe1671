import Foundation
import JixiaoCore
import Yams

/// `.jixiao.yml`: a project's choices for `jixiao check` — the scoring policy and per-rule severities.
///
/// ```yaml
/// policy: shanxi
/// rules:
///   SE.VAL.050: off        # disable
///   SE.SCORE.050: warning  # raise or lower
/// ```
public struct ProjectConfiguration: Sendable, Equatable {
    public var policy: String?
    public var severities: [String: Severity?]

    public static let fileName = ".jixiao.yml"

    public init(policy: String? = nil, severities: [String: Severity?] = [:]) {
        self.policy = policy
        self.severities = severities
    }

    public static func read(_ data: Data, file: String) throws(FormFileError) -> ProjectConfiguration {
        guard let text = String(data: data, encoding: .utf8) else {
            throw FormFileError(file: file, problem: "文件不是 UTF-8 编码的文本", fix: "用 UTF-8 编码另存该文件")
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch { throw FormFileReader.syntaxError(error, file: file) }
        guard let root else { return ProjectConfiguration() }
        var reader = YAMLNodeReader(file: file)
        let top = try reader.mapping(root, "", allowed: ["policy", "rules"])
        var configuration = ProjectConfiguration(policy: try reader.optionalText(top, "policy", ""))
        if let policy = configuration.policy, ScoringPolicy.named(policy) == nil {
            throw reader.error(
                top["policy"], "policy", "未知的评分政策“\(EchoedText.cut(policy))”",
                "可用：\(ScoringPolicy.builtIn.map(\.id).joined(separator: "、"))")
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

    /// The overrides this file makes, tagged with their origin for the report.
    public var overrides: [String: CheckConfiguration.Override] {
        severities.mapValues { CheckConfiguration.Override(severity: $0, origin: ProjectConfiguration.fileName) }
    }
}
