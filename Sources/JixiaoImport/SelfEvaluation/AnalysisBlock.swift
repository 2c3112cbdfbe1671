import JixiaoCore

/// The 项目绩效分析 block of a 自评表: each row prints a caption (`产出情况及分析`, `主要经验做法`, …) and its
/// text; the block captions 项目绩效分析 and 自评结果分析 may sit on any of its rows.
struct AnalysisBlock {
    enum Field: String, CaseIterable {
        case execution, output, benefit, satisfaction, experience, problems, improvements

        var key: String { rawValue }

        /// The caption, for messages: the text's label in the vocabulary.
        var title: String { FieldVocabulary.label(ofPath: "analysis.\(rawValue)") ?? rawValue }
    }

    private(set) var texts: [Field: (text: String, line: Int)] = [:]
    /// A caption whose text has not come yet (printed on the next line).
    private var pending: Field?
    /// The caption read last: a row of text without a caption (its caption cell merged over a page break, or
    /// not printed) continues its text.
    private var last: Field?
    /// Text printed before any caption: kept for the first caption that comes, the nearest.
    private var orphan: (text: String, line: Int)?

    static let blockCaptions = FieldVocabulary.analysisBlockCaptions

    /// The field a caption names, by the words every variant keeps (`FieldVocabulary.analysisField`).
    static func field(_ caption: String) -> Field? {
        FieldVocabulary.analysisField(caption).flatMap { Field(rawValue: $0.key) }
    }

    static func isAnalysisRow(_ line: TextLine) -> Bool {
        line.filled.contains { blockCaptions.contains(Labels.caption($0)) || field(Labels.caption($0)) != nil }
    }

    /// Reads a row. Returns a reason when part of it cannot be read.
    mutating func add(_ line: TextLine) -> String? {
        var field: Field?
        var text: [TextCell] = []
        for cell in line.filled {
            let caption = Labels.caption(cell)
            if AnalysisBlock.blockCaptions.contains(caption) { continue }
            if field == nil, text.isEmpty, let named = AnalysisBlock.field(caption) {
                field = named
            } else {
                text.append(cell)
            }
        }
        guard let target = field ?? pending else {
            guard !text.isEmpty else { return nil }
            guard text.count == 1 else { return "项目绩效分析中的文字前没有栏目名称，且分成了多个单元格" }
            if let last, let kept = texts[last] {
                texts[last] = (Self.continued(kept.text, text[0].text), kept.line)
            } else {
                orphan = (
                    orphan.map { Self.continued($0.text, text[0].text) } ?? text[0].text, orphan?.line ?? line.number
                )
            }
            return nil
        }
        guard text.count <= 1 else { return "“\(target.title)”栏的文字分成了多个单元格，无法确定其原文" }
        guard texts[target] == nil else { return "项目绩效分析中“\(target.title)”栏重复出现" }
        last = target
        if let cell = text.first {
            if let kept = orphan {
                texts[target] = (Self.continued(kept.text, cell.text), kept.line)
                orphan = nil
            } else {
                texts[target] = (cell.text, line.number)
            }
            pending = nil
        } else {
            pending = target
        }
        return nil
    }

    /// A text continued by the text of a later row, as one cell's wrapped lines are joined.
    static func continued(_ text: String, _ more: String) -> String {
        TextLine.flattened(text + "\n" + more)
    }

    /// Text that never found a caption (the block ended first), with its line: reported by the mapper.
    var unplaced: (text: String, line: Int)? { orphan }

    var analysis: SelfEvaluation.Analysis {
        SelfEvaluation.Analysis(
            execution: texts[.execution]?.text ?? "", output: texts[.output]?.text ?? "",
            benefit: texts[.benefit]?.text ?? "", satisfaction: texts[.satisfaction]?.text ?? "",
            experience: texts[.experience]?.text ?? "", problems: texts[.problems]?.text ?? "",
            improvements: texts[.improvements]?.text ?? "")
    }

    func record(_ log: inout ReadingLog) {
        for (field, entry) in texts { log.record("analysis.\(field.key)", entry.line) }
    }
}
