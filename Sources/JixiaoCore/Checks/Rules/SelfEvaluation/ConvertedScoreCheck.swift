import Foundation

/// SE.SCORE.090: where the form prints a 权重(%) column, 折算得分 must be 得分 × 权重 %, and the weight must
/// not be applied twice.
///
/// Some layouts print each row's share of the total (权重占比) and a converted score (单项指标折算得分). The
/// converted score is round2(得分 × 权重 / 100); a different figure is an arithmetic slip (error). When the
/// 得分 is already in points equal to the share (得分 25 with 权重 25 %), multiplying again shrinks a fully
/// met form to a fraction (河北 成安县: Σ折算得分 22.5 for rows all 完成, Σ得分 90): reported once, as a
/// warning, since which column the total uses is not printed.
public struct ConvertedScoreCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.SCORE.090", slug: "converted-score", name: "折算得分与得分、权重不符",
        summary: "有权重(%)栏时，折算得分应等于得分 × 权重%（四舍五入到 2 位）；得分已按权重计分时再乘权重即重复折算。",
        basis: "已公开自评表的“单项指标得分 | 权重占比(%) | 单项指标折算得分”栏：折算得分 = 得分 × 权重。",
        defaultSeverity: .error, scope: .selfEvaluation, tolerance: "四舍五入到 2 位；容差 0",
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[0].scoreCoefficient = "100%"
                    $0.indicators[0].weightPercent = "100"
                    $0.indicators[0].convertedScore = "15"
                }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[0].weightPercent = "50"
                    $0.indicators[0].convertedScore = "7"
                }, expect: [ExpectedFinding(at: "indicators[0].convertedScore", expected: "7.50", actual: "7")]),
            CheckExample(
                ExampleForms.selfEvaluation {
                    for index in $0.indicators.indices {
                        let row = $0.indicators[index]
                        $0.indicators[index].weightPercent = row.score
                        $0.indicators[index].convertedScore = EnteredNumber(
                            DecimalText.fixed((row.score.value ?? 0) * (row.score.value ?? 0) / 100))
                    }
                },
                expect: [ExpectedFinding(at: "indicators", expected: "90", actual: "16.50", severity: .warning)]),
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        var findings: [Violation] = []
        var doubled: [(score: Decimal, converted: Decimal)] = []
        var rowsWithColumn = 0
        for (index, row) in form.indicators.enumerated() {
            guard let percentCell = row.weightPercent, let convertedCell = row.convertedScore else { continue }
            rowsWithColumn += 1
            guard let score = row.score.points, let percent = percentCell.percent, let converted = convertedCell.points
            else { continue }
            let expected = (score * percent / 100).round2
            if converted != expected {
                findings.append(
                    Violation(
                        at: "indicators[\(index)].convertedScore",
                        "指标“\(row.name)”折算得分 \(convertedCell.text) 不等于得分 \(row.score.text) × 权重 \(percentCell.text)% = \(DecimalText.fixed(expected))",
                        expected: DecimalText.fixed(expected), actual: convertedCell.text))
            } else if score == percent, score > 0 {
                doubled.append((score, converted))
            }
        }
        if rowsWithColumn > 0, doubled.count == rowsWithColumn {
            let scores = doubled.reduce(Decimal(0)) { $0 + $1.score }
            let converted = doubled.reduce(Decimal(0)) { $0 + $1.converted }
            findings.append(
                Violation(
                    at: "indicators",
                    "各行得分已等于其权重占比（得分合计 \(DecimalText.plain(scores))），折算得分再乘权重，合计只有 \(DecimalText.fixed(converted))：权重被重复计算",
                    expected: DecimalText.plain(scores), actual: DecimalText.fixed(converted), severity: .warning))
        }
        return findings
    }
}
