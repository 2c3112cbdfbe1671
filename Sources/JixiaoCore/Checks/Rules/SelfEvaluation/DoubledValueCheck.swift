/// SE.VAL.060: a value with a doubled word (`及时及时`, `加大提升提升`).
///
/// The word was typed into both the value and the unit field; the reading takes it once, so scoring is
/// unaffected. Notice: a cosmetic defect of the published form.
public struct DoubledValueCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.VAL.060", slug: "doubled-value", name: "指标值文字重复",
        summary: "指标值或实际完成值中文字重复（如“及时及时”“加大提升提升”），多为同一词语同时填入指标值和计量单位。",
        basis: "已公开自评表与目标表中的录入缺陷；平台以“值+计量单位”拼接显示指标值。",
        defaultSeverity: .notice, scope: .selfEvaluation,
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[2].initialTarget = IndicatorValue("及时发放")
                    $0.indicators[2].adjustedTarget = IndicatorValue("及时发放")
                }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[2].initialTarget = IndicatorValue("及时及时")
                    $0.indicators[2].adjustedTarget = IndicatorValue("及时及时")
                }, expect: [ExpectedFinding(at: "indicators[2].adjustedTarget", expected: "及时", actual: "及时及时")]),
            CheckExample(
                ExampleForms.selfEvaluation { $0.indicators[4].actual = IndicatorValue("加大提升提升") },
                expect: [ExpectedFinding(at: "indicators[4].actual", expected: "加大提升", actual: "加大提升提升")]),
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        form.indicators.enumerated().flatMap { index, row in
            (row.targetCells(at: index) + [("indicators[\(index)].actual", row.actual)]).compactMap { path, value in
                guard value.flaws.contains(.doubledWord), case .qualitative(let single) = value.reading else {
                    return nil
                }
                return Violation(
                    at: path, "指标“\(row.name)”的值“\(value.text)”文字重复，应为“\(single)”",
                    expected: single, actual: value.text)
            }
        }
    }
}
