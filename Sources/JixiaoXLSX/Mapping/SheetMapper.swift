import JixiaoCore

/// Finds the forms on one sheet by their labels and maps each one, wherever it sits on the sheet.
///
/// Every 项目名称 label starts a form, which runs to the row before the next one below it and to the column
/// before the next one beside it. Its kind is told by its labels: 实施期资金总额/年度资金总额/实施期目标
/// make a 目标表; 全年执行数/实际完成值/调整后指标值 a 自评表.
enum SheetMapper {
    struct Outcome {
        var forms: [(form: Form, anchor: CellAddress)] = []
        var failures: [(anchor: CellAddress?, reason: String)] = []
    }

    static func map(_ sheet: Worksheet) -> Outcome {
        let grid = SheetGrid(sheet)
        var anchors: [CellAddress] = []
        var formLike: Set<String> = []
        for row in grid.rows {
            for (column, cell) in grid.cells(inRow: row) {
                let label = PrintedLabel.normalize(cell.text)
                if Label.matches(label, Label.projectName) { anchors.append(CellAddress(row: row, column: column)) }
                if Label.matches(label, Label.formLike) { formLike.insert(PrintedLabel.withoutUnit(label)) }
            }
        }
        var outcome = Outcome()
        guard !anchors.isEmpty else {
            if formLike.count >= 2 {
                outcome.failures.append(
                    (nil, "有绩效表的栏目（\(formLike.sorted().prefix(4).joined(separator: "、"))），但找不到“项目名称”，无法确定表单的起止"))
            }
            return outcome
        }
        for anchor in anchors {
            // A form beside this one (its 项目名称 within the title rows' reach) ends this one's columns; the
            // next form below, within these columns, ends its rows.
            let right =
                anchors.filter { $0.column > anchor.column && abs($0.row - anchor.row) <= FormRegion.titleRowLimit }
                .map { $0.column - 1 }.min() ?? Int.max
            let columns = anchor.column...right
            let below =
                anchors.filter { $0.row > anchor.row && columns.contains($0.column) }.map(\.row).min() ?? Int.max
            let above = anchors.filter { $0.row < anchor.row && columns.contains($0.column) }.map(\.row).max() ?? 0
            let region = FormRegion(
                grid: grid, anchor: anchor,
                rows: grid.rows.filter { $0 >= anchor.row && $0 < below },
                columns: columns,
                titleRows: grid.rows.filter {
                    $0 < anchor.row && $0 > above && $0 >= anchor.row - FormRegion.titleRowLimit
                }.reversed())
            do throws(MappingFailure) {
                outcome.forms.append((try map(region), anchor))
            } catch {
                outcome.failures.append((anchor, error.reason))
            }
        }
        return outcome
    }

    static func map(_ region: FormRegion) throws(MappingFailure) -> Form {
        try region.requireComputedFormulas()
        let has = { (labels: Set<String>) in region.find(labels) != nil }
        if has(Label.periodFunds.union(Label.annualFunds).union(Label.periodGoal)) {
            return .targetTable(try TargetTableLayout.read(region))
        }
        if has(Label.executed.union(Label.actual).union(Label.adjustedTarget)) {
            return .selfEvaluation(try SelfEvaluationLayout.read(region))
        }
        throw MappingFailure(reason: "\(region.name)：既没有自评表的栏目（全年执行数、实际完成值），也没有目标表的栏目（实施期资金总额、年度资金总额），无法识别表单类型")
    }
}
