import Foundation
import JixiaoCore

/// Maps a 项目支出绩效自评表 on a sheet onto `SelfEvaluation`, by its printed labels: the funds block by its
/// captions (年初预算数/目标申报数/预算编制数, 全年预算数, 全年执行数, 资金结(转)余, 执行率, 得分, 偏差原因…),
/// the indicator table by its header row (一级/二级/三级指标, 年初指标值, 调整后指标值, 实际完成值,
/// 定性值情况说明 when present, 分值, 得分, 偏差原因…), the 总分 row, and the 项目绩效分析 captions.
enum SelfEvaluationLayout {
    static func read(_ region: FormRegion) throws(MappingFailure) -> SelfEvaluation {
        let year = try region.year()
        let header = try indicatorHeader(region)
        let columns = try IndicatorColumns(region, header: header)
        let aboveTable = region.rows(after: region.anchor.row - 1, before: header)
        let goalsCaption = region.find(Label.annualGoal, in: aboveTable)
        let funds = try readFunds(region, before: goalsCaption?.row ?? header)
        let totalCell = region.find(Label.total, in: region.rows(after: header))
        let indicatorRows = region.rows(after: header, before: totalCell?.row ?? endOfIndicators(region, after: header))
        var carry = LevelCarry()
        let indicators = indicatorRows.compactMap { columns.indicator(region, row: $0, carry: &carry) }
        let (total, grade) = readTotal(region, totalCell: totalCell, scoreColumn: columns.score)
        let implementing = region.value(after: region.find(Label.implementingAgency))
        let projectCode = region.value(after: region.find(Label.projectCode))
        return SelfEvaluation(
            year: year,
            project: region.value(after: region.anchor),
            projectCode: projectCode.isEmpty ? nil : projectCode,
            department: CodedName(region.value(after: region.find(Label.department))),
            agency: CodedName(region.value(after: region.find(Label.budgetAgency))),
            implementingAgency: implementing.isEmpty ? nil : implementing,
            funds: funds,
            goals: SelfEvaluation.Goals(
                annual: region.value(below: goalsCaption),
                completion: region.value(below: region.find(Label.completion, in: aboveTable))),
            indicators: indicators,
            printedTotal: EnteredNumber(total),
            printedGrade: grade,
            analysis: readAnalysis(region, after: totalCell?.row ?? indicatorRows.last ?? header))
    }

    // MARK: Indicator table

    /// The header row of the indicator table: the row with 三级指标 and 实际完成值.
    static func indicatorHeader(_ region: FormRegion) throws(MappingFailure) -> Int {
        for row in region.rows
        where !region.findAll(Label.level3, inRow: row).isEmpty
            && !region.findAll(Label.actual, inRow: row).isEmpty
        {
            return row
        }
        throw MappingFailure(reason: "\(region.name)：找不到绩效指标的表头行（应有“三级指标”“实际完成值”“分值”“得分”等栏目）")
    }

    /// Where the indicator rows end when the form has no 总分 row: the first 项目绩效分析 caption or 备注.
    static func endOfIndicators(_ region: FormRegion, after header: Int) -> Int? {
        region.find(in: region.rows(after: header)) {
            Label.analysisField($0) != nil || FieldVocabulary.analysisBlockCaptions.contains($0) || $0.hasPrefix("备注")
        }?.row
    }

    /// The indicator table's columns, found by the captions of its header row.
    struct IndicatorColumns {
        var level1: Int?
        var level2: Int?
        var name: Int
        var initialTarget: Int?
        var adjustedTarget: Int?
        var actual: Int
        var qualitativeNote: Int?
        var weight: Int
        var score: Int
        var deviation: Int?

