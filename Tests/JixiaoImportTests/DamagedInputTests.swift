import Foundation
import JixiaoCore
import JixiaoFormats
import JixiaoImport
import Testing

/// Files that are not (complete) text exports: a clear Chinese error or an unreadable part with its line,
/// never a crash, and no form for what was not read.
@Suite struct DamagedInputTests {
    func importError(_ data: Data) -> ImportError? {
        do {
            _ = try TextDocumentImporter().importForms(from: data, name: "损坏.txt")
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        (Data(), "文件为空"),
        (Data(" \n\t\n\r\n".utf8), "文件为空"),
        (Data("%PDF-1.7\n%âãÏÓ\n1 0 obj".utf8), "PDF 文件"),
        (Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), "ZIP 压缩包"),
        (Data([0x12, 0x00, 0xFF, 0x7F, 0x00, 0x01, 0x02, 0x9C]), "二进制文件"),
        (
            Data("第一行\n第二行\n".utf8) + Data([0xFF, 0xFE, 0xFF, 0x41, 0x42, 0x43, 0x44]),
            "不是有效的 UTF-8 或 GB 18030 文本（第 3 行附近"
        ),
        (Data("一份没有绩效表的文档。\n第二部分\t说明\n".utf8), "没有找到项目支出绩效自评表或项目支出绩效目标表"),
        (Data(("标题\n值" + String(repeating: "\t值", count: 1_000)).utf8), "第 2 行有 1001 个单元格（以制表符分隔），超过每行 1000 个的上限"),
    ])
    func unreadableFilesGiveAClearError(data: Data, problem: String) throws {
        let error = try #require(importError(data))
        #expect(error.problem.contains(problem), "\(error.problem)")
        #expect(error.file == "损坏.txt")
        #expect(!error.fix.isEmpty)
    }

    @Test func textWithoutTabSeparatedCellsIsRefused() throws {
        let text = try Seeds.text(Seeds.selfEvaluations2023WorkInjury).replacingOccurrences(of: "\t", with: "   ")
        let error = try #require(importError(Data(text.utf8)))
        #expect(error.problem.contains("没有用制表符分隔的表格单元格"), "\(error.problem)")
    }

    @Test func binaryGarbageIsRefused() throws {
        var generator = SplitMix(seed: 7)
        let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let error = try #require(importError(Data(bytes)))
        #expect(error.problem.contains("二进制文件") || error.problem.contains("UTF-8"))
    }

    @Test func truncatedInsideAMultiByteCharacterNamesTheLine() throws {
        let data = Data(try Seeds.text(Seeds.selfEvaluations2023WorkInjury).utf8)
        let cut = try #require(data.firstRange(of: Data("96.03\t优".utf8))).upperBound - 1
        let error = try #require(importError(data.prefix(cut)))
        #expect(error.problem.contains("文件在第 603 行中途被截断"), "\(error.problem)")
    }

    /// A document cut in the middle of a form: the complete forms import, the cut one is reported with
    /// its line and what is missing, and nothing of it is imported.
    @Test func halfAFormIsReportedNotImported() throws {
        let result = try Importing.edited(Seeds.selfEvaluations2023) { lines in lines.removeSubrange((700 - 1)...) }
        try expectTranscriptions(result, of: Seeds.selfEvaluations2023, count: 4, unreadable: 1)
        let part = try #require(result.unreadable.first)
        #expect(part.line == 684)
        #expect(part.reason.contains("总分行") && part.reason.contains("第 684–699 行"), "\(part.reason)")
    }

    @Test func targetTableCutInsideItsIndicatorsIsReported() throws {
        let result = try Importing.edited(Seeds.targetTables2026) { lines in lines.removeSubrange((750 - 1)...) }
        try expectTranscriptions(result, of: Seeds.targetTables2026, count: 8, unreadable: 1)
        let part = try #require(result.unreadable.first)
        #expect(part.line == 727)
        #expect(part.reason.contains("表尾（表格在第 749 行后中断）"), "\(part.reason)")
    }

    @Test func aTitleWithNothingAfterItIsReported() throws {
        let text = try Seeds.text(Seeds.targetTables2026) + "\n山西省省级预算部门（单位）项目支出绩效目标表\n\n(2027年度)\n"
        let result = try Importing.document(text, name: Seeds.targetTables2026)
        #expect(result.forms.count == 10)
        let part = try #require(result.unreadable.first)
        #expect(part.line == 842)
        #expect(part.reason.contains("表题后没有任何内容"), "\(part.reason)")
    }

    /// Rows damaged at random (cells dropped, doubled, swapped, lines deleted): whatever comes out, the
    /// importer does not crash, and every value it reports lies inside its form's line range.
    @Test(arguments: [Seeds.selfEvaluations2023, Seeds.selfEvaluations2023WorkInjury, Seeds.targetTables2026])
    func randomDamageNeverCrashes(document: String) throws {
        let original = try Seeds.lines(document)
        var generator = SplitMix(seed: UInt64(document.count))
        for _ in 0..<40 {
            var lines = original
            for _ in 0..<25 {
                let index = Int.random(in: 440..<lines.count, using: &generator)
                var cells = lines[index].components(separatedBy: "\t")
                switch Int.random(in: 0..<5, using: &generator) {
                case 0: if cells.count > 1 { cells.remove(at: Int.random(in: 0..<cells.count, using: &generator)) }
                case 1:
                    cells.insert(
                        cells.randomElement(using: &generator) ?? "",
                        at: Int.random(in: 0...cells.count, using: &generator))
                case 2: cells.shuffle(using: &generator)
                case 3:
                    lines.remove(at: index)
                    continue
                default: cells = [String(lines[index].prefix(Int.random(in: 0...8, using: &generator)))]
                }
                lines[index] = cells.joined(separator: "\t")
            }
            let result: ImportResult
            do {
                result = try Importing.document(lines.joined(separator: "\n"), name: document)
            } catch {
                #expect(!error.problem.isEmpty)
                continue
            }
            for imported in result.forms {
                let range = try #require(imported.lines)
                #expect(imported.form.lines.values.allSatisfy(range.contains))
            }
            #expect(result.unreadable.allSatisfy { !$0.reason.isEmpty && $0.line != nil })
        }
    }
}

/// A small deterministic generator, so the damaged documents are the same on every run.
struct SplitMix: RandomNumberGenerator {
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
