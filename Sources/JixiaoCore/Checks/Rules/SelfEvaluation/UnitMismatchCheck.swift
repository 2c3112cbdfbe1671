/// SE.VAL.020: the 实际完成值 must be in a unit compatible with the target's.
///
/// `≥95%` against `96元` cannot be compared: the scoring engine falls back to the entered score. Units that
/// differ only in scale (`20万元` vs `45000元`) or spelling (`平米` vs `平方米`) are compatible, and a bare
/// actual number is read in the target's unit. Warning: usually a typing slip, but the score rests on it.
public struct UnitMismatchCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.VAL.020", slug: "unit-mismatch", name: "实际完成值计量单位与指标值不符",
        summary: "实际完成值的计量单位应与调整后指标值一致（万/亿倍数与常见异写视为一致；只写数字视为同一单位）。",
        basis: "财预〔2020〕10号 附件1：实际完成值与指标值比较计分，须为同一计量单位。",
        defaultSeverity: .warning, scope: .selfEvaluation,
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(ExampleForms.selfEvaluation { $0.indicators[1].actual = IndicatorValue("96") }),
            CheckExample(ExampleForms.selfEvaluation { $0.indicators[3].actual = IndicatorValue("990000元") }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation { $0.indicators[1].actual = IndicatorValue("96元") },
                expect: [ExpectedFinding(at: "indicators[1].actual", expected: "%", actual: "元")])
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        form.indicators.enumerated().compactMap { index, row in
            guard let target = row.target.quantity, let actual = row.actual.quantity,
                !target.unit.text.isEmpty, !actual.unit.text.isEmpty,
                !actual.unit.isCompatible(with: target.unit)
            else { return nil }
            return Violation(
                at: "indicators[\(index)].actual",
                "指标“\(row.name)”的\(FieldVocabulary.Indicators.actual.label)单位“\(actual.unit.text)”与指标值“\(row.target.text)”的单位“\(target.unit.text)”不一致",
                expected: target.unit.text, actual: actual.unit.text)
        }
    }
}
