import Foundation
import JixiaoCore

/// The kind of form a title announces.
enum FormKind: Sendable {
    /// `<项目名称>项目支出绩效自评表`
    case selfEvaluation
    /// `山西省省级预算部门（单位）项目支出绩效目标表`, `项目支出绩效目标申报表`
    case targetTable
}

/// One form's stretch of the document: from its title to the line before the next form's title.
struct FormSegment: Sendable {
    let kind: FormKind
    /// The title as printed (`会议培训费项目支出绩效自评表`).
    let title: String
    let titleLine: Int
    /// Where the title is, in a source whose rows are not its lines (`第 14 页第 2 行`).
    let titlePlace: String?
    /// `(2023年度)`, when printed.
    let year: (value: Int, line: Int)?
    /// Every line after the title (and year) up to the next form; blank lines and page furniture removed.
    let lines: [TextLine]

    /// The project named in a 自评表 title (`会议培训费项目支出绩效自评表` → `会议培训费`); empty for a 目标表.
    var projectFromTitle: String {
        let compact = PrintedLabel.compact(title)
        guard kind == .selfEvaluation,
            let suffix = FormSegmenter.titleSuffixes.first(where: { compact.hasSuffix($0.0) })?.0
        else { return "" }
        let project = String(compact.dropLast(suffix.count))
        return project.replacing(/^附件\d*[:.、]?/, with: "")
    }

    /// `《会议培训费项目支出绩效自评表》（第 684 行起）`, for messages.
    var label: String { "《\(title)》（\(titlePlace ?? "第 \(titleLine) 行")起）" }
}

/// Finds the forms in a document by their titles.
enum FormSegmenter {
    /// The printed names of the forms, longest first (a title's longest matching name is its form's): the
    /// Shanxi names and the other provinces' and the national template's (`预算项目绩效自评表`, `绩效目标自评表`,
    /// `项目绩效目标表`, `绩效目标申报表`).
    static let titleSuffixes: [(String, FormKind)] = [
        ("项目支出绩效目标自评表", .selfEvaluation), ("项目支出绩效自评表", .selfEvaluation),
        ("预算项目绩效自评表", .selfEvaluation), ("项目绩效目标自评表", .selfEvaluation),
        ("项目绩效自评表", .selfEvaluation), ("绩效目标自评表", .selfEvaluation),
        ("项目支出绩效目标申报表", .targetTable), ("项目支出绩效目标表", .targetTable),
        ("项目绩效目标申报表", .targetTable), ("项目绩效目标表", .targetTable), ("绩效目标申报表", .targetTable),
    ].sorted { $0.0.count > $1.0.count }
    /// How far (in non-blank lines) a title looks ahead for its year or its first table row.
    static let lookahead = 6

    static func segments(of document: TextDocument) -> [FormSegment] {
        let content = document.lines.filter { !$0.isBlank && !PageFurniture.isFurniture($0) }
        var starts: [(index: Int, title: Title)] = []
        for (index, line) in content.enumerated() {
            guard let title = Title(line) else { continue }
            let following = content[(index + 1)...].prefix(lookahead)
            guard title.year != nil || following.contains(where: { yearOf($0) != nil || isProjectNameRow($0) }) else {
                continue
            }
            // The same title again is not a new form when it is a running page header inside the form (table
            // rows follow, no 项目名称), or when the title was printed twice before its table.
            if let previous = starts.last, previous.title.text == title.text {
                let before = content[(previous.index + 1)..<index]
                let isRunningHeader =
                    !following.contains(where: isProjectNameRow) && following.contains { $0.filled.count >= 2 }
                let isRepeatedTitle =
                    !before.contains { $0.filled.count >= 2 } && following.contains(where: isProjectNameRow)
                if isRunningHeader || isRepeatedTitle { continue }
            }
            starts.append((index, title))
        }
        return starts.enumerated().compactMap { position, start in
            let end = position + 1 < starts.count ? starts[position + 1].index : content.count
            // A title directly followed by another (a list of the attached forms) announces no form of its own.
            if end == start.index + 1, position + 1 < starts.count { return nil }
            let titleLine = content[start.index]
            var body = Array(content[(start.index + 1)..<end])
            var year = start.title.year.map { (value: $0, line: titleLine.number) }
            var yearText: String?
            if year == nil, let first = body.first, let value = yearOf(first) {
                year = (value, first.number)
                yearText = first.filled[0].text
                body.removeFirst()
            }
            // A form on a worksheet that prints no year: the sheet's name may (`2023年自评表`).
            if year == nil, let value = titleLine.sheet.flatMap(yearNamed) { year = (value, titleLine.number) }
            // The title or year line repeated at the top of a page is furniture inside the form.
            body.removeAll { $0.filled.count == 1 && [titleLine.filled[0].text, yearText].contains($0.filled[0].text) }
            return FormSegment(
                kind: start.title.kind, title: start.title.text, titleLine: titleLine.number,
                titlePlace: titleLine.place, year: year, lines: body)
        }
    }

