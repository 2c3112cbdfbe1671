/// SE.STRUCT.010: every indicator row needs a valid 二级 label that belongs to its 一级.
///
/// PDF extraction and hand-made forms lose or shift labels: an empty 二级, an indicator name printed in the
/// 二级 column (`业务能力提升度`), a 二级 under the wrong 一级. Labels are never re-assigned silently; the
/// row is reported. Warning: the row can still be scored, but the 一级 weight split may be wrong.
public struct Level2InvalidCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.STRUCT.010", slug: "level2-invalid", name: "二级指标缺失或无效",
        summary: "每个指标行应有二级指标，且为所属一级指标下的有效二级指标（产出：数量、质量、时效、成本；效益：经济、社会、生态、可持续影响；满意度：服务对象满意度）。",
        basis: "财预〔2020〕10号 附件2 项目支出绩效评价指标体系框架；山西模板成本指标列于产出指标下。",
        defaultSeverity: .warning, scope: .selfEvaluation,
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(ExampleForms.selfEvaluation { $0.indicators[5].level2 = "服务对象满意度" }),
            CheckExample(ExampleForms.selfEvaluation { $0.indicators[3].level1 = "成本指标" }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation { $0.indicators[5].level2 = "" },
                expect: [ExpectedFinding(at: "indicators[5].level2", actual: "")]),
            CheckExample(
                ExampleForms.selfEvaluation { $0.indicators[4].level2 = "业务正常运转保障度" },
                expect: [ExpectedFinding(at: "indicators[4].level2", actual: "业务正常运转保障度")]),
            CheckExample(
                ExampleForms.selfEvaluation { $0.indicators[0].level2 = "社会效益指标" },
                expect: [ExpectedFinding(at: "indicators[0].level2", actual: "社会效益指标")]),
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        form.indicators.enumerated().compactMap { index, row in
            guard !row.isTemplateRow,
                let problem = Level2LabelProblem.of(row.level2, level1: row.level1Value, requireStandardSpelling: false)
            else { return nil }
            return Violation(
                at: "indicators[\(index)].level2", "指标“\(row.name)”：\(problem.describe(row.level2))",
                actual: row.level2)
        }
    }
}
