import JixiaoCore
import JixiaoFormats

/// Maps one 项目支出绩效目标表 of a text document onto the model, block by block, each block found by its
/// captions: header (项目名称, 主管部门及代码, 实施单位, 项目属性, 项目期), 项目资金, the five texts
/// (项目概况 … 项目实施计划), 总体目标, 绩效指标 and the footer (负责人 … 填报日期).
struct TargetTableMapper {
    let segment: FormSegment
    let document: String

    enum Block: Int, Comparable {
        case header, funds, texts, goals, indicators, footer, after

        static func < (a: Block, b: Block) -> Bool { a.rawValue < b.rawValue }

        var title: String {
            switch self {
            case .header: "表头"
            case .funds: "项目资金表"
            case .texts: "项目概况等说明"
            case .goals: "总体目标"
            case .indicators: "绩效指标表"
            case .footer, .after: "表尾"
            }
        }
    }

    enum GoalField { case period, annual }

    typealias Terms = FieldVocabulary.Target
    static let headerFields: [FieldTerm] = [
        Terms.project, Terms.department, Terms.implementingAgency, Terms.agency, Terms.nature, Terms.period,
        Terms.projectCode,
    ]

    func map() -> (form: ImportedForm?, unreadable: [UnreadablePart]) {
        var log = ReadingLog(segment: segment, document: document)
        var header: [String: LabeledFields.Value] = [:]
        var funds = TargetFundsBlock()
        var texts: [String: LabeledFields.Value] = [:]
        var goals = CaptionedTexts<GoalField>(
            fields: [(.period, Set(Terms.periodGoal.spellings)), (.annual, Set(Terms.annualGoal.spellings))],
            ignored: { $0 == Terms.goalsCaption })
        var reader = TargetIndicatorRowReader(columns: .init())
        var captionRows: [TextLine] = []
        var periodLevels = LevelTracker()
        var annualLevels = LevelTracker()
        var period: [(TargetTable.Indicator, Int)] = []
        var annual: [(TargetTable.Indicator, Int)] = []
        var footer: [String: LabeledFields.Value] = [:]
        var complete = false
        var block = Block.header

        for (index, line) in segment.lines.enumerated() {
            if let next = blockStarted(by: line, after: block, goals: goals) { block = next }
            switch block {
            case .header:
                let fields = LabeledFields(line, fields: TargetTableMapper.headerFields)
                if fields.values.isEmpty {
                    log.stray(line, in: block.title)
                    continue
                }
                header.merge(fields.values) { old, _ in old }
            case .funds:
                if let problem = funds.add(line) { log.cannotRead(line.number, problem) }
            case .texts:
                let fields = LabeledFields(line, fields: Terms.texts)
                if fields.values.isEmpty || !fields.strays.isEmpty {
                    log.stray(line, in: block.title)
                    continue
                }
                texts.merge(fields.values) { old, _ in old }
            case .goals:
                goals.add(line)
            case .indicators:
                let continuesCaption = captionRows.last.map { segment.lines[index - 1] == $0 } ?? false
                captionRows = continuesCaption ? captionRows : []
                if TargetIndicatorRowReader.Columns.isCaptionRow(line) {
                    captionRows.append(line)
                    reader = TargetIndicatorRowReader(columns: .init(captionRows: captionRows))
                } else if line.filled.count == 1, Labels.level(line.filled[0]) == nil {
                    if !(period.isEmpty && annual.isEmpty), !segment.lines[(index + 1)...].contains(where: isTableRow) {
                        complete = true  // prose after the table: the form ended without a footer
                        block = .after
                    } else {
                        log.stray(line, in: block.title)
                        continue
                    }
                } else if let rows = reader.read(line, period: &periodLevels, annual: &annualLevels) {
                    period += rows.period.map { ($0, line.number) }
                    annual += rows.annual.map { ($0, line.number) }
                } else {
                    log.cannotRead(line.number, "无法确定这一行的实施期指标与年度指标各在哪些栏目：“\(line.text.prefix(60))”")
                }
            case .footer:
                let fields = LabeledFields(line, fields: Terms.footer)
                if fields.values.isEmpty {
                    block = .after
                } else {
                    footer.merge(fields.values) { old, _ in old }
                    complete = true
                }
            case .after:
                break
            }
            if block == .after { break }
            log.consume(line)
        }
        return finish(
            log: log, header: header, funds: funds, texts: texts, goals: goals,
            period: period, annual: annual, footer: footer, complete: complete)
    }

