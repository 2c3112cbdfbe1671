import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Headless Chromium driven through the DevTools protocol over `--remote-debugging-pipe`: commands are JSON
/// messages ending in a NUL byte, written to the browser's fd 3; answers and events come back on its fd 4.
/// No WebSocket and no library needed. Every wait is bounded.
final class Chromium: @unchecked Sendable {
    enum Failure: Error, CustomStringConvertible {
        case notInstalled
        case launch(String)
        case protocolError(String)
        case timeout(String)

        var description: String {
            switch self {
            case .notInstalled: "Chromium is not installed"
            case .launch(let why): "Chromium did not start: \(why)"
            case .protocolError(let why): "DevTools: \(why)"
            case .timeout(let what): "timed out waiting for \(what)"
            }
        }
    }

    /// The browser executable, when installed (Debian's package `chromium`).
    static var executable: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    private let pid: pid_t
    private let toBrowser: Int32
    private let fromBrowser: Int32
    private let profile: URL
    private let queue = DispatchQueue(label: "chromium-devtools")
    private var pending: [UInt8] = []
    private var nextID = 1
    /// The page session commands are sent to.
    private var session: String?

    init(width: Int = 1360, height: Int = 900) throws {
        guard let executable = Chromium.executable else { throw Failure.notInstalled }
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        var commands: [Int32] = [0, 0]
        var answers: [Int32] = [0, 0]
        guard pipe(&commands) == 0, pipe(&answers) == 0 else { throw Failure.launch("pipe: \(errno)") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, commands[0], 3)
        posix_spawn_file_actions_adddup2(&actions, answers[1], 4)
        let devNull = open("/dev/null", O_WRONLY)
        posix_spawn_file_actions_adddup2(&actions, devNull, 1)
        posix_spawn_file_actions_adddup2(&actions, devNull, 2)
        let arguments = [
            executable, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--remote-debugging-pipe", "--no-first-run", "--no-default-browser-check", "--hide-scrollbars",
            "--disable-extensions", "--lang=zh-CN", "--window-size=\(width),\(height)",
            "--user-data-dir=\(profile.path)", "about:blank",
        ]
        let argv = arguments.map { strdup($0) } + [nil]
        let environment = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + environment { free(pointer) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, nil, argv, environment)
        Glibc.close(commands[0])
        Glibc.close(answers[1])
        Glibc.close(devNull)
        guard status == 0 else { throw Failure.launch("posix_spawn: \(status)") }
        pid = child
        toBrowser = commands[1]
        fromBrowser = answers[0]
    }

    deinit { quit() }

    private var running = true

    /// Stops the browser (SIGTERM, then SIGKILL after 5 s) and removes its profile.
    func quit() {
        guard running else { return }
        running = false
        kill(pid, SIGTERM)
        var status: Int32 = 0
        for _ in 0..<50 where waitpid(pid, &status, WNOHANG) == 0 { usleep(100_000) }
        if waitpid(pid, &status, WNOHANG) == 0 {
            kill(pid, SIGKILL)
            waitpid(pid, &status, 0)
        }
        Glibc.close(toBrowser)
        Glibc.close(fromBrowser)
        try? FileManager.default.removeItem(at: profile)
    }

    // MARK: Protocol

    /// Sends a command (to the page session once attached) and waits for its answer, off the cooperative pool.
    @discardableResult
    func send(
        _ method: String, _ params: [String: Any] = [:], browserLevel: Bool = false, timeout: TimeInterval = 30
    ) async throws -> [String: Any] {
        let message = try JSONSerialization.data(withJSONObject: params)
        let parameters = String(decoding: message, as: UTF8.self)
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                do {
                    continuation.resume(
                        returning: try self.call(method, parameters, browserLevel: browserLevel, timeout: timeout))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    private func call(
        _ method: String, _ parameters: String, browserLevel: Bool, timeout: TimeInterval
    ) throws -> [String: Any] {
        let id = nextID
        nextID += 1
        var text = "{\"id\":\(id),\"method\":\"\(method)\",\"params\":\(parameters)"
        if !browserLevel, let session { text += ",\"sessionId\":\"\(session)\"" }
        var bytes = Array((text + "}").utf8) + [0]
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeMutableBytes { write(toBrowser, $0.baseAddress! + written, $0.count - written) }
            guard count > 0 else { throw Failure.protocolError("write failed: \(errno)") }
            written += count
        }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let message = try readMessage(until: deadline, what: method)
            guard message["id"] as? Int == id else { continue }  // events and other answers
            if let error = message["error"] as? [String: Any] {
                throw Failure.protocolError("\(method): \(error["message"] ?? error)")
            }
            return message["result"] as? [String: Any] ?? [:]
        }
    }

