import Foundation

/// SE.VAL.070: a number cell (金额, 执行率, 分值, 得分, 总分, 权重, 折算得分) that cannot be read as a number.
///
/// Every such cell is kept verbatim and never counted as 0: a weight printed as a range (`(0-20)分`), a
/// score misread from a scan (`IO`), a date (`2021年12月`) or an amount with a unit the column does not take
/// are reported here, once, with why, and the rules that would use the cell say they could not. An amount
/// with a money unit in the cell (`259.45万元`, `854万(…)`) is read in the form's unit and not reported; so
/// is a percentage sign in a rate (`86.5%`) and 分 after points (`10分`). `—` and `/` mean "not applicable".
/// Warning: the figures built on the cell are unknown until it is corrected.
public struct UnreadableNumberCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.VAL.070", slug: "unreadable-number", name: "数字栏无法读取",
        summary: "金额、执行率、分值、得分、总分等数字栏应为一个数（金额可带“元/万元”，执行率可带“%”，分值可带“分”）；区间、日期、形似数字的字母等无法读取，原样保留且不按 0 计算。",
        basis: "财预〔2020〕10号 附件1 自评表：分值、得分、金额均为数值；已公开表中有“(0-20)分”“IO”等无法计算的填写。",
        defaultSeverity: .warning, scope: .selfEvaluation,
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.funds.total.executed = "100万元"
                    $0.funds.total.rate = "100%"
                    $0.indicators[0].weight = "15分"
                    $0.funds.sources[0].score = "—"
                }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[0].weight = "(0-20)分"
                    $0.indicators[1].score = "IO"
                },
                expect: [
                    ExpectedFinding(at: "indicators[0].weight", actual: "(0-20)分"),
                    ExpectedFinding(at: "indicators[1].score", actual: "IO"),
                ]),
            CheckExample(
                ExampleForms.selfEvaluation { $0.funds.total.executed = "2021年12月" },
                expect: [ExpectedFinding(at: "funds.total.executed", actual: "2021年12月")]),
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        form.numberCells.compactMap { cell in
            guard cell.read == nil, let reason = cell.number.unreadableReason else { return nil }
            return Violation(
                at: cell.path,
                "\(cell.label)“\(cell.number.text)”\(reason.label)：原样保留，不计入任何合计，请改为一个数",
                actual: cell.number.text)
        }
    }
}

/// One number cell of a self-evaluation, with what its column reads from it.
struct NumberCell {
    let path: String
    let label: String
    let number: EnteredNumber
    /// The cell read as its column reads it (an amount in the form's unit, a percentage, points).
    let read: Decimal?
}

extension SelfEvaluation {
    /// Every number cell of the form, in printed order, read as its column reads it.
    var numberCells: [NumberCell] {
        var cells: [NumberCell] = []
        for (path, row) in funds.rowsWithPaths {
            let name = row.rowLabel
            let amounts: [(String, String, EnteredNumber?)] = [
                ("declared", "目标申报数", row.declared), ("compiled", "预算编制数", row.compiled),
                ("fullYearBudget", FieldVocabulary.Funds.fullYearBudget.label, row.fullYearBudget),
                ("received", "资金到位数", row.received),
                ("executed", FieldVocabulary.Funds.executed.label, row.executed),
                ("balance", FieldVocabulary.Funds.balance.label, row.balance),
            ]
            for case (let key, let label, let number?) in amounts {
                cells.append(
                    NumberCell(
                        path: "\(path).\(key)", label: "\(name)\(label)", number: number,
                        read: number.amount(in: amountUnit)))
            }
            cells.append(
                NumberCell(path: "\(path).rate", label: "\(name)执行率", number: row.rate, read: row.rate.percent))
            if let weight = row.weight {
                cells.append(
                    NumberCell(path: "\(path).weight", label: "\(name)分值", number: weight, read: weight.points))
            }
            cells.append(
                NumberCell(path: "\(path).score", label: "\(name)得分", number: row.score, read: row.score.points))
        }
        for (index, row) in indicators.enumerated() {
            let prefix = "indicators[\(index)]"
            let name = "指标“\(row.name)”"
            cells.append(
                NumberCell(path: "\(prefix).weight", label: "\(name)分值", number: row.weight, read: row.weight.points))
            cells.append(
                NumberCell(path: "\(prefix).score", label: "\(name)得分", number: row.score, read: row.score.points))
            let optional: [(String, String, EnteredNumber?, (EnteredNumber) -> Decimal?)] = [
                ("weightPercent", "权重", row.weightPercent, \EnteredNumber.percent),
                ("scoreCoefficient", "得分系数", row.scoreCoefficient, \EnteredNumber.percent),
                ("convertedScore", "折算得分", row.convertedScore, \EnteredNumber.points),
            ]
            for case (let key, let label, let number?, let read) in optional {
                cells.append(
                    NumberCell(path: "\(prefix).\(key)", label: "\(name)\(label)", number: number, read: read(number)))
            }
        }
        cells.append(NumberCell(path: "total", label: "总分", number: printedTotal, read: printedTotal.points))
        if let weightTotal = printedWeightTotal {
            cells.append(NumberCell(path: "totalWeight", label: "总分行分值", number: weightTotal, read: weightTotal.points))
        }
        return cells
    }
}
