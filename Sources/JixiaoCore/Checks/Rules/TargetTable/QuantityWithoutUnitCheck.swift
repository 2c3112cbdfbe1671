/// TG.IND.050: a quantitative 指标值 needs a 计量单位, and an indicator name is at most 100 characters.
///
/// Both are input rules of the platform: `≥30` says nothing of what is counted, and a name over 100
/// characters cannot be stored. Error: the platform refuses such an entry.
public struct QuantityWithoutUnitCheck: TargetTableCheck {
    public static let description = CheckDescription(
        id: "TG.IND.050", slug: "quantity-without-unit", name: "定量指标缺少计量单位或指标名称过长",
        summary: "定量指标值（数值）应带计量单位；三级指标名称不得超过 100 个字符。",
        basis: "平台指标录入校验：定量指标（计算符号 1–5）须填计量单位；指标名称长度上限 100。",
        defaultSeverity: .error, scope: .targetTable,
        passing: [
            CheckExample(ExampleForms.targetTable()),
            CheckExample(
                ExampleForms.targetTable { $0.indicators.annual[4].name = String(repeating: "保", count: 100) }),
        ],
        failing: [
            CheckExample(
                ExampleForms.targetTable {
                    $0.indicators.annual[0] = TargetTable.Indicator(level2: "数量指标", name: "设备维护数量", value: "≥30")
                },
                expect: [ExpectedFinding(at: "indicators.annual[0].value", actual: "≥30")]),
            CheckExample(
                ExampleForms.targetTable { $0.indicators.period?[4].name = String(repeating: "保", count: 101) },
                expect: [ExpectedFinding(at: "indicators.period[4].name", expected: "100", actual: "101")]),
        ])

    public init() {}

    static let maximumNameLength = 100

    public func check(_ table: TargetTable, context: CheckContext) -> [Violation] {
        table.allFilledRows.flatMap { filled -> [Violation] in
            let row = filled.row
            var found: [Violation] = []
            if let quantity = row.value.quantity, quantity.unit.text.isEmpty {
                found.append(
                    Violation(
                        at: "\(filled.path).value",
                        "\(filled.half.label)指标“\(row.name)”的指标值“\(row.value.text)”没有计量单位",
                        actual: row.value.text))
            }
            if row.name.count > Self.maximumNameLength {
                found.append(
                    Violation(
                        at: "\(filled.path).name",
                        "\(filled.half.label)指标名称长 \(row.name.count) 个字符，超过 \(Self.maximumNameLength) 个字符的上限",
                        expected: "\(Self.maximumNameLength)", actual: "\(row.name.count)"))
            }
            return found
        }
    }
}
