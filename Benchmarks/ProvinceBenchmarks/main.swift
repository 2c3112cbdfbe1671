// `swift run -c release ProvinceBenchmarks [--sizes 10000,100000] [--jixiao .build/release/jixiao] [--work DIR]`
// `swift run -c release ProvinceBenchmarks generate --forms 10000 --out DIR`
//
// Whole commands as a user runs them, on a synthetic province (`Province`) of each size: `jixiao score`,
// `check`, `summary` and `export` timed as processes (wall clock, user + system CPU and peak resident memory
// from wait4), beside `score.py` (PyYAML's C loader + decimal) on the same files in the same run. Prints the
// machine's load and a Markdown table.
import Foundation

struct Arguments {
    var sizes = [10_000, 100_000]
    var jixiao = ".build/release/jixiao"
    var work = NSTemporaryDirectory() + "jixiao-province"
    var seeds = "Forms"
    var generateOnly: (count: Int, folder: String)?

    init() throws {
        var list = Array(CommandLine.arguments.dropFirst())
        var count: Int?
        var out: String?
        let generate = list.first == "generate"
        if generate { list.removeFirst() }
        while !list.isEmpty {
            let key = list.removeFirst()
            guard !list.isEmpty else { throw Failure("\(key) needs a value") }
            let value = list.removeFirst()
            switch key {
            case "--sizes": sizes = value.split(separator: ",").compactMap { Int($0) }
            case "--jixiao": jixiao = value
            case "--work": work = value
            case "--seeds": seeds = value
            case "--forms": count = Int(value)
            case "--out": out = value
            default: throw Failure("unknown option \(key)")
            }
        }
        if generate {
            guard let count, let out else { throw Failure("generate needs --forms N --out DIR") }
            generateOnly = (count, out)
        }
    }
}

/// One process run: what wait4 says about it.
struct Measurement {
    let wall: Double
    let cpu: Double
    let peakMB: Double
    let status: Int32
    let outputBytes: Int

    var cores: Double { wall > 0 ? cpu / wall : 0 }
}

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Runs `arguments` with standard output into `output` (standard error discarded) and waits for it.
func measure(_ arguments: [String], output: String) throws -> Measurement {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = arguments.map { strdup($0) } + [nil]
    defer { for argument in argv { free(argument) } }
    var pid: pid_t = 0
    let start = now()
    let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
    guard spawned == 0 else { throw Failure("cannot start \(arguments[0]): \(String(cString: strerror(spawned)))") }
    var status: Int32 = 0
    var usage = rusage()
    guard wait4(pid, &status, 0, &usage) == pid else { throw Failure("wait4 failed for \(arguments[0])") }
    let wall = now() - start
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    let size = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0
    return Measurement(
        wall: wall, cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime), peakMB: Double(usage.ru_maxrss) / 1024,
        status: (status >> 8) & 0xFF, outputBytes: size)
}

func loadAverage() -> String {
    let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
    return text.split(separator: " ").prefix(3).joined(separator: " ")
}

func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_048_576) }

do {
    let arguments = try Arguments()
    let province = try Province(seeds: arguments.seeds)
    if let (count, folder) = arguments.generateOnly {
        let written = try province.write(count: count, to: folder)
        print(
            "\(written.files) files: \(written.selfEvaluations) self-evaluations, \(written.targetTables) target tables, \(written.copies) copies (\(written.conflictingCopies) conflicting), \(written.clusters.count) clusters of \(written.clusters.min() ?? 0)–\(written.clusters.max() ?? 0) forms (\(written.clusters.reduce(0, +)) in all)"
        )
        exit(0)
    }
    guard FileManager.default.isExecutableFile(atPath: arguments.jixiao) else {
        throw Failure("\(arguments.jixiao) is not built: swift build -c release --product jixiao")
    }
    let script = "Benchmarks/ProvinceBenchmarks/score.py"
    print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(loadAverage()) at start")
    print("")
    print("| forms | command | wall | CPU (user+sys) | cores used | peak RSS | output | exit |")
    print("|---|---|---|---|---|---|---|---|")
    var times: [String: [Int: Double]] = [:]
    for size in arguments.sizes {
        let folder = (arguments.work as NSString).appendingPathComponent("\(size)")
        try? FileManager.default.removeItem(atPath: folder)
        let written = try province.write(count: size, to: folder + "/forms")
        FileHandle.standardError.write(
            Data(
                "\(size): \(written.selfEvaluations) self-evaluations, \(written.targetTables) target tables, \(written.copies) copies, \(written.clusters.count) clusters of \(written.clusters.min() ?? 0)–\(written.clusters.max() ?? 0)\n"
                    .utf8))
        // The files just written are flushed to disk first: the commands are timed, not the kernel's writeback
        // of the generator's output (which slowed whichever command ran first).
        sync()
        let forms = folder + "/forms"
        let commands: [(String, [String])] = [
            ("python3 score.py (PyYAML CSafeLoader + decimal)", ["python3", script, forms]),
            ("jixiao score --format json", [arguments.jixiao, "score", forms, "--format", "json"]),
            ("jixiao check --format json", [arguments.jixiao, "check", forms, "--format", "json"]),
            ("jixiao check (text)", [arguments.jixiao, "check", forms]),
            ("jixiao summary --format json", [arguments.jixiao, "summary", forms, "--format", "json"]),
            (
                "jixiao export --batch --allow-errors",
                [arguments.jixiao, "export", forms, "--out", folder + "/xml", "--batch", "province", "--allow-errors"]
            ),
        ]
        for (name, command) in commands {
            let result = try measure(command, output: folder + "/output.txt")
            times[name, default: [:]][size] = result.wall
            print(
                String(
                    format: "| %d | %@ | %.1f s | %.1f s | %.2f | %.0f MB | %@ | %d |", size, name, result.wall,
                    result.cpu, result.cores, result.peakMB, megabytes(result.outputBytes), result.status))
        }
        try? FileManager.default.removeItem(atPath: folder)
        print("| | load average after \(size) | \(loadAverage()) | | | | | |")
    }
    print("")
    for size in arguments.sizes {
        if let python = times["python3 score.py (PyYAML CSafeLoader + decimal)"]?[size],
            let score = times["jixiao score --format json"]?[size]
        {
            print(
                String(format: "- %d forms: jixiao score is %.1f× faster than the Python script", size, python / score))
        }
    }
    if let smallest = arguments.sizes.min(), let largest = arguments.sizes.max(), smallest != largest {
        for (name, byCount) in times.sorted(by: { $0.key < $1.key }) {
            if let small = byCount[smallest], let large = byCount[largest] {
                print(String(format: "- %@: %d / %d time ratio %.1f", name, largest, smallest, large / small))
            }
        }
    }
} catch {
    FileHandle.standardError.write(Data("ProvinceBenchmarks: \(error)\n".utf8))
    exit(1)
}
