import JixiaoCore

/// The 项目资金预算安排及执行进度 block of a 自评表: its caption rows (possibly split over two lines) say
/// which amount columns the form has; each data row is a label followed by its amounts.
struct FundsBlock {
    /// The amount columns, in the order every layout prints them; each named by its key in the vocabulary's
    /// `FieldVocabulary.Funds.columns`.
    enum Field: String, CaseIterable, Comparable {
        case declared, compiled, fullYearBudget, executed, balance, weight, rate, score

        static func < (a: Field, b: Field) -> Bool { a.order < b.order }
        /// The column's place in printed order.
        var order: Int { Field.allCases.firstIndex(of: self) ?? 0 }

        var key: String { rawValue }
    }

    private var fields: Set<Field> = []
    /// `年初预算数` printed (over 目标申报数 / 预算编制数, or alone).
    private var initialBudget = false
    private(set) var hasDeviation = false
    private(set) var total: (row: SelfEvaluation.FundsRow, line: Int)?
    private(set) var sources: [(row: SelfEvaluation.FundsRow, line: Int)] = []
    /// The captions' cells, for a row with more amounts than the header has names.
    private var spans = FundsHeaderSpans()

    /// The field a caption names; the national template's `全年预算数(A)`, `执行率(B/A)` are its names too.
    static func field(_ caption: String) -> Field? {
        Field.allCases.first { FieldVocabulary.Funds.column($0.key)?.accepts(caption) ?? false }
    }

    static func isInitialBudget(_ caption: String) -> Bool { caption == FieldVocabulary.Funds.initialBudget }

    static func isDeviation(_ caption: String) -> Bool { FieldVocabulary.Funds.deviation.accepts(caption) }

    static func isBlockCaption(_ caption: String) -> Bool { caption.hasPrefix(FieldVocabulary.Funds.blockPrefix) }

    /// Whether a line is (part of) the block's caption rows.
    static func isCaptionRow(_ line: TextLine) -> Bool {
        let captions = line.filled.map(Labels.caption)
        let known = captions.filter { field($0) != nil || isInitialBudget($0) || isDeviation($0) }
        return !line.filled.contains { Labels.isAmount($0.text) }
            && (!known.isEmpty || captions.contains(where: isBlockCaption))
    }

    mutating func addCaptions(_ line: TextLine) {
        for cell in line.filled {
            let caption = Labels.caption(cell)
            if let field = FundsBlock.field(caption) {
                fields.insert(field)
                spans.add(field, cell)
            }
            if FundsBlock.isInitialBudget(caption) {
                initialBudget = true
                spans.addInitialBudget(cell)
            }
            if FundsBlock.isDeviation(caption) { hasDeviation = true }
        }
    }

    /// The columns that `count` printed amounts fill.
    func columns(for count: Int) -> [Field]? {
        var printed = fields
        let initialSubColumns: Set<Field> = [.declared, .compiled]
        if initialBudget, printed.isDisjoint(with: initialSubColumns) { printed.insert(.declared) }
        let ordered = printed.sorted()
        if count <= ordered.count { return Array(ordered.prefix(count)) }
        // `年初预算数` captioned over one sub-column while both amounts are printed (with no sub-column
        // captioned, the header's spans say where the extra amount is: `FundsHeaderSpans`).
        if count == ordered.count + 1, initialBudget, fields.intersection(initialSubColumns).count == 1 {
            return printed.union(initialSubColumns).sorted()
        }
        return nil
    }

    /// The columns of a row's amounts. A row of more amounts than names is read by the header's spans; a row
    /// of fewer, on a layout with the national 分值 column, by where its cells sit in a table's grid (`inGrid`),
    /// and refused when they do not sit under the captions: its blank cell could be any (年初预算数 is often
    /// left blank there). Shanxi's rows that stop early (a 资金总额 row without its 得分) keep their amounts in
    /// printed order, as they always have.
    func resolvedColumns(for amounts: [TextCell], inGrid: Bool) -> Result<[Field], FundsHeaderSpans.Problem> {
        let count = amounts.count
        if count > 0, fields.contains(.weight), count < spans.names.count {
            if inGrid, let columns = spans.columns(under: amounts) { return .success(columns) }
            return .failure(spans.fewer(count))
        }
        if let columns = columns(for: count) { return .success(columns) }
        return spans.columns(forMore: count)
    }

