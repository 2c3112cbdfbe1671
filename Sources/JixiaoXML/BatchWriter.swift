import Foundation
import JixiaoCore

/// A batch written form by form without the per-form files or the checks of `Exporter`: what the
/// benchmark measures, and a building block for platforms that stream forms from elsewhere.
public struct BatchStream {
    private let writer: BatchWriter
    private let path: String
    private let policy: ScoringPolicy
    private var count = 0

    /// Writes to `path` directly (no temporary file, no overwrite protection: the caller owns the path).
    public init(path: String, name: String, policy: ScoringPolicy, createdAt: String? = nil) throws(XMLExportError) {
        self.path = path
        self.policy = policy
        writer = try BatchWriter(
            temporary: path, displayName: path, name: name, policy: policy, createdAt: createdAt,
            allowErrors: false)
    }

    /// Exports forms into the batch (prepared on every core, written in order); returns the Chinese
    /// reasons of those that cannot be exported, by index in `forms`.
    public mutating func append(contentsOf forms: [Form]) throws(XMLExportError) -> [Int: [String]] {
        let labels = forms.indices.map { "第 \(count + $0 + 1) 张表单" }
        var refused: [Int: [String]] = [:]
        for (index, result) in PreparedForm.makeAll(forms, policy: policy, validate: false, labels: labels).enumerated()
        {
            switch result {
            case .failure(let refusal): refused[index] = refusal.reasons
            case .success(let prepared):
                count += 1
                try writer.append(prepared, form: forms[index], relativePath: "\(count).xml", errorFindings: [])
            }
        }
        return refused
    }

    /// Writes the manifest and validates the whole batch by streaming; an invalid batch is an error.
    public mutating func finish() throws(XMLExportError) {
        switch try writer.finish() {
        case .valid: return
        case .invalidForms(let problems):
            throw XMLExportError(
                "批次文件未通过模式校验：\n"
                    + problems.sorted { $0.key < $1.key }
                    .flatMap { ["第 \($0.key + 1) 张表单："] + $0.value.map(\.description) }.joined(separator: "\n"))
        case .invalid(let problems):
            throw XMLExportError("批次文件未通过模式校验：\n" + problems.map(\.description).joined(separator: "\n"))
        }
    }
}

/// Streams a batch file: the envelope, each form's canonical XML as it is exported, and the manifest at
/// the end (so a batch of any size is written in one pass with flat memory). Every byte also goes through
/// a pipe to a validating reader on its own thread, so the batch is validated (streaming, on the second
/// core) while it is written, and the verdict is there when the last byte is.
final class BatchWriter {
    /// Where the batch is written; the caller renames it into place.
    let temporary: String
    private let policy: ScoringPolicy
    private let allowErrors: Bool
    private let file: FileHandle
    private let writer = XMLTextWriter()
    private var manifest: Manifest
    /// The line where each form starts in the batch, and the line after the last form.
    private var formLines: [Int] = []
    private var nextLine = 1
    /// The write end of the pipe to the validator; -1 once closed.
    private var pipe: Int32 = -1
    private let validation = ValidationSlot()

