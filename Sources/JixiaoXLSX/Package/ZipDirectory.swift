import Foundation

/// The structure of a zip file, checked in plain bounds-checked Swift before ZIPFoundation reads it: the end
/// of central directory record, every central-directory record, every local header its record points to, the
/// span of each entry's data and its data descriptor. Every offset and size is checked against the file and
/// against each other, so no header can send a reader outside the file or overflow a size; ZIP64 (needed only
/// above 4 GB, far beyond the workbook cap), multi-disk archives, encryption and inconsistent descriptors are
/// refused. What passes is a zip whose every read ZIPFoundation makes lies inside the file.
enum ZipDirectory {
    static let endRecordSize = 22
    static let centralRecordSize = 46
    static let localHeaderSize = 30
    /// The end record's comment is at most 65 535 bytes, so the record starts within this distance of the end.
    static let endRecordSearch = endRecordSize + 0xFFFF

    /// Checks `data` and returns the number of entries; throws a Chinese explanation for the first fault.
    @discardableResult
    static func validate(_ data: Data, maximumEntries: Int) throws(WorkbookError) -> Int {
        let bytes = [UInt8](data)
        let end = try endRecord(bytes)
        guard end.disk == 0, end.directoryDisk == 0, end.entriesOnDisk == end.entries else {
            throw damaged("压缩包是分卷压缩的一部分（多磁盘 ZIP），Excel 工作簿不会这样保存")
        }
        guard end.entries != 0xFFFF, end.directorySize != 0xFFFF_FFFF, end.directoryOffset != 0xFFFF_FFFF,
            !hasZIP64Locator(bytes, endOffset: end.offset)
        else { throw damaged("压缩包使用 ZIP64 格式（只在 4 GB 以上才需要），不像是绩效表工作簿") }
        guard Int(end.entries) <= maximumEntries else {
            throw WorkbookError(
                problem: "压缩包内文件超过 \(maximumEntries) 个，不像是 Excel 工作簿",
                fix: "确认文件来源；在 Excel 中打开后另存为 .xlsx 再导入")
        }
        let directoryStart = Int(end.directoryOffset)
        let directoryEnd = directoryStart + Int(end.directorySize)
        guard directoryEnd <= end.offset else { throw damaged("压缩包目录的位置或大小超出文件范围") }
        var position = directoryStart
        for index in 0..<Int(end.entries) {
            position = try centralRecord(
                bytes, at: position, limit: directoryEnd, dataLimit: directoryStart, index: index)
        }
        return Int(end.entries)
    }

    private struct EndRecord {
        let offset: Int
        let disk: UInt16
        let directoryDisk: UInt16
        let entriesOnDisk: UInt16
        let entries: UInt16
        let directorySize: UInt32
        let directoryOffset: UInt32
    }

    /// The end record found as ZIPFoundation finds it: the signature nearest the end of the file.
    private static func endRecord(_ bytes: [UInt8]) throws(WorkbookError) -> EndRecord {
        guard bytes.count >= endRecordSize else { throw damaged("找不到 ZIP 目录，可能下载或复制时被截断") }
        let lowest = max(0, bytes.count - endRecordSearch)
        var offset = bytes.count - endRecordSize
        while offset >= lowest {
            if uint32(bytes, offset) == 0x0605_4B50 {
                return EndRecord(
                    offset: offset, disk: uint16(bytes, offset + 4), directoryDisk: uint16(bytes, offset + 6),
                    entriesOnDisk: uint16(bytes, offset + 8), entries: uint16(bytes, offset + 10),
                    directorySize: uint32(bytes, offset + 12), directoryOffset: uint32(bytes, offset + 16))
            }
            offset -= 1
        }
        throw damaged("找不到 ZIP 目录，可能下载或复制时被截断")
    }

    /// ZIPFoundation takes the ZIP64 locator (20 bytes before the end record) when its signature is there.
    private static func hasZIP64Locator(_ bytes: [UInt8], endOffset: Int) -> Bool {
        endOffset >= 20 && uint32(bytes, endOffset - 20) == 0x0706_4B50
    }

