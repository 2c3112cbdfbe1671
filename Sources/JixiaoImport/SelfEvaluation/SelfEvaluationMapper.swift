import JixiaoCore
import JixiaoFormats

/// Maps one 项目支出绩效自评表 of a text document onto the model, block by block, each block found by its
/// captions: header (项目名称, 主管部门及代码, 预算单位), funds, 项目年度绩效目标, 绩效指标, 总分,
/// 项目绩效分析 and 备注.
struct SelfEvaluationMapper {
    let segment: FormSegment
    let document: String

    enum Block: Int, Comparable {
        case header, funds, goals, indicators, total, analysis, notes, after

        static func < (a: Block, b: Block) -> Bool { a.rawValue < b.rawValue }

        var title: String {
            switch self {
            case .header: "表头"
            case .funds: "项目资金表"
            case .goals: "项目年度绩效目标"
            case .indicators: "绩效指标表"
            case .total: "总分行"
            case .analysis: "项目绩效分析"
            case .notes, .after: "备注"
            }
        }
    }

    enum GoalField { case annual, completion }

    static let headerFields: [FieldTerm] = [
        FieldVocabulary.project, FieldVocabulary.department, FieldVocabulary.agency,
        FieldVocabulary.implementingAgency, FieldVocabulary.projectCode,
    ]

