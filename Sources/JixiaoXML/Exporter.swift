import Foundation
import JixiaoCore
import JixiaoCrypto
import JixiaoFormats

/// How an export runs.
public struct ExportOptions: Sendable {
    public var outputFolder: String
    /// With a name, a batch file `<name>.batch.xml` is written beside the per-form files.
    public var batchName: String?
    public var policy: ScoringPolicy
    /// Rule severities in force (a project's `.jixiao.yml`): which findings count as errors.
    public var configuration: CheckConfiguration
    /// Export forms with error-level findings too (recorded in the manifest).
    public var allowErrors: Bool
    /// ISO 8601 time written on the batch; nothing time-dependent is written without it.
    public var createdAt: String?
    /// Replace existing files whose content differs.
    public var overwrite: Bool

    public init(
        outputFolder: String, batchName: String? = nil, policy: ScoringPolicy = .national,
        configuration: CheckConfiguration = CheckConfiguration(), allowErrors: Bool = false,
        createdAt: String? = nil, overwrite: Bool = false
    ) {
        self.configuration = configuration
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
    /// Inputs of the source that are not readable forms (the CLI lists them beside the refusals).
    public var unreadable: [FormFileError] = []
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
///
/// Over a form source, in two passes with memory flat in the number of forms: the first reads every form on
/// every core and checks it (its own rules, its cross-form keys); after the cross-form rules, the second
/// reads the exportable forms again, a chunk at a time, and writes them.
public struct Exporter: Sendable {
    public let options: ExportOptions
    /// Writes each form's staged file (tests substitute a writer that fails midway).
    let writer: any StagedFileWriter

    public init(options: ExportOptions) {
        self.init(options: options, writer: TemporaryFileWriter())
    }

    init(options: ExportOptions, writer: any StagedFileWriter) {
        self.options = options
        self.writer = writer
    }

    public func export(_ forms: [LoadedForm]) throws(XMLExportError) -> ExportReport {
        try export(LoadedForms(forms))
    }

    /// What the first pass keeps of a form to export it: where it is read again, its label, its destination.
    struct Planned: Sendable {
        let position: Int
        let file: String
        /// `<年度>/<单位>/<项目名称>.xml`
        let relative: String
    }

    public func export(_ source: some FormSource) throws(XMLExportError) -> ExportReport {
        _ = try ExportSchema.compiled()
        let runner = CheckRunner(policy: options.policy, configuration: options.configuration)
        var index = FormIndex()
        var planned: [Planned] = []
        var errors: [Int: [Finding]] = [:]
        var unreadable: [FormFileError] = []
        let checked = FormPipeline(source) { form, formIndex, position in
            let file = source.label(at: position)
            return (
                FormKeys(form, label: file, source: position),
                runner.findings(on: form, index: formIndex, file: file).filter { $0.severity == .error },
                FormImporters.relativePath(for: form, extension: "xml")
            )
        }
        for item in checked {
            switch item {
            case .unreadable(_, let error): unreadable.append(error)
            case .form(let position, let formIndex, let (keys, formErrors, relative)):
                index.append(keys)
                planned.append(Planned(position: position, file: keys.label, relative: relative))
                if !formErrors.isEmpty { errors[formIndex] = formErrors }
            }
        }
        let fetcher = FormFetcher { [index] in try? source.form(at: index[$0].source) }
        for finding in runner.crossFormFindings(index, forms: fetcher).findings where finding.severity == .error {
            guard let formIndex = finding.location.formIndex else { continue }
            errors[formIndex, default: []].append(finding)
        }
        // A batch is validated once, as a whole (its forms are the per-form files' bytes). Should it fail,
        // the forms at fault are refused and the export runs again without them; when the fault cannot be
        // placed in a form, it runs again validating every form on its own. Rare: the checks come first.
        var invalid: [Int: [String]] = [:]
        var validateEach = options.batchPath == nil
        while true {
            switch try attempt(source, planned, errors: errors, invalid: invalid, validateEach: validateEach) {
            case .done(var report):
                report.unreadable = unreadable
                return report
            case .invalidForms(let found): invalid.merge(found) { $1 }
            case .invalidElsewhere(let problems):
                guard !validateEach else {
                    throw XMLExportError("内部错误：批次文件未通过模式校验：\n" + problems.map(\.description).joined(separator: "\n"))
                }
                validateEach = true
            }
        }
    }

    private enum Attempt {
        case done(ExportReport)
        /// Forms (by form index) whose XML did not validate inside the batch, with the reasons.
        case invalidForms([Int: [String]])
        /// The batch is invalid outside its forms.
        case invalidElsewhere([XMLProblem])
    }

    private func attempt(
        _ source: some FormSource, _ planned: [Planned], errors: [Int: [Finding]], invalid: [Int: [String]],
        validateEach: Bool
    ) throws(XMLExportError) -> Attempt {
        var report = ExportReport()
        var chosen: [Int] = []
        var destinations: [String: String] = [:]
        for (formIndex, item) in planned.enumerated() {
            let formErrors = errors[formIndex] ?? []
            if let reasons = invalid[formIndex] {
                report.refused.append(.init(file: item.file, reasons: reasons))
            } else if !formErrors.isEmpty, !options.allowErrors {
                report.refused.append(.init(file: item.file, reasons: formErrors.map(Self.reason)))
            } else if let other = destinations[item.relative] {
                report.refused.append(
                    .init(file: item.file, reasons: ["与 \(other) 导出到同一文件 \(item.relative)（年度、单位和项目名称相同）"]))
            } else {
                destinations[item.relative] = item.file
                chosen.append(formIndex)
            }
        }
        let formIndexAt = Dictionary(uniqueKeysWithValues: chosen.map { (planned[$0].position, $0) })
        let staging = Staging(writer: writer)
        do throws(XMLExportError) {
            let batch = try options.batchPath.map { path throws(XMLExportError) in
                try BatchWriter(
                    temporary: try staging.temporaryFile(for: path), displayName: path, name: options.batchName ?? "",
                    policy: options.policy, createdAt: options.createdAt, allowErrors: options.allowErrors)
            }
            var inBatch: [Int] = []
            let policy = options.policy
            let prepared = FormPipeline(source, positions: chosen.map { planned[$0].position }) { form, _, position in
                let item = planned[formIndexAt[position] ?? 0]
                let label = "\(item.file) → \(item.relative)"
                return (form, PreparedForm.make(form, policy: policy, validate: validateEach, label: label))
            }
            for read in prepared {
                switch read {
                case .unreadable(let position, let error):
                    report.refused.append(.init(file: source.label(at: position), reasons: [error.description]))
                case .form(let position, _, let (form, result)):
                    guard let formIndex = formIndexAt[position] else { continue }
                    let item = planned[formIndex]
                    let formErrors = errors[formIndex] ?? []
                    guard case .success(let prepared) = result else {
                        if case .failure(let refusal) = result {
                            report.refused.append(.init(file: item.file, reasons: refusal.reasons))
                        }
                        continue
                    }
                    let path = (options.outputFolder as NSString).appendingPathComponent(item.relative)
                    if try staging.stage(prepared.bytes, at: path, overwrite: options.overwrite) == .conflict {
                        report.conflicts.append(path)
                    }
                    report.exported.append(
                        .init(
                            file: item.file, path: path, sha256: prepared.sha256,
                            unchanged: staging.isUnchanged(path), errorFindings: formErrors))
                    try batch?.append(prepared, form: form, relativePath: item.relative, errorFindings: formErrors)
                    inBatch.append(formIndex)
                }
            }
            if let writer = batch, let path = options.batchPath {
                switch try writer.finish() {
                case .valid: break
                case .invalidForms(let problems):
                    staging.rollback()
                    var found: [Int: [String]] = [:]
                    for (position, list) in problems {
                        found[inBatch[position]] = ["导出的 XML 未通过模式校验："] + list.map(\.description)
                    }
                    return .invalidForms(found)
                case .invalid(let problems):
                    staging.rollback()
                    return .invalidElsewhere(problems)
                }
                let outcome = staging.settle(writer.temporary, at: path, overwrite: options.overwrite)
                if outcome == .conflict { report.conflicts.append(path) }
                report.batch = (path, outcome == .unchanged)
            }
            guard report.conflicts.isEmpty else {
                staging.rollback()
                return .done(report)
            }
            try staging.commit()
        } catch {
            staging.rollback()
            throw error
        }
        return .done(report)
    }

    /// `SE.SCORE.010 得分超出分值范围：……`
    static func reason(_ finding: Finding) -> String {
        "\(finding.ruleID) \(finding.message)" + (finding.location.fieldPath.map { "（\($0)）" } ?? "")
    }
}

/// Writes a form's bytes to the fresh temporary file `Staging` chose beside its destination; `Staging` renames
/// it into place with the others, or removes it when the export fails. The seam through which a test makes an
/// export fail midway, as a full disk or a crash would (XMLExportTests).
protocol StagedFileWriter: Sendable {
    func write(_ bytes: [UInt8], to temporary: String) throws(XMLExportError)
}

/// The real writer: a new file with the bytes.
struct TemporaryFileWriter: StagedFileWriter {
    func write(_ bytes: [UInt8], to temporary: String) throws(XMLExportError) {
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw XMLExportError("\(temporary): 无法写入临时文件")
        }
    }
}

/// Files written to temporary names beside their destinations, renamed into place together.
final class Staging: @unchecked Sendable {
    enum Outcome { case staged, unchanged, conflict }

