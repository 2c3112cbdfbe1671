/// SE.VAL.090: the 实际完成值 is the target copied, operator included (`≥266米` under `≥266米`).
///
/// An actual states what was measured; written with the target's 计算符号 and number it states only that
/// the target holds, and the full score rests on no measurement. (An operator before a different number,
/// — `≥18次` under `≥5次` — is a measurement and not concerned.) Under a policy whose platform prints every
/// actual with its operator (Shanxi, `actualsCarryOperator`), `≥15台` under `≥15台` means 15 and nothing is
/// reported. The same holds, under any policy, on a form that itself shows the convention: when one of its
/// actuals carries an operator before a number other than its target's (`≥18次` under `≥5次`, `≤4.5万元` under
/// `≤20万元`), the operator is how the form writes measurements, and an equal one (`≥15台` under `≥15台`) is a
/// measurement that met the target exactly. Warning: the reviewer should ask for the measured value.
public struct ActualCopiesTargetCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.VAL.090", slug: "actual-copies-target", name: "实际完成值照抄指标值",
        summary: "实际完成值带有与指标值相同的计算符号和数值（如指标值“≥266米”、实际完成值“≥266米”），是照抄指标值而非实际测得的数值。",
        basis: "财预〔2020〕10号 附件1：实际完成值填写实际完成的数值；已公开自评表中有整列照抄指标值的情况。",
        defaultSeverity: .warning, scope: .selfEvaluation,
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(
                ExampleForms.selfEvaluation { $0.indicators[1].actual = IndicatorValue("≥95%") }, policy: .shanxi),
            CheckExample(ExampleForms.selfEvaluation { $0.indicators[0].actual = IndicatorValue("≥18台") }),
            CheckExample(ExampleForms.selfEvaluation { $0.indicators[0].actual = IndicatorValue("10台") }),
            // The form writes its measurements with operators (≥18台 under ≥10台): ≥95% under ≥95% is measured.
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[0].actual = IndicatorValue("≥18台")
                    $0.indicators[1].actual = IndicatorValue("≥95%")
                }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation { $0.indicators[1].actual = IndicatorValue("≥95%") },
                expect: [ExpectedFinding(at: "indicators[1].actual", expected: "≥95%", actual: "≥95%")])
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        guard !context.policy.actualsCarryOperator, !Self.writesMeasurementsWithOperators(form) else { return [] }
        return form.indicators.enumerated().compactMap { index, row in
            guard case (let actualOp, let actual, let targetOp, let target)? = Self.operatorActual(row),
                actualOp == targetOp, actual.number == target.number
            else { return nil }
            return Violation(
                at: "indicators[\(index)].actual",
                "指标“\(row.name)”的\(FieldVocabulary.Indicators.actual.label)“\(row.actual.text)”照抄了指标值“\(row.target.text)”（含计算符号），应填写实际完成的数值",
                expected: row.target.text, actual: row.actual.text)
        }
    }

    /// A row whose actual and target both carry an operator, in compatible units (a bare actual is in the
    /// target's unit).
    static func operatorActual(
        _ row: SelfEvaluation.Indicator
    ) -> (
        ComparisonOperator, IndicatorValue.Quantity, ComparisonOperator, IndicatorValue.Quantity
    )? {
        guard case .quantity(let actualOp?, let actual) = row.actual.reading,
            case .quantity(let targetOp?, let target) = row.target.reading,
            actual.unit.text.isEmpty || actual.unit.isCompatible(with: target.unit)
        else { return nil }
        return (actualOp, actual, targetOp, target)
    }

    /// Whether the form writes measured actuals with an operator: some actual carries one before a number
    /// that is not its target's.
    static func writesMeasurementsWithOperators(_ form: SelfEvaluation) -> Bool {
        form.indicators.contains { row in
            guard case (_, let actual, _, let target)? = operatorActual(row),
                let measured = IndicatorScoring.baseValue(of: actual, against: target)
            else { return false }
            return measured != target.baseValue
        }
    }
}
