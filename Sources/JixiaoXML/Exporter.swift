import Foundation
import JixiaoCore
import JixiaoFormats

/// How an export runs.
public struct ExportOptions: Sendable {
    public var outputFolder: String
    /// With a name, a batch file `<name>.batch.xml` is written beside the per-form files.
    public var batchName: String?
    public var policy: ScoringPolicy
    /// Export forms with error-level findings too (recorded in the manifest).
    public var allowErrors: Bool
    /// ISO 8601 time written on the batch; nothing time-dependent is written without it.
    public var createdAt: String?
    /// Replace existing files whose content differs.
    public var overwrite: Bool

    public init(outputFolder: String, batchName: String? = nil, policy: ScoringPolicy = .national,
                allowErrors: Bool = false, createdAt: String? = nil, overwrite: Bool = false) {
        self.outputFolder = outputFolder
        self.batchName = batchName
        self.policy = policy
        self.allowErrors = allowErrors
        self.createdAt = createdAt
        self.overwrite = overwrite
    }

    /// The batch file's path.
    public var batchPath: String? {
        batchName.map { (outputFolder as NSString).appendingPathComponent("\($0).batch.xml") }
    }
}

/// What an export did.
public struct ExportReport: Sendable {
    public struct Exported: Sendable {
        /// The form file it came from.
        public var file: String
        /// The XML file written.
        public var path: String
        public var sha256: String
        /// The file already held exactly these bytes.
        public var unchanged: Bool
        /// Error-level findings exported anyway (`--allow-errors`).
        public var errorFindings: [Finding]
    }

    public struct Refused: Sendable {
        public var file: String
        /// Chinese reasons, each with its rule id where a rule refused the form.
        public var reasons: [String]
    }

    public var exported: [Exported] = []
    public var refused: [Refused] = []
    /// The batch file and whether it was already identical.
    public var batch: (path: String, unchanged: Bool)?
    /// Existing files with different content that were not overwritten. When any exists nothing was written.
    public var conflicts: [String] = []

    /// Whether the export should end with a failure exit code.
    public var failed: Bool { !refused.isEmpty || !conflicts.isEmpty }
}

/// Exports forms as schema-valid XML: each form checked by the catalogue, written canonically, validated
/// against the schema, staged as a temporary file in its destination folder, and renamed into place only
/// when everything succeeded. A failure anywhere leaves the output folder as it was.
public struct Exporter: Sendable {
    public let options: ExportOptions
    /// Test hook: fail after this many forms were staged, as a crash mid-batch would.
    var failAfterForms: Int?

    public init(options: ExportOptions) {
        self.options = options
    }

    public func export(_ forms: [LoadedForm]) throws(XMLExportError) -> ExportReport {
        _ = try ExportSchema.compiled()
        let findings = CheckRunner(policy: options.policy).run(forms.map { CheckRunner.Input(file: $0.file, form: $0.form) })
        var errors: [Int: [Finding]] = [:]
        for finding in findings.findings where finding.severity == .error {
            errors[finding.location.formIndex, default: []].append(finding)
        }
        var report = ExportReport()
        let staging = Staging()
        do throws(XMLExportError) {
            var batch = try options.batchPath.map { path throws(XMLExportError) in
                try BatchWriter(temporary: try staging.temporaryFile(for: path), name: options.batchName ?? "",
                                policy: options.policy, createdAt: options.createdAt, allowErrors: options.allowErrors)
            }
            var destinations: [String: String] = [:]
            for (index, item) in forms.enumerated() {
                let formErrors = errors[index] ?? []
                if !formErrors.isEmpty, !options.allowErrors {
                    report.refused.append(.init(file: item.file, reasons: formErrors.map(Self.reason)))
                    continue
                }
                let relative = FormImporters.relativePath(for: item.form, extension: "xml")
                if let other = destinations[relative] {
                    report.refused.append(.init(file: item.file, reasons: ["与 \(other) 导出到同一文件 \(relative)（年度、单位和项目名称相同）"]))
                    continue
                }
                let prepared: PreparedForm
                switch try PreparedForm.make(item.form, policy: options.policy, label: "\(item.file) → \(relative)") {
                case .success(let form): prepared = form
                case .failure(let refusal):
                    report.refused.append(.init(file: item.file, reasons: refusal.reasons))
                    continue
                }
                destinations[relative] = item.file
                let path = (options.outputFolder as NSString).appendingPathComponent(relative)
                switch try staging.stage(prepared.bytes, at: path, overwrite: options.overwrite) {
                case .conflict: report.conflicts.append(path)
                case .unchanged, .staged: break
                }
                report.exported.append(.init(file: item.file, path: path, sha256: prepared.sha256,
                                             unchanged: staging.isUnchanged(path), errorFindings: formErrors))
                try batch?.append(prepared, form: item.form, relativePath: relative, errorFindings: formErrors)
                if let failAfterForms, report.exported.count == failAfterForms {
                    throw XMLExportError("测试注入的失败：第 \(failAfterForms) 张表单之后中断")
                }
            }
            if var writer = batch, let path = options.batchPath {
                try writer.finish(displayName: path)
                let outcome = staging.settle(writer.temporary, at: path, overwrite: options.overwrite)
                if outcome == .conflict { report.conflicts.append(path) }
                report.batch = (path, outcome == .unchanged)
            }
            guard report.conflicts.isEmpty else {
                staging.rollback()
                return report
            }
            try staging.commit()
        } catch {
            staging.rollback()
            throw error
        }
        return report
    }

