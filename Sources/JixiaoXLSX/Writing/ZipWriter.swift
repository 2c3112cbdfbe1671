import Foundation
import ZIPFoundation

/// Writes a zip archive in memory (deflated entries): the parts of an .xlsx, or a batch of files to download.
public enum ZipWriter {
    /// The archive of `entries` (path inside the archive, bytes), in the order given.
    public static func archive(_ entries: [(path: String, data: Data)]) throws(WorkbookWriteError) -> Data {
        do {
            let archive = try Archive(accessMode: .create)
            for (path, data) in entries {
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(data.count),
                    modificationDate: Date(timeIntervalSince1970: 1_704_067_200), compressionMethod: .deflate
                ) { position, size in
                    let start = Int(position)
                    return data.subdata(in: start..<min(data.count, start + size))
                }
            }
            guard let data = archive.data else { throw WorkbookWriteError(problem: "压缩文件没有生成内容") }
            return data
        } catch let error as WorkbookWriteError {
            throw error
        } catch {
            throw WorkbookWriteError(problem: "无法生成压缩文件（\(error)）")
        }
    }
}

/// Writing a workbook or archive failed (in memory, so only an internal fault can cause it).
public struct WorkbookWriteError: Error, Sendable, CustomStringConvertible {
    public let problem: String
    public var description: String { problem }
}
