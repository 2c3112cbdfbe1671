import JixiaoCore

/// Reads one row of a 目标表's indicator table: a 实施期 half (一级 | 二级 | 三级 | 指标值) beside a 年度 half
/// (二级 | 三级 | 指标值).
///
/// Extraction drops empty cells and shifts the rest, so the row is read as a sequence of labels and texts,
/// and cut where both halves make sense: each half is its labels followed by at most a 三级 and a 指标值;
/// a half never repeats a 二级 or goes back in the template order (数量 … 满意度). Among the cuts that
/// remain, the one whose cells sit nearest the caption columns wins.
struct TargetIndicatorRowReader {
    /// Caption columns: the 实施期 half's 一级, 二级, 三级, 指标值, then the 年度 half's (nil: no 年度 half).
    struct Columns {
        var level1 = 1, level2 = 2, name = 3, value = 4
        var annual: (level2: Int, name: Int, value: Int)? = (5, 6, 7)

        static let terms = [
            FieldVocabulary.Target.level1, FieldVocabulary.Target.level2, FieldVocabulary.Target.name,
            FieldVocabulary.Target.value,
        ]

        /// The column a caption names (its term's path), nil for anything else.
        static func column(_ caption: String) -> String? { terms.first { $0.accepts(caption) }?.path }

        static func isCaptionRow(_ line: TextLine) -> Bool {
            let captions = line.filled.map(Labels.caption)
            return Set(captions.compactMap(column)).count >= 2
                && captions.allSatisfy { column($0) != nil || $0 == FieldVocabulary.Indicators.caption }
        }

        /// The columns of the caption row (split over several lines, maybe); the second 二级/三级/指标值
        /// belong to the 年度 half.
        init(captionRows lines: [TextLine]) {
            var seen: [String: [Int]] = [:]
            for cell in lines.flatMap(\.filled) {
                if let path = Columns.column(Labels.caption(cell)) { seen[path, default: []].append(cell.column) }
            }
            let terms = FieldVocabulary.Target.self
            level1 = seen[terms.level1.path]?.first ?? level1
            level2 = seen[terms.level2.path]?.first ?? level2
            name = seen[terms.name.path]?.first ?? name
            value = seen[terms.value.path]?.first ?? value
            if let second = seen[terms.level2.path]?.dropFirst().first {
                annual = (
                    second, seen[terms.name.path]?.dropFirst().first ?? second + 1,
                    seen[terms.value.path]?.dropFirst().first ?? second + 2
                )
            } else {
                annual = nil
            }
        }

        init() {}
    }

    enum Token {
        case level1(TextCell)
        case level2(TextCell, Level2)
        case text(TextCell)
    }

    /// One half of a row: the labels it prints and up to two texts (三级, 指标值).
    struct Half {
        var level1: TextCell?
        var level2s: [(cell: TextCell, level: Level2)] = []
        var texts: [TextCell] = []

        /// A valid half: labels first, at most one 一级, 二级 in template order without repeats, ≤ 2 texts.
        init?(_ tokens: ArraySlice<Token>, allowsLevel1: Bool) {
            for token in tokens {
                switch token {
                case .level1(let cell):
                    guard allowsLevel1, level1 == nil, level2s.isEmpty, texts.isEmpty else { return nil }
                    level1 = cell
                case .level2(let cell, let level):
                    guard texts.isEmpty else { return nil }
                    if let last = level2s.last?.level, Self.order(of: last) >= Self.order(of: level) { return nil }
                    level2s.append((cell, level))
                case .text(let cell):
                    texts.append(cell)
                }
            }
            guard texts.count <= 2 else { return nil }
        }

        /// The half of a row that prints nothing (a table without a 年度 half).
        private init() {}
        static let empty = Half()

        /// A 二级's place in the template.
        static func order(of level: Level2) -> Int { Level2.allCases.firstIndex(of: level) ?? Level2.allCases.count }

        /// 三级 and 指标值: one text is the 三级, unless it starts with an operator (`≥95%`).
        var nameAndValue: (name: TextCell?, value: TextCell?) {
            if texts.count == 2 { return (texts[0], texts[1]) }
            guard let only = texts.first else { return (nil, nil) }
            return Labels.startsWithOperator(only.text) ? (nil, only) : (only, nil)
        }

