/// SE.VAL.010: a quantitative target (计算符号 + 数值) needs a numeric 实际完成值.
///
/// The platform renders actuals as operator + number + unit, so `≥18次` is read as 18; anything else
/// (free text, a blank) leaves the row unscorable by the formulas. A 达成/部分达成/未达成 outcome is accepted:
/// the scoring engine treats it as a qualitative score. Error: without a number the row's score cannot be
/// checked at all.
public struct ActualNotNumericCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.VAL.010", slug: "actual-not-numeric", name: "定量指标实际完成值不是数值",
        summary: "调整后指标值为定量（计算符号加数值）时，实际完成值去掉计算符号和计量单位后应为数值，或为达成/部分达成/未达成之一。",
        basis: "财预〔2020〕10号 附件1：定量指标按实际完成值与指标值的比例计分；平台以“计算符号+值+计量单位”填写实际完成值。",
        defaultSeverity: .error, scope: .selfEvaluation,
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(ExampleForms.selfEvaluation { $0.indicators[0].actual = IndicatorValue("≥11台") }),
            CheckExample(ExampleForms.selfEvaluation { $0.indicators[1].actual = IndicatorValue("达成预期指标") }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation { $0.indicators[0].actual = IndicatorValue("已全部完成") },
                expect: [ExpectedFinding(at: "indicators[0].actual", expected: "数值", actual: "已全部完成")]),
            CheckExample(
                ExampleForms.selfEvaluation { $0.indicators[5].actual = IndicatorValue("") },
                expect: [ExpectedFinding(at: "indicators[5].actual", expected: "数值", actual: "")]),
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        form.indicators.enumerated().compactMap { index, row in
            guard row.target.comparisonOperator != nil else { return nil }
            switch row.actual.reading {
            case .quantity, .outcome: return nil
            case .empty, .qualitative, .notFilled, .unparsed:
                let shown = row.actual.isEmpty ? "为空" : "“\(row.actual.text)”不是数值"
                return Violation(
                    at: "indicators[\(index)].actual",
                    "指标“\(row.name)”的指标值为定量“\(row.target.text)”，\(FieldVocabulary.Indicators.actual.label)\(shown)",
                    expected: "数值", actual: row.actual.text)
            }
        }
    }
}
