import Foundation
import JixiaoCore
import JixiaoCrypto
import JixiaoFormats

/// Exported XML documents read back: validation, and re-import into the model with the batch checksums
/// verified.
public enum XMLFormFile {
    /// The three kinds of document the export writes, recognised by the root element.
    public enum Kind: Sendable, Equatable {
        case selfEvaluation, targetTable, batch

        init?(name: String, namespace: String) {
            switch (namespace, name) {
            case (ExportNamespace.selfEvaluation, "PM_PERF_SELF_EVAL"): self = .selfEvaluation
            case (ExportNamespace.targetTable, "PerfTargetTable"): self = .targetTable
            case (ExportNamespace.batch, "Batch"): self = .batch
            default: return nil
            }
        }

        public var label: String {
            switch self {
            case .selfEvaluation: "自评表"
            case .targetTable: "目标表"
            case .batch: "批次"
            }
        }
    }

    public struct Validation: Sendable {
        /// nil when the document is not one of ours or could not be read.
        public var kind: Kind?
        public var problems: [XMLProblem]
        public var isValid: Bool { kind != nil && problems.isEmpty }
    }

    /// Validates a file against the export schemas (streaming; a batch of any size in flat memory).
    public static func validate(path: String, displayName: String? = nil) throws(XMLExportError) -> Validation {
        validate(XMLStreamReader(file: path, displayName: displayName ?? path))
    }

    /// Validates what arrives on a descriptor (a pipe) until end of file.
    static func validate(descriptor: Int32, displayName: String) -> Validation {
        validate(XMLStreamReader(descriptor: descriptor, displayName: displayName))
    }

    /// Validates a document held in memory.
    public static func validate(bytes: [UInt8], displayName: String) throws(XMLExportError) -> Validation {
        validate(XMLStreamReader(bytes: bytes, displayName: displayName))
    }

    private static func validate(_ reader: XMLStreamReader) -> Validation {
        let root: (name: String, namespace: String)?
        do { root = try reader.validate() } catch {
            return Validation(kind: nil, problems: [XMLProblem(file: reader.problems.file, message: "\(error)")])
        }
        var problems = reader.problems.report
        guard let root else { return Validation(kind: nil, problems: problems) }
        let kind = Kind(name: root.name, namespace: root.namespace)
        if kind == nil, problems.isEmpty {
            problems.append(
                XMLProblem(
                    file: reader.problems.file, line: 2,
                    message:
                        "根元素 \(root.name)（命名空间 \(root.namespace.isEmpty ? "无" : root.namespace)）不是 Jixiao 导出的自评表、目标表或批次"
                ))
        }
        return Validation(kind: kind, problems: problems)
    }

    /// A form read back, with the line where its element starts.
    public struct ReadForm: Sendable {
        public var form: Form
        public var line: Int
    }

    public struct Reading: Sendable {
        public var kind: Kind?
        public var forms: [ReadForm]
        /// Schema errors, unreadable forms, checksum mismatches. Any problem means the file must not be used.
        public var problems: [XMLProblem]
    }

    /// Reads every form of an exported form file or batch. The forms are handed out one at a time (so a
    /// batch streams); for a batch each form's canonical XML is recomputed and compared with the manifest's
    /// SHA-256, which proves the import gives back exactly what was exported. `policies`: the policies the
    /// run knows (built-in and loaded); a batch exported under a policy file needs that file loaded.
    public static func read(
        path: String, displayName: String? = nil, policies: PolicyLibrary = PolicyLibrary(),
        onForm: (ReadForm) -> Void
    ) throws(XMLExportError) -> Reading {
        let name = displayName ?? path
        let reader = XMLStreamReader(file: path, displayName: name)
        var problems: [XMLProblem] = []
        var hashes: [(line: Int, sha: String)] = []
        var policy: Result<ScoringPolicy, XMLProblem>?
        func take(_ element: XMLElement, hashWith policy: ScoringPolicy?) {
            do throws(FormXMLReader.Failure) {
                let form = try FormXMLReader.form(element)
                if let policy, let bytes = try? FormXMLWriter.canonical(form, policy: policy) {
                    hashes.append((element.line, Hashing.sha256Hex(bytes)))
                }
                onForm(ReadForm(form: form, line: element.line))
            } catch {
                problems.append(XMLProblem(file: name, line: error.line, message: error.message))
            }
        }
        var entries = 0
        let root: XMLElement?
        do {
            let streamed: [XMLStreamReader.Container] = [
                .init(name: "Forms", namespace: ExportNamespace.batch),
                .init(name: "Manifest", namespace: ExportNamespace.batch),
            ]
            root = try reader.read(streaming: streamed) { element, batch in
                guard element.namespace != ExportNamespace.batch else {
                    // The manifest follows the forms: every checksum is known when its entry arrives.
                    if element.name == "Entry" {
                        problems += verify(entry: element, index: entries, against: hashes, file: name)
                        entries += 1
                    }
                    return
                }
                if policy == nil { policy = BatchPolicy.resolve(batch, among: policies, file: name) }
                take(element, hashWith: try? policy?.get())
            }
        } catch {
            throw XMLExportError("\(error)")
        }
        var result = Reading(kind: nil, forms: [], problems: reader.problems.report)
        guard let root else { return result }
        result.kind = Kind(name: root.name, namespace: root.namespace)
        switch result.kind {
        case .selfEvaluation?, .targetTable?:
            if result.problems.isEmpty { take(root, hashWith: nil) }
        case .batch?:
            if case .failure(let problem)? = policy { problems.append(problem) }
            // Without the batch's policy no checksum is recomputed: the policy problem is the one to report.
            if entries != hashes.count, result.problems.isEmpty, (try? policy?.get()) != nil {
                problems.append(
                    XMLProblem(
                        file: name, line: root.child("Manifest")?.line,
                        message: "清单列出 \(entries) 张表单，批次中实际有 \(hashes.count) 张"))
            }
        case nil:
            if result.problems.isEmpty {
                problems.append(
                    XMLProblem(
                        file: name, line: root.line,
                        message: "根元素 \(root.name) 不是 Jixiao 导出的自评表、目标表或批次"))
            }
        }
        result.problems += problems
        return result
    }

    /// Compares a manifest entry with the checksum recomputed from the form at the same position.
    static func verify(
        entry: XMLElement, index: Int, against hashes: [(line: Int, sha: String)], file: String
    ) -> [XMLProblem] {
        guard index < hashes.count else { return [] }
        let listed = entry.child("SHA256")?.text ?? ""
        guard listed != hashes[index].sha else { return [] }
        return [
            XMLProblem(
                file: file, line: hashes[index].line,
                message:
                    "表单内容与清单第 \(entry.attributes["seq"] ?? "?") 项的 SHA-256 不符（清单 \(listed)，实际 \(hashes[index].sha)）：文件在导出后被改动过"
            )
        ]
    }
}
