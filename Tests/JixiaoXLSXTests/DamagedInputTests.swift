import Foundation
import JixiaoFormats
import Testing

@testable import JixiaoXLSX

/// Files that are not (or no longer) readable workbooks give a clear Chinese error, never a crash.
@Suite struct DamagedInputTests {
    /// A scratch folder for inputs made at run time.
    static func scratch(_ name: String, _ data: Data) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    /// The import error for `url`, or nil when the import succeeded.
    static func importError(_ url: URL) -> ImportError? {
        do {
            _ = try XLSXImporter().importForms(from: url)
            return nil
        } catch {
            return error
        }
    }

    static let seed = XLSXTestSupport.fixture("selfeval-000-会议培训费.xlsx")

    @Test(arguments: [
        ("damaged/bomb-ratio.xlsx", "压缩比"),
        ("damaged/bomb-lying-size.xlsx", "超过声明的大小"),
        ("damaged/bomb-entries.xlsx", "超过 2000 个"),
        ("damaged/dtd.xlsx", "文档类型声明"),
        ("damaged/malformed-xml.xlsx", "不是格式正确的 XML"),
        ("damaged/not-a-workbook.xlsx", "不是 Excel 工作簿"),
    ])
    func craftedArchiveIsRefused(_ fixture: String, _ expected: String) throws {
        let error = try #require(Self.importError(XLSXTestSupport.fixture(fixture)))
        #expect(error.problem.contains(expected), "\(error)")
        #expect(error.file.hasSuffix(fixture))
        #expect(!error.fix.isEmpty)
    }

    @Test func emptyFile() throws {
        let error = try #require(Self.importError(try Self.scratch("空.xlsx", Data())))
        #expect(error.problem.contains("文件为空"), "\(error)")
    }

    @Test func textRenamedToXLSX() throws {
        let error = try #require(Self.importError(try Self.scratch("自评表.xlsx", Data("项目名称,会议培训费\n".utf8))))
        #expect(error.problem.contains("文件内容是文本"), "\(error)")
    }

