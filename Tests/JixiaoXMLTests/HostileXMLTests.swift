import Foundation
import JixiaoCore
import Testing

@testable import JixiaoXML

/// Invalid and hostile documents are refused with a located Chinese message; nothing outside is read.
@Suite struct HostileXMLTests {
    /// A valid exported self-evaluation, as text, to break in various ways.
    static let valid = String(
        decoding: try! FormXMLWriter.canonical(ExampleForms.selfEvaluation(), policy: .national),
        as: UTF8.self)

    static func problems(_ text: String) throws -> [XMLProblem] {
        let path = Fixture.scratch() + "/doc.xml"
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let validation = try XMLFormFile.validate(path: path, displayName: "doc.xml")
        var forms = 0
        let reading = try XMLFormFile.read(path: path, displayName: "doc.xml") { _ in forms += 1 }
        #expect(!validation.isValid)
        #expect(!reading.problems.isEmpty && forms <= 1)
        return validation.problems
    }

    @Test func theValidDocumentIsValid() throws {
        #expect(try XMLFormFile.validate(bytes: Array(Self.valid.utf8), displayName: "ok.xml").isValid)
    }

    @Test func missingElement() throws {
        let text = Self.valid.replacingOccurrences(of: "  <PRO_NAME>示例项目</PRO_NAME>\n", with: "")
        let found = try Self.problems(text)
        #expect(
            found.contains { $0.line == 8 && $0.message.contains("此处不应出现该元素") && $0.message.contains("PRO_NAME") },
            "\(found)")
    }

    @Test func wrongType() throws {
        let text = Self.valid.replacingOccurrences(of: "<CUR_AMT>1000000.00</CUR_AMT>", with: "<CUR_AMT>一百万</CUR_AMT>")
        let found = try Self.problems(text)
        #expect(found.first?.message == "元素 CUR_AMT：值“一百万”不是有效的金额（最多 18 位数字、2 位小数）", "\(found)")
        #expect(found.first?.original?.contains("is not a valid value") == true)
        #expect(found.first?.line == 14)
    }

    @Test func tooManyDecimalsAndTooLongCode() throws {
        let text = Self.valid.replacingOccurrences(
            of: "<CUR_AMT>1000000.00</CUR_AMT>", with: "<CUR_AMT>1000000.001</CUR_AMT>"
        )
        .replacingOccurrences(
            of: "<AGENCY_CODE>209100</AGENCY_CODE>", with: "<AGENCY_CODE>2091002091002091002091009</AGENCY_CODE>")
        let messages = try Self.problems(text).map(\.message)
        #expect(messages.contains("元素 CUR_AMT：值“1000000.001”的小数位数超过 2 位"), "\(messages)")
        #expect(messages.contains("元素 AGENCY_CODE：长度 25 超过上限 21"), "\(messages)")
    }

    @Test func wrongNamespace() throws {
        let text = Self.valid.replacingOccurrences(
            of: "urn:jixiao:perf:selfeval:1.0", with: "urn:jixiao:perf:selfeval:9.9")
        let found = try Self.problems(text)
        #expect(found.contains { $0.message.contains("根元素在导出模式中没有声明") }, "\(found)")
    }

    @Test func anExtensionElementIsNotADocument() throws {
        let text =
            "<?xml version=\"1.0\"?>\n<x:TargetIndicatorExt xmlns:x=\"urn:jixiao:ext:1.0\"><x:Value kind=\"empty\"/></x:TargetIndicatorExt>\n"
        let found = try Self.problems(text)
        #expect(found.contains { $0.message.contains("不是 Jixiao 导出的自评表、目标表或批次") }, "\(found)")
    }

    @Test func malformedXML() throws {
        let text = Self.valid.replacingOccurrences(of: "</PRO_NAME>", with: "</PRO_NAM>")
        let found = try Self.problems(text)
        #expect(found.contains { $0.message == "开始标签与结束标签不匹配" && $0.line == 8 }, "\(found)")
        let truncated = try Self.problems(String(Self.valid.prefix(600)))
        #expect(!truncated.isEmpty)
    }

    @Test func billionLaughsIsRefusedQuickly() throws {
        var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE PM_PERF_SELF_EVAL [\n <!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            text +=
                " <!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10)
                + "\">\n"
        }
        text +=
            "]>\n<PM_PERF_SELF_EVAL xmlns=\"urn:jixiao:perf:selfeval:1.0\"><FISCAL_YEAR>&lol9;</FISCAL_YEAR></PM_PERF_SELF_EVAL>\n"
        let start = Date()
        let found = try Self.problems(text)
        #expect(Date().timeIntervalSince(start) < 2)
        #expect(found.count == 1 && found[0].message.contains("文档类型声明") && found[0].line == 2, "\(found)")
    }

    @Test func externalEntitiesReadNothing() throws {
        let refusalsBefore = SafeEntityLoader.refusals
        for text in [
            "<?xml version=\"1.0\"?>\n<!DOCTYPE r [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n<PM_PERF_SELF_EVAL xmlns=\"urn:jixiao:perf:selfeval:1.0\"><FISCAL_YEAR>&xxe;</FISCAL_YEAR></PM_PERF_SELF_EVAL>\n",
            "\u{FEFF}<!DOCTYPE r SYSTEM \"file:///etc/passwd\">\n<r/>\n",
            "<!-- c --><!DOCTYPE r [ <!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p; ]><r/>",
        ] {
            let found = try Self.problems(text)
            #expect(found.count == 1 && found[0].message.contains("文档类型声明"), "\(found)")
            #expect(!found.contains { $0.description.contains("root:") })
        }
        // XInclude is never processed: the include element is simply not allowed here.
        let xinclude = Self.valid.replacingOccurrences(
            of: "  <PRO_NAME>",
            with:
                "  <xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"/etc/passwd\" parse=\"text\"/>\n  <PRO_NAME>"
        )
        let found = try Self.problems(xinclude)
        #expect(!found.contains { $0.description.contains("root:") })
        #expect(SafeEntityLoader.refusals == refusalsBefore)
    }

    @Test func otherEncodingsAndNonXMLAreRefused() throws {
        #expect(try Self.problems("").first?.message.contains("没有根元素") == true)
        #expect(try Self.problems("hello").first?.message.contains("不是 XML") == true)
        let latin = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<r/>"
        #expect(try Self.problems(latin).first?.message.contains("不是 UTF-8") == true)
    }

    @Test func aFolderOrMissingFileIsAClearError() throws {
        let missing = try XMLFormFile.validate(path: "/nonexistent/x.xml")
        #expect(missing.problems.first?.message.contains("不存在") == true)
        let folder = try XMLFormFile.validate(path: NSTemporaryDirectory())
        #expect(folder.problems.first?.message.contains("文件夹") == true)
    }
}
