/// TG.IND.020: a 成本指标 must be a sum of money.
///
/// A cost indicator states what the output may cost (`≤20万元`, `3360元/人`); a word (`及时`) or another
/// unit (`台`) means a different indicator was put in the 成本 slot, often to fill the template. Warning:
/// the project then has no real cost indicator.
public struct CostIndicatorNotMonetaryCheck: TargetTableCheck {
    public static let description = CheckDescription(
        id: "TG.IND.020", slug: "cost-indicator-not-monetary", name: "成本指标不是金额",
        summary: "成本指标的指标值应为金额（元、万元、亿元，或元/人等单位金额），不应为定性值或其他计量单位。",
        basis: "财预〔2020〕10号 附件2：成本指标反映预算控制的成本（经济成本、社会成本、生态环境成本），以金额计量。",
        defaultSeverity: .warning, scope: .targetTable,
        passing: [
            CheckExample(ExampleForms.targetTable()),
            CheckExample(
                ExampleForms.targetTable {
                    $0.indicators.annual[3] = TargetTable.Indicator(level2: "成本指标", name: "人均标准", value: "3360元/人")
                }),
        ],
        failing: [
            CheckExample(
                ExampleForms.targetTable {
                    $0.indicators.annual[3] = TargetTable.Indicator(level2: "成本指标", name: "发放及时", value: "及时")
                    $0.indicators.period?[3] = TargetTable.Indicator(
                        level1: "产出指标", level2: "成本指标", name: "维护台数",
                        value: "≤5台")
                },
                expect: [
                    ExpectedFinding(at: "indicators.annual[3].value", actual: "及时"),
                    ExpectedFinding(at: "indicators.period[3].value", actual: "≤5台"),
                ])
        ])

    public init() {}

    public func check(_ table: TargetTable, context: CheckContext) -> [Violation] {
        table.allFilledRows.compactMap { filled -> Violation? in
            let row = filled.row
            guard row.level2Value == .cost else { return nil }
            let problem: String
            switch row.value.reading {
            case .quantity(_, let quantity) where !quantity.unit.isMoney:
                problem = quantity.unit.text.isEmpty ? "没有计量单位" : "计量单位是“\(quantity.unit.text)”"
            case .qualitative, .outcome:
                problem = "是定性值"
            default:
                return nil
            }
            return Violation(
                at: "\(filled.path).value",
                "\(filled.half.label)成本指标“\(row.name)”的指标值“\(row.value.text)”\(problem)，不是金额",
                actual: row.value.text)
        }
    }
}
