import JixiaoCore

/// Reads one row of a 自评表's indicator table, however extraction shifted its cells.
///
/// The 分值 and 得分 pair anchors the row: counted back from it sit 实际完成值 (and 定性值情况说明), and
/// before them 三级, 年初 and 调整后, so a row that lost its empty 一级/二级 cells, or had a label pushed
/// into the neighbouring column, still reads right. What is left of 三级 are the labels, read by what they
/// say (`产出指标` is a 一级 wherever it sits). A cell that fits no column is kept in `extraCells`.
struct IndicatorRowReader {
    let columns: IndicatorColumns

    struct Row {
        var indicator: SelfEvaluation.Indicator
        /// The line of the row (every field of it is on that line).
        var line: Int
    }

    /// Why a row cannot be read.
    struct Unreadable: Error {
        let reason: String
    }

    func read(_ line: TextLine, levels: inout LevelTracker) throws(Unreadable) -> Row {
        let cells = line.cells
        let (nameIndex, weightIndex) = try locate(cells)
        func cell(_ index: Int) -> String { index >= 0 && index < cells.count ? cells[index].text : "" }
        let labels = readLabels(
            Array(cells[..<nameIndex]), nameCell: nameIndex < cells.count ? cells[nameIndex] : nil,
            levels: &levels)

        let values = columns.values
        let leading = values.prefix { $0 != .actual }
        let trailing = values.suffix(values.count - leading.count)
        var fields: [IndicatorColumns.Field: String] = [:]
        for (offset, field) in leading.enumerated() { fields[field] = cell(nameIndex + 1 + offset) }
        for (offset, field) in trailing.enumerated() { fields[field] = cell(weightIndex - trailing.count + offset) }
        let firstSpare = nameIndex + 1 + leading.count
        var extras = (firstSpare..<max(firstSpare, weightIndex - trailing.count)).map(cell).filter { !$0.isEmpty }
        var after = cells.count > weightIndex + 2 ? cells[(weightIndex + 2)...].map(\.text).filter { !$0.isEmpty } : []
        var deviation = ""
        if columns.hasDeviation, !after.isEmpty { deviation = after.removeFirst() }
        extras += after

        let indicator = SelfEvaluation.Indicator(
            level1: labels.level1, level2: labels.level2, name: labels.nameIsLabel ? "" : cell(nameIndex),
            initialTarget: fields[.initialTarget] ?? "", adjustedTarget: fields[.adjustedTarget] ?? "",
            actual: fields[.actual] ?? "", qualitativeNote: columns.hasNote ? fields[.qualitativeNote] ?? "" : nil,
            weight: EnteredNumber(cell(weightIndex)), score: EnteredNumber(cell(weightIndex + 1)),
            deviation: deviation, extraCells: extras)
        return Row(indicator: indicator, line: line.number)
    }

    /// The columns of 三级 and 分值 in this row.
    func locate(_ cells: [TextCell]) throws(Unreadable) -> (name: Int, weight: Int) {
        let values = columns.values
        guard let anchor = scoreAnchor(cells) else {
            // No 分值/得分 printed: the row starts at the first cell after its labels and runs in column order.
            let labelRun = cells.prefix { $0.isEmpty || Labels.level($0) != nil }
            guard labelRun.count < cells.count else { throw Unreadable(reason: "这一行只有指标类别，没有指标") }
            return (labelRun.count, labelRun.count + values.count + 1)
        }
        guard anchor >= values.count + 1 else {
            throw Unreadable(reason: "分值、得分之前只有 \(anchor) 个单元格，少于三级指标和指标值的栏目数，无法确定各值所在的栏目")
        }
        let start = anchor - values.count - 1
        // A text after a 二级 label among the label cells is the 三级, pushed left by a spare cell.
        let labelCells = cells[..<start]
        if let secondLevel = labelCells.lastIndex(where: { Labels.level($0).map(isLevel2) ?? false }),
            let name = labelCells[(secondLevel + 1)...].first(where: { !$0.isEmpty && Labels.level($0) == nil })
        {
            return (name.column, anchor)
        }
        return (start, anchor)
    }

    /// The row's 一级 and 二级 from the cells left of 三级, read by what they say; `nameIsLabel` when the
    /// 三级 cell holds the 二级 instead.
    func readLabels(
        _ labelCells: [TextCell], nameCell: TextCell?, levels: inout LevelTracker
    )
        -> (level1: String, level2: String, nameIsLabel: Bool)
    {
        var printedLevel2: String?
        var family: Level2?
        var unknownLabels: [TextCell] = []
        var printedLevel1 = false
        for labelCell in labelCells where !labelCell.isEmpty {
            switch Labels.level(labelCell) {
            case .caption: continue
            case .level1:
                levels.see(level1: labelCell.compact)
                printedLevel1 = true
            case .level2(let level2):
                // Two 二级 words and no 一级: the first is printed in the 一级 column (`成本指标 | 经济成本指标`).
                if let first = printedLevel2, !printedLevel1 {
                    levels.see(level1: first)
                    printedLevel1 = true
                }
                printedLevel2 = labelCell.compact
                family = level2
            case nil: unknownLabels.append(labelCell)
            }
        }
        var nameIsLabel = false
        if printedLevel2 == nil, let nameCell, case .level2(let level2) = Labels.level(nameCell) {
            // A 二级 label where the 三级 should be, on a row that prints no 二级 (`服务对象满意度指标`): it is
            // the 二级, and the 三级 is blank.
            printedLevel2 = nameCell.compact
            family = level2
            nameIsLabel = true
        } else if printedLevel2 == nil, let last = unknownLabels.last,
            unknownLabels.count > 1 || last.column > (columns.column(.level1) ?? 1)
        {
            // A label the lexicon does not know (`业务能力提升度` in the 二级 column) is kept as printed.
            printedLevel2 = last.text
            unknownLabels.removeLast()
        }
        if let first = unknownLabels.first { levels.see(level1: first.text) }
        let (level1, level2) = levels.row(level2: printedLevel2, family: family)
        return (level1, level2, nameIsLabel)
    }

    /// The column of 分值: the last pair of adjacent number cells.
    func scoreAnchor(_ cells: [TextCell]) -> Int? {
        guard cells.count >= 2 else { return nil }
        return (0..<(cells.count - 1)).last { Labels.isAmount(cells[$0].text) && Labels.isAmount(cells[$0 + 1].text) }
    }

    func isLevel2(_ level: Labels.Level) -> Bool {
        if case .level2 = level { return true }
        return false
    }
}