    init(
        temporary: String, displayName: String, name: String, policy: ScoringPolicy, createdAt: String?,
        allowErrors: Bool
    ) throws(XMLExportError) {
        self.temporary = temporary
        self.policy = policy
        self.allowErrors = allowErrors
        manifest = try Manifest(policy: policy)
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporary)
        else {
            throw XMLExportError("\(temporary): 无法创建批次文件")
        }
        file = handle
        var ends: [Int32] = [-1, -1]
        guard Glibc.pipe(&ends) == 0 else { throw XMLExportError("无法创建校验管道（\(String(cString: strerror(errno)))）") }
        pipe = ends[1]
        let (input, slot) = (ends[0], validation)
        Thread {
            slot.set(XMLFormFile.validate(descriptor: input, displayName: displayName))
            // Whatever the reader left unread is drained, so the writer never blocks on a full pipe.
            var sink = [UInt8](repeating: 0, count: 65_536)
            while sink.withUnsafeMutableBytes({ Glibc.read(input, $0.baseAddress, $0.count) }) > 0 {}
            close(input)
            slot.done.signal()
        }.start()
        writer.startDocument()
        writer.start("Batch")
        writer.attribute("xmlns", ExportNamespace.batch)
        writer.attribute("name", name)
        writer.attribute("schemaVersion", ExportNamespace.schemaVersion)
        writer.attribute("amountUnit", "元")
        writer.attribute("policy", policy.id)
        writer.attribute("policyVersion", policy.version)
        writer.attribute("policyDigest", BatchPolicy.digest(policy))
        writer.attribute("createdAt", createdAt)
        writer.start("Forms")
        writer.raw(Array("\n".utf8))
        try flush()
    }

    /// An abandoned batch (an export that failed) still ends its validator thread.
    deinit { closePipe() }

    private func closePipe() {
        guard pipe >= 0 else { return }
        close(pipe)
        pipe = -1
        validation.done.wait()
    }

    /// Appends one form's canonical document (without its XML declaration) and records it in the manifest.
    func append(
        _ prepared: PreparedForm, form: Form, relativePath: String, errorFindings: [Finding]
    ) throws(XMLExportError) {
        formLines.append(nextLine)
        try write(prepared.bytes[XMLTextWriter.declaration.count...])
        try manifest.add(
            form, score: prepared.score, file: relativePath, sha256: prepared.sha256, errorFindings: errorFindings)
    }

    enum Validity {
        case valid
        /// Problems inside forms, by position in the batch, with lines as in the form's own file.
        case invalidForms([Int: [XMLProblem]])
        /// Problems elsewhere (the manifest repeats codes and names of the forms).
        case invalid([XMLProblem])
    }

    /// Writes the manifest, closes the file and collects the validator's verdict.
    func finish() throws(XMLExportError) -> Validity {
        let formsEnd = nextLine
        writer.end()
        try manifest.write(to: writer, allowErrors: allowErrors, flush: flush)
        writer.endDocument()
        try flush()
        do { try file.close() } catch { throw XMLExportError("\(temporary): 无法写入（\(error.localizedDescription)）") }
        closePipe()
        guard let validation = validation.value else { throw XMLExportError("内部错误：批次校验没有结果") }
        if validation.isValid { return .valid }
        var byForm: [Int: [XMLProblem]] = [:]
        for var problem in validation.problems {
            guard let line = problem.line, let first = formLines.first, line >= first, line < formsEnd else {
                return .invalid(validation.problems)
            }
            let position = formLines.lastIndex { $0 <= line } ?? 0
            problem.line = line - formLines[position] + 2  // line 1 of the form's own file is the XML declaration
            byForm[position, default: []].append(problem)
        }
        return byForm.isEmpty ? .invalid(validation.problems) : .invalidForms(byForm)
    }

    private func flush() throws(XMLExportError) {
        if let failure = writer.failure { throw XMLExportError(failure) }
        try write(writer.drain()[...])
    }

    private func write(_ bytes: ArraySlice<UInt8>) throws(XMLExportError) {
        try bytes.withUnsafeBufferPointer { buffer throws(XMLExportError) in
            nextLine += buffer.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            do { try file.write(contentsOf: buffer) } catch {
                throw XMLExportError("\(temporary): 无法写入（\(error.localizedDescription)）")
            }
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(pipe, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { throw XMLExportError("无法把批次交给校验线程（\(String(cString: strerror(errno)))）") }
                offset += count
            }
        }
    }
}

/// The validator thread's verdict, handed over once (`done` is signalled after `value` is set).
private final class ValidationSlot: @unchecked Sendable {
    private(set) var value: XMLFormFile.Validation?
    let done = DispatchSemaphore(value: 0)

    func set(_ validation: XMLFormFile.Validation) { value = validation }
}

/// The batch manifest, accumulated form by form: counts and sums in memory, entries spooled.
struct Manifest {
    let policy: ScoringPolicy
    private let entries: EntrySpool

    init(policy: ScoringPolicy) throws(XMLExportError) {
        self.policy = policy
        entries = try EntrySpool()
    }

    private var selfEvaluations = 0
    private var targetTables = 0
    private var years: Set<Int> = []
    private var units: [UnitKey: Int] = [:]
    private var printedGrades: [Grade: Int] = [:]
    private var recomputedGrades: [Grade: Int] = [:]
    private var ungraded = 0
    private var unscored = 0
    private var budget: Decimal = 0
    private var executed: Decimal = 0
    private var targetAnnualFunds: Decimal = 0

    struct UnitKey: Hashable, Comparable {
        let code: String?
        let name: String
        static func < (lhs: UnitKey, rhs: UnitKey) -> Bool { (lhs.code ?? "", lhs.name) < (rhs.code ?? "", rhs.name) }
    }

