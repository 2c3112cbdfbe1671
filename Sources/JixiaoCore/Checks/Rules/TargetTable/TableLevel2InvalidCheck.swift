/// TG.IND.070: a filled indicator row with a missing, invalid or non-standard 二级 label.
///
/// The 目标表 template prints fixed 二级 labels (数量指标 … 成本指标, 经济效益 … 可持续影响, 服务对象满意度);
/// extraction loses some, and hand-edited tables shorten others (`经济类`, `可持续`, `服务对象`). Readable
/// variants are still reported, since the 二级 is how 年度 rows are matched to 实施期 rows and to the later
/// self-evaluation. Empty template rows are left alone. Warning.
public struct TableLevel2InvalidCheck: TargetTableCheck {
    public static let description = CheckDescription(
        id: "TG.IND.070", slug: "table-level2-invalid", name: "目标表二级指标缺失或不规范",
        summary: "已填写的指标行应有标准写法的二级指标，且属于该行的一级指标；“经济类”“生态类”“可持续”“服务对象”等简写也予以提示。",
        basis: "山西省省级项目支出绩效目标表模板的二级指标栏；财预〔2020〕10号 附件2 指标体系框架。",
        defaultSeverity: .warning, scope: .targetTable,
        passing: [
            CheckExample(ExampleForms.targetTable()),
            CheckExample(ExampleForms.targetTable { $0.indicators.period?[4].level2 = "社会效益指标" }),
            CheckExample(
                ExampleForms.targetTable {
                    $0.indicators.period?.append(
                        TargetTable.Indicator(level1: "效益指标", level2: "生态类", name: "", value: ""))
                }),
        ],
        failing: [
            CheckExample(
                ExampleForms.targetTable {
                    $0.indicators.period?[4].level2 = "经济类"
                    $0.indicators.period?[5].level2 = "服务对象"
                    $0.indicators.annual[0].level2 = ""
                },
                expect: [
                    ExpectedFinding(at: "indicators.period[4].level2", expected: "经济效益", actual: "经济类"),
                    ExpectedFinding(at: "indicators.period[5].level2", expected: "服务对象满意度", actual: "服务对象"),
                    ExpectedFinding(at: "indicators.annual[0].level2", actual: ""),
                ]),
            CheckExample(
                ExampleForms.targetTable { $0.indicators.period?[0].level2 = "满意度" },
                expect: [ExpectedFinding(at: "indicators.period[0].level2", actual: "满意度")]),
        ])

    public init() {}

    public func check(_ table: TargetTable, context: CheckContext) -> [Violation] {
        table.allFilledRows.compactMap { filled -> Violation? in
            let row = filled.row
            guard
                let problem = Level2LabelProblem.of(
                    row.level2, level1: row.printedLevel1, requireStandardSpelling: true)
            else { return nil }
            return Violation(
                at: "\(filled.path).level2", "\(filled.half.label)指标“\(row.name)”：\(problem.describe(row.level2))",
                expected: problem.expectedLabel, actual: row.level2)
        }
    }
}
