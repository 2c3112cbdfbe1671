import JixiaoCore

/// A row of `caption | value | caption | value` cells (`主管部门及代码 | 209-… | 预算单位 | 209100-…`,
/// `负责人: | | 填报日期: | 20240713150557`), read by captions, not by position: a caption's value is the
/// next filled cell unless that is itself a caption. Captions are the vocabulary's spellings of `fields`.
struct LabeledFields {
    struct Value {
        let text: String
        let line: Int
    }

    /// Each captioned value by its field path.
    private(set) var values: [String: Value] = [:]
    /// Filled cells that follow no caption.
    private(set) var strays: [TextCell] = []

    init(_ line: TextLine, fields: [FieldTerm]) {
        var current: String?
        for cell in line.filled {
            if let field = fields.first(where: { $0.accepts(Labels.caption(cell)) }) {
                current = field.path
                values[field.path] = Value(text: "", line: line.number)
            } else if let key = current {
                values[key] = Value(text: cell.text, line: line.number)
                current = nil
            } else {
                strays.append(cell)
            }
        }
    }

    /// Whether a cell is a caption of one of `fields`.
    static func isCaption(_ cell: TextCell, of fields: [FieldTerm]) -> Bool {
        fields.contains { $0.accepts(Labels.caption(cell)) }
    }
}
