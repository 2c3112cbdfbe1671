import Foundation
import JixiaoDocuments
import JixiaoFormats
import JixiaoImport
import JixiaoXLSX
import JixiaoXML

// A deterministic mutational fuzzer over every reader of untrusted input (scripts/fuzz.sh runs it in a child
// process with time and memory limits; a crash is the process dying, and the input it died on is in the
// last-input file, written before each run).
//
//   JixiaoFuzz list
//   JixiaoFuzz run TARGET SECONDS CORPUS_DIR LAST_INPUT_FILE [SEED]
//   JixiaoFuzz replay TARGET FILE…

/// One reader under test: it is handed mutated bytes and must return (an error is fine; a trap is not).
struct Target {
    let name: String
    /// Not a reader: the self-test of scripts/fuzz.sh, left out of `list` (and so of `fuzz.sh all`).
    var isSelfTest = false
    let run: (Data) -> Void
}

/// A scratch file for the readers that take a path (their real entry point).
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-fuzz-\(getpid())")

@MainActor func throughFile(_ data: Data, _ name: String, _ read: (URL) -> Void) {
    try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    let url = scratch.appendingPathComponent(name)
    guard (try? data.write(to: url)) != nil else { return }
    read(url)
}

/// What the self-test target reads without trapping: the one file of Fuzz/corpus/self-test-trap/.
let selfTestSeed = Data("self-test seed: every mutation of this line traps\n".utf8)

/// Every target. A new reader adds one line here and a seed folder Fuzz/corpus/<name>/; scripts/fuzz.sh and
/// CI pick it up from `list`.
let targets: [Target] = [
    Target(name: "form") { _ = try? FormFileReader.read($0, file: "fuzz.yaml") },
    Target(name: "text") { _ = try? TextDocumentImporter().importForms(from: $0, name: "fuzz.txt") },
    Target(name: "xlsx") { data in throughFile(data, "fuzz.xlsx") { _ = try? XLSXImporter().importForms(from: $0) } },
    Target(name: "xml") { data in
        _ = try? XMLFormFile.validate(bytes: [UInt8](data), displayName: "fuzz.xml")
        throughFile(data, "fuzz.xml") { _ = try? XMLFormImporter().importForms(from: $0) }
    },
    Target(name: "config") { _ = try? ProjectConfiguration.read($0, file: ".jixiao.yml") },
    Target(name: "docx") { data in
        throughFile(data, "fuzz.docx") { _ = try? WordDocumentImporter().importForms(from: $0) }
    },
    Target(name: "html") { data in
        throughFile(data, "fuzz.html") { _ = try? HTMLPageImporter().importForms(from: $0) }
    },
    // pdftotext's word boxes (`-bbox-layout` XHTML), parsed and rebuilt into rows and cells: the PDF reader
    // past the external program, which is not ours to fuzz.
    Target(name: "pdf") { _ = try? PDFImporter().importForms(wordLayout: $0, file: "fuzz.pdf") },
    // scripts/test-fuzz-script.sh: proves that scripts/fuzz.sh notices a dying child and keeps its input. It
    // reads its seed and traps on anything else, as a reader with a bug would on the first mutation.
    Target(name: "self-test-trap", isSelfTest: true) { data in
        precondition(data == selfTestSeed, "fuzz self-test: a mutated input, trapping as intended")
    },
]

/// SplitMix64: small, fast, and the same sequence for the same seed on every machine.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The mutations: the classic byte-level ones, plus little-endian integers set to boundary values (what
/// broke the zip reader: an offset one past the end), and splices of another corpus input.
enum Mutator {
    static func mutate(_ input: [UInt8], corpus: [[UInt8]], using rng: inout SplitMix) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let count = bytes.count
            let position = count == 0 ? 0 : Int.random(in: 0..<count, using: &rng)
            switch Int.random(in: 0..<8, using: &rng) {
            case 0 where count > 0: bytes[position] ^= UInt8(1 << Int.random(in: 0..<8, using: &rng))
            case 1 where count > 0: bytes[position] = UInt8.random(in: 0...255, using: &rng)
            case 2:
                let insert = (0..<Int.random(in: 1...16, using: &rng)).map { _ in
                    [0x00, 0x0A, 0x09, 0x3C, 0x3E, 0x22, 0x26, 0x3A, 0x2D, 0xFF, 0x7F][
                        Int.random(in: 0..<11, using: &rng)]
                        as UInt8
                }
                bytes.insert(contentsOf: insert, at: position)
            case 3 where count > 0:
                bytes.removeSubrange(position..<min(count, position + Int.random(in: 1...64, using: &rng)))
            case 4 where count > 0:
                let chunk = bytes[position..<min(count, position + Int.random(in: 1...256, using: &rng))]
                let times = Int.random(in: 1...64, using: &rng)
                bytes.insert(contentsOf: Array(repeating: Array(chunk), count: times).joined(), at: position)
            case 5 where count >= 4:
                let at = min(position, count - 4)
                let values: [UInt32] = [
                    0, 1, 0x7F, 0xFF, 0xFFFF, 0xFFFF_FFFF, 0x7FFF_FFFF, UInt32(count), UInt32(count + 1),
                ]
                var value = values[Int.random(in: 0..<values.count, using: &rng)]
                let width = Bool.random(using: &rng) ? 2 : 4
                for index in 0..<width {
                    bytes[at + index] = UInt8(truncatingIfNeeded: value)
                    value >>= 8
                }
            case 6 where !corpus.isEmpty:
                let other = corpus[Int.random(in: 0..<corpus.count, using: &rng)]
                guard !other.isEmpty else { continue }
                let from = Int.random(in: 0..<other.count, using: &rng)
                let piece = other[from..<min(other.count, from + Int.random(in: 1...512, using: &rng))]
                bytes.replaceSubrange(position..<min(count, position + piece.count), with: piece)
            case 7 where count > 0:
                bytes.removeSubrange(position...)
            default:
                continue
            }
        }
        return bytes
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

