import JixiaoCore

/// The amount captions of a 自评表's funds header with the grid columns each cell spans, for the rows whose
/// count of amounts differs from the count of names: a county layout's `年初预算数` merged over two
/// unlabelled sub-columns prints one amount more than the header has names, a row with a cell left blank one
/// fewer. The fixed tail (资金结(转)余, 分值, 执行率, 得分: one amount each, always last) anchors the end of a
/// longer row, the header's spans say how many amounts each name before it holds; a shorter row is read by
/// where its amounts sit under the captions in a table's grid. What none of these settles is reported, never
/// guessed.
struct FundsHeaderSpans {
    enum Name: Hashable, Comparable {
        /// `年初预算数` printed without its sub-columns' captions.
        case initialBudget
        case field(FundsBlock.Field)

        /// Position in the printed order: `年初预算数` sits where its sub-columns do.
        var order: Int {
            switch self {
            case .initialBudget: FundsBlock.Field.declared.order
            case .field(let field): field.order
            }
        }

        static func < (a: Name, b: Name) -> Bool { a.order < b.order }

        var label: String {
            switch self {
            case .initialBudget: FieldVocabulary.Funds.initialBudget
            case .field(let field): FieldVocabulary.Funds.column(field.key)?.label ?? field.key
            }
        }
    }

    /// The columns that always close a row, one amount each.
    static let tail: Set<FundsBlock.Field> = [.balance, .weight, .rate, .score]

    struct Problem: Error {
        let reason: String
    }

    /// Each name's caption cell: its first grid column and how many columns it spans.
    private var cells: [Name: (column: Int, span: Int)] = [:]

    mutating func add(_ field: FundsBlock.Field, _ cell: TextCell) {
        if cells[.field(field)] == nil { cells[.field(field)] = (cell.column, cell.span) }
    }

    mutating func addInitialBudget(_ cell: TextCell) {
        if cells[.initialBudget] == nil { cells[.initialBudget] = (cell.column, cell.span) }
    }

    private func span(_ name: Name) -> Int { cells[name]?.span ?? 1 }

    /// The names in printed order; `年初预算数` gives way to its sub-columns when their captions are printed.
    var names: [Name] {
        let hasSubColumns = cells[.field(.declared)] != nil || cells[.field(.compiled)] != nil
        return cells.keys.filter { $0 != .initialBudget || !hasSubColumns }.sorted()
    }

    private func isTail(_ name: Name) -> Bool {
        if case .field(let field) = name { return FundsHeaderSpans.tail.contains(field) }
        return false
    }

    private var namesText: String { names.map(\.label).joined(separator: "、") }

    /// The columns of a row of `count` amounts, more than the header has names: the tail takes one amount
    /// each from the end, every name before it as many as its cell spans columns.
    func columns(forMore count: Int) -> Result<[FundsBlock.Field], Problem> {
        let names = self.names
        let leading = names.filter { !isTail($0) }
        let tail = names.filter(isTail)
        let spanned = leading.filter { span($0) > 1 }
        let width = leading.reduce(0) { $0 + span($1) }
        guard !spanned.isEmpty else {
            return .failure(
                Problem(
                    reason:
                        "资金行有 \(count) 个金额，表头只有 \(names.count) 个栏目（\(namesText)），且表头没有跨列的合并单元格说明多出的金额属于哪一栏，无法确定各金额所在的栏目；请直接导入原文档（Word、HTML 或 PDF，表头的合并单元格在其中可以读出），或在表头中补上多出一栏的名称"
                ))
        }
        guard width + tail.count == count else {
            return .failure(
                Problem(
                    reason:
                        "资金行有 \(count) 个金额，表头的栏目（\(namesText)）按合并单元格所跨的列计共 \(width + tail.count) 列，两者不符，无法确定各金额所在的栏目；请核对该行是否多填或少填了金额"
                ))
        }
        var columns: [FundsBlock.Field] = []
        for name in leading {
            let span = span(name)
            switch (name, span) {
            case (.field(let field), 1): columns.append(field)
            case (.initialBudget, 1): columns.append(.declared)
            // `年初预算数` over its two sub-columns, 目标申报数 and 预算编制数, their captions not printed.
            case (.initialBudget, 2): columns += [.declared, .compiled]
            default:
                return .failure(
                    Problem(
                        reason:
                            "表头“\(name.label)”是跨 \(span) 列的合并单元格，资金行在其下有 \(span) 个金额，无法确定哪一个是\(name.label)；请在表头中为这 \(span) 列分别写上栏目名称"
                    ))
            }
        }
        return .success(columns + tail.compactMap { if case .field(let field) = $0 { field } else { nil } })
    }

    /// The columns of a table row's amounts read by where they sit: each under the caption whose cell covers
    /// its grid column (the first or second column of a merged `年初预算数`: 目标申报数, 预算编制数), a blank cell
    /// an empty one. Nil when an amount sits under no caption, or two under one: the row is not laid out on
    /// the header's grid (a text export shifts its cells), and only the count can be read.
    func columns(under amounts: [TextCell]) -> [FundsBlock.Field]? {
        var columns: [FundsBlock.Field] = []
        for amount in amounts {
            let placed = names.lazy.compactMap { name -> FundsBlock.Field? in
                guard let caption = cells[name] else { return nil }
                let offset = amount.column - caption.column
                switch name {
                case .field(let field) where offset == 0 && amount.span <= caption.span: return field
                case .initialBudget where caption.span == 2 && amount.span == 1 && (0...1).contains(offset):
                    return offset == 0 ? .declared : .compiled
                case .initialBudget where offset == 0 && amount.span == caption.span: return .declared
                default: return nil
                }
            }.first
            guard let placed, !columns.contains(placed) else { return nil }
            columns.append(placed)
        }
        return columns
    }

    /// Why a row of `count` amounts, fewer than the header has names, cannot be read when its cells do not sit
    /// under the captions (a text export): a blank cell left no trace there, and the tail does not say which
    /// one it was (a blank 得分 shifts 执行率 into its place).
    func fewer(_ count: Int) -> Problem {
        Problem(
            reason:
                "资金行只有 \(count) 个金额，表头却有 \(names.count) 个栏目（\(namesText)），无法确定哪一栏未填，该行未导入；请在未填的栏中填“—”后重新导入"
        )
    }
}
