/// SE.VAL.050: the 年初指标值 and the 调整后指标值 differ.
///
/// An adjustment is allowed, but it changes what is scored, so a reviewer should see it: some are real
/// revisions, others are transcription slips that read as adjustments (`地教师工资水平` vs
/// `当地教师工资水平`). Notice: nothing is wrong until a reviewer says so.
public struct TargetAdjustedCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.VAL.050", slug: "target-adjusted", name: "指标值已调整",
        summary: "年初指标值与调整后指标值均已填写但不相同：请确认调整有据，或为录入差错。",
        basis: "财预〔2020〕10号 附件1 区分年初指标值与调整后（年度）指标值，按调整后指标值评分。",
        defaultSeverity: .notice, scope: .selfEvaluation,
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(ExampleForms.selfEvaluation { $0.indicators[0].initialTarget = IndicatorValue("≥10 台") }),
            CheckExample(ExampleForms.selfEvaluation { $0.indicators[0].initialTarget = IndicatorValue("") }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation { $0.indicators[0].initialTarget = IndicatorValue("≥8台") },
                expect: [ExpectedFinding(at: "indicators[0].adjustedTarget", expected: "≥8台", actual: "≥10台")])
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        form.indicators.enumerated().compactMap { index, row in
            guard !row.initialTarget.isEmpty, !row.adjustedTarget.isEmpty,
                row.initialTarget.text.withoutWhitespace != row.adjustedTarget.text.withoutWhitespace
            else { return nil }
            return Violation(
                at: "indicators[\(index)].adjustedTarget",
                "指标“\(row.name)”的\(FieldVocabulary.Indicators.initialTarget.label)“\(row.initialTarget.text)”调整为“\(row.adjustedTarget.text)”",
                expected: row.initialTarget.text, actual: row.adjustedTarget.text)
        }
    }
}