    /// `SE.SCORE.010 得分超出分值范围：……`
    static func reason(_ finding: Finding) -> String {
        "\(finding.ruleID) \(finding.message)" + (finding.location.fieldPath.map { "（\($0)）" } ?? "")
    }
}

/// Files written to temporary names beside their destinations, renamed into place together.
final class Staging: @unchecked Sendable {
    enum Outcome { case staged, unchanged, conflict }

    private var pending: [(temporary: String, destination: String)] = []
    private var unchanged: Set<String> = []
    private var createdFolders: [String] = []

    /// Stages `bytes` for `path`. An existing file with the same bytes is left alone; a different one is a
    /// conflict unless `overwrite`.
    func stage(_ bytes: [UInt8], at path: String, overwrite: Bool) throws(XMLExportError) -> Outcome {
        if let existing = FileManager.default.contents(atPath: path) {
            if existing.elementsEqual(bytes) {
                unchanged.insert(path)
                return .unchanged
            }
            if !overwrite { return .conflict }
        }
        let temporary = try temporaryFile(for: path)
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw XMLExportError("\(temporary): 无法写入临时文件")
        }
        return .staged
    }

    func isUnchanged(_ path: String) -> Bool { unchanged.contains(path) }

    /// A fresh temporary name in `path`'s folder (created if needed), registered for commit or rollback.
    func temporaryFile(for path: String) throws(XMLExportError) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        try createFolder(folder)
        let temporary = (folder as NSString).appendingPathComponent(".\((path as NSString).lastPathComponent).\(UUID().uuidString).tmp")
        pending.append((temporary, path))
        return temporary
    }

    /// Decides the fate of a file already written at `temporary` for `path`: identical to the existing file
    /// (dropped, unchanged), a conflict with a different one (dropped unless `overwrite`), or staged.
    func settle(_ temporary: String, at path: String, overwrite: Bool) -> Outcome {
        guard FileManager.default.fileExists(atPath: path) else { return .staged }
        if FileManager.default.contentsEqual(atPath: path, andPath: temporary) {
            discard(temporary)
            unchanged.insert(path)
            return .unchanged
        }
        if overwrite { return .staged }
        discard(temporary)
        return .conflict
    }

    private func discard(_ temporary: String) {
        pending.removeAll { $0.temporary == temporary }
        unlink(temporary)
    }

    private func createFolder(_ folder: String) throws(XMLExportError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return }
            throw XMLExportError("\(folder): 已存在同名文件，无法创建输出文件夹")
        }
        try createFolder((folder as NSString).deletingLastPathComponent)
        guard mkdir(folder, 0o755) == 0 || errno == EEXIST else {
            throw XMLExportError("\(folder): 无法创建输出文件夹（\(String(cString: strerror(errno)))）")
        }
        createdFolders.append(folder)
    }

    func commit() throws(XMLExportError) {
        for (temporary, destination) in pending where rename(temporary, destination) != 0 {
            throw XMLExportError("\(destination): 无法写入（\(String(cString: strerror(errno)))）")
        }
        pending = []
        createdFolders = []
    }

    /// Removes every temporary file and every folder this export created.
    func rollback() {
        for (temporary, _) in pending { unlink(temporary) }
        pending = []
        for folder in createdFolders.reversed() { rmdir(folder) }
        createdFolders = []
    }
}

/// One form made ready for export: its canonical XML, validated against the schema, and its SHA-256.
struct PreparedForm {
    let bytes: [UInt8]
    let sha256: String

    struct Refusal: Error {
        let reasons: [String]
    }

    /// `label` names the form in schema errors. A form XML cannot carry, or whose XML does not validate
    /// (a code too long, an amount beyond 18 digits…), is refused with the reasons.
    static func make(_ form: Form, policy: ScoringPolicy, label: String) throws(XMLExportError) -> Result<PreparedForm, Refusal> {
        let bytes: [UInt8]
        do {
            bytes = try FormXMLWriter.canonical(form, policy: policy)
        } catch {
            return .failure(Refusal(reasons: [error.message]))
        }
        let validation = try XMLFormFile.validate(bytes: bytes, displayName: label)
        guard validation.isValid else {
            return .failure(Refusal(reasons: ["导出的 XML 未通过模式校验："] + validation.problems.map(\.description)))
        }
        return .success(PreparedForm(bytes: bytes, sha256: SHA256.hex(bytes)))
    }
}
