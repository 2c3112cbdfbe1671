/// SE.STRUCT.080: an indicator row with a value, a 分值 or a 得分 but no 三级 name.
///
/// Without a name nobody can tell what was measured, yet the row's points count in the total (seed 003
/// 社会保障卡工作经费: the 满意度 row). Empty template rows (a 二级 label and nothing else) are not
/// indicators and are left alone. Warning.
public struct IndicatorWithoutNameCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.STRUCT.080", slug: "indicator-without-name", name: "指标有值无名称",
        summary: "填有指标值、实际完成值、分值或得分的指标行应有三级指标名称（空白模板行除外）。",
        basis: "财预〔2020〕10号 附件1 自评表：三级指标为考核内容，指标值与得分依附于它。",
        defaultSeverity: .warning, scope: .selfEvaluation,
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators.append(
                        .init(
                            level1: "效益指标", level2: "生态效益指标", name: "", adjustedTarget: "", actual: "",
                            weight: "", score: ""))
                }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation { $0.indicators[5].name = "" },
                expect: [ExpectedFinding(at: "indicators[5].name", actual: "≥90%")])
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        form.indicators.enumerated().compactMap { index, row in
            guard row.name.withoutWhitespace.isEmpty, !row.isTemplateRow else { return nil }
            let shown = [row.target.text, row.actual.text].first { !$0.withoutWhitespace.isEmpty } ?? row.weight.text
            return Violation(
                at: "indicators[\(index)].name",
                "第 \(index + 1) 行指标（\(row.level2.withoutWhitespace.isEmpty ? row.level1 : row.level2)）填有数值“\(shown)”，但没有三级指标名称",
                actual: shown)
        }
    }
}
