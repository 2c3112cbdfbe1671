/// Edits several rules' examples share, so that each example still reads as "the example form, with one
/// thing changed".
extension ExampleForms {
    /// Gives the 资金总额 row and its one 省级财政资金 row the same amounts, as the Shanxi forms print them
    /// (目标申报数 = 预算编制数 = `compiled`).
    static func setFunds(
        _ form: inout SelfEvaluation, compiled: EnteredNumber = "100", budget: EnteredNumber,
        executed: EnteredNumber, balance: EnteredNumber, rate: EnteredNumber, score: EnteredNumber,
        deviation: String? = ""
    ) {
        let row = SelfEvaluation.FundsRow(
            declared: compiled, compiled: compiled, fullYearBudget: budget,
            executed: executed, balance: balance, rate: rate, score: score,
            deviation: deviation)
        var source = row
        source.source = "省级财政资金"
        form.funds = SelfEvaluation.Funds(total: row, sources: [source])
    }

    /// E2: 157.951 of 262 executed: 60.29 %, score 6.03 (half-up, not a truncated 6.02).
    static func setUnderExecutedFunds(_ form: inout SelfEvaluation, score: EnteredNumber = "6.03") {
        setFunds(
            &form, compiled: "262", budget: "262", executed: "157.951", balance: "104.049", rate: "60.29",
            score: score)
    }

    /// E2: 67.945 of 100 executed: the rate prints 67.95 %, but the score comes from the unrounded rate: 6.79.
    static func setRoundingEdgeFunds(_ form: inout SelfEvaluation, score: EnteredNumber = "6.79") {
        setFunds(&form, budget: "100", executed: "67.945", balance: "32.055", rate: "67.95", score: score)
    }

    /// The first row (≥10台, 分值 15) misses its target: 8台, which the rule scores 12.00.
    static func missFirstTarget(
        _ form: inout SelfEvaluation, score: EnteredNumber = "12",
        reason: String = "部分设备延至次年维护。"
    ) {
        form.indicators[0].actual = IndicatorValue("8台")
        form.indicators[0].score = score
        form.indicators[0].deviation = reason
    }

    /// Shanxi's default 成本 row (the target table set no 成本指标): 调整后指标值 `未填报`.
    static func unfilledCostRow(
        weight: EnteredNumber, score: EnteredNumber, actual: String = "达成预期指标",
        deviation: String = ""
    ) -> SelfEvaluation.Indicator {
        .init(
            level1: "产出指标", level2: "成本指标", name: "成本指标", adjustedTarget: "未填报", actual: actual,
            weight: weight, score: score, deviation: deviation)
    }

    /// A row dropped at adjustment: 年初指标值 `≥2台`, 调整后指标值 empty.
    static func droppedRow(
        actual: String = "", weight: EnteredNumber = "10", score: EnteredNumber = ""
    ) -> SelfEvaluation.Indicator {
        .init(
            level1: "产出指标", level2: "数量指标", name: "新增设备数量", initialTarget: "≥2台", adjustedTarget: "",
            actual: actual, weight: weight, score: score)
    }
}

extension ExampleForms {
    /// Two 其中 rows under the first indicator (设备维护数量 ≥10台), with the targets (and actuals) given.
    static func addSubItems(_ form: inout SelfEvaluation, _ first: String, _ second: String) {
        let rows = [("其中空调维护数量", first), ("其中电梯维护数量", second)].map { name, value in
            SelfEvaluation.Indicator(
                level1: "产出指标", level2: "数量指标", name: name, initialTarget: value,
                adjustedTarget: value, actual: value, weight: "", score: "")
        }
        form.indicators.insert(contentsOf: rows, at: 1)
    }
}
