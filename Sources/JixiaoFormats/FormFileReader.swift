import Foundation
import JixiaoCore

/// Reads form files (YAML, see Forms/README.md) into the model.
public enum FormFileReader {
    /// A real form file is 10–40 KB; anything this large is not a form and is refused before parsing.
    public static let maximumBytes = 2 * 1024 * 1024

    /// The refusal of a file larger than `maximumBytes`.
    static func tooLarge(_ file: String, bytes: Int) -> FormFileError {
        FormFileError(
            file: file, problem: "文件大小 \(bytes / 1024) KB，超过表单文件上限 \(maximumBytes / 1024 / 1024) MB",
            fix: "确认这是一个表单文件；每张表单单独存为一个 YAML 文件")
    }

    /// Reads one form file's bytes. `file` names it in errors; `recordsLines` false leaves `lines` empty (for a
    /// command that locates nothing in the file).
    public static func read(_ data: Data, file: String, recordsLines: Bool = true) throws(FormFileError) -> Form {
        guard data.count <= maximumBytes else { throw tooLarge(file, bytes: data.count) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FormFileError(file: file, problem: "文件不是 UTF-8 编码的文本", fix: "用 UTF-8 编码另存该文件")
        }
        guard !text.isBlank else {
            throw FormFileError(file: file, problem: "文件为空", fix: "按 Forms/README.md 的示例填写表单，或删除该文件")
        }
        let composed: YAMLNode?
        do { composed = try YAMLNodeReader.compose(text) } catch { throw syntaxError(error, file: file) }
        guard let root = composed else {
            throw FormFileError(file: file, problem: "文件中没有内容", fix: "按 Forms/README.md 的示例填写表单")
        }
        var reader = YAMLNodeReader(file: file, recordsLines: recordsLines)
        guard root.mapping != nil else {
            throw reader.error(
                root, "", "文件顶层应为键值映射，实际是\(reader.kindName(root))", "文件应以 form: self-evaluation 或 form: target-table 开头"
            )
        }
        let mapping = try reader.mapping(root, "", allowed: nil)
        let kind = try reader.text(mapping, "form", "", parent: root)
        switch kind {
        case "self-evaluation": return .selfEvaluation(try SelfEvaluationFile.read(root, reader: &reader))
        case "target-table": return .targetTable(try TargetTableFile.read(root, reader: &reader))
        default:
            throw reader.error(
                mapping["form"], "form", "未知的表单类型“\(EchoedText.cut(kind))”", "写 self-evaluation（自评表）或 target-table（目标表）"
            )
        }
    }

    /// Maps a YAML syntax error to a located Chinese message.
    static func syntaxError(_ error: YAMLSyntaxError, file: String) -> FormFileError {
        let fix = "检查该处的缩进、冒号后的空格和引号是否成对；含“: ”或“#”的文字请加引号"
        switch error.kind {
        case .syntax:
            return FormFileError(
                file: file, line: error.line, column: error.column,
                problem: "YAML 语法错误（\(YAMLMessages.chinese(error.problem) ?? error.problem)）", fix: fix)
        case .duplicateKeys(let duplicates):
            return FormFileError(
                file: file, line: error.line, column: error.column,
                problem: "同一部分中字段重复：\(duplicates.joined(separator: ", "))",
                fix: "每个字段只写一次；删除或合并重复的字段")
        case .character(let value):
            // The bytes are valid UTF-8 by now: what libyaml refuses is a character YAML does not allow
            // (a control character pasted from a spreadsheet, or binary content).
            let character = value >= 0 ? " " + codePoint(UInt32(value)) : ""
            return FormFileError(
                file: file, line: error.line, column: error.column,
                problem: "含有 YAML 不允许的不可见字符\(character)",
                fix: "删除该字符（常见于从 Excel、Word 或 PDF 复制来的文字）；二进制文件不是表单文件")
        }
    }

