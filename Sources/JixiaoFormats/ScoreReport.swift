import Foundation
import JixiaoCore

/// `jixiao score` output: one scored self-evaluation, as JSON (for machines) and as an aligned Chinese
/// table (for people).
public struct ScoredForm: Sendable {
    public let file: String
    public let form: SelfEvaluation
    public let score: FormScore

    public init(file: String, form: SelfEvaluation, policy: ScoringPolicy) {
        self.init(file: file, form: form, score: FormScore(form, policy: policy))
    }

    /// A form scored already.
    public init(file: String, form: SelfEvaluation, score: FormScore) {
        self.file = file
        self.form = form
        self.score = score
    }

    /// The object documented for `jixiao score --format json`; `jixiao check` extends it with findings.
    public var json: [(String, JSONValue)] {
        let indicators: [JSONValue] = zip(form.indicators, score.indicators).enumerated().map { index, pair in
            let (row, result) = pair
            return .object([
                ("index", .int(index)),
                ("level1", .string(row.level1)),
                ("level2", .string(row.level2)),
                ("name", .string(row.name)),
                ("target", .string(row.adjustedTarget.text)),
                ("actual", .string(row.actual.text)),
                ("weight", .decimal(result.weight)),
                ("enteredScore", .decimal(result.entered)),
                ("ruleScore", .decimal(result.ruleScore)),
                ("scored", .bool(result.isScored)),
                ("method", .string(result.method.identifier)),
                ("overAchieved", .bool(result.isOverAchieved)),
                ("explanation", .string(ScoreExplanation.describe(result))),
            ])
        }
        return [
            ("file", .string(file)),
            ("project", .string(form.project)),
            ("unit", .string(form.agency.text)),
            ("unitCode", .text(form.agency.code)),
            ("year", .int(form.year)),
            ("policy", .string(score.policyID)),
            ("executionRate", .decimal(score.execution.ratePercent)),
            ("executionScore", .decimal(score.execution.score)),
            ("printedExecutionRate", .string(form.funds.total.rate.text)),
            ("printedExecutionScore", .string(form.funds.total.score.text)),
            ("weightSum", .decimal(score.weightSum)),
            ("total", .decimal(score.total)),
            ("grade", .text(score.grade.map(score.policy.label(of:)))),
            ("ruleTotal", .decimal(score.ruleTotal)),
            ("ruleGrade", .text(score.ruleGrade.map(score.policy.label(of:)))),
            ("unscored", .bool(score.isUnscored)),
            ("missingScores", .array(score.missingScores.map { .string($0) })),
            ("printedTotal", .decimal(score.printedTotal)),
            ("printedGrade", .text(form.printedGrade)),
            ("indicators", .array(indicators)),
            ("differences", .array(score.differences(in: form).map { .string($0) })),
        ]
    }

    /// An aligned Chinese table: funds, indicators (entered vs rule score), totals, differences.
    public var text: String {
        typealias Funds = FieldVocabulary.Funds
        typealias Indicators = FieldVocabulary.Indicators
        let fixed = { (value: Decimal?) in value.map { DecimalText.fixed($0) } ?? "—" }
        var lines: [String] = []
        lines.append("■ \(form.project)（\(form.year)年度）  \(form.agency.text)  [\(file)]")
        let execution = score.execution
        let problem = execution.problem.map { "  ⚠ \($0.label)" } ?? ""
        lines.append(
            "  预算执行：\(Funds.fullYearBudget.label) \(form.funds.total.fullYearBudget.text) 万元，"
                + "\(Funds.executed.label) \(form.funds.total.executed.text) 万元；"
                + "\(Funds.rate.label) \(fixed(execution.ratePercent))%（表上 \(form.funds.total.rate.text.isEmpty ? "空" : form.funds.total.rate.text)），"
                + "得分 \(fixed(execution.score))（表上 \(form.funds.total.score.text.isEmpty ? "空" : form.funds.total.score.text)）\(problem)"
        )
        let columns = [
            Indicators.level2, Indicators.name, Indicators.adjustedTarget, Indicators.actual, Indicators.weight,
        ]
        var table: [[String]] = [["#"] + columns.map(\.label) + ["填报得分", "规则得分", ""]]
        for (index, pair) in zip(form.indicators, score.indicators).enumerated() {
            let (row, result) = pair
            var mark = ""
            if !result.isScored {
                mark = "不计分"
            } else if let difference = result.difference, difference != 0 {
                mark = "≠"
            }
            if result.isOverAchieved { mark += mark.isEmpty ? "偏离度≥120%" : " 偏离度≥120%" }
            table.append([
                String(index + 1), row.level2, row.name, row.adjustedTarget.text, row.actual.text,
                row.weight.text, row.score.text, result.isScored ? fixed(result.ruleScore) : "—", mark,
            ])
        }
        lines.append(contentsOf: TextTable.render(table, rightAligned: [0, 5, 6, 7]).map { "  " + $0 })
        lines.append(
            "  分值合计 \(fixed(score.weightSum))，填报得分合计 \(fixed(score.enteredSum))，规则得分合计 \(fixed(score.ruleSum))")
        if score.isUnscored {
            lines.append(
                "  总分：\(FormScore.unscoredLabel)（表上得分均为空：\(score.missingScores.joined(separator: "、"))），不给出总分和等级")
        } else {
            lines.append(
                "  总分：表上 \(form.printedTotal.text)（\(form.printedGrade ?? "无等级")）；按表内得分重算 \(fixed(score.total))（\(score.gradeLabel)）；"
                    + "按评分规则 \(fixed(score.ruleTotal))（\(score.ruleGradeLabel)）")
        }
        let differences = score.differences(in: form)
        if differences.isEmpty {
            lines.append("  差异：无")
        } else {
            lines.append("  差异：")
            lines.append(contentsOf: differences.map { "    - " + $0 })
        }
        return lines.joined(separator: "\n")
    }
}