    /// Reads a data row. Returns a reason when the row cannot be read.
    mutating func addRow(_ line: TextLine) -> String? {
        let cells = line.filled.filter { !FundsBlock.isBlockCaption(Labels.caption($0)) }
        // A fund source printed with blank amounts is a row of blank cells.
        let blankSource = cells.count == 1 && FundsBlock.isSourceLabel(cells[0].text)
        guard let firstAmount = cells.firstIndex(where: { Labels.isAmount($0.text) }) ?? (blankSource ? 1 : nil) else {
            return "资金行中没有金额"
        }
        let labels = cells[..<firstAmount]
        guard labels.count <= 1 else { return "资金行有多个标签：\(labels.map(\.text).joined(separator: "、"))" }
        let rest = cells[firstAmount...]
        let amounts = rest.prefix { Labels.isAmount($0.text) }
        let texts = rest.dropFirst(amounts.count)
        if texts.contains(where: { Labels.isAmount($0.text) }) { return "资金行的金额之间夹有文字，无法确定各金额所在的栏目" }
        if !texts.isEmpty, !hasDeviation { return "资金行有表头中没有的文字栏：\(texts.map(\.text).joined(separator: "、"))" }
        if texts.count > 1 { return "资金行的偏差原因分成了多个单元格，无法确定其原文" }
        let columns: [Field]
        switch resolvedColumns(for: Array(amounts), inGrid: line.place != nil) {
        case .success(let resolved): columns = resolved
        case .failure(let problem): return problem.reason
        }
        var values: [Field: EnteredNumber] = [:]
        for (field, cell) in zip(columns, amounts) { values[field] = EnteredNumber(cell.text) }
        let label = labels.first?.text ?? ""
        // The block's first row is its 资金总额 row, even when extraction lost the label.
        let isTotal = FundsBlock.isTotalLabel(label) || label.isEmpty && total == nil && sources.isEmpty
        let row = SelfEvaluation.FundsRow(
            source: isTotal ? "" : FundsBlock.sourceName(label),
            declared: values[.declared] ?? "", compiled: values[.compiled] ?? "",
            fullYearBudget: values[.fullYearBudget] ?? "", executed: values[.executed] ?? "",
            balance: values[.balance] ?? "", weight: fields.contains(.weight) ? values[.weight] ?? "" : nil,
            rate: values[.rate] ?? "", score: values[.score] ?? "",
            deviation: hasDeviation ? texts.first?.text ?? "" : nil)
        if isTotal, total == nil { total = (row, line.number) } else { sources.append((row, line.number)) }
        return nil
    }

    /// `资金总额:`, `年度资金总额`, `合计`.
    static func isTotalLabel(_ label: String) -> Bool { FieldVocabulary.Funds.isTotal(label) }

    /// `省级财政资金`, `其中：上年结转资金`, `当年财政拨款`, `单位自筹`.
    static func isSourceLabel(_ label: String) -> Bool {
        label.count <= 20 && ["资金", "拨款", "结转", "自筹", "收入"].contains { label.contains($0) }
    }

    /// `其中：中央财政资金` → `中央财政资金`.
    static func sourceName(_ label: String) -> String {
        for prefix in ["其中：", "其中:"] where label.hasPrefix(prefix) {
            return String(label.dropFirst(prefix.count)).trimmed
        }
        return label
    }

    /// Records the rows' field lines under `funds`.
    func record(_ log: inout ReadingLog) {
        func record(_ path: String, _ row: SelfEvaluation.FundsRow, _ line: Int, source: Bool) {
            if source { log.record("\(path).source", line) }
            for field in Field.allCases where field != .weight || row.weight != nil {
                log.record("\(path).\(field.key)", line)
            }
            if row.deviation != nil { log.record("\(path).deviation", line) }
        }
        if let total { record("funds.total", total.row, total.line, source: false) }
        for (index, source) in sources.enumerated() {
            record("funds.sources[\(index)]", source.row, source.line, source: true)
        }
    }
}