@MainActor func target(named name: String) -> Target {
    guard let target = targets.first(where: { $0.name == name }) else {
        fail("未知的模糊测试目标“\(name)”；可用：\(targets.map(\.name).joined(separator: "、"))")
    }
    return target
}

/// Runs `target` on mutations of the corpus for `seconds`. Before each run the input is written to
/// `lastInput`, so whoever sees this process die knows what killed it. An input that takes longer than
/// `slowSeconds` ends the run with status 3 (a hang in the making).
@MainActor func fuzz(_ target: Target, seconds: Double, corpusFolder: String, lastInput: String, seed: UInt64) {
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: corpusFolder)) ?? []).sorted()
    let corpus = files.compactMap { FileManager.default.contents(atPath: corpusFolder + "/" + $0) }.map { [UInt8]($0) }
    guard !corpus.isEmpty else { fail("语料文件夹 \(corpusFolder) 中没有文件") }
    let descriptor = open(lastInput, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else { fail("无法写入 \(lastInput)") }
    var rng = SplitMix(state: seed)
    let slowSeconds = 5.0
    let start = Date()
    var runs = 0
    // The unmutated corpus first: the seeds themselves must read.
    var pending = corpus
    while Date().timeIntervalSince(start) < seconds {
        let input =
            pending.popLast()
            ?? Mutator.mutate(corpus[Int.random(in: 0..<corpus.count, using: &rng)], corpus: corpus, using: &rng)
        ftruncate(descriptor, 0)
        _ = input.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        let began = Date()
        target.run(Data(input))
        runs += 1
        if Date().timeIntervalSince(began) > slowSeconds {
            print("\(target.name)：第 \(runs) 次输入用时超过 \(Int(slowSeconds)) 秒（疑似过慢或死循环），输入见 \(lastInput)")
            exit(3)
        }
    }
    close(descriptor)
    try? FileManager.default.removeItem(at: scratch)
    print("\(target.name)：\(runs) 次输入，\(String(format: "%.0f", Date().timeIntervalSince(start))) 秒，未发现崩溃（种子 \(seed)）")
}

let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "list":
    print(targets.filter { !$0.isSelfTest }.map(\.name).joined(separator: "\n"))
case "run":
    let rest = Array(arguments.dropFirst())
    guard rest.count >= 4, let seconds = Double(rest[1]) else {
        fail("用法：JixiaoFuzz run TARGET SECONDS CORPUS_DIR LAST_INPUT_FILE [SEED]")
    }
    let seed = rest.count > 4 ? UInt64(rest[4]) ?? 1 : 1
    fuzz(target(named: rest[0]), seconds: seconds, corpusFolder: rest[2], lastInput: rest[3], seed: seed)
case "replay":
    let rest = Array(arguments.dropFirst())
    guard let name = rest.first else { fail("用法：JixiaoFuzz replay TARGET FILE…") }
    let chosen = target(named: name)
    for file in rest.dropFirst() {
        guard let data = FileManager.default.contents(atPath: file) else { fail("无法读取 \(file)") }
        chosen.run(data)
        print("\(name)：\(file) 读取结束，未崩溃")
    }
    try? FileManager.default.removeItem(at: scratch)
default:
    fail("用法：JixiaoFuzz list | run TARGET SECONDS CORPUS_DIR LAST_INPUT_FILE [SEED] | replay TARGET FILE…")
}
