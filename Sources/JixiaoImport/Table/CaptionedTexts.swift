/// Free texts printed under a row of captions (`年度目标 | 实际完成情况`, `实施期目标 | 年度目标`). The caption
/// row and the text row may be split or merged in any way; each text goes to the caption it sits under.
struct CaptionedTexts<Field: Hashable> {
    /// The fields in printed order, each with the captions that name it.
    let fields: [(field: Field, captions: Set<String>)]
    /// Block captions that carry no text of their own (`项目年度绩效目标`, `总体目标`).
    let ignored: (String) -> Bool
    private var columns: [Field: Int] = [:]
    private var texts: [(cell: TextCell, line: Int)] = []

    init(fields: [(field: Field, captions: Set<String>)], ignored: @escaping (String) -> Bool) {
        self.fields = fields
        self.ignored = ignored
    }

    func isCaption(_ caption: String) -> Bool { fields.contains { $0.captions.contains(caption) } }

    mutating func add(_ line: TextLine) {
        for cell in line.filled {
            let caption = Labels.caption(cell)
            if let field = fields.first(where: { $0.captions.contains(caption) })?.field {
                if columns[field] == nil { columns[field] = cell.column }
            } else if !ignored(caption) {
                texts.append((cell, line.number))
            }
        }
    }

    /// Each field's text and line, and the texts that fit no field.
    func assigned() -> (values: [Field: (text: String, line: Int)], extra: [(text: String, line: Int)]) {
        var values: [Field: (text: String, line: Int)] = [:]
        let order = fields.map(\.field)
        if texts.count < order.count, !columns.isEmpty {
            // Fewer texts than captions: each goes to the caption whose column is nearest.
            for (cell, line) in texts {
                let free = order.filter { values[$0] == nil }
                let nearest = free.min { distance(cell, $0) < distance(cell, $1) }
                if let nearest { values[nearest] = (cell.text, line) }
            }
            return (values, [])
        }
        for (field, entry) in zip(order, texts) { values[field] = (entry.cell.text, entry.line) }
        return (values, texts.dropFirst(order.count).map { ($0.cell.text, $0.line) })
    }

    private func distance(_ cell: TextCell, _ field: Field) -> Int {
        columns[field].map { abs($0 - cell.column) } ?? Int.max
    }
}
