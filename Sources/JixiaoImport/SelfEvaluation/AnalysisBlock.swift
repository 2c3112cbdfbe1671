import JixiaoCore

/// The 项目绩效分析 block of a 自评表: each row prints a caption (`产出情况及分析`, `主要经验做法`, …) and its
/// text; the block captions 项目绩效分析 and 自评结果分析 may sit on any of its rows.
struct AnalysisBlock {
    enum Field: CaseIterable {
        case execution, output, benefit, satisfaction, experience, problems, improvements

        var key: String {
            switch self {
            case .execution: "execution"
            case .output: "output"
            case .benefit: "benefit"
            case .satisfaction: "satisfaction"
            case .experience: "experience"
            case .problems: "problems"
            case .improvements: "improvements"
            }
        }

        /// The caption, for messages.
        var title: String {
            switch self {
            case .execution: "项目实施和预算执行情况"
            case .output: "产出情况"
            case .benefit: "效益情况"
            case .satisfaction: "满意度情况"
            case .experience: "主要经验做法"
            case .problems: "存在的主要问题及原因分析"
            case .improvements: "下一步改进措施及管理建议"
            }
        }
    }

    private(set) var texts: [Field: (text: String, line: Int)] = [:]
    /// A caption whose text has not come yet (printed on the next line).
    private var pending: Field?
    /// The caption read last: a row of text without a caption (its caption cell merged over a page break, or
    /// not printed) continues its text.
    private var last: Field?
    /// Text printed before any caption: kept for the first caption that comes, the nearest.
    private var orphan: (text: String, line: Int)?

    static let blockCaptions: Set<String> = ["项目绩效分析", "自评结果分析"]

    /// The field a caption names, by the words every variant keeps (`项目实施的预算执行情况及分析`,
    /// `项目管理中存在的问题及原因分析`, `下一步改进措施及建议`).
    static func field(_ caption: String) -> Field? {
        guard caption.count <= 30 else { return nil }
        let isSituation = caption.hasSuffix("情况") || caption.hasSuffix("分析")
        if caption.contains("预算执行"), isSituation { return .execution }
        if caption.hasPrefix("产出情况"), isSituation { return .output }
        if caption.hasPrefix("效益情况"), isSituation { return .benefit }
        if caption.hasPrefix("满意度情况"), isSituation { return .satisfaction }
        if caption.hasSuffix("经验做法") { return .experience }
        if caption.contains("问题"), caption.hasSuffix("分析") { return .problems }
        if caption.hasPrefix("下一步") || caption.hasSuffix("管理建议") { return .improvements }
        return nil
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