    private func readMessage(until deadline: Date, what: String) throws -> [String: Any] {
        while true {
            if let end = pending.firstIndex(of: 0) {
                let data = Data(pending[..<end])
                pending.removeSubrange(...end)
                return (try JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
            }
            let remaining = Int32(max(0, deadline.timeIntervalSinceNow * 1000))
            guard remaining > 0 else { throw Failure.timeout(what) }
            var poller = pollfd(fd: fromBrowser, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, remaining) > 0 else { throw Failure.timeout(what) }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let count = read(fromBrowser, &chunk, chunk.count)
            guard count > 0 else { throw Failure.protocolError("browser closed the pipe") }
            pending.append(contentsOf: chunk[..<count])
        }
    }

    // MARK: Page

    /// Attaches to the first page, as the target of every later command.
    func attach() async throws {
        let targets = try await send("Target.getTargets", browserLevel: true)
        guard
            let page = (targets["targetInfos"] as? [[String: Any]])?.first(where: { $0["type"] as? String == "page" }),
            let target = page["targetId"] as? String
        else { throw Failure.protocolError("no page target") }
        let attached = try await send(
            "Target.attachToTarget", ["targetId": target, "flatten": true], browserLevel: true)
        session = attached["sessionId"] as? String
        try await send("Page.enable")
        try await send("Runtime.enable")
    }

    /// Evaluates JavaScript in the page and returns its value (strings, numbers, booleans).
    @discardableResult
    func evaluate(_ script: String) async throws -> Any? {
        let result = try await send(
            "Runtime.evaluate", ["expression": script, "returnByValue": true, "awaitPromise": true])
        if let exception = result["exceptionDetails"] as? [String: Any] {
            throw Failure.protocolError(
                "script failed: \(exception["text"] ?? "")\((exception["exception"] as? [String: Any])?["description"] ?? "")"
            )
        }
        return (result["result"] as? [String: Any])?["value"]
    }

    /// Waits until `condition` (JavaScript) is true.
    func wait(for condition: String, _ what: String, timeout: TimeInterval = 15) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if (try? await evaluate("Boolean(\(condition))")) as? Bool == true { return }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        throw Failure.timeout(what)
    }

    func navigate(_ url: String) async throws {
        try await send("Page.navigate", ["url": url])
        try await waitForPage(url.components(separatedBy: "?")[0].replacingOccurrences(of: "http://", with: ""))
    }

    /// Waits for a page whose address contains `fragment` to finish loading.
    func waitForPage(_ fragment: String, timeout: TimeInterval = 15) async throws {
        try await wait(
            for: "document.readyState === 'complete' && location.href.includes(\(Chromium.quote(fragment)))",
            "page \(fragment)", timeout: timeout)
    }

    /// Types into a field as a person would (focus, then text input events).
    func type(_ text: String, into selector: String) async throws {
        try await evaluate(
            "(() => { const e = document.querySelector(\(Chromium.quote(selector))); e.focus(); e.select(); return true })()"
        )
        try await send("Input.insertText", ["text": text])
    }

    /// Presses a key without text (Tab, Enter) as a keyboard would: the browser moves focus itself.
    func press(_ key: String, code: Int, shift: Bool = false) async throws {
        let modifiers = shift ? 8 : 0
        for type in ["rawKeyDown", "keyUp"] {
            try await send(
                "Input.dispatchKeyEvent",
                [
                    "type": type, "key": key, "code": key, "windowsVirtualKeyCode": code,
                    "nativeVirtualKeyCode": code, "modifiers": modifiers,
                ])
        }
    }

    func click(_ selector: String) async throws {
        try await evaluate("document.querySelector(\(Chromium.quote(selector))).click()")
    }

    func text(_ selector: String) async throws -> String {
        (try await evaluate("(document.querySelector(\(Chromium.quote(selector))) || {}).textContent || ''")) as? String
            ?? ""
    }

    /// A PNG of the whole page.
    func screenshot() async throws -> Data {
        let metrics = try await send("Page.getLayoutMetrics")
        let size = metrics["cssContentSize"] as? [String: Any] ?? [:]
        let width = (size["width"] as? Double) ?? 1360
        let height = min((size["height"] as? Double) ?? 900, 6000)
        let shot = try await send(
            "Page.captureScreenshot",
            [
                "format": "png", "captureBeyondViewport": true,
                "clip": ["x": 0, "y": 0, "width": width, "height": height, "scale": 1],
            ])
        guard let base64 = shot["data"] as? String, let data = Data(base64Encoded: base64) else {
            throw Failure.protocolError("no screenshot data")
        }
        return data
    }

    static func quote(_ text: String) -> String {
        let data = try? JSONSerialization.data(withJSONObject: [text])
        return String(String(decoding: data ?? Data("[\"\"]".utf8), as: UTF8.self).dropFirst().dropLast())
    }
}
