/// SE.VAL.030: a target (年初 or 调整后指标值) must be written the way the platform accepts it.
///
/// The platform forbids `*`, `_` and `-` in values, and a quantitative target needs its 计算符号: `-100%`
/// is neither a number nor an operator, `257.34平方米` says neither ≥ nor ≤, `≥人` has no number. Doubled
/// words are SE.VAL.060's. Warning: the row can still be read by a person, but not scored by the rules.
public struct TargetFormatCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.VAL.030", slug: "target-format", name: "指标值格式不规范",
        summary: "年初指标值和调整后指标值不得含 *、_ 或以 - 开头；定量指标值应有计算符号（≥、＞、＝、＜、≤），计算符号后应有数值。",
        basis: "平台指标值录入校验（禁用 *、_、-；定量指标须选计算符号）；财预〔2020〕10号 附件2 指标值由计算符号、数值和计量单位组成。",
        defaultSeverity: .warning, scope: .selfEvaluation,
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[1].initialTarget = IndicatorValue("＝100%")
                    $0.indicators[1].adjustedTarget = IndicatorValue("＝100%")
                }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[1].initialTarget = IndicatorValue("-100%")
                    $0.indicators[1].adjustedTarget = IndicatorValue("-100%")
                }, expect: [ExpectedFinding(at: "indicators[1].adjustedTarget", actual: "-100%")]),
            CheckExample(
                ExampleForms.selfEvaluation { $0.indicators[1].initialTarget = IndicatorValue("95%") },
                expect: [ExpectedFinding(at: "indicators[1].initialTarget", actual: "95%")]),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[0].adjustedTarget = IndicatorValue("≥台")
                    $0.indicators[5].adjustedTarget = IndicatorValue("90_%")
                },
                expect: [
                    ExpectedFinding(at: "indicators[0].adjustedTarget", actual: "≥台"),
                    ExpectedFinding(at: "indicators[5].adjustedTarget", actual: "90_%"),
                ]),
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        form.indicators.enumerated().flatMap { index, row in
            row.targetCells(at: index).compactMap { path, value -> Violation? in
                let problems = value.formatProblems.filter { $0 != .doubledWord }
                guard !problems.isEmpty else { return nil }
                return Violation(
                    at: path, "指标“\(row.name)”的指标值“\(value.text)”\(problems.map(\.label).joined(separator: "；"))",
                    actual: value.text)
            }
        }
    }
}
