// `swift run -c release JixiaoBenchmarks [--sizes 10000,100000] [--seeds Forms] [--work DIR]`
//
// Export, validation and import throughput on synthetic forms made from the bundled real ones. Each size
// runs in a child process of its own so that its peak memory (VmHWM) is its own; the peak is reset between
// phases through /proc/self/clear_refs. Prints a Markdown table.
import CLibXML2
import Foundation
import JixiaoCore
import JixiaoFormats
import JixiaoXML

struct Arguments {
    var sizes = [10_000, 100_000]
    var seeds = "Forms"
    var work = NSTemporaryDirectory() + "jixiao-bench"
    var child: Int?

    init() {
        var list = Array(CommandLine.arguments.dropFirst())
        while !list.isEmpty {
            let key = list.removeFirst()
            let value = list.isEmpty ? "" : list.removeFirst()
            switch key {
            case "--sizes": sizes = value.split(separator: ",").compactMap { Int($0) }
            case "--seeds": seeds = value
            case "--work": work = value
            case "--child": child = Int(value)
            default: fail("unknown option \(key)")
            }
        }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("JixiaoBenchmarks: \(message)\n".utf8))
    exit(1)
}

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Peak resident memory in MB since the last reset.
func peakMB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kb = Int(line.split(separator: " ").dropFirst().first ?? "")
    else { return -1 }
    return kb / 1024
}

func resetPeak() { try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8) }

/// Synthetic forms: the bundled real forms (their indicator mixes and text lengths) with the unit, the
/// project name and the amounts varied, deterministically.
struct Generator {
    let selfEvaluations: [SelfEvaluation]
    let targetTables: [TargetTable]

    init(seeds: String) {
        let loaded = FormLocator.load([seeds])
        if !loaded.errors.isEmpty || loaded.forms.isEmpty {
            fail("cannot read the seed forms in \(seeds): \(loaded.errors)")
        }
        var evaluations: [SelfEvaluation] = []
        var tables: [TargetTable] = []
        for item in loaded.forms {
            switch item.form {
            case .selfEvaluation(var f):
                f.lines = [:]
                evaluations.append(f)
            case .targetTable(var t):
                t.lines = [:]
                tables.append(t)
            }
        }
        selfEvaluations = evaluations
        targetTables = tables
    }

    /// Two self-evaluations for each target table, 200 forms per unit.
    func form(_ index: Int) -> Form {
        let unit = index / 200
        let factor = Decimal(100 + index % 37) / 100
        func scaled(_ number: EnteredNumber) -> EnteredNumber {
            guard let value = number.value else { return number }
            return EnteredNumber(DecimalText.plain((value * factor).rounded(3)))
        }
        if index % 3 != 2 || targetTables.isEmpty {
            var f = selfEvaluations[index % selfEvaluations.count]
            f.project += "（\(index)）"
            f.agency = CodedName("\(300000 + unit)-合成单位\(unit)")
            for path in [\SelfEvaluation.FundsRow.declared, \.compiled, \.fullYearBudget, \.executed, \.balance] {
                f.funds.total[keyPath: path] = scaled(f.funds.total[keyPath: path])
                for row in f.funds.sources.indices {
                    f.funds.sources[row][keyPath: path] = scaled(f.funds.sources[row][keyPath: path])
                }
            }
            return .selfEvaluation(f)
        }
        var t = targetTables[index % targetTables.count]
        t.project += "（\(index)）"
        t.implementingAgency = "合成单位\(unit)"
        t.funds.annual.total = scaled(t.funds.annual.total)
        return .targetTable(t)
    }
}

/// The ceiling: the same bytes written by a bare xmlTextWriter loop. Each form's document is turned into a
/// flat list of writer calls beforehand (not timed); the loop replays them into one batch file.
enum RawWriter {
    enum Call {
        case start(String)
        case attribute(String, String)
        case text(String)
        case end
    }