    mutating func add(
        _ form: Form, score: FormScore?, file: String, sha256: String, errorFindings: [Finding]
    ) throws(XMLExportError) {
        years.insert(form.year)
        let unit: UnitKey
        switch form {
        case .selfEvaluation(let f):
            selfEvaluations += 1
            unit = UnitKey(code: f.agency.code, name: f.agency.name)
            let score = score ?? FormScore(f, policy: policy)
            if let grade = score.grade { recomputedGrades[grade, default: 0] += 1 } else { unscored += 1 }
            if let printed = score.printedGrade { printedGrades[printed, default: 0] += 1 } else { ungraded += 1 }
            // Sums in 元 of what the engine reads as 全年预算数 and 全年执行数 (in the form's unit).
            budget += f.amountUnit.convert(score.execution.budget ?? 0, to: .yuan)
            executed += f.amountUnit.convert(score.execution.executed ?? 0, to: .yuan)
        case .targetTable(let t):
            targetTables += 1
            unit =
                t.agency.map { UnitKey(code: $0.code, name: $0.name) } ?? UnitKey(code: nil, name: t.implementingAgency)
            targetAnnualFunds += t.amountUnit.convert(t.funds.annual.total.value ?? 0, to: .yuan)
        }
        units[unit, default: 0] += 1
        let kind = if case .selfEvaluation = form { "self-evaluation" } else { "target-table" }
        try entries.add { out, seq in
            out.start("Entry")
            out.attribute("seq", String(seq))
            out.attribute("kind", kind)
            out.element("File", file)
            out.element("FISCAL_YEAR", String(form.year))
            out.element("AGENCY_NAME", unit.name.isEmpty ? nil : unit.name)
            out.element("PRO_NAME", form.project)
            out.element("SHA256", sha256)
            for finding in errorFindings {
                out.element("ErrorFinding", finding.message, attributes: [("rule", finding.ruleID)])
            }
            out.end()
        }
    }

    /// Writes the manifest; `flush` hands the writer's output on, so the spooled entries stream through.
    func write(
        to out: XMLTextWriter, allowErrors: Bool, flush: () throws(XMLExportError) -> Void
    ) throws(XMLExportError) {
        out.start("Manifest")
        out.element("FormCount", String(entries.count))
        out.element("SelfEvaluationCount", String(selfEvaluations))
        out.element("TargetTableCount", String(targetTables))
        for year in years.sorted() { out.element("Year", String(year)) }
        for (unit, count) in units.sorted(by: { $0.key < $1.key }) {
            out.start("Unit")
            out.element("AGENCY_CODE", unit.code)
            out.element("AGENCY_NAME", unit.name)
            out.element("FormCount", String(count))
            out.end()
        }
        for grade in [Grade.excellent, .good, .fair, .poor] {
            out.start("GradeCount")
            out.attribute("grade", grade.label)
            out.attribute("label", policy.label(of: grade))
            out.attribute("printed", String(printedGrades[grade] ?? 0))
            out.attribute("recomputed", String(recomputedGrades[grade] ?? 0))
            out.end()
        }
        out.element("UngradedCount", String(ungraded))
        out.element("UnscoredCount", String(unscored))
        out.element("BudgetSum", Precision.amount(budget))
        out.element("ExecutedSum", Precision.amount(executed))
        out.element("TargetAnnualFundsSum", Precision.amount(targetAnnualFunds))
        out.element("AllowErrors", allowErrors ? "true" : "false")
        try flush()
        try entries.replay { chunk throws(XMLExportError) in
            out.raw(chunk)
            try flush()
        }
        out.end()
    }
}

/// Manifest entries rendered as they come and kept in an unlinked temporary file (gone from every folder,
/// even if the process is killed), so a batch's memory does not grow with its number of forms.
final class EntrySpool {
    private let writer = XMLTextWriter()
    private let descriptor: Int32
    private(set) var count = 0

    init() throws(XMLExportError) {
        var template = Array((NSTemporaryDirectory() + "/jixiao-manifest-XXXXXX").utf8CString)
        descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw XMLExportError("无法创建临时文件（\(String(cString: strerror(errno)))）")
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    }

    deinit { close(descriptor) }

    /// Renders one entry (`seq` counts from 1).
    func add(_ render: (XMLTextWriter, Int) -> Void) throws(XMLExportError) {
        count += 1
        render(writer, count)
        if count % 256 == 0 { try spill() }
    }

    private func spill() throws(XMLExportError) {
        if let failure = writer.failure { throw XMLExportError(failure) }
        let bytes = writer.drain()
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes {
                Glibc.write(descriptor, $0.baseAddress! + offset, bytes.count - offset)
            }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw XMLExportError("无法写入临时文件（\(String(cString: strerror(errno)))）") }
            offset += written
        }
    }

    /// Every entry's XML, in chunks.
    func replay(_ body: ([UInt8]) throws(XMLExportError) -> Void) throws(XMLExportError) {
        try spill()
        guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw XMLExportError("无法读取临时文件") }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw XMLExportError("无法读取临时文件（\(String(cString: strerror(errno)))）") }
            if count == 0 { return }
            try body(Array(chunk[..<count]))
        }
    }
}
