import Foundation
import JixiaoCore

/// Values the editor offers for cells the officer left blank, computed with `Decimal` on the server so the
/// page never does money arithmetic in JavaScript: each funds row's 资金结(转)余 (全年预算数 − 全年执行数),
/// a lone 资金来源 row copied from the 资金总额 row, the 资金总额 row's 执行率 and 得分, and the form's 总分 and
/// 等级. The page fills a blank cell with its suggestion and keeps following the recomputation until the
/// officer types into that cell; a cell that holds anything is never suggested over.
struct FormCompletion {
    /// Field path → value, in the order the form prints them.
    let suggestions: [(path: String, value: String)]

    init(_ analysis: FormAnalysis) {
        let form = analysis.form
        let score = analysis.score
        var suggestions: [(String, String)] = []
        func suggest(_ path: String, _ cell: EnteredNumber, _ value: Decimal?) {
            if cell.isBlank, let value { suggestions.append((path, DecimalText.exact(value))) }
        }
        func balance(_ path: String, _ row: SelfEvaluation.FundsRow) {
            guard let budget = row.fullYearBudget.value, let executed = row.executed.value else { return }
            suggest("\(path).balance", row.balance, budget - executed)
        }
        let total = form.funds.total
        balance("funds.total", total)
        suggest("funds.total.rate", total.rate, score.execution.ratePercent)
        if score.execution.problem == nil { suggest("funds.total.score", total.score, score.execution.score.round2) }
        if form.funds.sources.count == 1, let source = form.funds.sources.first {
            let columns: [(String, KeyPath<SelfEvaluation.FundsRow, EnteredNumber>)] = [
                ("declared", \.declared), ("compiled", \.compiled), ("fullYearBudget", \.fullYearBudget),
                ("executed", \.executed),
            ]
            for (key, column) in columns {
                suggest("funds.sources[0].\(key)", source[keyPath: column], total[keyPath: column].value)
            }
            // The lone source's balance follows from what it holds or is offered.
            let budget = source.fullYearBudget.value ?? total.fullYearBudget.value
            let executed = source.executed.value ?? total.executed.value
            if let budget, let executed { suggest("funds.sources[0].balance", source.balance, budget - executed) }
        } else {
            for (index, source) in form.funds.sources.enumerated() { balance("funds.sources[\(index)]", source) }
        }
        // An unscored form has no total to offer: the indicator scores come first.
        if !score.isUnscored { suggest("total", form.printedTotal, score.total) }
        if (form.printedGrade ?? "").trimmed.isEmpty, let grade = score.grade {
            suggestions.append(("grade", score.policy.label(of: grade)))
        }
        self.suggestions = suggestions
    }
}
