import Foundation

/// Texts written once in order to an unlinked temporary file and read back once in the same order: a report's
/// per-form parts wait there, off the heap, until the cross-form findings that go between them are known.
/// The file has no name from the moment it is created, so nothing is left behind, whatever happens.
final class Spool {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var readOffset = 0
    static let blockSize = 1 << 20

    init() throws(FormFileError) {
        let template = (NSTemporaryDirectory() as NSString).appendingPathComponent("jixiao-spool-XXXXXX")
        var path = Array(template.utf8CString)
        let descriptor = path.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw FormFileError(
                file: template, problem: "无法创建临时文件（\(String(cString: strerror(errno)))）",
                fix: "检查临时文件夹（TMPDIR）是否存在、可写且有剩余空间")
        }
        path.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    func append(_ text: String) throws(FormFileError) {
        append(UInt32(text.utf8.count))
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Spool.blockSize { try flush() }
    }

    func append(_ number: Int) { append(UInt32(truncatingIfNeeded: number)) }

    private func append(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) }
    }

    private func flush() throws(FormFileError) {
        var written = 0
        while written < buffer.count {
            let count = buffer[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else {
                throw FormFileError(
                    file: NSTemporaryDirectory(), problem: "写临时文件失败（\(String(cString: strerror(errno)))）",
                    fix: "检查临时文件夹（TMPDIR）的剩余空间")
            }
            written += count
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Ends writing: what follows reads from the start.
    func rewind() throws(FormFileError) {
        try flush()
        lseek(descriptor, 0, SEEK_SET)
        readOffset = 0
    }

    func readText() throws(FormFileError) -> String {
        let count = Int(try readNumber())
        try fill(count)
        defer { readOffset += count }
        return String(decoding: buffer[readOffset..<readOffset + count], as: UTF8.self)
    }

    func readNumber() throws(FormFileError) -> UInt32 {
        try fill(4)
        defer { readOffset += 4 }
        return buffer[readOffset..<readOffset + 4].reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// Makes `count` unread bytes available in the buffer.
    private func fill(_ count: Int) throws(FormFileError) {
        guard buffer.count - readOffset < count else { return }
        buffer.removeSubrange(0..<readOffset)
        readOffset = 0
        let block = max(Spool.blockSize, count)
        while buffer.count < count {
            let start = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: block))
            let got = buffer[start...].withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            buffer.removeSubrange((start + max(got, 0))...)
            guard got > 0 else {
                throw FormFileError(
                    file: NSTemporaryDirectory(), problem: "读临时文件失败：内容不完整", fix: "检查临时文件夹（TMPDIR）是否可用后重试")
            }
        }
    }
}

/// A report written to standard output in large blocks as it is produced (through `print`, so nothing else
/// printed can come between them out of order).
public struct StandardOutput: TextOutputStream {
    private var pending = ""

    public init() {}

    public mutating func write(_ string: String) {
        pending += string
        if pending.utf8.count >= 1 << 16 { flush() }
    }

    public mutating func flush() {
        guard !pending.isEmpty else { return }
        print(pending, terminator: "")
        pending = ""
    }
}
