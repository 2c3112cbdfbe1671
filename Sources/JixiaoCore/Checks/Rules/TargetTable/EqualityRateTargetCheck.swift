/// TG.IND.130: a rate or 满意度 below 100 % written with ＝ (甘肃 web-25: `服务对象满意度 =99%`,
/// `各项工作完成及时率 =99%`). Read literally, a better result (100 %) misses an equality target; the template
/// means a floor. Notice: the national scoring reads ＝ like ≥ for overshoot, so the score is not affected.
public struct EqualityRateTargetCheck: TargetTableCheck {
    public static let description = CheckDescription(
        id: "TG.IND.130", slug: "equality-rate-target", name: "比率指标用“＝”写了低于100%的指标值",
        summary: "名称含“率”或“满意度”的指标，指标值用“＝”写了低于 100% 的比率（如“＝99%”）：超额完成按字面反而不符，应写“≥99%”。",
        basis: "财预〔2020〕10号 附件2：计算符号应与指标的性质一致；已公开目标表中有“=99%”的满意度指标。",
        defaultSeverity: .notice, scope: .targetTable,
        passing: [
            CheckExample(ExampleForms.targetTable()),
            CheckExample(ExampleForms.targetTable { $0.indicators.annual[5].value = IndicatorValue("＝100%") }),
        ],
        failing: [
            CheckExample(
                ExampleForms.targetTable { $0.indicators.annual[5].value = IndicatorValue("＝99%") },
                expect: [ExpectedFinding(at: "indicators.annual[5].value", expected: "≥99%", actual: "＝99%")])
        ])

    public init() {}

    public func check(_ table: TargetTable, context: CheckContext) -> [Violation] {
        let halves = [("annual", table.indicators.annual)] + (table.indicators.period.map { [("period", $0)] } ?? [])
        return halves.flatMap { half, rows in
            rows.enumerated().compactMap { index, row -> Violation? in
                guard row.name.contains("率") || row.name.contains("满意度"),
                    case .quantity(let op?, let quantity) = row.value.reading, op.direction == .equal,
                    quantity.unit.base == "%", quantity.number < 100
                else { return nil }
                let floor = "≥\(DecimalText.plain(quantity.number))%"
                return Violation(
                    at: "indicators.\(half)[\(index)].value",
                    "指标“\(row.name)”的指标值“\(row.value.text)”用“＝”写了低于 100% 的比率：完成得更好按字面反而不符，应写“\(floor)”",
                    expected: floor, actual: row.value.text)
            }
        }
    }
}
