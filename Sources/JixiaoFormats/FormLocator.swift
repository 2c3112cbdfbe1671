import Foundation
import JixiaoCore

/// A form read from a file.
public struct LoadedForm: Sendable, Hashable {
    /// The path as the user will recognise it (relative paths stay relative).
    public let file: String
    public let form: Form

    public init(file: String, form: Form) {
        self.file = file
        self.form = form
    }
}

/// Finds form files under the paths a user names and reads them all, collecting every failure instead of
/// stopping at the first. Batch commands read them as a `FormFiles` source instead, never all at once.
public enum FormLocator {
    public static let extensions: Set<String> = ["yaml", "yml"]

    public struct Result: Sendable {
        public var forms: [LoadedForm] = []
        public var errors: [FormFileError] = []
    }

    /// Form files under `paths` (files as given; folders recursively, sorted so output is stable). A folder's
    /// policy files (`PolicyFile.isPolicyFile`) are not forms and are left out.
    public static func files(in paths: [String]) -> (files: [String], errors: [FormFileError]) {
        var files: [String] = []
        var errors: [FormFileError] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                errors.append(FormFileError(file: path, problem: "路径不存在", fix: "检查路径拼写，或先进入仓库根目录再运行"))
                continue
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            guard let walker = manager.enumerator(atPath: path) else { continue }
            var found: [String] = []
            for case let relative as String in walker {
                // The name and its extension from the bytes (`NSString` would copy every path to UTF-16).
                let name =
                    relative.utf8.lastIndex(of: UInt8(ascii: "/")).map { relative[relative.index(after: $0)...] }
                    ?? relative[...]
                if name.utf8.first == UInt8(ascii: ".") { continue }
                let dot = name.utf8.lastIndex(of: UInt8(ascii: "."))
                if let dot, extensions.contains(name[name.index(after: dot)...].lowercased()) {
                    found.append((path as NSString).appendingPathComponent(relative))
                }
            }
            // Each file's head is read to tell a policy file: on every core, a province holding 100 000.
            let candidates = found
            let isPolicy = Parallel.map(candidates.count) { PolicyFile.isPolicyFile(candidates[$0]) }
            files.append(contentsOf: zip(candidates, isPolicy).filter { !$0.1 }.map(\.0).sorted())
        }
        return (files, errors)
    }

    /// Reads every form file under `paths` (on every core).
    public static func load(_ paths: [String]) -> Result {
        let source = FormFiles(paths)
        var result = Result(errors: source.errors)
        for item in FormPipeline(source, prepare: { form, _, _ in form }) {
            switch item {
            case .form(let position, _, let form):
                result.forms.append(LoadedForm(file: source.files[position], form: form))
            case .unreadable(_, let error): result.errors.append(error)
            }
        }
        return result
    }

    /// Reads a file, refusing one larger than a form file can be without loading it whole. Through `open`,
    /// `fstat` and `read`: a province is 100 000 files, and `FileManager` + `URL` + `Data(contentsOf:)` cost a
    /// tenth of reading a form. Any failure throws; the caller says why from the path (`FileReadProblem`).
    static func readLimited(_ file: String) throws -> Data {
        let descriptor = open(file, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw CocoaError(.fileReadUnknown) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT != S_IFDIR else {
            throw CocoaError(.fileReadUnknown)
        }
        let limit = FormFileReader.maximumBytes
        if Int(status.st_size) > limit { throw FormFileReader.tooLarge(file, bytes: Int(status.st_size)) }
        // One byte more than the size tells a file that grew (or a device whose size is 0) from one read whole.
        var buffer = [UInt8](repeating: 0, count: max(Int(status.st_size), 0) + 1)
        var length = 0
        while true {
            if length == buffer.count {
                guard buffer.count <= limit else { throw FormFileReader.tooLarge(file, bytes: buffer.count) }
                buffer.append(contentsOf: repeatElement(0, count: min(buffer.count, 1 << 16)))
            }
            let count = buffer.withUnsafeMutableBytes { bytes -> Int in
                guard let base = bytes.baseAddress else { return -1 }
                return read(descriptor, base + length, bytes.count - length)
            }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw CocoaError(.fileReadUnknown)
            }
            length += count
        }
        guard length <= limit else { throw FormFileReader.tooLarge(file, bytes: length) }
        return Data(buffer[..<length])
    }
}
