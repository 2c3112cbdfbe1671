/// SE.GRADE.020: the printed 等级 must be the grade of the recomputed total (`FormScore.grade`).
///
/// When the printed total is wrong, a grade that follows it is wrong too (seed 003 社会保障卡工本费支出:
/// 96.03 优 printed, 86.03 良 recomputed). Error. When the printed and the recomputed totals fall in the
/// same grade, a wrong grade is a slip against the printed total and SE.GRADE.010 reports it alone.
public struct GradeDiffersAfterRecomputationCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.GRADE.020", slug: "grade-differs-after-recomputation", name: "重新计算后等级改变",
        summary: "按表内数字重新计算的总分对应的等级与表上等级不同（表上总分与重算总分不在同一档）。",
        basis: "财预〔2020〕10号 等级划分；总分 = 预算执行率得分 + 各项指标得分。",
        defaultSeverity: .error, scope: .selfEvaluation,
        tolerance: "重算总分四舍五入到 2 位后分档，下限含本数",
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(ExampleForms.selfEvaluation { $0.printedGrade = "良" }),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[4].score = "25"
                    $0.indicators[4].deviation = "部分业务仍需优化。"
                }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[4].score = "15"
                    $0.indicators[4].deviation = "部分业务仍需优化。"
                }, expect: [ExpectedFinding(at: "grade", expected: "良", actual: "优")]),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[4].score = "15"
                    $0.indicators[4].deviation = "部分业务仍需优化。"
                    $0.printedTotal = "总分"
                }, expect: [ExpectedFinding(at: "grade", expected: "良", actual: "优")]),
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        let score = context.score(form)
        guard score.execution.problem != .missingAmounts, let grade = score.grade, let printed = score.printedGrade,
            printed != grade, score.gradeOfPrintedTotal != grade
        else { return [] }
        let label = { context.policy.label(of: $0) }
        return [
            Violation(
                at: "grade",
                "按表内数字重新计算总分为 \(DecimalText.fixed(score.total))，等级应为“\(label(grade))”，表上为“\(form.printedGrade ?? "")”",
                expected: label(grade), actual: label(printed))
        ]
    }
}
