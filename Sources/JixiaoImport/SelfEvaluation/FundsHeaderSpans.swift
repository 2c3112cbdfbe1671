/// The amount captions of a 自评表's funds header with the grid columns each cell spans, for the rows whose
/// count of amounts differs from the count of names: a county layout's `年初预算数` merged over two
/// unlabelled sub-columns prints one amount more than the header has names, a row with a cell left blank one
/// fewer. The fixed tail (资金结(转)余, 分值, 执行率, 得分: one amount each, always last) anchors the end of a
/// longer row, the header's spans say how many amounts each name before it holds; what neither settles (a
/// shorter row) is reported, never guessed.
struct FundsHeaderSpans {
    enum Name: Hashable, Comparable {
        /// `年初预算数` printed without its sub-columns' captions.
        case initialBudget
        case field(FundsBlock.Field)

        /// Position in the printed order: `年初预算数` sits where its sub-columns do.
        var order: Int {
            switch self {
            case .initialBudget: FundsBlock.Field.declared.rawValue
            case .field(let field): field.rawValue
            }
        }

        static func < (a: Name, b: Name) -> Bool { a.order < b.order }

        var label: String {
            switch self {
            case .initialBudget: "年初预算数"
            case .field(let field): FundsHeaderSpans.labels[field] ?? ""
            }
        }
    }

    /// The names as printed in the funds header, for messages.
    static let labels: [FundsBlock.Field: String] = [
        .declared: "目标申报数", .compiled: "预算编制数", .fullYearBudget: "全年预算数", .executed: "全年执行数",
        .balance: "资金结(转)余", .weight: "分值", .rate: "执行率", .score: "得分",
    ]

    /// The columns that always close a row, one amount each.
    static let tail: Set<FundsBlock.Field> = [.balance, .weight, .rate, .score]

    struct Problem: Error {
        let reason: String
    }

    private var spans: [Name: Int] = [:]

    mutating func add(_ field: FundsBlock.Field, span: Int) {
        if spans[.field(field)] == nil { spans[.field(field)] = span }
    }

    mutating func addInitialBudget(span: Int) {
        if spans[.initialBudget] == nil { spans[.initialBudget] = span }
    }

    /// The names in printed order; `年初预算数` gives way to its sub-columns when their captions are printed.
    var names: [Name] {
        let hasSubColumns = spans[.field(.declared)] != nil || spans[.field(.compiled)] != nil
        return spans.keys.filter { $0 != .initialBudget || !hasSubColumns }.sorted()
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
        let spanned = leading.filter { (spans[$0] ?? 1) > 1 }
        let width = leading.reduce(0) { $0 + (spans[$1] ?? 1) }
        guard !spanned.isEmpty else {
            return .failure(
                Problem(
                    reason:
                        "资金行有 \(count) 个金额，表头只有 \(names.count) 个栏目（\(namesText)），且表头没有跨列的合并单元格说明多出的金额属于哪一栏，无法确定各金额所在的栏目"
                ))
        }
        guard width + tail.count == count else {
            return .failure(
                Problem(
                    reason:
                        "资金行有 \(count) 个金额，表头的栏目（\(namesText)）按合并单元格所跨的列计共 \(width + tail.count) 列，两者不符，无法确定各金额所在的栏目"
                ))
        }
        var columns: [FundsBlock.Field] = []
        for name in leading {
            let span = spans[name] ?? 1
            switch (name, span) {
            case (.field(let field), 1): columns.append(field)
            case (.initialBudget, 1): columns.append(.declared)
            // `年初预算数` over its two sub-columns, 目标申报数 and 预算编制数, their captions not printed.
            case (.initialBudget, 2): columns += [.declared, .compiled]
            default:
                return .failure(
                    Problem(
                        reason:
                            "表头“\(name.label)”是跨 \(span) 列的合并单元格，资金行在其下有 \(span) 个金额，无法确定哪一个是\(name.label)"))
            }
        }
        return .success(columns + tail.compactMap { if case .field(let field) = $0 { field } else { nil } })
    }

    /// Why a row of `count` amounts, fewer than the header has names, cannot be read: a blank cell left no
    /// trace, and the tail does not say which one it was (a blank 得分 shifts 执行率 into its place).
    func fewer(_ count: Int) -> Problem {
        Problem(
            reason:
                "资金行只有 \(count) 个金额，表头却有 \(names.count) 个栏目（\(namesText)），无法确定哪一栏未填，该行未导入；请在未填的栏中填“—”后重新导入"
        )
    }
}
