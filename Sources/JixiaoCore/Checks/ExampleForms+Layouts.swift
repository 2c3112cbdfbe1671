/// Example forms in layouts other than Shanxi's: every optional column and cell filled, so that readers,
/// writers and exports can be shown to carry each of them.
extension ExampleForms {
    /// The example self-evaluation in 元, in the national template's layout with the optional columns other
    /// provinces print: 分值 and 到位数 in the funds block, targets split into 指标性质 | 指标值 | 度量单位, and
    /// 权重(%), 得分系数, 折算得分, 评分标准, 指标解释, 完成情况 and 是否核心指标 per row.
    public static func everyColumnSelfEvaluationValue() -> SelfEvaluation {
        selfEvaluationValue { form in
            form.amountUnit = .yuan
            form.implementingAgency = "示例局"
            form.funds = SelfEvaluation.Funds(
                total: SelfEvaluation.FundsRow(
                    compiled: "1000000", fullYearBudget: "1000000", received: "1000000", executed: "1000000",
                    balance: "0", weight: "10", rate: "100%", score: "10", deviation: nil),
                sources: [
                    SelfEvaluation.FundsRow(
                        source: "本年财政拨款", compiled: "1000000", fullYearBudget: "1000000", received: "1000000",
                        executed: "1000000", balance: "0", weight: "—", rate: "100%", score: "—", deviation: nil),
                    SelfEvaluation.FundsRow(
                        source: "上年结转资金", fullYearBudget: "", received: "", executed: "", weight: "—",
                        score: "—", deviation: nil),
                ])
            for index in form.indicators.indices {
                var row = form.indicators[index]
                if let op = row.adjustedTarget.comparisonOperator, let quantity = row.adjustedTarget.quantity {
                    row.nature = op.rawValue
                    row.unit = quantity.unit.text
                    row.initialTarget = IndicatorValue(DecimalText.plain(quantity.number))
                    row.adjustedTarget = row.initialTarget
                } else {
                    row.nature = "定性"
                    row.unit = ""
                }
                row.explanation = "\(row.name)的完成情况"
                row.completionStatus = "完成"
                row.weightPercent = EnteredNumber(row.weight.text)
                row.scoreCoefficient = "100%"
                row.convertedScore = row.score
                row.scoringCriteria = "完成得满分，未完成按比例计分"
                row.coreIndicator = index == 0 ? "是" : "否"
                form.indicators[index] = row
            }
            form.printedWeightTotal = "100"
            form.otherFields = [PrintedField(label: "项目负责人及电话", text: "张三 0351-1234567")]
            form.source = SourceReference(document: "示例.html", firstLine: 3, lastLine: 40, isTruncated: true)
        }
    }

    /// A one-year target table in 万元 with a single (年度) set of indicators carrying 分值 and 指标解释, funds
    /// under the names the form prints, and a weighted budget-execution line.
    public static func singleSetTargetTableValue() -> TargetTable {
        targetTableValue { table in
            table.amountUnit = .wanYuan
            table.funds = TargetTable.Funds(
                period: nil,
                annual: TargetTable.FundBreakdown(
                    total: "100", sources: [.init(label: "财政拨款", amount: "100"), .init(label: "其他资金", amount: "")]),
                executionTarget: "100%", executionWeight: "10分")
            let annual = table.indicators.period ?? []
            table.indicators = TargetTable.Indicators(
                period: nil,
                annual: annual.map {
                    TargetTable.Indicator(
                        level1: $0.level1, level2: $0.level2, name: $0.name, value: $0.value.text, weight: "15",
                        explanation: "", remark: "")
                })
            table.otherFields = [PrintedField(label: "资金性质", text: "一般公共预算")]
        }
    }
}