    @Test func legacyExcelRenamedToXLSX() throws {
        let ole = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: UInt8(0), count: 504))
        let error = try #require(Self.importError(try Self.scratch("旧版.xlsx", ole)))
        #expect(error.problem.contains(".xls"), "\(error)")
    }

    @Test func binaryGarbage() throws {
        var generator = SplitMix(seed: 5)
        let bytes = Data((0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
        let error = try #require(Self.importError(try Self.scratch("乱码.xlsx", bytes)))
        #expect(error.problem.contains("不是 Excel 工作簿"), "\(error)")
    }

    @Test func missingFile() throws {
        let error = try #require(Self.importError(URL(fileURLWithPath: "/nonexistent/jixiao/缺失.xlsx")))
        #expect(error.problem.contains("无法打开文件"), "\(error)")
    }

    /// Cut anywhere, a workbook is refused with a message (the zip directory sits at the end).
    @Test func truncatedAtManyLengths() throws {
        let data = try Data(contentsOf: Self.seed)
        for length in stride(from: 1, to: data.count, by: max(1, data.count / 40)) + [data.count - 1] {
            let error = try #require(
                Self.importError(try Self.scratch("截断.xlsx", data.prefix(length))),
                "truncated to \(length) bytes still imported")
            #expect(error.problem.contains("损坏") || error.problem.contains("不是 Excel 工作簿"), "\(length): \(error)")
        }
    }

    /// Bytes flipped anywhere: either an error or forms; never a crash or a hang.
    @Test func flippedBytesNeverCrash() throws {
        let original = try Data(contentsOf: Self.seed)
        var generator = SplitMix(seed: 17)
        for _ in 0..<150 {
            var data = original
            let position = Int(generator.next() % UInt64(data.count))
            data[position] ^= UInt8(truncatingIfNeeded: generator.next() | 1)
            let url = try Self.scratch("翻转.xlsx", data)
            if let error = Self.importError(url) {
                #expect(!error.problem.isEmpty && !error.fix.isEmpty)
            }
        }
    }

    /// Workbooks on which ZIPFoundation's in-memory archive once trapped (`Range requires lowerBound <=
    /// upperBound`): refused with a Chinese message.
    @Test(arguments: ["xlsx_1_00060.xlsx", "xlsx_2_01397.xlsx", "xlsx_2_02180.xlsx", "zip-offset-past-eof.xlsx"])
    func fuzzCrashIsRefused(_ name: String) throws {
        let error = try #require(Self.importError(XLSXTestSupport.fixture("fuzz-crashes/" + name)))
        #expect(error.problem.contains("文件已损坏"), "\(error)")
        #expect(!error.fix.isEmpty)
    }

    /// The class behind those crashes, in general: every offset and size of the end record and of each
    /// central-directory record pointed past the end, to the end, or to the largest value, is refused.
    @Test func everyDirectoryOffsetOutOfRangeIsRefused() throws {
        let original = [UInt8](try Data(contentsOf: Self.seed))
        let end = try #require(
            (0...(original.count - 22)).reversed().first { Self.uint32(original, $0) == 0x0605_4B50 })
        let directory = Int(Self.uint32(original, end + 16))
        var records: [Int] = []
        var position = directory
        while position < end, Self.uint32(original, position) == 0x0201_4B50 {
            records.append(position)
            position +=
                46 + Int(Self.uint16(original, position + 28)) + Int(Self.uint16(original, position + 30))
                + Int(Self.uint16(original, position + 32))
        }
        #expect(records.count > 3)
        // (field offset, width): the end record's entry count, directory size and offset; each record's
        // compressed size, local header offset, name and extra lengths. An uncompressed size is only a cap
        // (the inflated bytes are checked against it), so a larger one may still read: it must not crash.
        var mustRefuse = [(end + 10, 2), (end + 12, 4), (end + 16, 4)]
        var mayRead: [(Int, Int)] = []
        for record in records {
            mustRefuse += [(record + 20, 4), (record + 42, 4), (record + 28, 2), (record + 30, 2)]
            mayRead.append((record + 24, 4))
        }
        let values: [UInt64] = [UInt64(original.count), UInt64(original.count + 1), 0xFFFF_FFFE, 0xFFFF_FFFF]
        for (fields, refuse) in [(mustRefuse, true), (mayRead, false)] {
            for (offset, width) in fields {
                for value in values {
                    var bytes = original
                    for index in 0..<width { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
                    let error = Self.importError(try Self.scratch("目录.xlsx", Data(bytes)))
                    if refuse { #expect(error != nil, "offset \(offset) = \(value) was read") }
                    if let error { #expect(!error.problem.isEmpty && !error.fix.isEmpty) }
                }
            }
        }
    }

    static func uint16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    static func uint32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(uint16(bytes, offset)) | UInt32(uint16(bytes, offset + 2)) << 16
    }

    /// A workbook.xml that lists one sheet part as often as the cap allows reads it once (it was parsed each time: 20 s from
    /// an 11 KB file); more sheets than the cap are refused before any is read.
    @Test func aSheetListedManyTimesIsReadOnce() throws {
        let archive = try WorkbookArchive(url: Self.seed)
        let paths = [
            "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml",
            "xl/worksheets/sheet1.xml",
        ]
        var entries: [(path: String, data: Data)] = try paths.compactMap { path in
            try archive.part(path).map { (path, $0) }
        }
        let workbook = String(decoding: try #require(try archive.part("xl/workbook.xml")), as: UTF8.self)
        let sheet = try #require(workbook.range(of: "<sheet [^>]*/>", options: .regularExpression))
        func listing(_ count: Int) -> Data {
            let copies = (0..<count).map { workbook[sheet].replacingOccurrences(of: "name=\"", with: "name=\"\($0)") }
            return Data(workbook.replacingCharacters(in: sheet, with: copies.joined()).utf8)
        }
        entries.append(("xl/workbook.xml", listing(WorkbookReader.maxSheets)))
        let many = try Self.scratch("重复.xlsx", try ZipWriter.archive(entries))
        #expect(try WorkbookReader.read(many).sheets.count == 1)
        entries[entries.count - 1] = ("xl/workbook.xml", listing(WorkbookReader.maxSheets + 1))
        let tooMany = try Self.scratch("过多.xlsx", try ZipWriter.archive(entries))
        let error = try #require(Self.importError(tooMany))
        #expect(error.problem.contains("超过 1000 个的上限"), "\(error)")
    }

    /// The caps on entry count, entry size and total size are checked on the zip directory before anything is
    /// inflated (what is inflated is capped again by the declared sizes: see bomb-lying-size.xlsx).
    @Test func archiveCapsAreCheckedBeforeInflating() throws {
        var limits = WorkbookArchive.Limits()
        limits.totalBytes = 4_000
        #expect(throws: WorkbookError.self) { _ = try WorkbookArchive(url: Self.seed, limits: limits) }
        limits = WorkbookArchive.Limits()
        limits.entryBytes = 1_000
        #expect(throws: WorkbookError.self) { _ = try WorkbookArchive(url: Self.seed, limits: limits) }
        limits = WorkbookArchive.Limits()
        limits.entryCount = 3
        #expect(throws: WorkbookError.self) { _ = try WorkbookArchive(url: Self.seed, limits: limits) }
        #expect(try WorkbookArchive(url: Self.seed).part("xl/workbook.xml") != nil)
    }
}

/// A small deterministic generator, so failures reproduce.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
