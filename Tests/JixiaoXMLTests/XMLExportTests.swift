import Foundation
import JixiaoCore
import JixiaoCrypto
import JixiaoFormats
import Testing

@testable import JixiaoXML

/// Shared fixtures: the bundled real forms, scratch folders, the model without source-line bookkeeping.
enum Fixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let forms = root.appendingPathComponent("Forms").path
    static let schemaFolder = root.appendingPathComponent("Exports/schema").path

    static func loadForms() -> [LoadedForm] {
        let loaded = FormLocator.load([forms])
        precondition(loaded.errors.isEmpty, "\(loaded.errors)")
        return loaded.forms
    }

    static func scratch(_ name: String = #function) -> String {
        let path = NSTemporaryDirectory() + "jixiao-xml-\(name.filter(\.isLetter))-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func withoutLines(_ form: Form) -> Form {
        switch form {
        case .selfEvaluation(var f):
            f.lines = [:]
            return .selfEvaluation(f)
        case .targetTable(var t):
            t.lines = [:]
            return .targetTable(t)
        }
    }

    /// Every regular file under `folder`, relative path → bytes.
    static func files(in folder: String) -> [String: Data] {
        var result: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return result }
        for case let relative as String in walker {
            let path = (folder as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[relative] = FileManager.default.contents(atPath: path)
            }
        }
        return result
    }

    /// New rules may find errors in the real forms (they are transcribed with their mistakes), so the
    /// bundled forms are exported with `allowErrors`.
    static func export(
        _ forms: [LoadedForm], to folder: String, batch: String? = "all",
        overwrite: Bool = false
    ) throws -> ExportReport {
        try Exporter(
            options: ExportOptions(outputFolder: folder, batchName: batch, allowErrors: true, overwrite: overwrite)
        )
        .export(forms)
    }
}

@Suite struct XMLExportTests {
    @Test func everyBundledFormExportsAndValidatesInProcess() throws {
        let forms = Fixture.loadForms()
        #expect(forms.count == 20)
        for item in forms {
            let bytes = try FormXMLWriter.canonical(item.form, policy: .national)
            let validation = try XMLFormFile.validate(bytes: bytes, displayName: item.file)
            #expect(validation.isValid, "\(item.file): \(validation.problems)")
        }
    }