    /// The writer calls that reproduce a document, read with libxml2's reader.
    static func calls(for document: [UInt8]) -> [Call] {
        var calls: [Call] = []
        document.withUnsafeBufferPointer { buffer in
            let base = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
            guard let reader = xmlReaderForMemory(base, Int32(buffer.count), nil, nil, 0) else { return }
            defer { xmlFreeTextReader(reader) }
            func string(_ pointer: UnsafePointer<xmlChar>?) -> String { pointer.map { String(cString: $0) } ?? "" }
            while xmlTextReaderRead(reader) == 1 {
                switch xmlTextReaderNodeType(reader) {
                case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                    calls.append(.start(string(xmlTextReaderConstName(reader))))
                    let empty = xmlTextReaderIsEmptyElement(reader) == 1
                    while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                        calls.append(
                            .attribute(string(xmlTextReaderConstName(reader)), string(xmlTextReaderConstValue(reader))))
                    }
                    if empty { calls.append(.end) }
                case Int32(XML_READER_TYPE_END_ELEMENT.rawValue): calls.append(.end)
                case Int32(XML_READER_TYPE_TEXT.rawValue): calls.append(.text(string(xmlTextReaderConstValue(reader))))
                default: break
                }
            }
        }
        return calls
    }

    /// Writes `count` forms (their calls produced by `calls(_:)`) into a batch; returns the seconds spent in
    /// libxml2's writer.
    static func write(path: String, count: Int, calls: (Int) -> [Call]) -> Double {
        guard let writer = xmlNewTextWriterFilename(path, 0) else { fail("cannot write \(path)") }
        xmlTextWriterSetIndent(writer, 1)
        xmlTextWriterSetIndentString(writer, "  ")
        var seconds = 0.0
        var start = now()
        xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil)
        xmlTextWriterStartElement(writer, "Batch")
        for (key, value) in [
            ("xmlns", ExportNamespace.batch), ("name", "raw"), ("schemaVersion", "1.0"),
            ("amountUnit", "元"), ("policy", "national"), ("policyVersion", "1.0"),
        ] {
            xmlTextWriterWriteAttribute(writer, key, value)
        }
        xmlTextWriterStartElement(writer, "Forms")
        seconds += now() - start
        for index in 0..<count {
            let list = calls(index)
            start = now()
            for call in list {
                switch call {
                case .start(let name): xmlTextWriterStartElement(writer, name)
                case .attribute(let name, let value): xmlTextWriterWriteAttribute(writer, name, value)
                case .text(let text): xmlTextWriterWriteString(writer, text)
                case .end: xmlTextWriterEndElement(writer)
                }
            }
            seconds += now() - start
        }
        start = now()
        xmlTextWriterEndElement(writer)
        xmlTextWriterStartElement(writer, "Manifest")
        for name in ["FormCount", "SelfEvaluationCount", "TargetTableCount", "UngradedCount"] {
            xmlTextWriterWriteElement(writer, name, "0")
        }
        for name in ["BudgetSum", "ExecutedSum", "TargetAnnualFundsSum"] {
            xmlTextWriterWriteElement(writer, name, "0.00")
        }
        xmlTextWriterWriteElement(writer, "AllowErrors", "false")
        xmlTextWriterEndDocument(writer)
        xmlFreeTextWriter(writer)
        return seconds + now() - start
    }

    /// libxml2's own streaming validation (`xmlSchemaValidateFile`) of a file; returns seconds and validity.
    static func validate(path: String, schema: String) -> (Double, Bool) {
        guard let parser = xmlSchemaNewParserCtxt(schema), let compiled = xmlSchemaParse(parser),
            let context = xmlSchemaNewValidCtxt(compiled)
        else { fail("cannot compile \(schema)") }
        let start = now()
        let status = xmlSchemaValidateFile(context, path, 0)
        let seconds = now() - start
        xmlSchemaFreeValidCtxt(context)
        xmlSchemaFree(compiled)
        xmlSchemaFreeParserCtxt(parser)
        return (seconds, status == 0)
    }
}