        /// How far the cells sit from the caption columns.
        func distance(level1 l1: Int?, level2 l2: Int, name: Int, value: Int) -> Int {
            var total = 0
            if let cell = level1, let l1 { total += abs(cell.column - l1) }
            for entry in level2s { total += abs(entry.cell.column - l2) }
            let (nameCell, valueCell) = nameAndValue
            if let nameCell { total += abs(nameCell.column - name) }
            if let valueCell { total += abs(valueCell.column - value) }
            return total
        }
    }

    let columns: Columns

    /// Splits a row into its two halves; nil when no cut makes sense of it.
    func split(_ line: TextLine) -> (period: Half, annual: Half)? {
        let tokens: [Token] = line.filled.compactMap { cell in
            switch Labels.level(cell) {
            case .caption: nil
            case .level1: .level1(cell)
            case .level2(let level): .level2(cell, level)
            case nil: .text(cell)
            }
        }
        guard let annualColumns = columns.annual else {
            return Half(tokens[...], allowsLevel1: true).map { ($0, .empty) }
        }
        var best: (period: Half, annual: Half, distance: Int)?
        // A 年度 half is at most one 二级 and two texts, so only the last three cuts can succeed: trying those
        // alone keeps a row of n cells linear (trying every cut was quadratic).
        for cut in max(0, tokens.count - 3)...tokens.count {
            guard let period = Half(tokens[..<cut], allowsLevel1: true),
                let annual = Half(tokens[cut...], allowsLevel1: false), annual.level2s.count <= 1
            else { continue }
            let distance =
                period.distance(
                    level1: columns.level1, level2: columns.level2, name: columns.name, value: columns.value)
                + annual.distance(
                    level1: nil, level2: annualColumns.level2, name: annualColumns.name, value: annualColumns.value)
            if best.map({ distance < $0.distance }) ?? true { best = (period, annual, distance) }
        }
        return best.map { ($0.period, $0.annual) }
    }

    /// Reads a row into its 实施期 and 年度 indicators, carrying each half's labels down from the rows above.
    /// A half that prints no 二级 while the other half starts a new one has lost its label: it is left blank.
    func read(
        _ line: TextLine, period: inout LevelTracker, annual: inout LevelTracker
    )
        -> (period: [TargetTable.Indicator], annual: [TargetTable.Indicator])?
    {
        guard let halves = split(line) else { return nil }
        let annualStartsNew = halves.annual.level2s.first.map { annual.isNew(level2: $0.cell.compact) } ?? false
        let periodStartsNew = halves.period.level2s.last.map { period.isNew(level2: $0.cell.compact) } ?? false
        return (
            TargetIndicatorRowReader.indicators(
                halves.period, levels: &period, lost: annualStartsNew, withLevel1: true),
            TargetIndicatorRowReader.indicators(
                halves.annual, levels: &annual, lost: periodStartsNew, withLevel1: false)
        )
    }

    /// The indicators one half prints: each 二级 starts one (a template row unless it is the last); the texts
    /// belong to the last, or to a row under the carried 二级 when none is printed.
    static func indicators(
        _ half: Half, levels: inout LevelTracker, lost: Bool, withLevel1: Bool
    ) -> [TargetTable.Indicator] {
        if let level1 = half.level1 { levels.see(level1: level1.compact) }
        var entries: [(label: String?, family: Level2?)] = half.level2s.map { ($0.cell.compact, $0.level) }
        if entries.isEmpty, !half.texts.isEmpty { entries = [(nil, nil)] }
        var rows: [TargetTable.Indicator] = []
        for (index, entry) in entries.enumerated() {
            let labels = levels.row(level2: entry.label, family: entry.family, lost: lost)
            let (name, value) = index == entries.count - 1 ? half.nameAndValue : (nil, nil)
            rows.append(
                TargetTable.Indicator(
                    level1: withLevel1 ? labels.level1 : nil, level2: labels.level2,
                    name: name?.text ?? "", value: value?.text ?? ""))
        }
        return rows
    }
}
