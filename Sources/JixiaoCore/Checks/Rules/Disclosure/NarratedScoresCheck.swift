import Foundation

/// DS.SCORE.010: a project's scores narrated in the document's text (“该项目预算执行情况得分10分，指标完成情况得分
/// 88分，总分98分”) must be those of the project's self-evaluation in the same document: as printed on the form
/// and as recomputed from its own cells.
public struct NarratedScoresCheck: DisclosureCheck {
    public static let description = CheckDescription(
        id: "DS.SCORE.010", slug: "narrated-project-scores", name: "文中叙述的项目得分与自评表不符",
        summary:
            "文中叙述某项目“预算执行情况得分X分”“指标完成情况得分Y分”（或产出、效益、满意度指标得分）“总分Z分”，与同一文档中该项目自评表上印的得分或按表内得分重算的结果不同（预算执行得分、总分比较表上数和重算数；指标得分比较表内各行得分之和）。项目按句中或前文点到的项目名称、或叙述所在的自评表确定；找不到对应自评表的叙述不比较。",
        basis: "叙述与附表说的是同一张自评表（docs/domain.md §8）；两处得分不同，读者无法判断哪一处是真实结果。",
        defaultSeverity: .warning, scope: .disclosure,
        tolerance: "按叙述中得分的小数位四舍五入后比较（叙述“96分”与 95.5 相符）",
        passing: [
            CheckExample(
                [ExampleForms.selfEvaluation()],
                disclosure: "示例项目预算执行情况得分10分，绩效指标完成情况得分90分，总分100分，自评等级为优。"),
            // The project named on the line before; the levels' sums.
            CheckExample(
                [ExampleForms.selfEvaluation()],
                disclosure: "（一）示例项目\n该项目产出指标得分50分，效益指标得分30分，满意度指标得分10分。"),
            // No form of the project named: nothing to compare.
            CheckExample([ExampleForms.selfEvaluation()], disclosure: "另一工程项目自评得分85分。"),
        ],
        failing: [
            CheckExample(
                [ExampleForms.selfEvaluation()],
                disclosure: "示例项目预算执行情况得分10分，指标完成情况得分88分，总分98分。",
                expect: [
                    ExpectedFinding(document: "scoreNarrations[0].indicators", expected: "90", actual: "88"),
                    ExpectedFinding(document: "scoreNarrations[0].total", expected: "表上 100、重算 100", actual: "98"),
                ]),
            // The form prints 100 but its cells add up to 85: a narrated 100 repeats the printed error.
            CheckExample(
                [
                    ExampleForms.selfEvaluation {
                        $0.indicators[4].score = "15"
                        $0.printedTotal = "100"
                    }
                ],
                disclosure: "（一）示例项目\n该项目自评得分100分。",
                expect: [ExpectedFinding(document: "scoreNarrations[0].total", expected: "表上 100、重算 85", actual: "100")]
            ),
        ])

    public init() {}

    public func check(_ disclosure: Disclosure, context: CheckContext) -> [Violation] {
        disclosure.scoreNarrations.indices.flatMap { index -> [Violation] in
            guard let formIndex = disclosure.form(narratedBy: index),
                case .selfEvaluation(let form) = disclosure.forms[formIndex]
            else { return [] }
            let narration = disclosure.scoreNarrations[index]
            let score = FormScore(form, policy: context.policy)
            return ScoreNarration.Part.allCases.compactMap { part -> Violation? in
                guard let narrated = narration.scores[part], narrated.value != nil,
                    let values = Self.formValues(part, form, score)
                else { return nil }
                let differs = [values.printed, values.recomputed].compactMap { $0 }.contains {
                    !SentenceText.equalAsPrinted(narrated, $0)
                }
                guard differs else { return nil }
                let expected = Self.describe(values)
                let place = form.source?.firstLine.map { "（第 \($0) 行起的自评表）" } ?? ""
                return Violation(
                    at: "scoreNarrations[\(index)].\(part.rawValue)",
                    "文中称“\(form.project)”\(part.label) \(narrated.text) 分，自评表\(place)为 \(expected)",
                    expected: expected, actual: narrated.text)
            }
        }
    }

    /// What the form says for one narrated part: as printed (nil for a sum of rows, which no cell prints) and
    /// as recomputed; nil when the form has nothing to compare (an unscored form's indicators, a level it
    /// has no rows of).
    static func formValues(
        _ part: ScoreNarration.Part, _ form: SelfEvaluation, _ score: FormScore
    ) -> (
        printed: Decimal?, recomputed: Decimal?
    )? {
        switch part {
        case .execution:
            return (form.funds.total.score.points, score.execution.score)
        case .total:
            return score.isUnscored ? nil : (form.printedTotal.points, score.total)
        case .indicators:
            return score.isUnscored ? nil : (nil, score.enteredSum)
        case .output, .benefit, .satisfaction:
            let level = part.level1 ?? ""
            let rows = zip(form.indicators, score.indicators).filter { $0.0.level1.contains(level) && $0.1.isScored }
            guard !score.isUnscored, !rows.isEmpty else { return nil }
            return (nil, rows.reduce(Decimal(0)) { $0 + ($1.1.entered ?? 0) })
        }
    }

    /// `表上 100、重算 85`, or the one value when only one is known.
    static func describe(_ values: (printed: Decimal?, recomputed: Decimal?)) -> String {
        switch (values.printed, values.recomputed) {
        case (let printed?, let recomputed?): "表上 \(DecimalText.plain(printed))、重算 \(DecimalText.plain(recomputed))"
        case (let printed?, nil): DecimalText.plain(printed)
        case (nil, let recomputed?): DecimalText.plain(recomputed)
        case (nil, nil): "—"
        }
    }
}
