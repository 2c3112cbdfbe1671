/// TG.FUND.030: 经常性项目 and 项目期 99年 go together.
///
/// The template marks an open-ended 经常性项目（长期开展） with 项目期 99年, and a 延续性项目（阶段开展） with
/// its actual number of years. A 经常性 project with a finite period, or a 99-year project that is not
/// 经常性, has one of the two fields wrong. Warning: it affects the 实施期 funding, not the year's scores.
public struct NaturePeriodMismatchCheck: TargetTableCheck {
    public static let description = CheckDescription(
        id: "TG.FUND.030", slug: "nature-period-mismatch", name: "项目属性与项目期不符",
        summary: "经常性项目的项目期应为 99年；项目期为 99年的项目应为经常性项目。",
        basis: "山西省省级项目支出绩效目标表：经常性项目（长期开展）项目期填 99年，延续性项目（阶段开展）填实际年数。",
        defaultSeverity: .warning, scope: .targetTable,
        passing: [
            CheckExample(ExampleForms.targetTable()),
            CheckExample(
                ExampleForms.targetTable {
                    $0.nature = "延续性项目（阶段开展）"
                    $0.period = "5年"
                }),
        ],
        failing: [
            CheckExample(
                ExampleForms.targetTable { $0.period = "5年" },
                expect: [ExpectedFinding(at: "period", expected: "99年", actual: "5年")]),
            CheckExample(
                ExampleForms.targetTable { $0.nature = "延续性项目（阶段开展）" },
                expect: [ExpectedFinding(at: "nature", expected: "经常性项目", actual: "延续性项目（阶段开展）")]),
        ])

    public init() {}

    static let openEnded = 99

    public func check(_ table: TargetTable, context: CheckContext) -> [Violation] {
        guard let nature = table.natureValue, let years = table.periodYears else { return [] }
        if nature == .recurring, years != Self.openEnded {
            return [
                Violation(
                    at: "period", "项目属性为“\(table.nature)”，项目期却是“\(table.period)”（应为 99年）",
                    expected: "\(Self.openEnded)年", actual: table.period)
            ]
        }
        if nature != .recurring, years == Self.openEnded {
            return [
                Violation(
                    at: "nature", "项目期为“\(table.period)”（长期），项目属性却是“\(table.nature)”",
                    expected: ProjectNature.recurring.rawValue, actual: table.nature)
            ]
        }
        return []
    }
}