extension ExecutionScore.Problem {
    /// Chinese label.
    public var label: String {
        switch self {
        case .overExecuted: "执行数超过全年预算数，得分按满分封顶"
        case .zeroBudget: "全年预算数为 0，无法计算执行率，得分记 0"
        case .missingAmounts: "全年预算数或全年执行数缺失、无法读取，得分记 0"
        }
    }
}

extension IndicatorScore.Method {
    /// Stable identifier for JSON.
    public var identifier: String {
        switch self {
        case .positive: "positive"
        case .equal: "equal"
        case .reverse(let formula): "reverse-\(formula.rawValue)"
        case .qualitative(let outcome): "qualitative-\(outcome.rawValue)"
        case .unfilledCostRow: "unfilled-cost-row"
        case .manual(let reason): "manual-\(reason.rawValue)"
        case .notScored: "not-scored"
        case .notAnIndicator: "not-an-indicator"
        }
    }
}

/// Column alignment that counts CJK characters as two columns, as terminals show them.
public enum TextTable {
    public static func render(_ rows: [[String]], rightAligned: Set<Int> = []) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], displayWidth(cell)) }
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - displayWidth(cell))
                return rightAligned.contains(index) ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingTrailingWhitespace
        }
    }

    public static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            let v = scalar.value
            let wide =
                (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            return width + (wide ? 2 : 1)
        }
    }
}

extension String {
    /// Without trailing whitespace (what `\\s+$` would remove), found without a regular expression: tables are
    /// rendered once per form.
    fileprivate var trimmingTrailingWhitespace: String {
        guard let last = unicodeScalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(unicodeScalars[...last])
    }
}

/// `jixiao score` over a form source: every self-evaluation scored on a worker thread and written as soon as
/// the ones before it are, so memory holds one chunk of forms whatever the batch's size.
public struct ScoreStream: Sendable {
    public enum Format: String, Sendable, CaseIterable { case text, json }

    public let policy: ScoringPolicy
    public let format: Format

    public init(policy: ScoringPolicy, format: Format) {
        self.policy = policy
        self.format = format
    }

    public struct Outcome: Sendable {
        /// Inputs that are not readable forms, in source order.
        public var unreadable: [FormFileError] = []
        public var scored = 0
        /// Target tables, which have no score.
        public var skipped = 0
    }

    /// Scores every self-evaluation of `source` and writes the report to `output`.
    public func write(_ source: some FormSource, to output: inout some TextOutputStream) -> Outcome {
        var outcome = Outcome()
        let stream = self
        if format == .json { output.write("[") }
        for item in FormPipeline(
            source, prepare: { form, _, position in stream.render(form, file: source.label(at: position)) })
        {
            switch item {
            case .unreadable(_, let error): outcome.unreadable.append(error)
            case .form(_, _, nil): outcome.skipped += 1
            case .form(_, _, let text?):
                switch format {
                case .json: output.write(JSONValue.element(text, first: outcome.scored == 0, indent: 0))
                case .text: output.write((outcome.scored == 0 ? "" : "\n\n") + text)
                }
                outcome.scored += 1
            }
        }
        switch format {
        case .json: output.write(JSONValue.endOfArray(empty: outcome.scored == 0, indent: 0) + "\n")
        case .text:
            let skipped = outcome.skipped > 0 ? "；跳过目标表 \(outcome.skipped) 张" : ""
            output.write("\n\n共 \(outcome.scored) 张自评表（评分政策：\(policy.name)）\(skipped)\n")
        }
        return outcome
    }

    /// One self-evaluation's part of the report; nil for a target table.
    func render(_ form: Form, file: String) -> String? {
        guard case .selfEvaluation(let evaluation) = form else { return nil }
        let scored = ScoredForm(file: file, form: evaluation, policy: policy)
        return switch format {
        case .json: JSONValue.object(scored.json).rendered(indent: 1)
        case .text: scored.text
        }
    }
}
