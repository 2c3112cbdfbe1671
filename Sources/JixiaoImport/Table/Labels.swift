import Foundation
import JixiaoCore

/// Reading printed labels and cell contents. Labels are matched as `PrintedLabel.normalize` folds them (no
/// whitespace, full-width punctuation folded, no trailing colon), so `产出指 标`, `总 分` and `项目资金（元）`
/// read as printed labels.
enum Labels {
    /// A cell's compact text without a trailing colon: the label it prints, if it is one.
    static func caption(_ cell: TextCell) -> String { caption(compact: cell.compact) }

    static func caption(compact: String) -> String { PrintedLabel.normalize(compact) }

    /// Whether the cell is a number column's entry: a number (`48.5`, `598,500`, `100.00`), a percentage, or
    /// a dash standing for "not applicable".
    static func isAmount(_ text: String) -> Bool {
        let trimmed = text.trimmed
        if DecimalText.parse(trimmed) != nil { return true }
        if trimmed.hasSuffix("%") || trimmed.hasSuffix("％"), DecimalText.parse(String(trimmed.dropLast())) != nil {
            return true
        }
        return ["-", "—", "－", "/", "——"].contains(trimmed)
    }

    /// Whether a text starts with a comparison operator, as only an indicator value does (`≥30台`, `=100%`).
    static func startsWithOperator(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        return "≥≤><=＞＜＝≧≦⩾⩽".contains(first)
    }

    /// 一级/二级 labels and the 绩效指标 caption, as printed in the label columns of an indicator table.
    enum Level: Equatable {
        /// `绩效指标`: the caption of the whole block, printed beside the first row.
        case caption
        case level1
        case level2(Level2)
    }

    static let level1Words: Set<String> = ["产出指标", "产出", "效益指标", "效益", "满意度指标", "满意度"]

    /// The label a cell prints, if it is one. `成本指标` is a 二级 (Shanxi files 成本 under 产出); the central
    /// frame's 成本 二级 (`经济成本指标`, `社会成本指标`, `生态环境成本指标`) are 成本 二级 too.
    static func level(_ cell: TextCell) -> Level? {
        let text = cell.compact
        if text == FieldVocabulary.Indicators.caption { return .caption }
        if level1Words.contains(text) { return .level1 }
        if let level2 = Level2(label: text) { return .level2(level2) }
        if text.hasSuffix("成本指标"), text.count <= 10 { return .level2(.cost) }
        return nil
    }
}
