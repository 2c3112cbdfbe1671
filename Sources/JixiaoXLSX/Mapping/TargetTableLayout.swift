import JixiaoCore

/// Maps a 项目支出绩效目标表 on a sheet onto `TargetTable`, by its printed labels: the header quads
/// (项目名称, 主管部门及代码, 实施单位, 项目属性, 项目期/项目日期), 实施期资金总额 and 年度资金总额 with
/// their 其中 rows, the five texts, 实施期目标/年度目标, the indicator table (by its header row, or — when
/// the form prints none — by its 绩效指标 caption and the 一级 labels beside it), and the footer.
enum TargetTableLayout {
    static func read(_ region: FormRegion) throws(MappingFailure) -> TargetTable {
        let year = try region.year()
        let periodFunds = region.find(Label.periodFunds)
        let annualFunds = region.find(Label.annualFunds)
        guard periodFunds != nil || annualFunds != nil else {
            throw MappingFailure(reason: "\(region.name)：找不到“实施期资金总额”或“年度资金总额”")
        }
        // The 实施期 half ends where the 年度 half starts when both sit on one row.
        let periodBound = annualFunds.flatMap { annual in
            periodFunds.flatMap { annual.row == $0.row && annual.column > $0.column ? annual.column : nil }
        }
        let footerStart = region.find(
            Label.responsible.union(Label.handler).union(Label.phone).union(Label.filledAt),
            in: region.rows(after: region.anchor.row))?.row
        let indicators = try readIndicators(region, before: footerStart)
        let agency = region.find(Label.budgetAgency).map { region.value(after: $0) } ?? ""
        let projectCode = region.value(after: region.find(Label.projectCode))
        let filledAt =
            region.find(Label.filledAt).flatMap { region.cell(after: $0) }.map { cell -> String in
                if case .date(let date) = region.grid.cell(cell)?.kind { return date.compactText }
                return region.grid.text(cell)
            } ?? ""
        return TargetTable(
            year: year,
            project: region.value(after: region.anchor),
            projectCode: projectCode.isEmpty ? nil : projectCode,
            department: CodedName(region.value(after: region.find(Label.department))),
            agency: agency.isEmpty ? nil : CodedName(agency),
            implementingAgency: region.value(after: region.find(Label.implementingAgency)),
            nature: region.value(after: region.find(Label.nature)),
            period: region.value(after: region.find(Label.period)),
            funds: TargetTable.Funds(
                period: breakdown(region, periodFunds, before: periodBound),
                annual: breakdown(region, annualFunds, before: nil)),
            overview: region.value(after: region.find(Label.overview)),
            basis: region.value(after: region.find(Label.basis)),
            necessity: region.value(after: region.find(Label.necessity)),
            measures: region.value(after: region.find(Label.measures)),
            plan: region.value(after: region.find(Label.plan)),
            goals: TargetTable.Goals(
                period: region.value(below: region.find(Label.periodGoal)),
                annual: region.value(below: region.find(Label.annualGoal))),
            indicators: indicators,
            footer: TargetTable.Footer(
                responsible: region.value(after: region.find(Label.responsible)),
                handler: region.value(after: region.find(Label.handler)),
                phone: region.value(after: region.find(Label.phone)),
                filledAt: filledAt))
    }

    /// A 资金总额 and the 其中 rows listed under its label.
    static func breakdown(_ region: FormRegion, _ label: CellAddress?, before bound: Int?) -> TargetTable.FundBreakdown
    {
        guard let label else { return TargetTable.FundBreakdown(total: "") }
        var breakdown = TargetTable.FundBreakdown(total: EnteredNumber(region.value(after: label, before: bound)))
        for row in region.rows(after: label.row) {
            let sourceLabel = CellAddress(row: row, column: label.column)
            guard let key = Label.fundSource(region.grid.label(sourceLabel)) else { break }
            let amount = EnteredNumber(region.value(after: sourceLabel, before: bound))
            let template = TargetTable.FundBreakdown.templateSources
            breakdown.sources[template.firstIndex { $0.key == key } ?? template.count - 1].amount = amount
        }
        return breakdown
    }

    // MARK: Indicators

    /// The columns of one half: 一级 (实施期 only), 二级, 三级, 指标值.
    struct HalfColumns {
        /// The 实施期 half, which has a 一级 (even if its column is missing); the 年度 half has none.
        var isPeriod: Bool
        var level1: Int?
        var level2: Int?
        var name: Int
        var value: Int

