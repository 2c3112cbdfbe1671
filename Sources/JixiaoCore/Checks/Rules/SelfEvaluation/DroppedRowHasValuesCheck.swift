/// SE.SX.020 (Shanxi): a row dropped at adjustment (年初指标值 set, 调整后指标值 empty) should carry no
/// 实际完成值 and no 得分.
///
/// The Shanxi platform leaves such a row unfilled and unscored ("整行不应该填写"; docs/domain.md §4.2, E9), so a
/// value on it was either meant for a target that is missing or will be silently ignored. Warning: the
/// total is unaffected, but what the unit reported is lost. Runs only under a policy that skips dropped
/// rows; a 分值 alone is tolerated (the template prints it).
public struct DroppedRowHasValuesCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.SX.020", slug: "dropped-row-has-values", name: "调整时取消的指标仍有填报值",
        summary: "（山西）年初指标值已填、调整后指标值为空的指标不计分，不应再填实际完成值或得分。",
        basis: "山西预算管理一体化平台规则：年度指标值为空的指标整行不填写、得分不填。",
        defaultSeverity: .warning, scope: .selfEvaluation,
        passing: [
            CheckExample(ExampleForms.selfEvaluation(), policy: .shanxi),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators.append(ExampleForms.droppedRow())
                }, policy: .shanxi),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators.append(ExampleForms.droppedRow(actual: "2台", weight: ""))
                }, policy: .national),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators.append(ExampleForms.droppedRow(actual: "2台", weight: ""))
                }, expect: [ExpectedFinding(at: "indicators[6].actual", actual: "2台")], policy: .shanxi),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators.append(ExampleForms.droppedRow(score: "10"))
                }, expect: [ExpectedFinding(at: "indicators[6].score", actual: "10")], policy: .shanxi),
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        guard context.policy.skipsDroppedIndicators else { return [] }
        return form.indicators.enumerated().compactMap { index, row in
            guard row.isDroppedAtAdjustment else { return nil }
            let filled: (field: String, label: String, text: String)
            if !row.actual.isEmpty {
                filled = ("actual", FieldVocabulary.Indicators.actual.label, row.actual.text)
            } else if !row.score.isBlank {
                filled = ("score", "得分", row.score.text)
            } else {
                return nil
            }
            return Violation(
                at: "indicators[\(index)].\(filled.field)",
                "指标“\(row.name)”\(FieldVocabulary.Indicators.initialTarget.label)为“\(row.initialTarget.text)”、\(FieldVocabulary.Indicators.adjustedTarget.label)为空（调整时取消，不计分），却填写了\(filled.label)“\(filled.text)”",
                actual: filled.text)
        }
    }
}