    private let writer: any StagedFileWriter
    private var pending: [(temporary: String, destination: String)] = []
    private var unchanged: Set<String> = []
    private var createdFolders: [String] = []

    init(writer: any StagedFileWriter) {
        self.writer = writer
    }

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
        try writer.write(bytes, to: try temporaryFile(for: path))
        return .staged
    }

    func isUnchanged(_ path: String) -> Bool { unchanged.contains(path) }

    /// A fresh temporary name in `path`'s folder (created if needed), registered for commit or rollback.
    func temporaryFile(for path: String) throws(XMLExportError) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        try createFolder(folder)
        let temporary = (folder as NSString).appendingPathComponent(
            ".\((path as NSString).lastPathComponent).\(UUID().uuidString).tmp")
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
        // A relative path's first component has "" above it: the current folder, which exists.
        if folder.isEmpty { return }
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

/// One form made ready for export: its canonical XML, validated against the schema where asked, its
/// SHA-256 and, for a self-evaluation, its recomputed score (for the manifest).
struct PreparedForm: Sendable {
    let bytes: [UInt8]
    let sha256: String
    let score: FormScore?

    struct Refusal: Error {
        let reasons: [String]
    }

    /// `label` names the form in schema errors. A form XML cannot carry, or whose XML does not validate
    /// (a code too long, an amount beyond 18 digits…), is refused with the reasons.
    static func make(
        _ form: Form, policy: ScoringPolicy, validate: Bool, label: String
    ) -> Result<PreparedForm, Refusal> {
        let score: FormScore? = if case .selfEvaluation(let f) = form { FormScore(f, policy: policy) } else { nil }
        let bytes: [UInt8]
        do {
            bytes = try FormXMLWriter.canonical(form, policy: policy, score: score)
        } catch {
            return .failure(Refusal(reasons: [error.message]))
        }
        if validate {
            let validation: XMLFormFile.Validation
            do { validation = try XMLFormFile.validate(bytes: bytes, displayName: label) } catch {
                return .failure(Refusal(reasons: [error.message]))
            }
            guard validation.isValid else {
                return .failure(Refusal(reasons: ["导出的 XML 未通过模式校验："] + validation.problems.map(\.description)))
            }
        }
        return .success(PreparedForm(bytes: bytes, sha256: Hashing.sha256Hex(bytes), score: score))
    }

    /// Prepares forms on every core, results in input order.
    static func makeAll(
        _ forms: [Form], policy: ScoringPolicy, validate: Bool, labels: [String]
    ) -> [Result<PreparedForm, Refusal>] {
        Parallel.map(forms.count) { make(forms[$0], policy: policy, validate: validate, label: labels[$0]) }
    }
}
