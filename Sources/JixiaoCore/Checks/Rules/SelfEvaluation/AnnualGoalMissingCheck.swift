/// SE.STRUCT.040: the 年度目标 is empty, or only a grade word (`优`).
///
/// The goal is what the indicators are set against; a grade in its place is a form filled in the wrong
/// cell. Warning: the scores may be right, but the form does not say what was to be achieved.
public struct AnnualGoalMissingCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.STRUCT.040", slug: "annual-goal-missing", name: "年度目标缺失",
        summary: "项目年度绩效目标（年度目标）不应为空，也不应只写等级（优、良、中、差）。",
        basis: "财预〔2020〕10号 附件1 自评表“年度总体目标”栏：填写预期目标及实际完成情况。",
        defaultSeverity: .warning, scope: .selfEvaluation,
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(ExampleForms.selfEvaluation { $0.goals.annual = "优化服务流程。" }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation { $0.goals.annual = "优" },
                expect: [ExpectedFinding(at: "goals.annual", actual: "优")]),
            CheckExample(
                ExampleForms.selfEvaluation { $0.goals.annual = " " },
                expect: [ExpectedFinding(at: "goals.annual", actual: " ")]),
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        let goal = form.goals.annual.withoutWhitespace
        if goal.isEmpty {
            return [Violation(at: "goals.annual", "年度目标为空", actual: form.goals.annual)]
        }
        if let grade = Grade(rawValue: goal) {
            return [Violation(at: "goals.annual", "年度目标只写了等级“\(grade.label)”，没有写目标内容", actual: form.goals.annual)]
        }
        return []
    }
}