    /// A form title: a short first cell, or its first words, ending in a form name, maybe followed by its year
    /// (`会议培训费项目支出绩效自评表(2023年度)`); what follows the title on its line, in its cell or in others
    /// (`单位：万元`, `填报单位：…`), is not part of it.
    struct Title {
        let kind: FormKind
        /// The title without the year.
        let text: String
        let year: Int?

        /// Text after a title on its line longer than this is not a title's (a sentence naming a form).
        static let maximumTail = 40

        init?(_ line: TextLine) {
            let filled = line.filled
            guard let first = filled.first else { return nil }
            let words = first.text.split(whereSeparator: \.isWhitespace).map(String.init)
            var compact = ""
            var found: (kind: FormKind, words: Int, year: Int?, compact: String)?
            for (index, word) in words.enumerated() {
                compact += PrintedLabel.compact(word)
                guard compact.count <= 80 else { break }
                var name = compact
                var year: Int?
                if name.hasSuffix(")"), let match = name.firstMatch(of: /\((\d{4})年度?\)$/) {
                    year = Int(match.1)
                    name.removeSubrange(match.range)
                }
                if let kind = FormSegmenter.titleSuffixes.first(where: { name.hasSuffix($0.0) })?.1 {
                    found = (kind, index + 1, year, name)
                    break
                }
            }
            guard var found, !found.compact.contains(where: { "，。；,;".contains($0) }) else { return nil }
            var tail = Array(words[found.words...])
            if found.year == nil, let next = tail.first,
                let match = PrintedLabel.compact(next).wholeMatch(of: /\((\d{4})年度?\)/)
            {
                found.year = Int(match.1)
                tail.removeFirst()
            }
            let rest = (tail + filled.dropFirst().map(\.text)).joined()
            guard rest.count <= Self.maximumTail, !rest.contains("。") else { return nil }
            kind = found.kind
            year = found.year
            if found.year != nil {
                text = found.compact
            } else {
                text = found.words == words.count ? first.text : words.prefix(found.words).joined(separator: " ")
            }
        }
    }

    /// `(2023年度)`, `（2023 年度）`, `2023年度` → 2023.
    static func yearOf(_ line: TextLine) -> Int? {
        let filled = line.filled
        // At most `(2023年度)`: a longer line skips the regex.
        guard filled.count == 1, filled[0].compact.utf8.count <= 9 * 4,
            let match = filled[0].compact.wholeMatch(of: /\(?(\d{4})年度?\)?/)
        else { return nil }
        return Int(match.1)
    }

    /// The first year `NNNN年` a name gives (1990–2099, not part of a longer number).
    static func yearNamed(_ name: String) -> Int? {
        for match in name.matches(of: /(\d+)年/) where match.1.count == 4 {
            if let year = Int(match.1), (1990...2099).contains(year) { return year }
        }
        return nil
    }

    static func isProjectNameRow(_ line: TextLine) -> Bool {
        line.filled.first.map { FieldVocabulary.project.accepts(Labels.caption($0)) } ?? false
    }
}
