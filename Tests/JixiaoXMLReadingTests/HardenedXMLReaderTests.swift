import Foundation
import Testing

@testable import JixiaoXMLReading

/// The shared reader: events, and every refusal with its Chinese message, before libxml2 does the work.
@Suite struct HardenedXMLReaderTests {
    /// All events of `text`, or the failure.
    static func read(
        _ text: String, limits: XMLReadingLimits = XMLReadingLimits()
    ) -> Result<
        [String], HardenedXMLReader.Failure
    > {
        read(Data(text.utf8), limits: limits)
    }

    static func read(
        _ data: Data, limits: XMLReadingLimits = XMLReadingLimits()
    ) -> Result<
        [String], HardenedXMLReader.Failure
    > {
        do throws(HardenedXMLReader.Failure) {
            let reader = try HardenedXMLReader(.data(data), limits: limits)
            var events: [String] = []
            while let event = try reader.next() {
                switch event {
                case .start(let element):
                    let attributes = element.attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                    events.append(
                        "<\(element.name)\(attributes.isEmpty ? "" : " " + attributes.joined(separator: " "))>")
                case .end(let name, _): events.append("</\(name)>")
                case .text(let text): events.append(text)
                }
            }
            return .success(events)
        } catch {
            return .failure(error)
        }
    }

    static func failure(_ text: String, limits: XMLReadingLimits = XMLReadingLimits()) -> HardenedXMLReader.Failure? {
        if case .failure(let failure) = read(text, limits: limits) { return failure }
        return nil
    }

    @Test func readsElementsAttributesAndText() throws {
        let text =
            "\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- c -->\n<a xmlns=\"urn:x\" k=\"v\"><b/>文字<![CDATA[<x>]]></a>"
        #expect(try Self.read(text).get() == ["<a k=v>", "<b>", "</b>", "文字", "<x>", "</a>"])
    }

    @Test func documentTypeAndEntityDeclarationsAreRefused() {
        for text in [
            "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY a \"b\">]><r>&a;</r>",
            "<!-- x --><!DOCTYPE r SYSTEM \"file:///etc/passwd\"><r/>",
            "<r>\n<!ENTITY a \"b\"></r>",
        ] {
            let failure = Self.failure(text)
            #expect(failure?.kind == .refused && failure?.message.contains("文档类型声明") == true, "\(text)")
        }
        #expect(Self.failure("<?xml version=\"1.0\"?>\n\n<!DOCTYPE r><r/>")?.line == 3)
    }

    @Test func otherEncodingsAreRefused() {
        #expect(Self.failure("<?xml version=\"1.0\" encoding=\"GBK\"?><r/>")?.message.contains("UTF-8") == true)
        let utf16 = Data([0xFE, 0xFF]) + "<r/>".data(using: .utf16BigEndian)!
        if case .failure(let failure) = Self.read(utf16) {
            #expect(failure.message.contains("UTF-8"))
        } else {
            Issue.record("UTF-16 was read")
        }
        #expect(Self.failure("")?.message.contains("没有根元素") == true)
        #expect(Self.failure("hello")?.message.contains("不是 XML") == true)
    }

    /// 50 000 attributes on one element: refused at the limit, at once (libxml2 alone takes minutes).
    @Test func manyAttributesAreRefusedQuickly() {
        let attributes = (0..<50_000).map { "a\($0)=\"1\"" }.joined(separator: " ")
        let start = Date()
        let failure = Self.failure("<r \(attributes)/>")
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(
            failure?.kind == .refused && failure?.message.contains("属性超过 256 个") == true,
            "\(String(describing: failure))")
        // Quoted `=` and `>` do not count as attributes or close the tag.
        #expect(throws: Never.self) {
            try Self.read("<r a=\"x=y>z\" b='=='/>", limits: XMLReadingLimits(attributesPerElement: 2)).get()
        }
    }

    @Test func depthIsLimitedBeforeLibXML2() {
        let deep = String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300)
        let failure = Self.failure(deep)
        #expect(failure?.kind == .refused && failure?.message.contains("嵌套超过 128 层") == true)
        // Siblings do not add depth.
        let wide = "<r>" + String(repeating: "<a><b/></a>", count: 1000) + "</r>"
        #expect(throws: Never.self) { try Self.read(wide, limits: XMLReadingLimits(depth: 3)).get() }
    }

    @Test func documentSizeIsLimited() {
        let text = "<r>" + String(repeating: "x", count: 10_000) + "</r>"
        let failure = Self.failure(text, limits: XMLReadingLimits(documentBytes: 4096))
        #expect(failure?.message.contains("超过 4 KB 的上限") == true)
    }

    @Test func libxml2MessagesAreChinese() {
        let failure = Self.failure("<r><a></r>")
        #expect(failure?.kind == .malformed)
        #expect(failure?.message == "开始标签与结束标签不匹配")
        #expect(failure?.original?.contains("mismatch") == true)
        #expect(LibXMLMessages.chinese("Excessive depth in document: 256 use XML_PARSE_HUGE option") == "元素嵌套层数过多，拒绝读取")
    }

    @Test func readsFromAFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "jixiao-reading-\(UUID().uuidString).xml")
        try Data("<r>1</r>".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let reader = try HardenedXMLReader(.file(path: url.path))
        var texts: [String] = []
        while let event = try reader.next() { if case .text(let text) = event { texts.append(text) } }
        #expect(texts == ["1"])
        #expect(throws: HardenedXMLReader.Failure.self) { _ = try HardenedXMLReader(.file(path: "/nonexistent/x.xml")) }
    }
}
