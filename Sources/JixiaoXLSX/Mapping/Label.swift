import JixiaoCore

/// Printed labels, compared as the core folds them (`PrintedLabel.normalize`): whitespace dropped (a cell may
/// wrap `满意度指 标` or space out `总 分`), full-width punctuation folded to ASCII (`资金结（转）余` =
/// `资金结(转)余`), and a trailing colon ignored (`资金总额：`).
enum Label {
    /// Whether a normalised cell text is one of `labels` in one of its readings (`PrintedLabel.readings`: with
    /// or without formula letters or a unit in brackets, `全年预算数(A)`, `执行率(%)`).
    static func matches(_ label: String, _ labels: Set<String>) -> Bool {
        PrintedLabel.readings(label).contains(where: labels.contains)
    }

    // MARK: The spellings of the vocabulary (FieldVocabulary), normalised

    static let projectName = spellings(FieldVocabulary.project)
    static let projectCode = spellings(FieldVocabulary.projectCode)
    static let department = spellings(FieldVocabulary.department)
    static let budgetAgency = spellings(FieldVocabulary.agency)
    static let implementingAgency = spellings(FieldVocabulary.implementingAgency)

    // 自评表: funds block
    static let initialBudget: Set<String> = [FieldVocabulary.Funds.initialBudget]
    static let declared = spellings(FieldVocabulary.Funds.declared)
    static let compiled = spellings(FieldVocabulary.Funds.compiled)
    static let fullYearBudget = spellings(FieldVocabulary.Funds.fullYearBudget)
    static let executed = spellings(FieldVocabulary.Funds.executed)
    static let balance = spellings(FieldVocabulary.Funds.balance)
    static let rate = spellings(FieldVocabulary.Funds.rate)
    static let score = spellings(FieldVocabulary.Funds.score)
    static let fundsTotal = spellings(FieldVocabulary.Funds.total)

    // 自评表: goals and indicators
    static let annualGoal = spellings(FieldVocabulary.annualGoal)
    static let completion = spellings(FieldVocabulary.completion)
    static let level1 = spellings(FieldVocabulary.Indicators.level1)
    static let level2 = spellings(FieldVocabulary.Indicators.level2)
    static let level3 = spellings(FieldVocabulary.Indicators.name)
    static let initialTarget = spellings(FieldVocabulary.Indicators.initialTarget)
    static let adjustedTarget = spellings(FieldVocabulary.Indicators.adjustedTarget)
    /// A single target column (national layout, 目标表).
    static let targetValue = spellings(FieldVocabulary.Target.value)
    static let actual = spellings(FieldVocabulary.Indicators.actual)
    static let qualitativeNote = spellings(FieldVocabulary.Indicators.qualitativeNote)
    static let weight = spellings(FieldVocabulary.Indicators.weight)
    static let total = spellings(FieldVocabulary.total)
    static let grade = spellings(FieldVocabulary.grade)

    /// `偏差原因分析及改进措施` and its shorter spellings (an indicator's `未完成原因分析` too).
    static func isDeviation(_ label: String) -> Bool {
        FieldVocabulary.Funds.deviation.accepts(label) || FieldVocabulary.Indicators.deviation.accepts(label)
    }

    // 目标表
    static let nature = spellings(FieldVocabulary.Target.nature)
    static let period = spellings(FieldVocabulary.Target.period)
    static let periodFunds = spellings(FieldVocabulary.Target.periodFunds)
    static let annualFunds = spellings(FieldVocabulary.Target.annualFunds)
    static let overview = spellings(FieldVocabulary.Target.overview)
    static let basis = spellings(FieldVocabulary.Target.basis)
    static let necessity = spellings(FieldVocabulary.Target.necessity)
    static let measures = spellings(FieldVocabulary.Target.measures)
    static let plan = spellings(FieldVocabulary.Target.plan)
    static let periodGoal = spellings(FieldVocabulary.Target.periodGoal)
    static let indicatorBlock: Set<String> = [FieldVocabulary.Indicators.caption]
    static let responsible = spellings(FieldVocabulary.Target.responsible)
    static let handler = spellings(FieldVocabulary.Target.handler)
    static let phone = spellings(FieldVocabulary.Target.phone)
    static let filledAt = spellings(FieldVocabulary.Target.filledAt)

    static func spellings(_ term: FieldTerm) -> Set<String> { Set(term.spellings) }

    /// 目标表 fund sources (`其中：中央财政资金`, `市县（区）财政资金` …), by the model's key.
    static func fundSource(_ label: String) -> String? { FieldVocabulary.Target.source(label) }

    /// 项目绩效分析 captions, by the model's field.
    static func analysisField(_ label: String) -> String? { FieldVocabulary.analysisField(label)?.key }

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
