import JixiaoCore
import JixiaoCrypto
import JixiaoFormats

/// The scoring policy a batch was exported under, written on the batch and found again on import: a form's
/// canonical XML (and so its checksum) depends on the policy's figures and labels.
///
/// The batch names the policy (`policy`, `policyVersion`) and carries its digest (`policyDigest`: the SHA-256
/// of the complete policy file `jixiao policies show` prints), so a policy loaded from a file is recognised on
/// import by content, not only by name. Batches written before the digest existed are matched by id and version.
enum BatchPolicy {
    /// The SHA-256 of the policy's complete policy file: equal policies give equal digests, whatever file
    /// (or built-in) they came from.
    static func digest(_ policy: ScoringPolicy) -> String {
        Hashing.sha256Hex(Array(PolicyFile.write(policy).utf8))
    }

    /// The policy of a batch among those the run knows (the built-in ones and those loaded with `--policy`
    /// or `.jixiao.yml`), or a Chinese problem saying which policy is needed.
    static func resolve(
        _ batch: XMLElement, among policies: PolicyLibrary, file: String
    ) -> Result<
        ScoringPolicy, XMLProblem
    > {
        let id = batch.attributes["policy"] ?? ""
        let version = batch.attributes["policyVersion"] ?? ""
        let digest = batch.attributes["policyDigest"]
        func problem(_ message: String) -> Result<ScoringPolicy, XMLProblem> {
            .failure(XMLProblem(file: file, line: batch.line, message: message))
        }
        let named = "评分政策“\(id)”（版本 \(version)\(digest.map { "，摘要 \($0.prefix(12))…" } ?? "")）"
        guard let policy = policies.policy(id) else {
            return problem(
                "批次按\(named)导出，本次没有加载该政策，无法核对校验和。修改建议：用 --policy 给出导出时所用的政策文件，例如 jixiao import 批次.xml --policy 政策.yml --out 目录"
            )
        }
        if let digest {
            let loaded = Self.digest(policy)
            guard loaded == digest else {
                return problem(
                    "批次按\(named)导出，本次加载的同名政策内容不同（摘要 \(loaded.prefix(12))…），无法核对校验和。修改建议：用 --policy 给出导出时所用的那份政策文件"
                )
            }
        } else if policy.version != version {
            return problem(
                "批次按\(named)导出，本次加载的同名政策是版本 \(policy.version)，无法核对校验和。修改建议：用 --policy 给出导出时所用的政策文件")
        }
        return .success(policy)
    }
}