    @Test func everyExportedFileValidatesWithXmllint() throws {
        let xmllint = "/usr/bin/xmllint"
        guard FileManager.default.isExecutableFile(atPath: xmllint) else {
            Issue.record("xmllint is missing: apt-get install libxml2-utils (scripts/setup.sh installs it)")
            return
        }
        let folder = Fixture.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = try Fixture.export(Fixture.loadForms(), to: folder)
        let paths = report.exported.map(\.path) + [report.batch!.path]
        #expect(paths.count == 21)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint)
        process.arguments = ["--noout", "--nonet", "--schema", Fixture.schemaFolder + "/jixiao-batch-1.0.xsd"] + paths
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.components(separatedBy: " validates").count - 1 == 21, "\(output)")
    }

    @Test func roundTripIsLosslessForEveryBundledForm() throws {
        let forms = Fixture.loadForms()
        let folder = Fixture.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = try Fixture.export(forms, to: folder)
        #expect(report.exported.count == 20 && report.refused.isEmpty)
        var fromBatch: [Form] = []
        let reading = try XMLFormFile.read(path: report.batch!.path) { fromBatch.append($0.form) }
        #expect(reading.kind == .batch)
        #expect(reading.problems.isEmpty, "\(reading.problems)")
        #expect(fromBatch == forms.map { Fixture.withoutLines($0.form) })
        for (item, exported) in zip(forms, report.exported) {
            var single: [Form] = []
            let one = try XMLFormFile.read(path: exported.path) { single.append($0.form) }
            #expect(one.problems.isEmpty, "\(one.problems)")
            #expect(single == [Fixture.withoutLines(item.form)], "\(item.file)")
            // YAML → XML → YAML gives the same form file.
            #expect(single.map(FormFileWriter.yaml) == [FormFileWriter.yaml(item.form)])
        }
    }

    @Test func awkwardTextsSurviveTheRoundTrip() throws {
        let form = ExampleForms.selfEvaluation {
            $0.project = "带\"引号\"与<尖括号>&符号]]>"
            $0.analysis.problems = "  前后空格\t制表\r\n回车换行\r单独回车  "
            $0.indicators[0].extraCells = ["", " ", "多余单元格"]
            $0.indicators[1].qualitativeNote = ""
            $0.funds.total.deviation = nil
            $0.implementingAgency = ""
            $0.printedTotal = "１００．００"
            $0.source = SourceReference(document: "a b.txt", firstLine: 3, lastLine: nil)
        }
        let bytes = try FormXMLWriter.canonical(form, policy: .shanxi)
        let path = Fixture.scratch() + "/a.xml"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        var back: [Form] = []
        let reading = try XMLFormFile.read(path: path) { back.append($0.form) }
        #expect(reading.problems.isEmpty, "\(reading.problems)")
        #expect(back == [form])
    }

    /// The columns and cells only some layouts print are extension elements: a form with every one of them
    /// validates and reads back identical, and its standard amounts are converted from its own unit.
    @Test func everyOptionalFieldSurvivesTheRoundTrip() throws {
        let forms: [Form] = [
            .selfEvaluation(ExampleForms.everyColumnSelfEvaluationValue()),
            .targetTable(ExampleForms.singleSetTargetTableValue()),
        ]
        let folder = Fixture.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (index, form) in forms.enumerated() {
            let bytes = try FormXMLWriter.canonical(form, policy: .national)
            let path = folder + "/\(index).xml"
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            var back: [Form] = []
            let reading = try XMLFormFile.read(path: path) { back.append($0.form) }
            #expect(reading.problems.isEmpty, "\(reading.problems)")
            #expect(back == [form])
        }
        let selfEvaluation = String(decoding: try FormXMLWriter.canonical(forms[0], policy: .national), as: UTF8.self)
        // 1 000 000 元 stays 1 000 000 元 (a form in 万元 would be multiplied by 10 000).
        #expect(selfEvaluation.contains("<CUR_AMT>1000000.00</CUR_AMT>"))
        #expect(selfEvaluation.contains("<x:AmountUnit>元</x:AmountUnit>"))
        // The scored reading joins the 指标性质 | 指标值 | 度量单位 cells: ≥ 10 台.
        #expect(selfEvaluation.contains("<KPI_VAL>10</KPI_VAL>"))
        #expect(selfEvaluation.contains(#"kind="quantity" operator="≥" operatorCode="1" number="10" unit="台""#))
        let table = String(decoding: try FormXMLWriter.canonical(forms[1], policy: .national), as: UTF8.self)
        #expect(table.contains(#"<x:TargetExt indicatorSets="annual">"#))
        #expect(table.contains(#"<x:Source label="财政拨款" value="1000000.00">100</x:Source>"#))
        #expect(!table.contains("PeriodFunds"))
    }

    @Test func amountsAreExportedInYuanExactly() throws {
        let form = Fixture.loadForms().first { $0.form.project == "会议培训费" && $0.form.year == 2023 }!
        let text = String(decoding: try FormXMLWriter.canonical(form.form, policy: .national), as: UTF8.self)
        #expect(text.contains("<YEAR_EXE_AMT>261490.00</YEAR_EXE_AMT>"))  // 26.149 万元
        #expect(text.contains("<x:Executed>26.149</x:Executed>"))
        #expect(text.contains("<TOTAL_EVAL_VALUE>85.39</TOTAL_EVAL_VALUE>"))
    }

    @Test func twoExportsAreByteIdenticalAndReExportIsUnchanged() throws {
        let forms = Fixture.loadForms()
        let first = Fixture.scratch("first")
        let second = Fixture.scratch("second")
        defer { for folder in [first, second] { try? FileManager.default.removeItem(atPath: folder) } }
        _ = try Fixture.export(forms, to: first)
        _ = try Fixture.export(forms, to: second)
        let a = Fixture.files(in: first)
        let b = Fixture.files(in: second)
        #expect(a.count == 21)
        #expect(a == b)
        let again = try Fixture.export(forms, to: first)
        #expect(again.exported.allSatisfy(\.unchanged) && again.batch?.unchanged == true)
        #expect(Fixture.files(in: first) == a)
    }

    @Test func manifestSumsAndChecksums() throws {
        let forms = Fixture.loadForms()
        let folder = Fixture.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = try Fixture.export(forms, to: folder)
        let batch = String(decoding: FileManager.default.contents(atPath: report.batch!.path)!, as: UTF8.self)
        #expect(batch.contains("<FormCount>20</FormCount>"))
        #expect(batch.contains("<SelfEvaluationCount>10</SelfEvaluationCount>"))
        #expect(batch.contains("<AllowErrors>true</AllowErrors>"))
        for item in report.exported {
            let bytes = FileManager.default.contents(atPath: item.path)!
            #expect(Hashing.sha256Hex(bytes) == item.sha256)
            #expect(batch.contains("<SHA256>\(item.sha256)</SHA256>"))
        }
        // Σ 全年预算数 of the 10 self-evaluations, 万元 → 元.
        let budget =
            forms.compactMap { item -> Decimal? in
                guard case .selfEvaluation(let f) = item.form else { return nil }
                return ExecutionScore(funds: f.funds, policy: .national).budget
            }.reduce(0, +) * 10_000
        #expect(batch.contains("<BudgetSum>\(DecimalText.fixed(budget))</BudgetSum>"))
    }

    @Test func tamperedBatchFailsTheChecksum() throws {
        let folder = Fixture.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = try Fixture.export(Fixture.loadForms(), to: folder)
        let path = report.batch!.path
        let text = String(decoding: FileManager.default.contents(atPath: path)!, as: UTF8.self)
        let tampered = text.replacingOccurrences(
            of: "<x:PrintedTotal>85.39</x:PrintedTotal>",
            with: "<x:PrintedTotal>95.39</x:PrintedTotal>")
        #expect(tampered != text)
        try Data(tampered.utf8).write(to: URL(fileURLWithPath: path))
        #expect(try XMLFormFile.validate(path: path).isValid)
        let reading = try XMLFormFile.read(path: path) { _ in }
        #expect(reading.problems.contains { $0.message.contains("SHA-256 不符") }, "\(reading.problems)")
    }

    @Test func formsWithErrorsAreRefusedUnlessAllowed() throws {
        let broken = LoadedForm(
            file: "broken.yaml", form: ExampleForms.selfEvaluation { $0.indicators[0].score = "25" })
        let fine = LoadedForm(file: "fine.yaml", form: ExampleForms.selfEvaluation { $0.project = "另一个项目" })
        let folder = Fixture.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let refused = try Exporter(options: ExportOptions(outputFolder: folder, batchName: "b")).export([broken, fine])
        #expect(refused.failed)
        #expect(refused.refused.map(\.file) == ["broken.yaml"])
        #expect(refused.refused[0].reasons.contains { $0.hasPrefix("SE.SCORE.010") })
        #expect(refused.exported.map(\.file) == ["fine.yaml"])
        let allowed = try Exporter(
            options: ExportOptions(outputFolder: folder, batchName: "b", allowErrors: true, overwrite: true)
        )
        .export([broken, fine])
        #expect(allowed.refused.isEmpty && allowed.exported.count == 2)
        let batch = String(decoding: FileManager.default.contents(atPath: allowed.batch!.path)!, as: UTF8.self)
        #expect(batch.contains("<AllowErrors>true</AllowErrors>"))
        #expect(batch.contains("rule=\"SE.SCORE.010\""))
    }

    @Test func textsXMLCannotCarryAreRefusedClearly() throws {
        let form = LoadedForm(file: "c.yaml", form: ExampleForms.selfEvaluation { $0.goals.annual = "控制\u{1}字符" })
        let folder = Fixture.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = try Exporter(options: ExportOptions(outputFolder: folder)).export([form])
        #expect(report.refused.first?.reasons.first?.contains("U+0001") == true)
        #expect(Fixture.files(in: folder).isEmpty)
    }

    @Test func aFormWhoseXMLIsInvalidIsRefusedAndTheRestExported() throws {
        let tooLong = LoadedForm(
            file: "long.yaml",
            form: ExampleForms.selfEvaluation {
                $0.agency = CodedName("2091002091002091002091009-示例局")
            })
        let fine = LoadedForm(file: "fine.yaml", form: ExampleForms.selfEvaluation { $0.project = "另一个项目" })
        // Only inside the form (not repeated in the manifest): found by the batch's own validation.
        let longName = LoadedForm(
            file: "name.yaml",
            form: ExampleForms.selfEvaluation {
                $0.project = "第三个项目"
                $0.indicators[2].name = String(repeating: "长", count: 301)
            })
        let cases = [(tooLong, ":4: 元素 AGENCY_CODE：长度 25 超过上限 21"), (longName, "元素 LV3_PERF_IND_NAME：长度 301 超过上限 300")]
        for (invalid, reason) in cases {
            for batch in ["b", nil] {
                let folder = Fixture.scratch()
                defer { try? FileManager.default.removeItem(atPath: folder) }
                let report = try Exporter(options: ExportOptions(outputFolder: folder, batchName: batch)).export([
                    invalid, fine,
                ])
                #expect(report.refused.map(\.file) == [invalid.file])
                #expect(report.refused.first?.reasons.contains { $0.contains(reason) } == true, "\(report.refused)")
                #expect(report.exported.map(\.file) == ["fine.yaml"])
                if let path = report.batch?.path { #expect(try XMLFormFile.validate(path: path).isValid) }
                #expect(Fixture.files(in: folder).count == (batch == nil ? 1 : 2))
            }
        }
    }

    @Test func aFailureMidBatchLeavesNoPartialFile() throws {
        let folder = Fixture.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("earlier".utf8).write(to: URL(fileURLWithPath: folder + "/earlier.txt"))
        let writer = FailingWriter(succeeding: 7, watching: folder)
        let exporter = Exporter(
            options: ExportOptions(outputFolder: folder, batchName: "all", allowErrors: true), writer: writer)
        let error = #expect(throws: XMLExportError.self) { try exporter.export(Fixture.loadForms()) }
        #expect(error?.message == FailingWriter.message)
        // When it failed, seven forms and the batch were staged beside the earlier file; all of it is gone.
        #expect(writer.written.count == 7)
        #expect(writer.filesAtFailure?.count == 9, "\(writer.filesAtFailure ?? [])")
        #expect(writer.written.allSatisfy { writer.filesAtFailure?.contains($0) == true })
        #expect(Fixture.files(in: folder) == ["earlier.txt": Data("earlier".utf8)])
        let left = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(left == ["earlier.txt"], "folders created by the failed export remain: \(left)")
    }

    @Test func aDifferentExistingFileIsNeverSilentlyOverwritten() throws {
        let forms = Fixture.loadForms()
        let folder = Fixture.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = try Fixture.export(forms, to: folder)
        let victim = first.exported[3].path
        try Data("<changed/>".utf8).write(to: URL(fileURLWithPath: victim))
        let before = Fixture.files(in: folder)
        let refused = try Fixture.export(forms, to: folder)
        #expect(refused.conflicts == [victim])
        #expect(refused.failed)
        #expect(Fixture.files(in: folder) == before)
        let forced = try Fixture.export(forms, to: folder, overwrite: true)
        #expect(forced.conflicts.isEmpty)
        #expect(Hashing.sha256Hex(FileManager.default.contents(atPath: victim)!) == first.exported[3].sha256)
    }

    @Test func embeddedSchemasMatchExportsFolder() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixture.schemaFolder).filter {
            $0.hasSuffix(".xsd")
        }
        #expect(Set(files) == Set(EmbeddedSchemas.files.keys))
        for name in files {
            let onDisk = try String(contentsOfFile: Fixture.schemaFolder + "/" + name, encoding: .utf8)
            #expect(onDisk == EmbeddedSchemas.files[name]! + "\n", "\(name) is stale: run scripts/embed-schemas.sh")
        }
    }
}

/// Writes staged files as the real writer does until `succeeding` were written, then fails as a full disk or
/// a crash mid-batch would, noting which files the export had left in the output folder at that moment.
final class FailingWriter: StagedFileWriter, @unchecked Sendable {
    static let message = "测试：暂存文件写入失败（模拟磁盘已满）"

    let succeeding: Int
    let folder: String
    private let lock = NSLock()
    private var writtenFiles: [String] = []
    private var filesThen: [String]?

    init(succeeding: Int, watching folder: String) {
        self.succeeding = succeeding
        self.folder = folder
    }

    /// The temporary files written (relative to the folder).
    var written: [String] { lock.withLock { writtenFiles } }
    /// Every file in the folder (relative paths) when the write failed.
    var filesAtFailure: [String]? { lock.withLock { filesThen } }

    func write(_ bytes: [UInt8], to temporary: String) throws(XMLExportError) {
        lock.lock()
        defer { lock.unlock() }
        guard writtenFiles.count < succeeding else {
            filesThen = Fixture.files(in: folder).keys.sorted()
            throw XMLExportError(Self.message)
        }
        try TemporaryFileWriter().write(bytes, to: temporary)
        writtenFiles.append(String(temporary.dropFirst(folder.count + 1)))
    }
}
