import Foundation
import JixiaoCore
import JixiaoFormats
import Testing

/// Bad form files: each is refused with the file, line, column and field path that locate the problem, and a
/// Chinese message saying what is wrong and how to fix it.
@Suite struct FormFileErrorTests {
    static let file = "坏表单.yaml"

    /// A small valid self-evaluation; the cases below break one line of it. Line numbers on the right.
    static let valid = [
        "form: self-evaluation",  // 1
        "year: 2023",  // 2
        "project: 会议培训费",  // 3
        "department: 209-山西省人力资源和社会保障厅",  // 4
        "agency: 209100-山西省社会保险局",  // 5
        "funds:",  // 6
        "  total:",  // 7
        "    fullYearBudget: \"48.5\"",  // 8
        "    executed: \"26.149\"",  // 9
        "indicators:",  // 10
        "  - level1: 产出指标",  // 11
        "    level2: 数量指标",  // 12
        "    name: 培训班次",  // 13
        "    adjustedTarget: \"≥5次\"",  // 14
        "    actual: \"≥18次\"",  // 15
        "    weight: \"20\"",  // 16
        "    score: \"20\"",  // 17
        "total: \"85.39\"",  // 18
        "grade: 良",  // 19
    ]

    static func data(_ lines: [String]) -> Data { Data((lines.joined(separator: "\n") + "\n").utf8) }

    static let validData = data(valid)

    /// The valid form with lines `numbers` (from 1) replaced by `lines` (none: the lines are removed).
    static func replacing(_ numbers: ClosedRange<Int>, with lines: String...) -> Data {
        var text = valid
        text.replaceSubrange((numbers.lowerBound - 1)...(numbers.upperBound - 1), with: lines)
        return data(text)
    }

    static func read(_ data: Data) -> Result<Form, FormFileError> {
        Result { () throws(FormFileError) in try FormFileReader.read(data, file: file) }
    }