    /// The block a line opens, if it opens one further down the form than `current`.
    func blockStarted(by line: TextLine, after current: Block, goals: CaptionedTexts<GoalField>) -> Block? {
        let captions = line.filled.map(Labels.caption)
        let firstLabel = line.filled.first.flatMap(Labels.level)
        let candidates: [(Block, Bool)] = [
            (.footer, line.filled.contains { LabeledFields.isCaption($0, of: Terms.footer) }),
            (
                .indicators,
                TargetIndicatorRowReader.Columns.isCaptionRow(line)
                    || current > .header && (firstLabel == .caption || firstLabel == .level1)
            ),
            (.goals, captions.contains { goals.isCaption($0) || $0 == Terms.goalsCaption }),
            (.texts, line.filled.first.map { LabeledFields.isCaption($0, of: Terms.texts) } ?? false),
            (.funds, TargetFundsBlock.isFundsRow(line)),
        ]
        return candidates.first { $0.1 && $0.0 > current }?.0
    }

    /// A line that can only be part of a form: an indicator row (it prints a 二级) or the footer.
    func isTableRow(_ line: TextLine) -> Bool {
        line.filled.contains { cell in
            if case .level2 = Labels.level(cell) { return true }
            return LabeledFields.isCaption(cell, of: Terms.footer)
        }
    }

    func finish(
        log: ReadingLog, header: [String: LabeledFields.Value], funds: TargetFundsBlock,
        texts: [String: LabeledFields.Value], goals: CaptionedTexts<GoalField>,
        period: [(TargetTable.Indicator, Int)], annual: [(TargetTable.Indicator, Int)],
        footer: [String: LabeledFields.Value], complete: Bool
    ) -> (form: ImportedForm?, unreadable: [UnreadablePart]) {
        var log = log
        var missing: [String] = []
        if segment.year == nil { missing.append("年度（如“(2026年度)”）") }
        if header[Terms.project.path] == nil { missing.append(Terms.project.label) }
        if !funds.hasTotals { missing.append("实施期/年度资金总额") }
        if period.isEmpty && annual.isEmpty {
            missing.append("绩效指标表")
        } else if !complete {
            missing.append("表尾（表格在第 \(log.lastLine) 行后中断）")
        }
        guard missing.isEmpty, let year = segment.year, let project = header[Terms.project.path] else {
            return log.notImported(missing: missing)
        }
        log.record("year", year.line)
        log.record("project", project.line)
        func value(_ values: [String: LabeledFields.Value], _ field: FieldTerm) -> String {
            guard let found = values[field.path] else { return "" }
            log.record(field.path, found.line)
            return found.text
        }
        let department = value(header, Terms.department)
        let agency = value(header, Terms.agency)
        let implementing = value(header, Terms.implementingAgency)
        let nature = value(header, Terms.nature)
        let projectPeriod = value(header, Terms.period)
        let periodFunds = funds.breakdown(.period, &log)
        let annualFunds = funds.breakdown(.annual, &log)
        var described: [String: String] = [:]
        for field in Terms.texts { described[field.path] = value(texts, field) }
        let (goalTexts, extraGoals) = goals.assigned()
        for extra in extraGoals { log.cannotRead(extra.line, "总体目标中多出的文字：“\(extra.text.prefix(40))”") }
        if let text = goalTexts[.period] { log.record("goals.period", text.line) }
        if let text = goalTexts[.annual] { log.record("goals.annual", text.line) }
        for (half, rows) in [("period", period), ("annual", annual)] {
            for (index, row) in rows.enumerated() {
                for key in ["level1", "level2", "name", "value"] where key != "level1" || half == "period" {
                    log.record("indicators.\(half)[\(index)].\(key)", row.1)
                }
            }
        }
        let footerValues = TargetTable.Footer(
            responsible: value(footer, Terms.responsible), handler: value(footer, Terms.handler),
            phone: value(footer, Terms.phone), filledAt: value(footer, Terms.filledAt))

        var form = TargetTable(
            year: year.value, project: project.text, department: CodedName(department),
            agency: agency.isEmpty ? nil : CodedName(agency), implementingAgency: implementing,
            nature: nature, period: projectPeriod,
            funds: TargetTable.Funds(period: periodFunds, annual: annualFunds),
            overview: described["overview"] ?? "", basis: described["basis"] ?? "",
            necessity: described["necessity"] ?? "",
            measures: described["measures"] ?? "", plan: described["plan"] ?? "",
            goals: TargetTable.Goals(period: goalTexts[.period]?.text ?? "", annual: goalTexts[.annual]?.text ?? ""),
            indicators: TargetTable.Indicators(period: period.map(\.0), annual: annual.map(\.0)),
            footer: footerValues,
            source: log.source)
        form.lines = log.lines
        return log.imported(.targetTable(form))
    }
}
