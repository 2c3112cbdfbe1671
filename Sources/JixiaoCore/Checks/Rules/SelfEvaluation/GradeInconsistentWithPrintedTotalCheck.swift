/// SE.GRADE.010: the printed 等级 must be the grade of the printed 总分 (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差).
///
/// A grade that contradicts the total beside it is wrong whatever the rows say. Error. Skipped when the
/// total or the grade cannot be read.
public struct GradeInconsistentWithPrintedTotalCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.GRADE.010", slug: "grade-inconsistent-with-printed-total", name: "等级与表上总分不符",
        summary: "表上等级应与表上总分对应：90 分（含）以上为优，80（含）至 90 为良，60（含）至 80 为中，60 以下为差。",
        basis: "财预〔2020〕10号：自评结果 90（含）以上为优、80（含）—90 为良、60（含）—80 为中、60 以下为差。",
        defaultSeverity: .error, scope: .selfEvaluation,
        tolerance: "总分四舍五入到 2 位后分档，下限含本数",
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.printedTotal = "80.00"
                    $0.printedGrade = "良"
                }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation { $0.printedGrade = "良" },
                expect: [ExpectedFinding(at: "grade", expected: "优", actual: "良")]),
            CheckExample(
                ExampleForms.selfEvaluation { $0.printedTotal = "89.99" },
                expect: [ExpectedFinding(at: "grade", expected: "良", actual: "优")]),
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        let score = context.score(form)
        guard let printed = score.printedGrade, let deserved = score.gradeOfPrintedTotal, printed != deserved else {
            return []
        }
        return [
            Violation(
                at: "grade", "等级“\(form.printedGrade ?? "")”与表上总分 \(form.printedTotal.text) 不符，应为“\(deserved.label)”",
                expected: deserved.label, actual: printed.label)
        ]
    }
}
