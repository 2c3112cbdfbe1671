/// Small, consistent forms for the catalogue's examples. Each passes every rule as it is; an example edits
/// one thing so that exactly the rule under test fires.
public enum ExampleForms {
    /// A national-layout self-evaluation that is right in every respect: 100万元 budget fully executed,
    /// 产出 50 (15+15+10+10) + 效益 30 + 满意度 10, all targets met, total 100, grade 优.
    public static func selfEvaluationValue(_ edit: (inout SelfEvaluation) -> Void = { _ in }) -> SelfEvaluation {
        let row = SelfEvaluation.FundsRow(
            declared: "100", compiled: "100", fullYearBudget: "100", executed: "100",
            balance: "0", rate: "100", score: "10", deviation: "")
        var source = row
        source.source = "省级财政资金"
        var form = SelfEvaluation(
            year: 2023, project: "示例项目", department: CodedName("209-示例厅"), agency: CodedName("209100-示例局"),
            funds: SelfEvaluation.Funds(total: row, sources: [source]),
            goals: SelfEvaluation.Goals(annual: "完成示例设备维护任务。", completion: "全年完成设备维护任务。"),
            indicators: [
                .init(
                    level1: "产出指标", level2: "数量指标", name: "设备维护数量", initialTarget: "≥10台",
                    adjustedTarget: "≥10台", actual: "11台", weight: "15", score: "15"),
                .init(
                    level1: "产出指标", level2: "质量指标", name: "设备完好率", initialTarget: "≥95%",
                    adjustedTarget: "≥95%", actual: "96%", weight: "15", score: "15"),
                .init(
                    level1: "产出指标", level2: "时效指标", name: "维修响应及时性", initialTarget: "及时",
                    adjustedTarget: "及时", actual: "达成预期指标", weight: "10", score: "10"),
                .init(
                    level1: "产出指标", level2: "成本指标", name: "设备维护成本", initialTarget: "≤100万元",
                    adjustedTarget: "≤100万元", actual: "100万元", weight: "10", score: "10"),
                .init(
                    level1: "效益指标", level2: "社会效益指标", name: "业务正常运转保障度", initialTarget: "保障",
                    adjustedTarget: "保障", actual: "达成预期指标", weight: "30", score: "30"),
                .init(
                    level1: "满意度指标", level2: "服务对象满意度指标", name: "使用人员满意度", initialTarget: "≥90%",
                    adjustedTarget: "≥90%", actual: "92%", weight: "10", score: "10"),
            ],
            printedTotal: "100", printedGrade: "优",
            analysis: SelfEvaluation.Analysis(
                execution: "全年预算100万元，执行100万元，执行率100%。", output: "完成设备维护11台。",
                benefit: "保障了业务正常运转。", satisfaction: "使用人员满意度92%。",
                experience: "按计划组织实施。", problems: "无", improvements: "无"))
        edit(&form)
        return form
    }

    public static func selfEvaluation(_ edit: (inout SelfEvaluation) -> Void = { _ in }) -> Form {
        .selfEvaluation(selfEvaluationValue(edit))
    }

    /// The target table the example self-evaluation was set against (year 2023, 年度资金 1,000,000 元).
    public static func targetTableValue(_ edit: (inout TargetTable) -> Void = { _ in }) -> TargetTable {
        let breakdown = TargetTable.FundBreakdown(
            total: "1,000,000", central: "0", provincial: "1,000,000",
            cityCounty: "0", selfRaised: "0", other: "")
        let rows: [(String, String, String, String)] = [
            ("产出指标", "数量指标", "设备维护数量", "≥10台"), ("产出指标", "质量指标", "设备完好率", "≥95%"),
            ("产出指标", "时效指标", "维修响应及时性", "及时"), ("产出指标", "成本指标", "设备维护成本", "≤100万元"),
            ("效益指标", "社会效益", "业务正常运转保障度", "保障"),
            ("满意度指标", "服务对象满意度", "使用人员满意度", "≥90%"),
        ]
        var table = TargetTable(
            year: 2023, project: "示例项目", department: CodedName("209-示例厅"), agency: CodedName("209100-示例局"),
            implementingAgency: "示例局", nature: "经常性项目（长期开展）", period: "99年",
            funds: TargetTable.Funds(period: breakdown, annual: breakdown),
            overview: "示例设备维护。", basis: "示例依据。", necessity: "保障业务运转。", measures: "专人负责。",
            plan: "按季度维护。",
            goals: TargetTable.Goals(period: "完成示例设备维护任务。", annual: "完成示例设备维护任务。"),
            indicators: TargetTable.Indicators(
                period: rows.map { TargetTable.Indicator(level1: $0.0, level2: $0.1, name: $0.2, value: $0.3) },
                annual: rows.map { TargetTable.Indicator(level2: $0.1, name: $0.2, value: $0.3) }),
            footer: TargetTable.Footer(filledAt: "20220713150557"))
        edit(&table)
        return table
    }

    public static func targetTable(_ edit: (inout TargetTable) -> Void = { _ in }) -> Form {
        .targetTable(targetTableValue(edit))
    }
}
