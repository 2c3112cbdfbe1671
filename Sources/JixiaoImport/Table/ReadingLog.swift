import JixiaoFormats

/// What a mapper read from one form's lines: the source line of every field path, the last line that
/// belongs to the form, and every part it could not read.
struct ReadingLog {
    let segment: FormSegment
    private(set) var lines: [String: Int] = [:]
    private(set) var unreadable: [UnreadablePart] = []
    private(set) var lastLine: Int

    init(segment: FormSegment) {
        self.segment = segment
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

    /// A line inside the form's tables that fits none of them.
    mutating func stray(_ line: TextLine, in part: String) {
        cannotRead(line.number, "\(part)中的这一行无法归入任何栏目：“\(line.text.prefix(40))”")
    }
}