        init(_ region: FormRegion, header: Int) throws(MappingFailure) {
            func column(_ labels: Set<String>) -> Int? { region.findAll(labels, inRow: header).first?.column }
            var missing: [String] = []
            func required(_ labels: Set<String>, _ caption: String) -> Int {
                guard let found = column(labels) else {
                    missing.append("“\(caption)”")
                    return 0
                }
                return found
            }
            level1 = column(Label.level1)
            level2 = column(Label.level2)
            name = required(Label.level3, "三级指标")
            initialTarget = column(Label.initialTarget)
            adjustedTarget = column(Label.adjustedTarget) ?? column(Label.targetValue)
            actual = required(Label.actual, "实际完成值")
            qualitativeNote = column(Label.qualitativeNote)
            weight = required(Label.weight, "分值")
            score = required(Label.score, "得分")
            deviation =
                region.cells(inRow: header).first { Label.isDeviation(PrintedLabel.normalize($0.cell.text)) }?.column
            guard missing.isEmpty else {
                throw MappingFailure(reason: "\(region.name)：绩效指标表头（第 \(header) 行）缺少\(missing.joined(separator: "、"))栏")
            }
        }

        private var mapped: Set<Int> {
            Set(
                [
                    level1, level2, name, initialTarget, adjustedTarget, actual, qualitativeNote, weight, score,
                    deviation,
                ]
                .compactMap { $0 })
        }

        /// One indicator row; nil for a row with nothing of its own in the table's columns.
        func indicator(_ region: FormRegion, row: Int, carry: inout LevelCarry) -> SelfEvaluation.Indicator? {
            let grid = region.grid
            func own(_ column: Int?) -> String { column.map { grid.value(CellAddress(row: row, column: $0)) } ?? "" }
            guard mapped.contains(where: { !own($0).isEmpty }) else { return nil }
            let extra = region.cells(inRow: row).filter { !mapped.contains($0.column) }.map(\.cell.text)
            let (label1, label2) = carry.labels(grid, row: row, level1: level1, level2: level2)
            return SelfEvaluation.Indicator(
                level1: label1, level2: label2, name: own(name),
                initialTarget: own(initialTarget), adjustedTarget: own(adjustedTarget), actual: own(actual),
                qualitativeNote: qualitativeNote.map { _ in own(qualitativeNote) },
                weight: EnteredNumber(own(weight)), score: EnteredNumber(own(score)), deviation: own(deviation),
                extraCells: extra)
        }
    }

    // MARK: Funds block

    /// 项目资金预算安排及执行进度: caption rows, then 资金总额 and one row per source.
    static func readFunds(_ region: FormRegion, before end: Int) throws(MappingFailure) -> SelfEvaluation.Funds {
        let bodyRows = region.rows(after: region.anchor.row, before: end)
        let headerLabels = Label.initialBudget.union(Label.declared).union(Label.compiled).union(Label.fullYearBudget)
            .union(Label.executed).union(Label.balance).union(Label.rate)
        let headerRows = bodyRows.filter { !region.findAll(headerLabels, inRow: $0).isEmpty }
        func column(_ labels: Set<String>) -> Int? { region.find(labels, in: headerRows)?.column }
        guard let fullYear = column(Label.fullYearBudget), let executed = column(Label.executed),
            let lastHeader = headerRows.last
        else {
            throw MappingFailure(reason: "\(region.name)：找不到资金表头（应有“全年预算数”“全年执行数”等栏目）")
        }
        let declared = column(Label.declared)
        // A lone 年初预算数 column (no 目标申报数/预算编制数 under it) is the budget as compiled.
        let compiled = column(Label.compiled) ?? (declared == nil ? column(Label.initialBudget) : nil)
        let balance = column(Label.balance)
        let rate = column(Label.rate)
        let score = column(Label.score)
        let deviation = region.find(in: headerRows, where: Label.isDeviation)?.column
        let firstValue =
            [declared, compiled, fullYear, executed, balance, rate, score, deviation].compactMap { $0 }.min()
            ?? fullYear

        var total: SelfEvaluation.FundsRow?
        var sources: [SelfEvaluation.FundsRow] = []
        for row in region.rows(after: lastHeader, before: end) {
            func value(_ column: Int?) -> String {
                column.map { region.grid.value(CellAddress(row: row, column: $0)) } ?? ""
            }
            let caption =
                region.cells(inRow: row)
                .filter {
                    $0.column < firstValue
                        && !PrintedLabel.normalize($0.cell.text).hasPrefix(FieldVocabulary.Funds.blockPrefix)
                }
                .last?.cell.text ?? ""
            var rateText = value(rate)
            if rateText.hasSuffix("%") { rateText = String(rateText.dropLast()).trimmed }
            let fundsRow = SelfEvaluation.FundsRow(
                source: caption, declared: EnteredNumber(value(declared)), compiled: EnteredNumber(value(compiled)),
                fullYearBudget: EnteredNumber(value(fullYear)), executed: EnteredNumber(value(executed)),
                balance: EnteredNumber(value(balance)), rate: EnteredNumber(rateText),
                score: EnteredNumber(value(score)),
                deviation: deviation.map { _ in value(deviation) })
            let values =
                [
                    fundsRow.declared, fundsRow.compiled, fundsRow.fullYearBudget, fundsRow.executed,
                    fundsRow.balance, fundsRow.rate, fundsRow.score,
                ].map(\.text) + [fundsRow.deviation ?? ""]
            if caption.isEmpty && values.allSatisfy(\.isEmpty) { continue }
            let label = PrintedLabel.normalize(caption)
            if total == nil, FieldVocabulary.Funds.isTotal(label) {
                var row = fundsRow
                row.source = ""
                total = row
            } else {
                var row = fundsRow
                row.source = caption.trimmingCharacters(in: CharacterSet(charactersIn: ":："))
                sources.append(row)
            }
        }
        guard let total else {
            throw MappingFailure(reason: "\(region.name)：资金表（第 \(lastHeader) 行表头之下）找不到“资金总额”行")
        }
        return SelfEvaluation.Funds(total: total, sources: sources)
    }