    func map() -> (form: ImportedForm?, unreadable: [UnreadablePart]) {
        var log = ReadingLog(segment: segment, document: document)
        var header: [String: LabeledFields.Value] = [:]
        var funds = FundsBlock()
        var goals = CaptionedTexts<GoalField>(
            fields: [
                (.annual, Set(FieldVocabulary.annualGoal.spellings)),
                (.completion, Set(FieldVocabulary.completion.spellings)),
            ],
            ignored: { $0.hasPrefix("项目年度绩效") || $0 == "年度总体目标" })
        var columns = IndicatorColumns()
        var levels = LevelTracker()
        var indicators: [IndicatorRowReader.Row] = []
        var total: (total: TextCell, weight: TextCell?, grade: TextCell?, line: Int)?
        var analysis = AnalysisBlock()
        var block = Block.header

        for (index, line) in segment.lines.enumerated() {
            let next = blockStarted(by: line, after: block, goals: goals)
            if let next { block = next }
            // A line of prose after the 总分 row, with no more of the form after it: the form ended without 备注.
            if next == nil, block >= .total, block < .notes, line.filled.count == 1,
                !segment.lines[(index + 1)...].contains(where: { AnalysisBlock.isAnalysisRow($0) || isNotesRow($0) })
            {
                break
            }
            switch block {
            case .header:
                let fields = LabeledFields(line, fields: SelfEvaluationMapper.headerFields)
                if fields.values.isEmpty {
                    log.stray(line, in: block.title)
                    continue
                }
                header.merge(fields.values) { old, _ in old }
                log.consume(line)
            case .funds:
                if FundsBlock.isCaptionRow(line) {
                    funds.addCaptions(line)
                } else if let problem = funds.addRow(line) {
                    log.cannotRead(line.number, problem)
                }
                log.consume(line)
            case .goals:
                goals.add(line)
                log.consume(line)
            case .indicators:
                if IndicatorColumns.isCaptionRow(line) || IndicatorColumns.isCaptionOnly(line) {
                    columns.add(line)
                } else if line.filled.count < 3 {
                    log.stray(line, in: block.title)
                    continue
                } else {
                    do {
                        indicators.append(
                            try IndicatorRowReader(columns: columns.isUsable ? columns : .shanxi).read(
                                line, levels: &levels))
                    } catch {
                        log.cannotRead(line.number, "\(error.reason)：“\(line.text.prefix(60))”")
                    }
                }
                log.consume(line)
            case .total:
                guard next == .total, total == nil else {
                    log.stray(line, in: block.title)
                    continue
                }
                total = readTotal(line, columns: columns.isUsable ? columns : .shanxi, log: &log)
                log.consume(line)
            case .analysis:
                if let problem = analysis.add(line) { log.cannotRead(line.number, problem) }
                log.consume(line)
            case .notes:
                if next == .notes
                    || line.filled.first?.compact.range(of: #"^\d+[.．]"#, options: .regularExpression) != nil
                {
                    log.consume(line)
                } else {
                    block = .after
                }
            case .after:
                break
            }
            if block == .after { break }
        }
        return finish(
            log: log, header: header, funds: funds, goals: goals, indicators: indicators,
            hasIndicatorTable: columns.isUsable || !indicators.isEmpty, total: total, analysis: analysis)
    }

    /// The block a line opens, if it opens one further down the form than `current`.
    func blockStarted(by line: TextLine, after current: Block, goals: CaptionedTexts<GoalField>) -> Block? {
        let captions = line.filled.map(Labels.caption)
        let candidates: [(Block, Bool)] = [
            (.notes, isNotesRow(line)),
            // An indicator named like an analysis caption (`预算执行情况`) still prints its 分值 and 得分.
            (.analysis, AnalysisBlock.isAnalysisRow(line) && line.filled.filter { Labels.isAmount($0.text) }.count < 2),
            (.total, captions.first.map(FieldVocabulary.total.accepts) ?? false),
            (
                .indicators,
                IndicatorColumns.isCaptionRow(line)
                    || current > .header
                        && line.filled.first.flatMap(Labels.level).map { $0 == .caption || $0 == .level1 } == true
            ),
            (.goals, captions.contains { goals.isCaption($0) || $0.hasPrefix("项目年度绩效") }),
            (.funds, FundsBlock.isCaptionRow(line)),
        ]
        return candidates.first { $0.1 && $0.0 > current }?.0
    }

    /// The 总分 row: the printed total (the number under 得分 when the row also prints the 分值 sum), the 分值
    /// sum printed before it (`总分 | 100 | 96 | 优`, the national template) and the grade beside it.
    func readTotal(
        _ line: TextLine, columns: IndicatorColumns, log: inout ReadingLog
    ) -> (total: TextCell, weight: TextCell?, grade: TextCell?, line: Int)? {
        let cells = line.filled.dropFirst()
        let amounts = cells.filter { Labels.isAmount($0.text) }
        let scoreColumn = columns.column(.score) ?? Int.max
        guard
            let value = amounts.count > 1
                ? amounts.min(by: { abs($0.column - scoreColumn) < abs($1.column - scoreColumn) }) : amounts.first
        else {
            log.cannotRead(line.number, "总分行中没有分数")
            return nil
        }
        let grade = cells.first { !Labels.isAmount($0.text) }
        // 分值 is printed before 得分 in every layout that has it.
        let weight =
            amounts.count == 2 && amounts.first != value && columns.column(.weight) != nil ? amounts.first : nil
        let others = cells.filter { $0 != value && $0 != grade && $0 != weight }
        if !others.isEmpty {
            log.cannotRead(line.number, "总分行中的“\(others.map(\.text).joined(separator: "、"))”没有对应的字段，未导入")
        }
        return (value, weight, grade, line.number)
    }

    func isNotesRow(_ line: TextLine) -> Bool {
        line.filled.first.map { Labels.caption($0).hasPrefix("备注") } ?? false
    }

    func finish(
        log: ReadingLog, header: [String: LabeledFields.Value], funds: FundsBlock,
        goals: CaptionedTexts<GoalField>, indicators: [IndicatorRowReader.Row], hasIndicatorTable: Bool,
        total: (total: TextCell, weight: TextCell?, grade: TextCell?, line: Int)?, analysis: AnalysisBlock
    )
        -> (form: ImportedForm?, unreadable: [UnreadablePart])
    {
        var log = log
        var missing: [String] = []
        if segment.year == nil { missing.append("年度（如“(2023年度)”）") }
        if header[FieldVocabulary.project.path] == nil, segment.projectFromTitle.isEmpty {
            missing.append(FieldVocabulary.project.label)
        }
        if funds.total == nil { missing.append("资金总额行") }
        if !hasIndicatorTable || indicators.isEmpty { missing.append("绩效指标表") }
        if total == nil { missing.append("总分行") }
        guard missing.isEmpty, let year = segment.year, let fundsTotal = funds.total, let total else {
            return log.notImported(missing: missing)
        }
        log.record("year", year.line)
        var project = segment.projectFromTitle
        if let printed = header[FieldVocabulary.project.path] {
            project = printed.text
            log.record("project", printed.line)
        } else {
            log.record("project", segment.titleLine)
        }
        func text(_ field: FieldTerm) -> String {
            guard let value = header[field.path] else { return "" }
            log.record(field.path, value.line)
            return value.text
        }
        let department = text(FieldVocabulary.department)
        let agency = text(FieldVocabulary.agency)
        let implementing = text(FieldVocabulary.implementingAgency)
        funds.record(&log)
        let (goalTexts, extraGoals) = goals.assigned()
        for extra in extraGoals { log.cannotRead(extra.line, "项目年度绩效目标中多出的文字：“\(extra.text.prefix(40))”") }
        if let annual = goalTexts[.annual] { log.record("goals.annual", annual.line) }
        if let completion = goalTexts[.completion] { log.record("goals.completion", completion.line) }
        for (index, row) in indicators.enumerated() {
            for key in [
                "level1", "level2", "name", "initialTarget", "adjustedTarget", "actual", "weight", "score", "deviation",
            ] {
                log.record("indicators[\(index)].\(key)", row.line)
            }
            if row.indicator.qualitativeNote != nil { log.record("indicators[\(index)].qualitativeNote", row.line) }
            for extra in row.indicator.extraCells.indices {
                log.record("indicators[\(index)].extraCells[\(extra)]", row.line)
            }
        }
        log.record("total", total.line)
        log.record("grade", total.line)
        if total.weight != nil { log.record("totalWeight", total.line) }
        analysis.record(&log)
        if let unplaced = analysis.unplaced {
            log.cannotRead(unplaced.line, "项目绩效分析中的文字前后都没有栏目名称：“\(unplaced.text.prefix(40))”")
        }

        var form = SelfEvaluation(
            year: year.value, project: project, department: CodedName(department), agency: CodedName(agency),
            implementingAgency: implementing.isEmpty ? nil : implementing,
            funds: SelfEvaluation.Funds(total: fundsTotal.row, sources: funds.sources.map(\.row)),
            goals: SelfEvaluation.Goals(
                annual: goalTexts[.annual]?.text ?? "", completion: goalTexts[.completion]?.text ?? ""),
            indicators: indicators.map(\.indicator),
            printedTotal: EnteredNumber(total.total.text),
            printedWeightTotal: total.weight.map { EnteredNumber($0.text) },
            printedGrade: total.grade?.text ?? "",
            analysis: analysis.analysis,
            source: log.source)
        form.lines = log.lines
        return log.imported(.selfEvaluation(form))
    }
}
