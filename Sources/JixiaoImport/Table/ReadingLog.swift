import JixiaoCore
import JixiaoFormats

/// What a mapper read from one form's lines: the source line of every field path, the last line that
/// belongs to the form, and every part it could not read.
struct ReadingLog {
    let segment: FormSegment
    /// The document's file name, recorded in the form's source.
    let document: String
    private(set) var lines: [String: Int] = [:]
    private(set) var unreadable: [UnreadablePart] = []
    private(set) var lastLine: Int

    init(segment: FormSegment, document: String) {
        self.segment = segment
        self.document = document
        lastLine = segment.year?.line ?? segment.titleLine
    }

    mutating func record(_ path: String, _ line: Int) {
        lines[path] = line
        lastLine = max(lastLine, line)
    }

    /// A line that belongs to the form without carrying a field (captions, notes).
    mutating func consume(_ line: TextLine) { lastLine = max(lastLine, line.number) }

    mutating func cannotRead(_ line: Int?, _ reason: String) {
        unreadable.append(UnreadablePart(line: line, location: segment.label, reason: reason))
    }

    /// The form's source: the document, from the title to the last line of the form.
    var source: SourceReference {
        SourceReference(document: document, firstLine: segment.titleLine, lastLine: lastLine)
    }

    /// A form that lacks parts it cannot be read without: reported, and nothing of it is imported.
    mutating func notImported(missing: [String]) -> (form: ImportedForm?, unreadable: [UnreadablePart]) {
        let found = segment.lines.isEmpty ? "表题后没有任何内容" : "第 \(segment.titleLine)–\(lastLine) 行"
        cannotRead(segment.titleLine, "缺少\(missing.joined(separator: "、"))，无法可靠还原该表（\(found)），未导入")
        return (nil, unreadable)
    }

    /// The form read, with where it was read and what of it could not be read.
    func imported(_ form: Form) -> (form: ImportedForm?, unreadable: [UnreadablePart]) {
        let range = segment.titleLine...lastLine
        return (
            ImportedForm(form: form, origin: "第 \(range.lowerBound)–\(range.upperBound) 行", lines: range), unreadable
        )
    }

    /// A line inside the form's tables that fits none of them.
    mutating func stray(_ line: TextLine, in part: String) {
        cannotRead(line.number, "\(part)中的这一行无法归入任何栏目：“\(line.text.prefix(40))”")
    }
}
