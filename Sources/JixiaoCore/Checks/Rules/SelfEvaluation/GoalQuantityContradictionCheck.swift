/// SE.GOAL.010: the 年度目标 states a quantity of the same thing, in the same unit, as an indicator's target,
/// and the two differ (宁夏 web-16: 目标“采购马铃薯原原种425万粒”, 指标“免费发放原原种” 550万粒).
///
/// Read only where it is unambiguous (`GoalText.quantityContradictions`): per unit, the goal's quantities and
/// the targets that equal one another are set aside; exactly one of each must be left, and the indicator's name
/// and the text before the goal's number must end alike. Percentages and money are not compared. Warning.
public struct GoalQuantityContradictionCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.GOAL.010", slug: "goal-quantity-contradiction", name: "年度目标数量与指标值不符",
        summary: "年度目标写明的数量（如“原原种425万粒”）与同一事物、同一计量单位的指标值（550万粒）不一致；只在能一一对应时报告，不比较百分比和金额。",
        basis: "财预〔2020〕10号 附件1：绩效指标是年度目标的细化，应与目标一致；已公开自评表中有目标 425万粒、指标 550万粒的情况。",
        defaultSeverity: .warning, scope: .selfEvaluation,
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(ExampleForms.selfEvaluation { $0.goals.annual = "完成设备维护10台。" }),
            // Two quantities of 台 left unmatched for one target: which is which cannot be told.
            CheckExample(ExampleForms.selfEvaluation { $0.goals.annual = "完成设备维护8台，设备更换2台。" }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation { $0.goals.annual = "完成设备维护8台。" },
                expect: [ExpectedFinding(at: "goals.annual", expected: "≥10台", actual: "8台")])
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        GoalText.quantityContradictions(
            goal: form.goals.annual, goalPath: "goals.annual", rows: GoalText.Row.rows(of: form))
    }
}
