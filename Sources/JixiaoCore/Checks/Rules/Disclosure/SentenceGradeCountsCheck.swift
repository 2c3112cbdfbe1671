/// DS.GRADE.010: the grade counts A–D of a 决算公开's summary sentence must be those of the recomputed
/// grades of the attached self-evaluations.
///
/// Seed 003 claims 4 优, as printed on its forms; recomputed from the forms' own scores one of them is 良.
public struct SentenceGradeCountsCheck: DisclosureCheck {
    public static let description = CheckDescription(
        id: "DS.GRADE.010", slug: "summary-grade-counts", name: "汇总句等级个数与重算不符",
        summary: "汇总句中各等级的项目个数与所附自评表按表内得分重算的等级个数不一致（只比较句中写出的等级）；消息列出表上等级和重算等级不同的表。",
        basis: "等级由总分决定（90/80/60，docs/domain.md §4）；汇总句按表上等级计数时，会把总分算错的表计入错误的等级。",
        defaultSeverity: .error, scope: .disclosure,
        passing: [
            CheckExample(
                [ExampleForms.selfEvaluation()],
                disclosure: ExampleForms.summarySentence(count: 1, funds: "100.00", grades: [1, 0, 0, 0])),
            // Only the grades the sentence names are compared.
            CheckExample([ExampleForms.selfEvaluation()], disclosure: "2023年二级项目绩效自评个数1个，其中优1个。"),
        ],
        failing: [
            // Printed 优 with a total of 100, but the scores add up to 85: recomputed 良.
            CheckExample(
                [
                    ExampleForms.selfEvaluation {
                        $0.indicators[4].score = "15"
                        $0.printedTotal = "100"
                    }
                ],
                disclosure: ExampleForms.summarySentence(count: 1, funds: "100.00", grades: [1, 0, 0, 0]),
                expect: [
                    ExpectedFinding(
                        document: "summarySentences[0].grades",
                        expected: "优 0、良 1、中 0、差 0", actual: "优 1、良 0、中 0、差 0")
                ]),
            CheckExample(
                [ExampleForms.selfEvaluation()], disclosure: "2023年二级项目绩效自评个数1个，其中优0个、良1个。",
                expect: [
                    ExpectedFinding(
                        document: "summarySentences[0].grades",
                        expected: "优 1、良 0", actual: "优 0、良 1")
                ]),
        ])

    public init() {}

    public func check(_ disclosure: Disclosure, context: CheckContext) -> [Violation] {
        disclosure.summarySentences.enumerated().compactMap { index, sentence in
            let named = Grade.allCases.filter { sentence.grades[$0] != nil }
            guard !named.isEmpty else { return nil }
            let tally = disclosure.summaryTally(index, policy: context.policy)
            let recomputed = { (grade: Grade) in tally?.recomputedGrades[grade] ?? 0 }
            guard named.contains(where: { sentence.grades[$0] != recomputed($0) }) else { return nil }
            let counts = { (count: (Grade) -> Int) in named.map { "\($0.label) \(count($0))" }.joined(separator: "、") }
            var message = "汇总句的等级个数与按表内得分重算的等级不符"
            if let tally {
                message += "（表上等级：\(counts { tally.printedGrades[$0] })）"
                let changed = tally.counted.filter { $0.form.printedGradeValue != $0.score.grade }.map {
                    "“\($0.form.project)”表上“\($0.form.printedGrade ?? "")”（总分 \($0.form.printedTotal.text)），重算“\($0.score.gradeLabel)”（\(DecimalText.fixed($0.score.total))）"
                }
                if !changed.isEmpty { message += "：" + changed.joined(separator: "；") }
            }
            return Violation(
                at: "summarySentences[\(index)].grades", message,
                expected: counts(recomputed), actual: counts { sentence.grades[$0] ?? 0 })
        }
    }
}