        var all: [Int] { [level1, level2, name, value].compactMap { $0 } }
    }

    static func readIndicators(
        _ region: FormRegion, before footer: Int?
    ) throws(MappingFailure) -> TargetTable.Indicators {
        let (halves, rows) = try locateIndicators(region, before: footer)
        var period: [TargetTable.Indicator] = []
        var annual: [TargetTable.Indicator] = []
        var periodCarry = LevelCarry()
        var annualCarry = LevelCarry()
        for row in rows {
            if let indicator = indicator(region, row: row, columns: halves[0], carry: &periodCarry) {
                period.append(indicator)
            }
            if halves.count > 1, let indicator = indicator(region, row: row, columns: halves[1], carry: &annualCarry) {
                annual.append(indicator)
            }
        }
        return TargetTable.Indicators(period: period, annual: annual)
    }

    /// One half of a row; nil when the row has nothing of its own in that half. The 年度 half has no 一级.
    static func indicator(
        _ region: FormRegion, row: Int, columns: HalfColumns,
        carry: inout LevelCarry
    ) -> TargetTable.Indicator? {
        let grid = region.grid
        func own(_ column: Int?) -> String { column.map { grid.value(CellAddress(row: row, column: $0)) } ?? "" }
        guard columns.all.contains(where: { !own($0).isEmpty }) else { return nil }
        let (level1, level2) = carry.labels(grid, row: row, level1: columns.level1, level2: columns.level2)
        return TargetTable.Indicator(
            level1: columns.isPeriod ? level1 : nil, level2: level2,
            name: own(columns.name), value: own(columns.value))
    }

    /// The two halves' columns and the indicator rows.
    static func locateIndicators(
        _ region: FormRegion, before footer: Int?
    ) throws(MappingFailure) -> ([HalfColumns], [Int]) {
        if let header = region.rows.first(where: {
            !region.findAll(Label.level3, inRow: $0).isEmpty
                && !region.findAll(Label.targetValue, inRow: $0).isEmpty
        }) {
            let level2 = region.findAll(Label.level2, inRow: header).map(\.column)
            let names = region.findAll(Label.level3, inRow: header).map(\.column)
            let values = region.findAll(Label.targetValue, inRow: header).map(\.column)
            var halves = [
                HalfColumns(
                    isPeriod: true, level1: region.findAll(Label.level1, inRow: header).first?.column,
                    level2: level2.first, name: names[0], value: values[0])
            ]
            if names.count > 1, values.count > 1 {
                halves.append(
                    HalfColumns(
                        isPeriod: false, level1: nil, level2: level2.count > 1 ? level2[1] : nil, name: names[1],
                        value: values[1]))
            }
            return (halves, region.rows(after: header, before: footer))
        }
        // No header row: the 绩效指标 caption sits beside the first indicator row.
        guard let caption = region.find(Label.indicatorBlock) else {
            throw MappingFailure(reason: "\(region.name)：找不到绩效指标表（既没有“三级指标”“指标值”表头，也没有“绩效指标”栏）")
        }
        let rows = [caption.row] + region.rows(after: caption.row, before: footer)
        let captionEnd = region.grid.lastColumn(of: caption)
        guard
            let level1 = region.cells(inRow: caption.row)
                .first(where: { $0.column > captionEnd && Level1(label: $0.cell.text) != nil })?.column
        else {
            throw MappingFailure(reason: "\(region.name)：“绩效指标”（\(caption)）右侧没有表头，也没有一级指标（产出指标、效益指标…）")
        }
        let columns = Set(rows.flatMap { row in region.cells(inRow: row).map(\.column).filter { $0 > level1 } })
            .sorted()
        guard columns.count == 3 || columns.count == 6 else {
            throw MappingFailure(
                reason:
                    "\(region.name)：绩效指标表（\(caption) 起）没有表头，按内容识别出 \(columns.count) 列，应为 二级/三级/指标值 各一列（实施期）或两组（实施期与年度），无法确定各列"
            )
        }
        var halves = [
            HalfColumns(isPeriod: true, level1: level1, level2: columns[0], name: columns[1], value: columns[2])
        ]
        if columns.count == 6 {
            halves.append(
                HalfColumns(isPeriod: false, level1: nil, level2: columns[3], name: columns[4], value: columns[5]))
        }
        return (halves, rows)
    }
}
