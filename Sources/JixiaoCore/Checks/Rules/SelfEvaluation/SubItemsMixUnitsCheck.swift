import Foundation

/// SE.VAL.100: a row's target is the sum of its 其中 rows' targets although they count in different units
/// (安徽 web-14: `补助家畜家禽养殖数量 192只` with 其中 `羊 180只` and `猪 12头`: 180只 + 12头 is not 192只).
///
/// Only where the numbers add up exactly, so that the breakdown is certainly meant as the parts of the total;
/// the finding names the parts. Warning: the total adds things that are counted differently.
public struct SubItemsMixUnitsCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.VAL.100", slug: "sub-items-mix-units", name: "分项合计混用计量单位",
        summary: "指标值等于其下“其中”各行指标值的数字之和，但各行的计量单位不同（如 192只 = 180只 + 12头）：把不同单位的数量相加。",
        basis: "算术：不同计量单位的数量不能直接相加；已公开自评表中有 192只 = 180只 + 12头 的情况。",
        defaultSeverity: .warning, scope: .selfEvaluation,
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(ExampleForms.selfEvaluation { ExampleForms.addSubItems(&$0, "6台", "4台") }),
            CheckExample(ExampleForms.selfEvaluation { ExampleForms.addSubItems(&$0, "6台", "3套") }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation { ExampleForms.addSubItems(&$0, "6台", "4套") },
                expect: [ExpectedFinding(at: "indicators[0].adjustedTarget", expected: "≥10台", actual: "6台 + 4套")])
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        var found: [Violation] = []
        let rows = form.indicators
        for (index, row) in rows.enumerated() where !row.isSubItem && !row.isTemplateRow {
            guard let total = row.target.quantity, !total.unit.text.isEmpty else { continue }
            let parts = rows[(index + 1)...].prefix { $0.isSubItem }.map(\.target)
            let quantities = parts.compactMap(\.quantity)
            guard quantities.count >= 2, quantities.count == parts.count,
                quantities.allSatisfy({ !$0.unit.text.isEmpty }),
                quantities.contains(where: { !$0.unit.isCompatible(with: total.unit) }),
                quantities.reduce(Decimal(0), { $0 + $1.number }) == total.number
            else { continue }
            let terms = parts.map(\.text).joined(separator: " + ")
            found.append(
                Violation(
                    at: "indicators[\(index)].adjustedTarget",
                    "指标“\(row.name)”的指标值 \(row.target.text) 是其中各项 \(terms) 的数字之和，但各项计量单位不同，不能直接相加",
                    expected: row.target.text, actual: terms))
        }
        return found
    }
}
