import Foundation
import JixiaoCore

/// A new self-evaluation drafted from the year's target table: the indicators with their 年初指标值 (also
/// as 调整后指标值, to be changed only if the target was adjusted), 年度目标, and 目标申报数 = 年度资金总额 in
/// 万元 (converted from the table's unit: 元 on Shanxi tables). Weights, actual values, scores, execution and
/// totals are left empty for the officer.
public enum TargetDraft {
    public static func selfEvaluation(from table: TargetTable, unit: BudgetUnit) -> SelfEvaluation {
        let annual = table.funds.annual
        let sources = annual.sources.compactMap { source -> SelfEvaluation.FundsRow? in
            guard let amount = source.amount.value, amount != 0 else { return nil }
            return SelfEvaluation.FundsRow(
                source: source.label, declared: EnteredNumber(inTenThousands(amount, from: table.amountUnit)),
                fullYearBudget: "", executed: "")
        }
        let total = SelfEvaluation.FundsRow(
            declared: EnteredNumber(annual.total.value.map { inTenThousands($0, from: table.amountUnit) } ?? ""),
            fullYearBudget: "", executed: "")
        return SelfEvaluation(
            year: table.year, project: table.project, projectCode: table.projectCode,
            department: table.department, agency: table.agency ?? CodedName(unit.label),
            funds: SelfEvaluation.Funds(total: total, sources: sources),
            goals: SelfEvaluation.Goals(annual: table.goals.annual.isEmpty ? table.goals.period : table.goals.annual),
            indicators: indicators(of: table),
            printedTotal: "", printedGrade: "")
    }

    /// An amount in the table's unit → 万元, exact (538,600 元 → 53.86).
    static func inTenThousands(_ amount: Decimal, from unit: MoneyUnit) -> String {
        DecimalText.plain(unit.convert(amount, to: .wanYuan))
    }

    /// The 年度 indicators (the 实施期 ones when the 年度 half is empty, as the platform does), without empty
    /// template rows. A 年度 row takes its 一级 and, when the narrow 年度 column cut the name short, its full
    /// name from the 实施期 row of the same 二级 that the name begins.
    static func indicators(of table: TargetTable) -> [SelfEvaluation.Indicator] {
        let period = (table.indicators.period ?? []).filter { !$0.isTemplateRow }
        let annual = table.indicators.annual.filter { !$0.isTemplateRow }
        return (annual.isEmpty ? period : annual).map { row in
            let twin = period.first { candidate in
                candidate.level2 == row.level2 && !row.name.isEmpty && candidate.name.hasPrefix(row.name)
            }
            let level1 = row.level1 ?? twin?.level1 ?? row.level2Value?.level1.label ?? ""
            return SelfEvaluation.Indicator(
                level1: level1, level2: row.level2, name: twin?.name ?? row.name,
                initialTarget: row.value.text, adjustedTarget: row.value.text,
                actual: "", weight: "", score: "")
        }
    }
}
