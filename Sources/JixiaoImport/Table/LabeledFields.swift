/// A row of `caption | value | caption | value` cells (`主管部门及代码 | 209-… | 预算单位 | 209100-…`,
/// `负责人: | | 填报日期: | 20240713150557`), read by captions, not by position: a caption's value is the
/// next filled cell unless that is itself a caption.
struct LabeledFields {
    struct Value {
        let text: String
        let line: Int
    }

    private(set) var values: [String: Value] = [:]
    /// Filled cells that follow no caption.
    private(set) var strays: [TextCell] = []

    init(_ line: TextLine, captions: Set<String>) {
        var current: String?
        for cell in line.filled {
            let caption = Labels.caption(cell)
            if captions.contains(caption) {
                current = caption
                values[caption] = Value(text: "", line: line.number)
            } else if let key = current {
                values[key] = Value(text: cell.text, line: line.number)
                current = nil
            } else {
                strays.append(cell)
            }
        }
    }
}
