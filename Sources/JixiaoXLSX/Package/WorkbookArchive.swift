import Foundation
import ZIPFoundation

/// The zip container of an .xlsx (or .docx) file, opened defensively: the zip's structure is checked first
/// (`ZipDirectory`: every offset and size inside the file), the file, the number of entries, each entry's and the
/// total uncompressed size and the compression ratio are capped before anything is inflated, and the caps are
/// enforced again while inflating (the sizes in a zip header can lie). ZIPFoundation reads the archive from the
/// file, never from its in-memory emulation, whose reads past the end trap instead of failing.
package final class WorkbookArchive {
    /// Caps for untrusted workbooks. A real 自评表 workbook is 10–50 KB packed and well under 1 MB unpacked.
    package struct Limits: Sendable {
        var fileBytes = 64 * 1024 * 1024
        var entryCount = 2_000
        var entryBytes: UInt64 = 64 * 1024 * 1024
        var totalBytes: UInt64 = 256 * 1024 * 1024
        /// Uncompressed ÷ compressed, checked for entries above `ratioFloorBytes` (small parts such as
        /// styles legitimately compress very well).
        var compressionRatio: UInt64 = 200
        var ratioFloorBytes: UInt64 = 1024 * 1024

        package init() {}
    }

    /// What the package is, for messages: an Excel workbook or a Word document.
    package struct Kind: Sendable {
        /// `工作簿`, `Word 文档`.
        let noun: String
        /// `在 Excel 或 WPS 中打开后另存为 .xlsx`.
        let resave: String
        /// The old binary format and its extension (`旧版 Excel（.xls）`).
        let legacy: String
        let ext: String

        package static let workbook = Kind(
            noun: "Excel 工作簿", resave: "在 Excel 或 WPS 中打开后另存为 .xlsx", legacy: "旧版 Excel（.xls）", ext: "xlsx")
        package static let wordDocument = Kind(
            noun: "Word 文档", resave: "在 Word 或 WPS 中打开后另存为 .docx", legacy: "旧版 Word（.doc）", ext: "docx")
    }

    private let archive: Archive
    private let limits: Limits
    private let kind: Kind
    /// Entries by normalised path (lower case, `/` separators, no leading `/`): OPC part names are
    /// case-insensitive.
    private let entries: [String: Entry]
    private var inflatedBytes: UInt64 = 0

    package init(url: URL, kind: Kind = .workbook, limits: Limits = Limits()) throws(WorkbookError) {
        self.limits = limits
        self.kind = kind
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue
        guard let size else {
            throw WorkbookError(problem: "无法打开文件", fix: "确认文件路径正确且有读取权限")
        }
        guard size > 0 else {
            throw WorkbookError(problem: "文件为空（0 字节）", fix: "重新导出，或\(kind.resave)")
        }
        guard size <= limits.fileBytes else {
            throw WorkbookError(
                problem: "文件大小 \(size / 1024 / 1024) MB，超过\(kind.noun)上限 \(limits.fileBytes / 1024 / 1024) MB",
                fix: "确认这是含绩效自评表或目标表的\(kind.noun)；只需保留表单所在的部分")
        }
        guard let data = try? Data(contentsOf: url) else {
            throw WorkbookError(problem: "无法读取文件", fix: "确认文件路径正确且有读取权限")
        }
        try WorkbookArchive.checkSignature(data, kind: kind)
        try ZipDirectory.validate(data, maximumEntries: limits.entryCount)
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw WorkbookError(
                problem: "文件已损坏或不完整（找不到 ZIP 目录，可能下载或复制时被截断）",
                fix: "重新下载或导出该\(kind.noun)，并确认能正常打开")
        }
        var entries: [String: Entry] = [:]
        var declaredTotal: UInt64 = 0
        for entry in archive {
            guard entries.count < limits.entryCount else {
                throw WorkbookError(
                    problem: "压缩包内文件超过 \(limits.entryCount) 个，不像是\(kind.noun)",
                    fix: "确认文件来源；\(kind.resave)再导入")
            }
            try WorkbookArchive.check(entry, limits: limits, kind: kind)
            declaredTotal += entry.uncompressedSize
            guard declaredTotal <= limits.totalBytes else {
                throw WorkbookError(
                    problem: "解压后总大小超过 \(limits.totalBytes / 1024 / 1024) MB（疑似压缩炸弹）",
                    fix: "确认文件来源；含绩效表的\(kind.noun)解压后通常不足 1 MB")
            }
            entries[WorkbookArchive.key(entry.path)] = entry
        }
        guard !entries.isEmpty else {
            throw WorkbookError(problem: "压缩包是空的或目录已损坏", fix: "重新下载或导出该\(kind.noun)")
        }
        self.archive = archive
        self.entries = entries
    }

    /// The bytes of one part, or nil when the package has no such part.
    package func part(_ path: String) throws(WorkbookError) -> Data? {
        guard let entry = entries[WorkbookArchive.key(path)] else { return nil }
        var data = Data()
        // The declared size was checked against the caps; inflating more than declared means the header lied.
        let cap = min(
            entry.uncompressedSize, limits.entryBytes, limits.totalBytes - min(inflatedBytes, limits.totalBytes))
        do {
            let checksum = try archive.extract(entry) { chunk in
                data.append(chunk)
                if UInt64(data.count) > cap { throw SizeExceeded() }
            }
            guard checksum == entry.checksum else {
                throw WorkbookError(problem: "压缩包内“\(entry.path)”校验失败（文件已损坏）", fix: "重新下载或导出该\(kind.noun)")
            }
        } catch let error as WorkbookError {
            throw error
        } catch is SizeExceeded {
            throw WorkbookError(
                problem: "压缩包内“\(entry.path)”解压后超过声明的大小或上限（疑似压缩炸弹）",
                fix: "确认文件来源；\(kind.resave)再导入")
        } catch {
            throw WorkbookError(
                problem: "压缩包内“\(entry.path)”无法解压（文件已损坏或不完整）",
                fix: "重新下载或导出该\(kind.noun)，并确认能正常打开")
        }
        inflatedBytes += UInt64(data.count)
        return data
    }

    private struct SizeExceeded: Error {}

    private static func key(_ path: String) -> String {
        var text = path.replacingOccurrences(of: "\\", with: "/").lowercased()
        while text.hasPrefix("/") { text.removeFirst() }
        return text
    }

    /// Declared sizes and ratio of one entry, before it is inflated.
    private static func check(_ entry: Entry, limits: Limits, kind: Kind) throws(WorkbookError) {
        guard entry.uncompressedSize <= limits.entryBytes else {
            throw WorkbookError(
                problem:
                    "压缩包内“\(entry.path)”解压后有 \(entry.uncompressedSize / 1024 / 1024) MB，超过单个部件上限 \(limits.entryBytes / 1024 / 1024) MB（疑似压缩炸弹）",
                fix: "确认文件来源；含绩效表的\(kind.noun)解压后通常不足 1 MB")
        }
        let compressed = max(entry.compressedSize, 1)
        if entry.uncompressedSize > limits.ratioFloorBytes,
            entry.uncompressedSize / compressed > limits.compressionRatio
        {
            throw WorkbookError(
                problem: "压缩包内“\(entry.path)”的压缩比为 \(entry.uncompressedSize / compressed):1，远超正常\(kind.noun)（疑似压缩炸弹）",
                fix: "确认文件来源；\(kind.resave)再导入")
        }
    }

    /// Recognises what the file is before treating it as a zip, so the message says what went wrong.
    private static func checkSignature(_ data: Data, kind: Kind) throws(WorkbookError) {
        let head = [UInt8](data.prefix(8))
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw WorkbookError(
                problem: "这是\(kind.legacy)文件或加密的\(kind.noun)，不是 .\(kind.ext)",
                fix: "去掉密码后\(kind.resave)再导入")
        }
        let looksLikeText = head.allSatisfy { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || ($0 >= 0x20 && $0 != 0x7F) }
        throw WorkbookError(
            problem: looksLikeText
                ? "文件内容是文本，不是 \(kind.noun)（.\(kind.ext) 实为 ZIP 压缩包）"
                : "文件不是 \(kind.noun)（.\(kind.ext) 实为 ZIP 压缩包，此文件不是）",
            fix: "确认选对了文件；只改扩展名不能把其他文件变成 .\(kind.ext)，请\(kind.resave)")
    }
}
