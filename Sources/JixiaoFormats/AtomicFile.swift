import Foundation

/// Writes files the way a user's data deserves: to a temporary file in the same folder, then renamed into
/// place, so a crash never leaves a half-written file; and never over a different existing file unless
/// asked.
public enum AtomicFile {
    public enum Outcome: Sendable, Equatable {
        case written
        /// The file already held exactly these bytes.
        case unchanged
    }

    public struct RefusedOverwrite: Error, CustomStringConvertible {
        public let path: String
        public var description: String {
            "\(path): 文件已存在且内容不同，未覆盖。修改建议：换一个输出文件夹，或确认后加 --overwrite"
        }
    }

    /// Writes `data` to `path` atomically. An existing file with identical bytes is left alone; a different
    /// one is replaced only when `overwrite` is set.
    @discardableResult
    public static func write(_ data: Data, to path: String, overwrite: Bool = false) throws -> Outcome {
        let manager = FileManager.default
        if manager.fileExists(atPath: path) {
            if let existing = manager.contents(atPath: path), existing == data { return .unchanged }
            if !overwrite { throw RefusedOverwrite(path: path) }
        }
        let url = URL(fileURLWithPath: path)
        try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary)
            // rename(2) replaces an existing file atomically. (FileManager.replaceItemAt on Linux removes the
            // original and then fails, losing it.)
            if rename(temporary.path, url.path) != 0 {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        } catch {
            try? manager.removeItem(at: temporary)
            throw error
        }
        return .written
    }
}
