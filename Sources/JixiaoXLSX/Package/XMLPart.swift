import Foundation
import JixiaoXMLReading

/// Streams one XML part of the package through the shared hardened reader (`HardenedXMLReader`: no network,
/// no entity, no DTD, size, depth and attribute limits checked before parsing), as a flat sequence of events.
package enum XMLPart {
    package enum Event {
        /// An element opened; an empty element (`<c/>`) is followed at once by its `.end`.
        case start(name: String, attributes: [String: String])
        case end(name: String)
        /// Character data, CDATA or whitespace inside an element.
        case text(String)
    }

    /// A part is at most `WorkbookArchive.Limits.entryBytes` (64 MB) when inflated.
    static let limits = XMLReadingLimits(documentBytes: 64 << 20)

    package static func parse(
        _ data: Data, part: String, kind: WorkbookArchive.Kind = .workbook,
        _ handle: (Event) throws(WorkbookError) -> Void
    ) throws(WorkbookError) {
        guard !data.isEmpty else {
            throw WorkbookError(problem: "\(kind.noun)部件“\(part)”是空的", fix: "\(kind.resave)后再导入")
        }
        let reader: HardenedXMLReader
        do throws(HardenedXMLReader.Failure) {
            reader = try HardenedXMLReader(.data(data), limits: limits)
        } catch {
            throw refusal(error, part: part, kind: kind)
        }
        while true {
            let next: HardenedXMLReader.Event?
            do throws(HardenedXMLReader.Failure) {
                next = try reader.next()
            } catch {
                throw refusal(error, part: part, kind: kind)
            }
            switch next {
            case nil: return
            case .start(let element): try handle(.start(name: element.name, attributes: element.attributes))
            case .end(let name, _): try handle(.end(name: name))
            case .text(let text): try handle(.text(text))
            }
        }
    }

    private static func refusal(
        _ failure: HardenedXMLReader.Failure, part: String, kind: WorkbookArchive.Kind
    ) -> WorkbookError {
        let line = failure.line.map { "第 \($0) 行：" } ?? ""
        switch failure.kind {
        case .malformed:
            return WorkbookError(
                problem: "\(kind.noun)部件“\(part)”不是格式正确的 XML（\(line)\(failure.message)）",
                fix: "文件可能已损坏；\(kind.resave)后再导入")
        case .refused, .unreadable:
            return WorkbookError(
                problem: "\(kind.noun)部件“\(part)”已拒绝读取：\(line)\(failure.message)",
                fix: "确认文件来源；\(kind.resave)后再导入")
        }
    }
}
