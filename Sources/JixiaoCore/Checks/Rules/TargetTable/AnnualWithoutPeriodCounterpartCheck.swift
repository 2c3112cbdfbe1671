/// TG.IND.080: a 年度 indicator with no 实施期 counterpart.
///
/// The 年度 indicators break the 实施期 ones down to the budget year, and the platform joins the two
/// halves on name and 二级. Names are cut at the column width in either half, so a counterpart is a
/// 实施期 row whose name and the 年度 name are prefixes one of the other (whitespace ignored), under the
/// same 二级; a row whose 二级 label is missing or unreadable matches any 二级 (TG.IND.070 reports it).
/// Notice: a new yearly indicator may be deliberate.
public struct AnnualWithoutPeriodCounterpartCheck: TargetTableCheck {
    public static let description = CheckDescription(
        id: "TG.IND.080", slug: "annual-without-period-counterpart", name: "年度指标无对应实施期指标",
        summary: "年度指标在同一二级指标下找不到名称相同（允许任一方被截断）的实施期指标。",
        basis: "山西平台按（指标名称、所属二级指标）关联年度指标与实施期指标；年度目标应是实施期目标的分解。",
        defaultSeverity: .notice, scope: .targetTable,
        passing: [
            CheckExample(ExampleForms.targetTable()),
            CheckExample(ExampleForms.targetTable { $0.indicators.annual[4].name = "业务正常运转" }),
            CheckExample(ExampleForms.targetTable { $0.indicators.period?[1].level2 = "" }),
        ],
        failing: [
            CheckExample(
                ExampleForms.targetTable {
                    $0.indicators.annual[2] = TargetTable.Indicator(level2: "时效指标", name: "短信推送服务信息", value: "≥98%")
                }, expect: [ExpectedFinding(at: "indicators.annual[2].name", actual: "短信推送服务信息")])
        ])

    public init() {}

    public func check(_ table: TargetTable, context: CheckContext) -> [Violation] {
        // A table with a single (年度) set has no 实施期 half to match against.
        guard table.indicators.period != nil else { return [] }
        let period = table.filledRows(.period).map(\.row)
        return table.filledRows(.annual).compactMap { filled -> Violation? in
            let row = filled.row
            let name = row.name.withoutWhitespace
            guard !name.isEmpty else { return nil }
            let matched = period.contains { candidate in
                let other = candidate.name.withoutWhitespace
                let sameLevel2 =
                    row.level2Value == nil || candidate.level2Value == nil || row.level2Value == candidate.level2Value
                return sameLevel2 && !other.isEmpty && (other.hasPrefix(name) || name.hasPrefix(other))
            }
            guard !matched else { return nil }
            return Violation(
                at: "\(filled.path).name", "年度指标“\(row.name)”（\(row.level2)）在实施期指标中没有对应指标",
                actual: row.name)
        }
    }
}