    /// Checks the central-directory record at `position` and the entry it describes; returns the next record's
    /// position. Entry data and descriptors must end before `dataLimit` (the start of the directory).
    private static func centralRecord(
        _ bytes: [UInt8], at position: Int, limit: Int, dataLimit: Int, index: Int
    ) throws(WorkbookError) -> Int {
        let ordinal = "第 \(index + 1) 个文件"
        guard position + centralRecordSize <= limit, uint32(bytes, position) == 0x0201_4B50 else {
            throw damaged("压缩包目录中\(ordinal)的记录不完整或位置错误")
        }
        let version = UInt8(truncatingIfNeeded: uint16(bytes, position + 6))
        let flags = uint16(bytes, position + 8)
        let method = uint16(bytes, position + 10)
        let compressed = uint32(bytes, position + 20)
        let uncompressed = uint32(bytes, position + 24)
        let nameLength = Int(uint16(bytes, position + 28))
        let extraLength = Int(uint16(bytes, position + 30))
        let commentLength = Int(uint16(bytes, position + 32))
        let diskStart = uint16(bytes, position + 34)
        let localOffset = uint32(bytes, position + 42)
        let next = position + centralRecordSize + nameLength + extraLength + commentLength
        guard next <= limit else { throw damaged("压缩包目录中\(ordinal)的名称或附加字段超出目录范围") }
        let extraStart = position + centralRecordSize + nameLength
        let extra = bytes[extraStart..<(extraStart + extraLength)]
        guard compressed != 0xFFFF_FFFF, uncompressed != 0xFFFF_FFFF, localOffset != 0xFFFF_FFFF, diskStart == 0,
            version < 45, !hasZIP64Field(extra)
        else { throw damaged("压缩包内\(ordinal)使用 ZIP64 或分卷格式，不像是绩效表工作簿") }
        guard flags & 1 == 0 else {
            throw WorkbookError(
                problem: "工作簿已加密（压缩包内\(ordinal)有密码保护）",
                fix: "在 Excel 或 WPS 中打开，去掉密码后“另存为”Excel 工作簿（.xlsx）再导入")
        }
        guard method == 0 || method == 8 else {
            throw damaged("压缩包内\(ordinal)使用了不支持的压缩方式（\(method)），Excel 工作簿只用“不压缩”或 Deflate")
        }
        guard method == 8 || compressed == uncompressed else {
            throw damaged("压缩包内\(ordinal)未压缩，但记录的压缩前后大小不同")
        }
        // The local header and the data it introduces.
        let local = Int(localOffset)
        guard local + localHeaderSize <= dataLimit, uint32(bytes, local) == 0x0403_4B50 else {
            throw damaged("压缩包目录中\(ordinal)指向的位置超出文件范围或不是文件头")
        }
        let localExtraStart = local + localHeaderSize + Int(uint16(bytes, local + 26))
        let dataStart = localExtraStart + Int(uint16(bytes, local + 28))
        guard dataStart <= dataLimit, !hasZIP64Field(bytes[localExtraStart..<dataStart]) else {
            throw damaged("压缩包内\(ordinal)的文件头超出文件范围或使用 ZIP64 格式")
        }
        let dataEnd = dataStart + Int(compressed)
        guard dataEnd <= dataLimit else { throw damaged("压缩包内\(ordinal)的数据超出文件范围（文件被截断？）") }
        if flags & (1 << 3) != 0 {
            // The data descriptor after the data (its signature is optional) must agree with the directory.
            var field = dataEnd
            if field + 4 <= dataLimit, uint32(bytes, field) == 0x0807_4B50 { field += 4 }
            guard field + 12 <= dataLimit, uint32(bytes, field + 4) == compressed,
                uint32(bytes, field + 8) == uncompressed
            else { throw damaged("压缩包内\(ordinal)的数据描述与目录记录不一致") }
        }
        return next
    }

    /// Whether an extra field carries a ZIP64 record (header 0x0001), walked as ZIPFoundation walks it.
    private static func hasZIP64Field(_ extra: ArraySlice<UInt8>) -> Bool {
        var offset = extra.startIndex
        while offset + 4 < extra.endIndex {
            let header = UInt16(extra[offset]) | UInt16(extra[offset + 1]) << 8
            let size = Int(UInt16(extra[offset + 2]) | UInt16(extra[offset + 3]) << 8)
            if header == 0x0001 { return true }
            offset += 4 + size
        }
        return false
    }

    private static func damaged(_ problem: String) -> WorkbookError {
        WorkbookError(
            problem: "文件已损坏或不完整（\(problem)）",
            fix: "重新下载或导出该工作簿，并确认能在 Excel 或 WPS 中打开")
    }

    /// Little-endian reads; callers have checked the range.
    private static func uint16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    private static func uint32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(uint16(bytes, offset)) | UInt32(uint16(bytes, offset + 2)) << 16
    }
}
