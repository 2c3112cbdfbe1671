import Foundation
import JixiaoFormats

/// The words of a PDF with their positions, as poppler's `pdftotext -bbox-layout` gives them (Debian:
/// poppler-utils): pages of blocks of lines of words. Runs the tool on the file with a time limit, never the
/// network, and explains in Chinese what it refuses: not a PDF, damaged, encrypted, no text layer.
struct PDFText {
    struct Word {
        var text: String
        var box: PageBox
    }

    struct Line {
        var words: [Word]
        var box: PageBox
    }

    struct Page {
        var number: Int
        var width: Double
        var blocks: [[Line]]
        /// The page's ruling lines (`pdftocairo -svg`); empty when it has none or they could not be read.
        var rulings: [PDFRulings.Segment] = []
    }

    var pages: [Page]

    static let maximumBytes = 64 * 1024 * 1024
    /// pdftotext's own output for a large document is a few MB; more is refused.
    static let maximumOutputBytes = 256 * 1024 * 1024
    static let timeLimit: TimeInterval = 120

    /// The tool, looked up on `PATH` and in the usual places.
    static var tool: String? { tool(named: "pdftotext") }

    /// One of poppler-utils' tools, looked up on `PATH` and in the usual places.
    static func tool(named name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/bin"]
        return folders.map { ($0 as NSString).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func read(_ url: URL) throws(ImportError) -> PDFText {
        let data = try DocumentFile.read(url, maximumBytes: maximumBytes, format: "PDF 文件")
        guard data.prefix(1024).range(of: Data("%PDF-".utf8)) != nil else {
            throw ImportError(
                file: url.path, problem: "文件不是 PDF（开头没有“%PDF-”标记）",
                fix: "确认选对了文件；只改扩展名不能把其他文件变成 PDF")
        }
        guard let tool else {
            throw ImportError(
                file: url.path, problem: "读取 PDF 需要 poppler-utils 中的 pdftotext，本机没有安装",
                fix: "运行 bash scripts/setup.sh，或 apt-get install -y poppler-utils 后再导入")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "jixiao-pdf-\(UUID().uuidString)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ImportError(file: url.path, problem: "无法创建临时文件夹以读取 PDF", fix: "检查临时目录（TMPDIR）是否可写")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("words.html")
        let messages = folder.appendingPathComponent("messages.txt")
        let status = try run(
            tool, ["-bbox-layout", "-enc", "UTF-8", url.path, output.path], messages: messages, file: url.path)
        let stderr = (try? String(contentsOf: messages, encoding: .utf8)) ?? ""
        guard status == 0 else { throw refusal(status: status, messages: stderr, file: url.path) }
        let size = (try? FileManager.default.attributesOfItem(atPath: output.path)[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maximumOutputBytes, let words = try? Data(contentsOf: output) else {
            throw ImportError(
                file: url.path, problem: "PDF 中的文字超过 \(maximumOutputBytes / 1024 / 1024) MB，不像是决算/预算公开文档",
                fix: "只保留含绩效表的页后再导入")
        }
        var text = try parse(words, file: url.lastPathComponent)
        guard text.pages.contains(where: { !$0.blocks.isEmpty }) else {
            throw ImportError(
                file: url.path,
                problem: "PDF 共 \(text.pages.count) 页，但没有文字层（可能是扫描件或图片），无法直接读出表格",
                fix: "需要先做文字识别（OCR），例如用 ocrmypdf 生成带文字层的 PDF，或向发布单位索取可复制文字的 PDF/Word 版本")
        }
        let rulings = PDFRulings.read(url, tool: Self.tool(named: "pdftocairo"), in: folder, file: url.path)
        if rulings.pages.count == text.pages.count {
            for index in text.pages.indices { text.pages[index].rulings = rulings.pages[index] }
        }
        return text
    }

    /// Runs the tool with a time limit; stderr goes to `messages` (a pipe could fill and stall it).
    static func run(
        _ tool: String, _ arguments: [String], messages: URL, file: String
    ) throws(ImportError)
        -> Int32
    {
        _ = FileManager.default.createFile(atPath: messages.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let errors = try? FileHandle(forWritingTo: messages)
        process.standardError = errors ?? FileHandle.nullDevice
        defer { try? errors?.close() }
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw ImportError(
                file: file, problem: "无法运行 pdftotext（\(tool)）", fix: "运行 bash scripts/setup.sh 重新安装 poppler-utils")
        }
        if finished.wait(timeout: .now() + timeLimit) == .timedOut {
            process.terminate()
            finished.wait()
            throw ImportError(
                file: file, problem: "读取 PDF 超过 \(Int(timeLimit)) 秒仍未完成（文件过大或结构异常）",
                fix: "只保留含绩效表的页后再导入，或在 PDF 阅读器中“另存为”后再试")
        }
        return process.terminationStatus
    }

    /// What pdftotext's exit status and messages mean for the user.
    static func refusal(status: Int32, messages: String, file: String) -> ImportError {
        let lowered = messages.lowercased()
        if lowered.contains("password") || lowered.contains("encrypt") || status == 3 {
            return ImportError(
                file: file, problem: "PDF 已加密（需要密码才能打开或提取文字），无法读取",
                fix: "向发布单位索取未加密的版本，或用密码打开后“另存为”不加密的 PDF 再导入")
        }
        let first = messages.split(separator: "\n").first.map { "（\($0.prefix(80))）" } ?? ""
        return ImportError(
            file: file, problem: "PDF 已损坏或不完整，无法读出文字\(first)",
            fix: "重新下载该 PDF，并确认能在 PDF 阅读器中正常打开")
    }

    /// Reads pdftotext's XHTML (`page` / `block` / `line` / `word` with `xMin yMin xMax yMax`).
    static func parse(_ data: Data, file: String) throws(ImportError) -> PDFText {
        var pages: [Page] = []
        var line: Line?
        var word: Word?
        try HTMLTree.walk(data, file: file, format: "PDF 文字") { event in
            switch event {
            case .start("page", let attribute):
                pages.append(Page(number: pages.count + 1, width: coordinate(attribute("width")), blocks: []))
            case .start("block", _) where !pages.isEmpty:
                pages[pages.count - 1].blocks.append([])
            case .start("line", let attribute):
                line = Line(words: [], box: box(attribute))
            case .start("word", let attribute):
                word = Word(text: "", box: box(attribute))
            case .text(let text):
                word?.text += text
            case .end("word"):
                if let finished = word, !finished.text.trimmingCharacters(in: .whitespaces).isEmpty {
                    line?.words.append(finished)
                }
                word = nil
            case .end("line"):
                if let finished = line, !finished.words.isEmpty, !pages.isEmpty, !pages[pages.count - 1].blocks.isEmpty
                {
                    pages[pages.count - 1].blocks[pages[pages.count - 1].blocks.count - 1].append(finished)
                }
                line = nil
            case .end("block"):
                if let last = pages.last?.blocks.last, last.isEmpty { pages[pages.count - 1].blocks.removeLast() }
            default:
                break
            }
        }
        return PDFText(pages: pages)
    }

    private static func box(_ attribute: (String) -> String?) -> PageBox {
        PageBox(
            left: coordinate(attribute("xmin")), top: coordinate(attribute("ymin")),
            right: coordinate(attribute("xmax")), bottom: coordinate(attribute("ymax")))
    }

    /// A position in points; 0 when missing, unreadable or not finite (`nan`, `inf`, `1e999` would make every
    /// comparison of the layout meaningless).
    private static func coordinate(_ text: String?) -> Double {
        guard let value = Double(text ?? ""), value.isFinite else { return 0 }
        return value
    }
}