    static func containsCJK(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    @Test func theBaseFormIsValid() throws {
        let form = try Self.read(Self.validData).get()
        guard case .selfEvaluation(let se) = form else {
            Issue.record("not a self-evaluation")
            return
        }
        #expect(se.indicators.first?.weight.value == 20)
        #expect(se.lines["indicators[0].weight"] == 16)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let data: Data
        let line: Int?
        let column: Int?
        let fieldPath: String?
        /// A part of the Chinese problem text that names this problem (not just "error").
        let problem: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        // Syntax: `: ` inside a plain value. Columns count Unicode scalars: the colon after 会议培训费 is column 15.
        Case(
            name: "YAML syntax error", data: replacing(3...3, with: "project: 会议培训费: 二"), line: 3, column: 15,
            fieldPath: nil, problem: "YAML 语法错误"),
        Case(
            name: "bad indentation", data: replacing(4...4, with: "  department: 209-山西省人力资源和社会保障厅"), line: 4,
            column: 13,
            fieldPath: nil, problem: "YAML 语法错误"),
        // Wrong types.
        Case(
            name: "year: abc", data: replacing(2...2, with: "year: abc"), line: 2, column: 7, fieldPath: "year",
            problem: "应为整数，实际是“abc”"),
        Case(
            name: "a mapping where a value is expected", data: replacing(3...3, with: "project:", "  name: 会议培训费"),
            line: 4, column: 3, fieldPath: "project", problem: "应为单个值（文字或数字），实际是键值映射"),
        Case(
            name: "a mapping where a value is expected, nested", data: replacing(16...16, with: "    weight: {分值: 20}"),
            line: 16, column: 13, fieldPath: "indicators[0].weight", problem: "应为单个值（文字或数字），实际是键值映射"),
        Case(
            name: "a list where a mapping is expected", data: replacing(7...9, with: "  - 48.5", "  - 26.149"),
            line: 7, column: 3, fieldPath: "funds", problem: "应为键值映射（key: value），实际是列表"),
        Case(
            name: "a list as the whole file", data: Data("- 会议培训费\n- 85.39\n".utf8), line: 1, column: 1,
            fieldPath: nil, problem: "文件顶层应为键值映射，实际是列表"),
        Case(
            name: "a value where a list is expected",
            data: replacing(10...17, with: "indicators: 无"),
            line: 10, column: 13, fieldPath: "indicators", problem: "应为列表（每项以“- ”开头），实际是单个值“无”"),
        // Missing required fields: reported at the start of the part that lacks them.
        Case(
            name: "missing required field, top level", data: replacing(18...18), line: 1, column: 1, fieldPath: "total",
            problem: "缺少必填字段“total”"),
        Case(
            name: "missing required field in an indicator", data: replacing(16...16), line: 11, column: 5,
            fieldPath: "indicators[0].weight", problem: "缺少必填字段“weight”"),
        Case(
            name: "missing required field in the funds row", data: replacing(9...9), line: 8, column: 5,
            fieldPath: "funds.total.executed", problem: "缺少必填字段“executed”"),
        // Unknown keys (a typo would otherwise lose the value).
        Case(
            name: "unknown key, top level", data: replacing(3...3, with: "projcet: 会议培训费"), line: 3, column: 1,
            fieldPath: "projcet", problem: "未知字段“projcet”"),
        Case(
            name: "unknown key in an indicator", data: replacing(16...16, with: "    wieght: \"20\""), line: 16,
            column: 5,
            fieldPath: "indicators[0].wieght", problem: "未知字段“wieght”"),
        Case(
            name: "unknown form kind", data: replacing(1...1, with: "form: target-tabel"), line: 1, column: 7,
            fieldPath: "form", problem: "未知的表单类型“target-tabel”"),
        // Duplicate keys: the composer refuses them; the first of the two is located.
        Case(
            name: "duplicate keys", data: replacing(3...3, with: "project: 会议培训费", "project: 会议费"), line: 3, column: 1,
            fieldPath: nil, problem: "同一部分中字段重复：project"),
        Case(
            name: "duplicate keys in an indicator",
            data: replacing(17...17, with: "    score: \"20\"", "    score: \"18\""),
            line: 17, column: 5, fieldPath: nil, problem: "同一部分中字段重复：score"),
        Case(
            name: "duplicate keys in a flow mapping", data: replacing(16...16, with: "    weight: {a: 1, a: 2}"),
            line: 16, column: 14, fieldPath: nil, problem: "同一部分中字段重复：a"),
        // Aliases: one that names no anchor is refused where it is written.
        Case(
            name: "an undefined alias", data: replacing(3...3, with: "project: *name"), line: 3, column: 10,
            fieldPath: nil, problem: "引用了未定义的别名"),
        // A file is one form: a second document after `---` is refused, in Chinese.
        Case(
            name: "a second document", data: replacing(18...18, with: "total: \"85.39\"", "---", "form: target-table"),
            line: 19, column: 1, fieldPath: nil, problem: "一个文件中有多个文档"),
        Case(
            name: "nesting deeper than libyaml allows",
            data: Data(("form: " + String(repeating: "[", count: 1_100) + String(repeating: "]", count: 1_100)).utf8),
            line: 1, column: 8, fieldPath: nil, problem: "嵌套层数过多"),
        // Empty content.
        Case(name: "empty file", data: Data(), line: nil, column: nil, fieldPath: nil, problem: "文件为空"),
        Case(
            name: "whitespace-only file", data: Data(" \n\t\n　\n".utf8), line: nil, column: nil, fieldPath: nil,
            problem: "文件为空"),
        Case(
            name: "comments only", data: Data("# 会议培训费\n".utf8), line: nil, column: nil, fieldPath: nil,
            problem: "文件中没有内容"),
        // Bytes that are not text.
        Case(
            name: "GBK bytes (not UTF-8)", data: Data("project: ".utf8) + Data([0xBB, 0xE1, 0xD2, 0xE9]),
            line: nil, column: nil, fieldPath: nil, problem: "文件不是 UTF-8 编码的文本"),
        Case(
            name: "binary garbage (a PNG header)",
            data: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]
            ),
            line: nil, column: nil, fieldPath: nil, problem: "文件不是 UTF-8 编码的文本"),
        Case(
            name: "binary garbage that is valid UTF-8", data: Data((0..<32).map { UInt8($0) }), line: 1, column: 1,
            fieldPath: nil, problem: "含有 YAML 不允许的不可见字符 U+0000"),
        Case(
            name: "a control character pasted into a value", data: replacing(3...3, with: "project: 会议\u{0B}培训费"),
            line: 3, column: 12, fieldPath: nil, problem: "含有 YAML 不允许的不可见字符 U+000B"),
        Case(
            name: "a control character after CRLF lines",
            data: Data("form: self-evaluation\r\nyear: 2023\r\nproject: 会议\u{07}\r\n".utf8),
            line: 3, column: 12, fieldPath: nil, problem: "含有 YAML 不允许的不可见字符 U+0007"),
    ]

    @Test(arguments: cases)
    func badFile_isRefused_locatedAndExplainedInChinese(_ bad: Case) throws {
        let result = Self.read(bad.data)
        guard case .failure(let error) = result else {
            Issue.record("\(bad.name) was read as a form")
            return
        }
        #expect(error.file == Self.file)
        #expect(error.line == bad.line)
        #expect(error.column == bad.column)
        #expect(error.fieldPath == bad.fieldPath)
        #expect(error.problem.contains(bad.problem), "\(error.problem)")
        #expect(Self.containsCJK(error.problem))
        #expect(Self.containsCJK(error.fix))
        var place = Self.file
        if let line = bad.line { place += ":\(line)" + (bad.column.map { ":\($0)" } ?? "") }
        #expect(error.description.hasPrefix(place + ": "), "\(error.description)")
        #expect(error.description.contains("修改建议："))
    }

    /// A 10 MB file is refused by its size, before parsing, whether read from bytes or found on disk.
    @Test func tenMegabyteFile_isRefusedBySize() throws {
        let big = Data(repeating: UInt8(ascii: "a"), count: 10 * 1024 * 1024)
        guard case .failure(let error) = Self.read(big) else {
            Issue.record("a 10 MB file was read")
            return
        }
        #expect(error.problem == "文件大小 10240 KB，超过表单文件上限 2 MB")
        #expect(error.line == nil && error.fieldPath == nil)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-big-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("大文件.yaml").path
        try big.write(to: URL(fileURLWithPath: path))
        let loaded = FormLocator.load([folder.path])
        #expect(loaded.forms.isEmpty)
        #expect(loaded.errors.map(\.file) == [path])
        #expect(loaded.errors.first?.problem == "文件大小 10240 KB，超过表单文件上限 2 MB")
    }

    /// One broken file does not hide the others: every good form is still read, every bad one reported.
    @Test func brokenFileAmongGoodOnes_isReported_andTheOthersRead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-mixed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.validData.write(to: folder.appendingPathComponent("a-好.yaml"))
        try Self.replacing(2...2, with: "year: abc").write(to: folder.appendingPathComponent("b-坏.yaml"))
        try Self.validData.write(to: folder.appendingPathComponent("c-好.yml"))
        try Data("不是表单".utf8).write(to: folder.appendingPathComponent("说明.txt"))
        let loaded = FormLocator.load([folder.path, folder.appendingPathComponent("不存在.yaml").path])
        #expect(loaded.forms.map { ($0.file as NSString).lastPathComponent } == ["a-好.yaml", "c-好.yml"])
        #expect(loaded.errors.map { ($0.file as NSString).lastPathComponent } == ["不存在.yaml", "b-坏.yaml"])
        #expect(loaded.errors.first?.problem == "路径不存在")
        #expect(loaded.errors.last?.line == 2)
    }
}