    /// `U+000B`
    static func codePoint(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

/// Chinese for libyaml's syntax problems (Yams passes them through in English); an unknown one keeps its
/// English.
enum YAMLMessages {
    static func chinese(_ english: String) -> String? {
        table.first { english.contains($0.0) }?.1
    }

    private static let table: [(String, String)] = [
        ("found undefined alias", "引用了未定义的别名（“*名称”之前没有对应的“&名称”）"),
        ("found duplicate anchor", "同一锚点（&名称）定义了两次"),
        ("found character that cannot start any token", "出现了不能作为开头的字符（如“@”“`”或制表符；含这些字符的文字请加引号）"),
        ("mapping values are not allowed in this context", "此处不能有“: ”（含“: ”的文字请加引号）"),
        ("could not find expected ':'", "缺少“:”（每行应为“字段: 值”）"),
        ("did not find expected key", "缩进不一致，此处应为一个字段名"),
        ("did not find expected '-' indicator", "列表项缩进不一致，此处应为“- ”开头的一项"),
        ("did not find expected node content", "此处缺少值"),
        ("found unexpected end of stream", "文件意外结束（引号或括号没有成对？）"),
        ("found unexpected ':'", "出现了多余的“:”"),
        ("found a tab character", "缩进中用了制表符（YAML 只能用空格缩进）"),
        ("found unknown escape character", "双引号中有未知的转义（“\\”后的字符；原样的“\\”请写成“\\\\”或改用单引号）"),
        ("block sequence entries are not allowed in this context", "此处不能开始列表（“- ”的缩进不对？）"),
        ("found unexpected document indicator", "文字中出现了“---”或“...”（请加引号）"),
        ("found undefined tag handle", "使用了未定义的标签（“!”开头）"),
        ("did not find expected ',' or ']'", "方括号列表没有正确结束（缺少“,”或“]”）"),
        ("did not find expected ',' or '}'", "花括号映射没有正确结束（缺少“,”或“}”）"),
        ("exceeded max depth", "嵌套层数过多"),
        ("Maximum nesting level reached", "嵌套层数过多（超过 1000 层）"),
        ("out of memory", "内存不足，无法解析该文件"),
        ("but found another document", "一个文件中有多个文档（“---”之后又有内容）；每个文件只写一张表单"),
        ("control characters are not allowed", "含有 YAML 不允许的控制字符"),
    ]
}

/// `form: self-evaluation`
enum SelfEvaluationFile {
    static let keys: Set<String> = [
        "form", "year", "project", "projectCode", "department", "agency",
        "implementingAgency", "amountUnit", "funds", "goals", "indicators", "total", "totalWeight", "grade",
        "analysis", "otherFields", "source",
    ]
    static let fundsRowKeys: Set<String> = [
        "source", "declared", "compiled", "fullYearBudget", "received", "executed",
        "balance", "weight", "rate", "score", "deviation",
    ]
    static let indicatorKeys: Set<String> = [
        "level1", "level2", "name", "nature", "initialTarget", "adjustedTarget", "unit", "actual",
        "qualitativeNote", "explanation", "completionStatus", "weight", "weightPercent", "scoreCoefficient",
        "score", "convertedScore", "scoringCriteria", "coreIndicator", "deviation", "extraCells",
    ]
    static let analysisKeys: Set<String> = [
        "execution", "output", "benefit", "satisfaction", "experience",
        "problems", "improvements",
    ]

    static func read(_ root: YAMLNode, reader: inout YAMLNodeReader) throws(FormFileError) -> SelfEvaluation {
        let top = try reader.mapping(root, "", allowed: keys)
        let fundsNode = try reader.child(top, "funds", "", parent: root)
        let funds = try reader.mapping(fundsNode, "funds", allowed: ["total", "sources"])
        let total = try fundsRow(try reader.child(funds, "total", "funds", parent: fundsNode), "funds.total", &reader)
        var sources: [SelfEvaluation.FundsRow] = []
        if let list = funds["sources"] {
            for (index, item) in try reader.sequence(list, "funds.sources").enumerated() {
                sources.append(try fundsRow(item, "funds.sources[\(index)]", &reader))
            }
        }
        var goals = SelfEvaluation.Goals()
        if let node = top["goals"] {
            let map = try reader.mapping(node, "goals", allowed: ["annual", "completion"])
            goals.annual = try reader.optionalText(map, "annual", "goals") ?? ""
            goals.completion = try reader.optionalText(map, "completion", "goals") ?? ""
        }
        let indicatorsNode = try reader.child(top, "indicators", "", parent: root)
        var indicators: [SelfEvaluation.Indicator] = []
        for (index, item) in try reader.sequence(indicatorsNode, "indicators").enumerated() {
            indicators.append(try indicator(item, "indicators[\(index)]", &reader))
        }
        var analysis = SelfEvaluation.Analysis()
        if let node = top["analysis"] {
            let map = try reader.mapping(node, "analysis", allowed: analysisKeys)
            analysis.execution = try reader.optionalText(map, "execution", "analysis") ?? ""
            analysis.output = try reader.optionalText(map, "output", "analysis") ?? ""
            analysis.benefit = try reader.optionalText(map, "benefit", "analysis") ?? ""
            analysis.satisfaction = try reader.optionalText(map, "satisfaction", "analysis") ?? ""
            analysis.experience = try reader.optionalText(map, "experience", "analysis") ?? ""
            analysis.problems = try reader.optionalText(map, "problems", "analysis") ?? ""
            analysis.improvements = try reader.optionalText(map, "improvements", "analysis") ?? ""
        }
        var form = SelfEvaluation(
            year: try reader.integer(top, "year", "", parent: root),
            project: try reader.text(top, "project", "", parent: root),
            projectCode: try reader.optionalText(top, "projectCode", "").flatMap { $0.isEmpty ? nil : $0 },
            department: CodedName(try reader.text(top, "department", "", parent: root)),
            agency: CodedName(try reader.text(top, "agency", "", parent: root)),
            implementingAgency: try reader.optionalText(top, "implementingAgency", "").flatMap {
                $0.isEmpty ? nil : $0
            },
            amountUnit: try AmountUnitField.read(top, default: SelfEvaluation.defaultAmountUnit, &reader),
            funds: SelfEvaluation.Funds(total: total, sources: sources),
            goals: goals, indicators: indicators,
            printedTotal: EnteredNumber(try reader.text(top, "total", "", parent: root)),
            printedWeightTotal: try reader.optionalText(top, "totalWeight", "").map { EnteredNumber($0) },
            printedGrade: try reader.optionalText(top, "grade", ""),
            analysis: analysis,
            otherFields: try OtherFieldsBlock.read(top, &reader),
            source: try SourceBlock.read(top, &reader))
        form.lines = reader.lines
        return form
    }

    static func fundsRow(
        _ node: YAMLNode, _ path: String, _ reader: inout YAMLNodeReader
    ) throws(FormFileError) -> SelfEvaluation.FundsRow {
        let map = try reader.mapping(node, path, allowed: fundsRowKeys)
        func amount(_ key: String) throws(FormFileError) -> EnteredNumber {
            EnteredNumber(try reader.optionalText(map, key, path) ?? "")
        }
        func column(_ key: String) throws(FormFileError) -> EnteredNumber? {
            try reader.optionalText(map, key, path).map { EnteredNumber($0) }
        }
        return SelfEvaluation.FundsRow(
            source: try reader.optionalText(map, "source", path) ?? "",
            declared: try amount("declared"), compiled: try amount("compiled"),
            fullYearBudget: EnteredNumber(try reader.text(map, "fullYearBudget", path, parent: node)),
            received: try column("received"),
            executed: EnteredNumber(try reader.text(map, "executed", path, parent: node)),
            balance: try amount("balance"), weight: try column("weight"), rate: try amount("rate"),
            score: try amount("score"), deviation: try reader.optionalText(map, "deviation", path))
    }

    static func indicator(
        _ node: YAMLNode, _ path: String, _ reader: inout YAMLNodeReader
    ) throws(FormFileError) -> SelfEvaluation.Indicator {
        let map = try reader.mapping(node, path, allowed: indicatorKeys)
        func column(_ key: String) throws(FormFileError) -> String? { try reader.optionalText(map, key, path) }
        return SelfEvaluation.Indicator(
            level1: try column("level1") ?? "",
            level2: try column("level2") ?? "",
            name: try reader.text(map, "name", path, parent: node),
            nature: try column("nature"),
            initialTarget: try column("initialTarget") ?? "",
            adjustedTarget: try reader.text(map, "adjustedTarget", path, parent: node),
            unit: try column("unit"),
            actual: try reader.text(map, "actual", path, parent: node),
            qualitativeNote: try column("qualitativeNote"),
            explanation: try column("explanation"),
            completionStatus: try column("completionStatus"),
            weight: EnteredNumber(try reader.text(map, "weight", path, parent: node)),
            weightPercent: try column("weightPercent").map { EnteredNumber($0) },
            scoreCoefficient: try column("scoreCoefficient").map { EnteredNumber($0) },
            score: EnteredNumber(try reader.text(map, "score", path, parent: node)),
            convertedScore: try column("convertedScore").map { EnteredNumber($0) },
            scoringCriteria: try column("scoringCriteria"),
            coreIndicator: try column("coreIndicator"),
            deviation: try column("deviation") ?? "",
            extraCells: try reader.texts(map, "extraCells", path))
    }
}

/// `source:` block shared by both kinds.
enum SourceBlock {
    static func read(
        _ top: YAMLNodeReader.Fields, _ reader: inout YAMLNodeReader
    ) throws(FormFileError) -> SourceReference? {
        guard let node = top["source"] else { return nil }
        let map = try reader.mapping(node, "source", allowed: ["document", "firstLine", "lastLine", "truncated"])
        var truncated = false
        if let text = try reader.optionalText(map, "truncated", "source") {
            guard let value = ["true": true, "false": false][text] else {
                throw reader.error(
                    map["truncated"], "source.truncated", "应为 true 或 false，实际是“\(EchoedText.cut(text))”",
                    "来源只含表单的一部分时写 truncated: true"
                )
            }
            truncated = value
        }
        return SourceReference(
            document: try reader.text(map, "document", "source", parent: node),
            firstLine: try reader.optionalInteger(map, "firstLine", "source"),
            lastLine: try reader.optionalInteger(map, "lastLine", "source"), isTruncated: truncated)
    }
}

/// `amountUnit:` shared by both kinds: 元 or 万元; absent, the kind's default.
enum AmountUnitField {
    static func read(
        _ top: YAMLNodeReader.Fields, default unit: MoneyUnit, _ reader: inout YAMLNodeReader
    ) throws(FormFileError) -> MoneyUnit {
        guard let text = try reader.optionalText(top, "amountUnit", "") else { return unit }
        guard let value = MoneyUnit(rawValue: text) else {
            throw reader.error(
                top["amountUnit"], "amountUnit", "未知的金额单位“\(EchoedText.cut(text))”",
                "写 元 或 万元（表上“金额单位”或“项目资金（万元）”所写的单位）")
        }
        return value
    }
}

/// `otherFields:` shared by both kinds: printed header cells the model has no field for.
enum OtherFieldsBlock {
    static func read(
        _ top: YAMLNodeReader.Fields, _ reader: inout YAMLNodeReader
    ) throws(FormFileError) -> [PrintedField] {
        guard let node = top["otherFields"] else { return [] }
        var fields: [PrintedField] = []
        for (index, item) in try reader.sequence(node, "otherFields").enumerated() {
            let path = "otherFields[\(index)]"
            let map = try reader.mapping(item, path, allowed: ["label", "text"])
            fields.append(
                PrintedField(
                    label: try reader.text(map, "label", path, parent: item),
                    text: try reader.text(map, "text", path, parent: item)))
        }
        return fields
    }
}

/// `form: target-table`
enum TargetTableFile {
    static let keys: Set<String> = [
        "form", "year", "project", "projectCode", "department", "agency",
        "implementingAgency", "nature", "period", "amountUnit", "funds", "overview", "basis",
        "necessity", "measures", "plan", "goals", "indicators", "footer", "otherFields", "source",
    ]
    static let breakdownKeys = Set(["total", "sources"] + TargetTable.FundBreakdown.templateSources.map(\.key))
    static let indicatorKeys: Set<String> = ["level1", "level2", "name", "value", "weight", "explanation", "remark"]

    static func read(_ root: YAMLNode, reader: inout YAMLNodeReader) throws(FormFileError) -> TargetTable {
        let top = try reader.mapping(root, "", allowed: keys)
        let fundsNode = try reader.child(top, "funds", "", parent: root)
        let funds = try reader.mapping(
            fundsNode, "funds", allowed: ["period", "annual", "executionTarget", "executionWeight"])
        var period: TargetTable.FundBreakdown?
        if let node = funds["period"] { period = try breakdown(node, "funds.period", &reader) }
        let annual = try breakdown(
            try reader.child(funds, "annual", "funds", parent: fundsNode), "funds.annual", &reader)
        var goals = TargetTable.Goals()
        if let node = top["goals"] {
            let map = try reader.mapping(node, "goals", allowed: ["period", "annual"])
            goals.period = try reader.optionalText(map, "period", "goals") ?? ""
            goals.annual = try reader.optionalText(map, "annual", "goals") ?? ""
        }
        let indicatorsNode = try reader.child(top, "indicators", "", parent: root)
        let halves = try reader.mapping(indicatorsNode, "indicators", allowed: ["period", "annual"])
        func half(_ key: String) throws(FormFileError) -> [TargetTable.Indicator]? {
            guard let node = halves[key] else { return nil }
            var rows: [TargetTable.Indicator] = []
            for (index, item) in try reader.sequence(node, "indicators.\(key)").enumerated() {
                let path = "indicators.\(key)[\(index)]"
                let map = try reader.mapping(item, path, allowed: indicatorKeys)
                rows.append(
                    TargetTable.Indicator(
                        level1: try reader.optionalText(map, "level1", path),
                        level2: try reader.optionalText(map, "level2", path) ?? "",
                        name: try reader.text(map, "name", path, parent: item),
                        value: try reader.text(map, "value", path, parent: item),
                        weight: try reader.optionalText(map, "weight", path).map { EnteredNumber($0) },
                        explanation: try reader.optionalText(map, "explanation", path),
                        remark: try reader.optionalText(map, "remark", path)))
            }
            return rows
        }
        var footer = TargetTable.Footer()
        if let node = top["footer"] {
            let map = try reader.mapping(node, "footer", allowed: ["responsible", "handler", "phone", "filledAt"])
            footer.responsible = try reader.optionalText(map, "responsible", "footer") ?? ""
            footer.handler = try reader.optionalText(map, "handler", "footer") ?? ""
            footer.phone = try reader.optionalText(map, "phone", "footer") ?? ""
            footer.filledAt = try reader.optionalText(map, "filledAt", "footer") ?? ""
        }
        let agency = try reader.optionalText(top, "agency", "")
        var form = TargetTable(
            year: try reader.integer(top, "year", "", parent: root),
            project: try reader.text(top, "project", "", parent: root),
            projectCode: try reader.optionalText(top, "projectCode", "").flatMap { $0.isEmpty ? nil : $0 },
            department: CodedName(try reader.text(top, "department", "", parent: root)),
            agency: agency.flatMap { $0.isEmpty ? nil : CodedName($0) },
            implementingAgency: try reader.text(top, "implementingAgency", "", parent: root),
            nature: try reader.text(top, "nature", "", parent: root),
            period: try reader.text(top, "period", "", parent: root),
            amountUnit: try AmountUnitField.read(top, default: TargetTable.defaultAmountUnit, &reader),
            funds: TargetTable.Funds(
                period: period, annual: annual,
                executionTarget: try reader.optionalText(funds, "executionTarget", "funds"),
                executionWeight: try reader.optionalText(funds, "executionWeight", "funds").map { EnteredNumber($0) }),
            overview: try reader.optionalText(top, "overview", "") ?? "",
            basis: try reader.optionalText(top, "basis", "") ?? "",
            necessity: try reader.optionalText(top, "necessity", "") ?? "",
            measures: try reader.optionalText(top, "measures", "") ?? "",
            plan: try reader.optionalText(top, "plan", "") ?? "",
            goals: goals,
            indicators: TargetTable.Indicators(period: try half("period"), annual: try half("annual") ?? []),
            footer: footer, otherFields: try OtherFieldsBlock.read(top, &reader),
            source: try SourceBlock.read(top, &reader))
        form.lines = reader.lines
        return form
    }

    static func breakdown(
        _ node: YAMLNode, _ path: String, _ reader: inout YAMLNodeReader
    ) throws(FormFileError) -> TargetTable.FundBreakdown {
        let map = try reader.mapping(node, path, allowed: breakdownKeys)
        let total = EnteredNumber(try reader.text(map, "total", path, parent: node))
        let templateKeys = TargetTable.FundBreakdown.templateSources.map(\.key)
        guard let list = map["sources"] else {
            var amounts: [EnteredNumber] = []
            for key in templateKeys { amounts.append(EnteredNumber(try reader.optionalText(map, key, path) ?? "")) }
            return TargetTable.FundBreakdown(
                total: total, central: amounts[0], provincial: amounts[1], cityCounty: amounts[2],
                selfRaised: amounts[3], other: amounts[4])
        }
        if let key = templateKeys.first(where: { map[$0] != nil }) {
            throw reader.error(
                map[key], "\(path).\(key)", "同一资金栏中既有 sources 列表又有 \(key)",
                "按表上印出的资金来源名称全部写进 sources（label/amount），或只用 central/provincial/cityCounty/selfRaised/other")
        }
        var sources: [TargetTable.FundBreakdown.Source] = []
        for (index, item) in try reader.sequence(list, "\(path).sources").enumerated() {
            let itemPath = "\(path).sources[\(index)]"
            let row = try reader.mapping(item, itemPath, allowed: ["label", "amount"])
            sources.append(
                .init(
                    label: try reader.text(row, "label", itemPath, parent: item),
                    amount: EnteredNumber(try reader.text(row, "amount", itemPath, parent: item))))
        }
        return TargetTable.FundBreakdown(total: total, sources: sources)
    }
}
