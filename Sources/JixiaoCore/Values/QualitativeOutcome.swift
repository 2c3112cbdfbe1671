/// 定性完成值: the three outcomes a qualitative indicator can report, in any wording.
public enum QualitativeOutcome: String, Sendable, Hashable, CaseIterable, Codable {
    case achieved  // 达成年度指标 / 达成预期指标 / 达成
    case partlyAchieved  // 部分达成年度指标并具有一定效果 / 部分达成预期指标并具有一定效果 / 部分达成
    case notAchieved  // 未达成年度指标且效果较差 / 未完成预期指标且效果较差 / 未达成

    /// Which published wording a text used.
    public enum Wording: String, Sendable, Hashable, Codable { case national, shanxi, shorthand }

    /// The wording printed on forms.
    public func text(_ wording: Wording) -> String {
        switch (self, wording) {
        case (.achieved, .national): "达成年度指标"
        case (.achieved, .shanxi): "达成预期指标"
        case (.achieved, .shorthand): "达成"
        case (.partlyAchieved, .national): "部分达成年度指标并具有一定效果"
        case (.partlyAchieved, .shanxi): "部分达成预期指标并具有一定效果"
        case (.partlyAchieved, .shorthand): "部分达成"
        case (.notAchieved, .national): "未达成年度指标且效果较差"
        case (.notAchieved, .shanxi): "未完成预期指标且效果较差"
        case (.notAchieved, .shorthand): "未达成"
        }
    }

    /// Chinese label for reports.
    public var label: String { text(.shorthand) }

    /// Recognises an outcome by prefix, since published text is often cut at the column width.
    static func recognise(_ text: String) -> (QualitativeOutcome, Wording)? {
        let outcome: QualitativeOutcome
        if text.begins(with: "部分达成") || text.begins(with: "部分完成") {
            outcome = .partlyAchieved
        } else if text.begins(with: "未达成") || text.begins(with: "未完成") {
            outcome = .notAchieved
        } else if text.begins(with: "达成") {
            outcome = .achieved
        } else {
            return nil
        }
        let wording: Wording = text.includes("年度") ? .national : text.includes("预期") ? .shanxi : .shorthand
        return (outcome, wording)
    }
}
