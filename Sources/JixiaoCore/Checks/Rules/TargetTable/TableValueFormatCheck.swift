/// TG.IND.060: a 指标值 written in a form the platform would not produce.
///
/// A quantitative value without 计算符号 (`257.34平方米`, `100%`) leaves the direction of the target open;
/// a doubled word (`及时及时`) or a forbidden character (`*`, `_`, leading `-`) is an input slip. The value
/// is still readable, so this is a notice; the self-evaluation scores the row only under an explicit
/// setting.
public struct TableValueFormatCheck: TargetTableCheck {
    public static let description = CheckDescription(
        id: "TG.IND.060", slug: "value-format", name: "目标表指标值格式不规范",
        summary: "指标值缺少计算符号、计算符号后无数值、文字重复，或含平台禁用字符（*、_、开头的 -）。",
        basis: "平台指标值录入规则（计算符号、禁用 *、_、-）；已公开目标表中“及时及时”“100%”等写法。",
        defaultSeverity: .notice, scope: .targetTable,
        passing: [
            CheckExample(ExampleForms.targetTable()),
            CheckExample(
                ExampleForms.targetTable {
                    $0.indicators.annual[1] = TargetTable.Indicator(level2: "质量指标", name: "设备完好率", value: "＝100%")
                }),
        ],
        failing: [
            CheckExample(
                ExampleForms.targetTable {
                    $0.indicators.annual[1] = TargetTable.Indicator(level2: "质量指标", name: "设备完好率", value: "100%")
                    $0.indicators.period?[2] = TargetTable.Indicator(
                        level1: "产出指标", level2: "时效指标", name: "维修响应及时性",
                        value: "及时及时")
                },
                expect: [
                    ExpectedFinding(at: "indicators.annual[1].value", actual: "100%"),
                    ExpectedFinding(at: "indicators.period[2].value", actual: "及时及时"),
                ])
        ])

    public init() {}

    public func check(_ table: TargetTable, context: CheckContext) -> [Violation] {
        table.allFilledRows.compactMap { filled -> Violation? in
            let problems = filled.row.value.formatProblems
            guard !problems.isEmpty else { return nil }
            return Violation(
                at: "\(filled.path).value",
                "\(filled.half.label)指标“\(filled.row.name)”的指标值“\(filled.row.value.text)”\(problems.map(\.label).joined(separator: "；"))",
                actual: filled.row.value.text)
        }
    }
}