    // MARK: 总分 and 项目绩效分析

    /// The printed total (under 得分, or the first number after 总分) and the grade after it.
    static func readTotal(_ region: FormRegion, totalCell: CellAddress?, scoreColumn: Int) -> (String, String) {
        guard let totalCell else { return ("", "") }
        let grid = region.grid
        let labelEnd = grid.lastColumn(of: totalCell)
        let row = region.cells(inRow: totalCell.row).filter { $0.column > labelEnd }
        // Under 得分, unless the 总分 caption itself spans that column.
        var total = scoreColumn > labelEnd ? grid.value(CellAddress(row: totalCell.row, column: scoreColumn)) : ""
        var scoreEnd = grid.lastColumn(of: CellAddress(row: totalCell.row, column: scoreColumn))
        if total.isEmpty, let number = row.first(where: { DecimalText.parse($0.cell.text) != nil }) {
            total = number.cell.text
            scoreEnd = grid.lastColumn(of: CellAddress(row: totalCell.row, column: number.column))
        }
        if let gradeLabel = region.findAll(Label.grade, inRow: totalCell.row).first {
            return (total, region.value(after: gradeLabel))
        }
        let grade =
            row.first { $0.column > scoreEnd && !Label.isCaption(PrintedLabel.normalize($0.cell.text)) }?.cell.text
            ?? ""
        return (total, grade)
    }

    /// Each analysis caption's text, first occurrence wins.
    static func readAnalysis(_ region: FormRegion, after row: Int) -> SelfEvaluation.Analysis {
        var texts: [String: String] = [:]
        for row in region.rows(after: row) {
            guard let caption = region.find(in: [row], where: { Label.analysisField($0) != nil }),
                let field = Label.analysisField(region.grid.label(caption)), texts[field] == nil
            else { continue }
            texts[field] = region.value(after: caption)
        }
        return SelfEvaluation.Analysis(
            execution: texts["execution"] ?? "", output: texts["output"] ?? "", benefit: texts["benefit"] ?? "",
            satisfaction: texts["satisfaction"] ?? "", experience: texts["experience"] ?? "",
            problems: texts["problems"] ?? "", improvements: texts["improvements"] ?? "")
    }
}
