import Foundation
import JixiaoCore

/// The scoring policies a run knows: the built-in ones and those loaded from policy files, by id.
///
/// `extends` in a policy file names a built-in id, the id of another file loaded with it, or another
/// policy file's path (relative to the file); a chain that comes back to itself is refused.
public struct PolicyLibrary: Sendable, Equatable {
    public struct Entry: Sendable, Hashable {
        public let policy: ScoringPolicy
        /// The policy file it was read from; nil for a built-in policy.
        public let file: String?
        /// The policy it extends; nil for a built-in policy.
        public let extends: String?
    }

    public private(set) var entries: [Entry] = ScoringPolicy.builtIn.map { Entry(policy: $0, file: nil, extends: nil) }

    public init() {}

    public func policy(_ id: String) -> ScoringPolicy? { entries.first { $0.policy.id == id }?.policy }

    public var ids: [String] { entries.map(\.policy.id) }

    /// Whether a `--policy` or `policy:` value names a file rather than an id.
    public static func isPath(_ reference: String) -> Bool {
        reference.hasSuffix(".yml") || reference.hasSuffix(".yaml") || reference.contains("/")
    }

    /// Loads policy files (all at once, so that they may extend one another in any order) and returns
    /// the policies they define, in the order given.
    @discardableResult
    public mutating func load(_ files: [String]) throws(FormFileError) -> [ScoringPolicy] {
        var drafts: [PolicyFile.Draft] = []
        for file in files { drafts.append(try Self.draft(file)) }
        return try add(drafts)
    }

    /// Loads a policy written inline (`policy:` as a mapping in `.jixiao.yml`).
    mutating func load(inline node: YAMLNode, file: String, path: String) throws(FormFileError) -> ScoringPolicy {
        try add([try PolicyFile.draft(node, file: file, path: path, defaultID: "project")])[0]
    }

    static func draft(_ file: String) throws(FormFileError) -> PolicyFile.Draft {
        guard let data = FileManager.default.contents(atPath: file) else {
            let (problem, fix) = FileReadProblem.describe(file)
            throw FormFileError(file: file, problem: "无法读取评分政策文件：\(problem)", fix: fix)
        }
        let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        return try PolicyFile.draft(data, file: file, defaultID: stem)
    }

    private mutating func add(_ drafts: [PolicyFile.Draft]) throws(FormFileError) -> [ScoringPolicy] {
        var pending: [String: PolicyFile.Draft] = [:]
        for draft in drafts where pending[draft.id] == nil { pending[draft.id] = draft }
        var resolver = Resolver(library: self, pending: pending)
        var result: [ScoringPolicy] = []
        for draft in drafts { result.append(try resolver.resolve(draft, chain: [])) }
        self = resolver.library
        return result
    }

    /// Resolves drafts depth-first along their `extends`, adding each to the library once.
    private struct Resolver {
        var library: PolicyLibrary
        let pending: [String: PolicyFile.Draft]
        /// Files reached through an `extends` path, by path.
        var files: [String: PolicyFile.Draft] = [:]

        mutating func resolve(_ draft: PolicyFile.Draft, chain: [String]) throws(FormFileError) -> ScoringPolicy {
            if let existing = library.entries.first(where: { $0.policy.id == draft.id }) {
                if existing.file.map(PolicyLibrary.canonical) == PolicyLibrary.canonical(draft.file) {
                    return existing.policy
                }
                throw PolicyFile.error(
                    draft, "id", "政策编号“\(draft.id)”\(existing.file.map { "已由 \($0) 定义" } ?? "与内置政策重名")",
                    "给该政策写一个不同的 id，例如 id: \(draft.id)-local")
            }
            let chain = chain + [draft.id]
            let parent: PolicyFile.Draft?
            if PolicyLibrary.isPath(draft.extends) {
                let path = PolicyLibrary.path(draft.extends, besides: draft.file)
                let key = PolicyLibrary.canonical(path)
                if let known = files[key] {
                    parent = known
                } else {
                    let read = try PolicyLibrary.draft(path)
                    files[key] = read
                    parent = read
                }
            } else {
                parent = pending[draft.extends]
            }
            let base: ScoringPolicy
            if let parent {
                if chain.contains(parent.id) {
                    throw PolicyFile.error(
                        draft, "extends", "继承关系成环：\((chain + [parent.id]).joined(separator: " → "))",
                        "让其中一个政策改为继承内置政策（extends: national）")
                }
                base = try resolve(parent, chain: chain)
            } else if let known = library.policy(draft.extends) {
                base = known
            } else {
                let known = (library.ids + pending.keys.sorted().filter { library.policy($0) == nil && $0 != draft.id })
                throw PolicyFile.error(
                    draft, "extends", "未知的评分政策“\(draft.extends)”",
                    "可继承：\(known.joined(separator: "、"))，或另一个政策文件的路径（如 national-20.yml）")
            }
            let policy = try PolicyFile.apply(draft, to: base)
            library.entries.append(Entry(policy: policy, file: draft.file, extends: draft.extends))
            return policy
        }
    }

    /// A path written in `file` (relative to its folder unless absolute), kept relative when `file` is.
    static func path(_ written: String, besides file: String) -> String {
        if written.hasPrefix("/") { return written }
        return ((file as NSString).deletingLastPathComponent as NSString).appendingPathComponent(written)
    }

    /// A file's path for comparison: absolute, with `.` and `..` resolved.
    static func canonical(_ file: String) -> String { URL(fileURLWithPath: file).standardizedFileURL.path }
}
