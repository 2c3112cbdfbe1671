import JixiaoCore

/// Printed labels, compared as the core folds them (`PrintedLabel.normalize`): whitespace dropped (a cell may
/// wrap `满意度指 标` or space out `总 分`), full-width punctuation folded to ASCII (`资金结（转）余` =
/// `资金结(转)余`), and a trailing colon ignored (`资金总额：`).
enum Label {
    static func normalize(_ text: String) -> String { PrintedLabel.normalize(text) }

    /// The label without a trailing unit in brackets: `执行率(%)` → `执行率`, `项目资金(元)` → `项目资金`.
    static func withoutUnit(_ label: String) -> String { PrintedLabel.withoutUnit(label) }

    /// Whether a normalised cell text is one of `labels`, with or without a unit in brackets.
    static func matches(_ label: String, _ labels: Set<String>) -> Bool {
        labels.contains(label) || labels.contains(withoutUnit(label))
    }

    // MARK: The vocabulary of the official layouts (normalised)

    static let projectName: Set<String> = ["项目名称"]
    static let projectCode: Set<String> = ["项目代码", "项目编码"]
    static let department: Set<String> = ["主管部门及代码", "主管部门"]
    static let budgetAgency: Set<String> = ["预算单位", "预算单位及代码"]
    static let implementingAgency: Set<String> = ["实施单位"]

    // 自评表: funds block
    static let initialBudget: Set<String> = ["年初预算数"]
    static let declared: Set<String> = ["目标申报数"]
    static let compiled: Set<String> = ["预算编制数"]
    static let fullYearBudget: Set<String> = ["全年预算数"]
    static let executed: Set<String> = ["全年执行数"]
    static let balance: Set<String> = ["资金结(转)余", "资金结转余", "结转结余", "资金结余"]
    static let rate: Set<String> = ["执行率"]
    static let score: Set<String> = ["得分"]
    static let fundsTotal: Set<String> = ["资金总额", "合计", "总计"]

    // 自评表: goals and indicators
    static let annualGoal: Set<String> = ["年度目标"]
    static let completion: Set<String> = ["实际完成情况"]
    static let level1: Set<String> = ["一级指标"]
    static let level2: Set<String> = ["二级指标"]
    static let level3: Set<String> = ["三级指标"]
    static let initialTarget: Set<String> = ["年初指标值"]
    static let adjustedTarget: Set<String> = ["调整后指标值"]
    /// A single target column (national layout, 目标表).
    static let targetValue: Set<String> = ["年度指标值", "指标值"]
    static let actual: Set<String> = ["实际完成值"]
    static let qualitativeNote: Set<String> = ["定性值情况说明"]
    static let weight: Set<String> = ["分值"]
    static let total: Set<String> = ["总分"]
    static let grade: Set<String> = ["等级", "自评等级", "评价等级"]

    /// `偏差原因分析及改进措施` and its shorter spellings.
    static func isDeviation(_ label: String) -> Bool { label.hasPrefix("偏差原因") }

    // 目标表
    static let nature: Set<String> = ["项目属性"]
    static let period: Set<String> = ["项目期", "项目日期", "项目周期"]
    static let periodFunds: Set<String> = ["实施期资金总额"]
    static let annualFunds: Set<String> = ["年度资金总额"]
    static let overview: Set<String> = ["项目概况"]
    static let basis: Set<String> = ["立项依据"]
    static let necessity: Set<String> = ["项目设立必要性"]
    static let measures: Set<String> = ["保证项目实施的制度、措施", "保证项目实施的制度措施"]
    static let plan: Set<String> = ["项目实施计划"]
    static let periodGoal: Set<String> = ["实施期目标"]
    static let indicatorBlock: Set<String> = ["绩效指标"]
    static let responsible: Set<String> = ["负责人"]
    static let handler: Set<String> = ["经办人"]
    static let phone: Set<String> = ["联系电话"]
    static let filledAt: Set<String> = ["填报日期"]

    /// 目标表 fund sources (`其中：中央财政资金`, `市县（区）财政资金` …), by the model's key.
    static func fundSource(_ label: String) -> String? {
        var text = label
        if text.hasPrefix("其中") { text = String(text.dropFirst(2)) }
        while text.hasPrefix(":") { text.removeFirst() }
        if text.hasPrefix("中央") { return "central" }
        if text.hasPrefix("省级") { return "provincial" }
        if text.hasPrefix("市县") || text.hasPrefix("市级") || text.hasPrefix("县级") { return "cityCounty" }
        if text.contains("自筹") { return "selfRaised" }
        if text.hasPrefix("其他") { return "other" }
        return nil
    }

    /// 项目绩效分析 captions, by the model's field.
    static func analysisField(_ label: String) -> String? {
        guard label.count <= 40 else { return nil }
        if label.contains("预算执行情况") { return "execution" }
        if label.hasPrefix("产出情况") { return "output" }
        if label.hasPrefix("效益情况") { return "benefit" }
        if label.hasPrefix("满意度情况") { return "satisfaction" }
        if label.contains("经验做法") { return "experience" }
        if label.contains("存在的主要问题") || label.hasPrefix("存在问题") { return "problems" }
        if label.contains("改进措施"), !isDeviation(label) { return "improvements" }
        return nil
    }

    /// Every label above: a cell holding one of these is a caption, never a value.
    static let all: Set<String> = projectName.union(projectCode).union(department).union(budgetAgency).union(
        implementingAgency
    )
    .union(initialBudget).union(declared).union(compiled).union(fullYearBudget).union(executed).union(balance)
    .union(rate).union(score).union(fundsTotal).union(annualGoal).union(completion).union(level1).union(level2)
    .union(level3).union(initialTarget).union(adjustedTarget).union(targetValue).union(actual)
    .union(qualitativeNote).union(weight).union(total).union(grade).union(nature).union(period)
    .union(periodFunds).union(annualFunds).union(overview).union(basis).union(necessity).union(measures)
    .union(plan).union(periodGoal).union(indicatorBlock).union(responsible).union(handler).union(phone)
    .union(filledAt)

    static func isCaption(_ label: String) -> Bool {
        matches(label, all) || isDeviation(label)
    }

    /// Labels whose presence makes a sheet look like a form even without 项目名称.
    static let formLike: Set<String> = level1.union(level2).union(level3).union(actual).union(executed)
        .union(periodFunds).union(annualFunds).union(department).union(adjustedTarget).union(weight)
}