/// One size, measured in this process.
func measure(size: Int, arguments: Arguments) {
    let generator = Generator(seeds: arguments.seeds)
    let folder = (arguments.work as NSString).appendingPathComponent("\(size)")
    try? FileManager.default.removeItem(atPath: folder)
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let schema = (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(
        "Exports/schema/jixiao-batch-1.0.xsd")
    var results: [String: String] = [:]
    func record(_ key: String, _ seconds: Double, memory: Int) {
        results[key] = String(format: "%.0f forms/s (%.1f s, %d MB)", Double(size) / seconds, seconds, memory)
    }

    // Parse + score + check: YAML text → model → FormScore; the catalogue runs over chunks of 1 000 forms.
    resetPeak()
    var seconds = 0.0
    var chunk: [CheckRunner.Input] = []
    let runner = CheckRunner(policy: .national)
    for index in 0..<size {
        let yaml = Data(FormFileWriter.yaml(generator.form(index)).utf8)
        let start = now()
        guard let form = try? FormFileReader.read(yaml, file: "\(index).yaml") else {
            fail("generated form \(index) does not read")
        }
        if case .selfEvaluation(let f) = form { _ = FormScore(f, policy: .national) }
        chunk.append(CheckRunner.Input(file: "\(index).yaml", form: form))
        if chunk.count == 1_000 || index == size - 1 {
            _ = runner.run(chunk)
            chunk.removeAll(keepingCapacity: true)
        }
        seconds += now() - start
    }
    record("parse", seconds, memory: peakMB())

    // Export + validation through the exporter's per-form path, streamed into one batch.
    resetPeak()
    let batchPath = folder + "/batch.xml"
    seconds = 0
    do {
        var stream = try BatchStream(path: batchPath, name: "bench", policy: .national)
        for first in stride(from: 0, to: size, by: 256) {
            let forms = (first..<min(first + 256, size)).map(generator.form)
            let start = now()
            let refused = try stream.append(contentsOf: forms)
            seconds += now() - start
            if !refused.isEmpty { fail("forms refused: \(refused)") }
        }
        let start = now()
        try stream.finish()
        seconds += now() - start
    } catch {
        fail("export failed: \(error)")
    }
    record("export", seconds, memory: peakMB())
    let exportSeconds = seconds
    let batchBytes = (try? FileManager.default.attributesOfItem(atPath: batchPath)[.size] as? Int) ?? 0

    // Our streaming validation alone, on the finished batch.
    resetPeak()
    var start = now()
    guard (try? XMLFormFile.validate(path: batchPath))?.isValid == true else { fail("batch does not validate") }
    record("validate", now() - start, memory: peakMB())

    // The ceiling: bare xmlTextWriter with the same calls, then xmlSchemaValidateFile.
    resetPeak()
    let rawPath = folder + "/raw.xml"
    let rawWrite = RawWriter.write(path: rawPath, count: size) { index in
        RawWriter.calls(for: (try? FormXMLWriter.canonical(generator.form(index), policy: .national)) ?? [])
    }
    let rawMemory = peakMB()
    resetPeak()
    let (rawValidate, rawValid) = RawWriter.validate(path: rawPath, schema: schema)
    if !rawValid { fail("the raw batch does not validate") }
    results["raw"] = String(
        format: "write %.1f s + validate %.1f s = %.1f s (%.0f forms/s; %d / %d MB)",
        rawWrite, rawValidate, rawWrite + rawValidate, Double(size) / (rawWrite + rawValidate),
        rawMemory, peakMB())
    results["ratio"] = String(format: "%.2f×", exportSeconds / (rawWrite + rawValidate))

    // xmllint on the same batch (whole process).
    let xmllint = Process()
    xmllint.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
    xmllint.arguments = ["--noout", "--schema", schema, batchPath]
    xmllint.standardError = FileHandle.nullDevice
    start = now()
    if (try? xmllint.run()) != nil {
        xmllint.waitUntilExit()
        results["xmllint"] = String(
            format: "%.0f forms/s (%.1f s)%@", Double(size) / (now() - start), now() - start,
            xmllint.terminationStatus == 0 ? "" : " INVALID")
    } else {
        results["xmllint"] = "xmllint missing (apt-get install libxml2-utils)"
    }

    // Import: validate, rebuild the model, verify each checksum, render the form file text.
    resetPeak()
    start = now()
    var imported = 0
    guard
        let reading = try? XMLFormFile.read(
            path: batchPath,
            onForm: { read in
                _ = FormFileWriter.yaml(read.form)
                imported += 1
            }), reading.problems.isEmpty, imported == size
    else { fail("import failed") }
    record("import", now() - start, memory: peakMB())

    results["size"] = String(format: "%.0f MB", Double(batchBytes) / 1_048_576)
    let line = ["parse", "export", "validate", "raw", "ratio", "xmllint", "import", "size"].map { results[$0] ?? "" }
    print(([String(size)] + line).joined(separator: "\t"))
}

let arguments = Arguments()
if let size = arguments.child {
    measure(size: size, arguments: arguments)
    exit(0)
}
print(
    "| forms | parse+score+check | export+validate (ours) | our validation alone | raw xmlTextWriter + xmlSchemaValidateFile | ours ÷ raw | xmllint --noout --schema | import (validate+model+checksum+YAML) | batch size |"
)
print("|---|---|---|---|---|---|---|---|---|")
for size in arguments.sizes {
    let child = Process()
    child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    child.arguments = ["--child", String(size), "--seeds", arguments.seeds, "--work", arguments.work]
    let pipe = Pipe()
    child.standardOutput = pipe
    do { try child.run() } catch { fail("cannot start \(CommandLine.arguments[0]): \(error)") }
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    child.waitUntilExit()
    if child.terminationStatus != 0 { fail("size \(size) failed") }
    let cells = output.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\t").map(String.init)
    print("| " + cells.joined(separator: " | ") + " |")
}
