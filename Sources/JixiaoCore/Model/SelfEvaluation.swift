/// 项目支出绩效自评表: one project's self-evaluation after the year ends, in the money unit it is printed in
/// (万元 unless the form says otherwise).
///
/// Every field holds what the form printed; scoring and checks derive their numbers from it and never
/// write back. Optional fields are columns or cells that some layouts print and others do not: nil means
/// the form has no such cell, `""` a printed cell left empty.
public struct SelfEvaluation: Sendable, Hashable {
    public var year: Int
    /// 项目名称
    public var project: String
    /// 项目代码 (21 characters; not printed on Shanxi forms).
    public var projectCode: String?
    /// 主管部门及代码
    public var department: CodedName
    /// 预算单位
    public var agency: CodedName
    /// 实施单位 (national layout)
    public var implementingAgency: String?
    /// 金额单位 of every amount on the form (`项目资金（万元）`, `金额单位：元`).
    public var amountUnit: MoneyUnit
    /// 项目资金预算安排及执行进度
    public var funds: Funds
    /// 项目年度绩效目标
    public var goals: Goals
    /// 绩效指标, in printed order.
    public var indicators: [Indicator]
    /// 总分 as printed.
    public var printedTotal: EnteredNumber
    /// The 分值 printed on the 总分 (合计) row (`总分 | 100 | 96 | 优`); nil when the row has no such cell.
    public var printedWeightTotal: EnteredNumber?
    /// 等级 as printed (优/良/中/差, or whatever the form says); nil when the form prints no grade at all.
    public var printedGrade: String?
    /// 项目绩效分析
    public var analysis: Analysis
    /// Printed header cells the model has no field for, in printed order.
    public var otherFields: [PrintedField]
    public var source: SourceReference?
    /// Source line of each field path (`indicators[3].score` → 702), where the source has lines.
    public var lines: [String: Int]

    /// The unit self-evaluations are printed in unless they say otherwise (Shanxi and the national 附件1).
    public static let defaultAmountUnit = MoneyUnit.wanYuan

    public init(
        year: Int, project: String, projectCode: String? = nil, department: CodedName, agency: CodedName,
        implementingAgency: String? = nil, amountUnit: MoneyUnit = SelfEvaluation.defaultAmountUnit,
        funds: Funds, goals: Goals = Goals(), indicators: [Indicator], printedTotal: EnteredNumber,
        printedWeightTotal: EnteredNumber? = nil, printedGrade: String?, analysis: Analysis = Analysis(),
        otherFields: [PrintedField] = [], source: SourceReference? = nil, lines: [String: Int] = [:]
    ) {
        self.year = year
        self.project = project
        self.projectCode = projectCode
        self.department = department
        self.agency = agency
        self.implementingAgency = implementingAgency
        self.amountUnit = amountUnit
        self.funds = funds
        self.goals = goals
        self.indicators = indicators
        self.printedTotal = printedTotal
        self.printedWeightTotal = printedWeightTotal
        self.printedGrade = printedGrade
        self.analysis = analysis
        self.otherFields = otherFields
        self.source = source
        self.lines = lines
    }

    /// The printed grade read as a `Grade`, nil when it is none of 优/良/中/差.
    public var printedGradeValue: Grade? { printedGrade.flatMap(Grade.init(label:)) }

    /// 项目资金: the 资金总额 row and one row per 资金来源.
    public struct Funds: Sendable, Hashable {
        public var total: FundsRow
        public var sources: [FundsRow]

        public init(total: FundsRow, sources: [FundsRow] = []) {
            self.total = total
            self.sources = sources
        }
    }

    /// One row of the funds block, as entered.
    public struct FundsRow: Sendable, Hashable {
        /// 资金来源 as printed (当年财政拨款, 上年结转资金, 本年财政拨款, 省级财政资金, 上级, 本级, …); empty on
        /// the 资金总额 row.
        public var source: String
        /// 年初预算数 · 目标申报数
        public var declared: EnteredNumber
        /// 年初预算数 · 预算编制数 (the national layout's single 年初预算数 column)
        public var compiled: EnteredNumber
        /// 全年预算数 (全年预算数(A), 调整后预算数)
        public var fullYearBudget: EnteredNumber
        /// 资金到位数 (资金到位情况); nil when the form has no such column.
        public var received: EnteredNumber?
        /// 全年执行数 (全年执行数(B), 预算执行数)
        public var executed: EnteredNumber
        /// 资金结(转)余
        public var balance: EnteredNumber
        /// 分值 (权重) of budget execution as printed on this row (national layout: 10 on the 资金总额 row, `—`
        /// on the source rows); nil when the form has no such column.
        public var weight: EnteredNumber?
        /// 执行率 (percent)
        public var rate: EnteredNumber
        /// 得分
        public var score: EnteredNumber
        /// 偏差原因分析及改进措施; nil when the form has no such column.
        public var deviation: String?

        public init(
            source: String = "", declared: EnteredNumber = "", compiled: EnteredNumber = "",
            fullYearBudget: EnteredNumber, received: EnteredNumber? = nil, executed: EnteredNumber,
            balance: EnteredNumber = "", weight: EnteredNumber? = nil, rate: EnteredNumber = "",
            score: EnteredNumber = "", deviation: String? = ""
        ) {
            self.source = source
            self.declared = declared
            self.compiled = compiled
            self.fullYearBudget = fullYearBudget
            self.received = received
            self.executed = executed
            self.balance = balance
            self.weight = weight
            self.rate = rate
            self.score = score
            self.deviation = deviation
        }
    }

    public struct Goals: Sendable, Hashable {
        /// 年度目标
        public var annual: String
        /// 实际完成情况
        public var completion: String

        public init(annual: String = "", completion: String = "") {
            self.annual = annual
            self.completion = completion
        }
    }

    /// One row of the indicator table. The optional columns are those some layouts print beside the
    /// national ones; nil means the form has no such column.
    public struct Indicator: Sendable, Hashable {
        /// 一级指标 as printed (`产出指标`, `产出指标(70分)`, `决策`).
        public var level1: String
        /// 二级指标 as printed.
        public var level2: String
        /// 三级指标
        public var name: String
        /// 指标性质 as printed: the 计算符号 where the target is printed in three cells (`≧ | 735 | 人次`), or a
        /// kind (`定量指标`, `正向指标`).
        public var nature: String? { didSet { target = Indicator.scored(initialTarget, adjustedTarget, nature, unit) } }
        /// 年初指标值 (the national layout's 年度指标值 when it has no adjusted column is `adjustedTarget`).
        public var initialTarget: IndicatorValue {
            didSet { target = Indicator.scored(initialTarget, adjustedTarget, nature, unit) }
        }
        /// 调整后指标值 (年度指标值, 指标值) as printed: the target that is scored.
        public var adjustedTarget: IndicatorValue {
            didSet { target = Indicator.scored(initialTarget, adjustedTarget, nature, unit) }
        }
        /// 度量单位 (计量单位) as printed, where the unit has a column of its own.
        public var unit: String? { didSet { target = Indicator.scored(initialTarget, adjustedTarget, nature, unit) } }
        /// The target the rules read: `adjustedTarget` (or `initialTarget` when no adjusted value is printed:
        /// the year-start target stands), completed with the operator in `nature` and the unit in `unit` when
        /// the form prints them in columns of their own. A policy that skips rows dropped at adjustment
        /// (Shanxi) does so before reading it.
        public private(set) var target: IndicatorValue
        /// 实际完成值 (全年实际值, 完成值)
        public var actual: IndicatorValue
        /// 定性值情况说明 (optional column).
        public var qualitativeNote: String?
        /// 指标解释 / 指标说明 (optional column).
        public var explanation: String?
        /// 单项指标完成情况 (`完成`; optional column).
        public var completionStatus: String?
        /// 分值 (指标权重(分))
        public var weight: EnteredNumber
        /// 权重(%) / 权重占比(%) (optional column): the row's share of the total, in percent.
        public var weightPercent: EnteredNumber?
        /// 得分系数(%) (optional column): the score as a percentage of the 分值.
        public var scoreCoefficient: EnteredNumber?
        /// 得分 (自评得分, 单项指标得分)
        public var score: EnteredNumber
        /// 折算得分 (单项指标折算得分; optional column): 得分 × 权重(%).
        public var convertedScore: EnteredNumber?
        /// 评分标准 (optional column).
        public var scoringCriteria: String?
        /// 是否核心指标 as printed (`是`/`否`; optional column).
        public var coreIndicator: String?
        /// 偏差原因分析及改进措施 (未完成原因分析)
        public var deviation: String
        /// Printed cells that belong to no column (kept so nothing is lost).
        public var extraCells: [String]

        public init(
            level1: String, level2: String, name: String, nature: String? = nil, initialTarget: String = "",
            adjustedTarget: String, unit: String? = nil, actual: String, qualitativeNote: String? = nil,
            explanation: String? = nil, completionStatus: String? = nil, weight: EnteredNumber,
            weightPercent: EnteredNumber? = nil, scoreCoefficient: EnteredNumber? = nil, score: EnteredNumber,
            convertedScore: EnteredNumber? = nil, scoringCriteria: String? = nil, coreIndicator: String? = nil,
            deviation: String = "", extraCells: [String] = []
        ) {
            self.level1 = level1
            self.level2 = level2
            self.name = name
            self.nature = nature
            self.initialTarget = IndicatorValue(initialTarget)
            self.adjustedTarget = IndicatorValue(adjustedTarget)
            self.unit = unit
            self.target = Indicator.scored(self.initialTarget, self.adjustedTarget, nature, unit)
            self.actual = IndicatorValue(actual)
            self.qualitativeNote = qualitativeNote
            self.explanation = explanation
            self.completionStatus = completionStatus
            self.weight = weight
            self.weightPercent = weightPercent
            self.scoreCoefficient = scoreCoefficient
            self.score = score
            self.convertedScore = convertedScore
            self.scoringCriteria = scoringCriteria
            self.coreIndicator = coreIndicator
            self.deviation = deviation
            self.extraCells = extraCells
        }

        /// The scored target: the adjusted value, else the initial one, completed from the columns.
        static func scored(
            _ initial: IndicatorValue, _ adjusted: IndicatorValue, _ nature: String?, _ unit: String?
        ) -> IndicatorValue {
            composed(adjusted.isEmpty ? initial : adjusted, nature, unit)
        }

        /// 年初指标值 completed like `target` (the operator and unit columns apply to both targets).
        public var initialTargetValue: IndicatorValue { Indicator.composed(initialTarget, nature, unit) }

        /// A value printed across the 指标性质 | 指标值 | 度量单位 columns, read as one: the operator in front
        /// when the value has none, the unit behind a bare number. A value that already carries them, or a
        /// qualitative one, is left as it is.
        static func composed(_ value: IndicatorValue, _ nature: String?, _ unit: String?) -> IndicatorValue {
            guard !value.isEmpty else { return value }
            var text = value.text.trimmed
            let op = nature.flatMap(ComparisonOperator.init(nature:))
            let unitText = unit?.trimmed ?? ""
            switch value.reading {
            case .quantity(let printed, let quantity):
                if printed == nil, let op { text = op.rawValue + text }
                if quantity.unit.text.isEmpty, !unitText.isEmpty { text += unitText }
            default: break
            }
            return text == value.text ? value : IndicatorValue(text)
        }

        /// The printed 一级, read.
        public var level1Value: Level1? { Level1(label: level1) }
        /// The printed 二级, read.
        public var level2Value: Level2? { Level2(label: level2) }

        /// Shanxi's default cost row: 成本指标 with 调整后指标值 `未填报` (the target set no cost indicator).
        public var isUnfilledCostRow: Bool {
            target.reading == .notFilled && (level2Value == .cost || Level2(label: name) == .cost)
        }

        /// An indicator dropped at adjustment: 年初指标值 set, 调整后指标值 empty.
        public var isDroppedAtAdjustment: Bool { !initialTarget.isEmpty && adjustedTarget.isEmpty }

        /// A row the template prints without an indicator in it: no 三级 name (or the template's own `指标2`,
        /// `……`), no value, no 分值 and no 得分 — only its 一级/二级 labels. Not scored and not counted.
        public var isTemplateRow: Bool {
            initialTarget.isEmpty && adjustedTarget.isEmpty && actual.isEmpty && weight.isBlank && score.isBlank
                && (name.isBlank || Indicator.isTemplateName(name))
        }

        /// The template's placeholder names for rows a unit may add: `指标1`, `指标2`, `……`, `...`.
        public static func isTemplateName(_ name: String) -> Bool {
            let text = name.filter { !$0.isWhitespace }
            if !text.isEmpty, text.allSatisfy({ "….。·".contains($0) }) { return true }
            guard text.hasPrefix("指标") else { return false }
            let rest = text.dropFirst(2)
            return !rest.isEmpty && rest.allSatisfy { $0.isASCII && $0.isNumber }
        }

        /// A breakdown row printed under an indicator (`其中桃树种植面积`): a value but no 分值 and no 得分.
        public var isSubItem: Bool {
            name.withoutWhitespace.hasPrefix("其中") && weight.isBlank && score.isBlank
        }
    }

    /// 项目绩效分析 texts.
    public struct Analysis: Sendable, Hashable {
        /// 项目实施和预算执行情况(及分析)
        public var execution: String
        /// 产出情况(及分析)
        public var output: String
        /// 效益情况(及分析)
        public var benefit: String
        /// 满意度情况(及分析)
        public var satisfaction: String
        /// 主要经验做法
        public var experience: String
        /// 项目管理中存在的主要问题及原因分析
        public var problems: String
        /// 下一步改进措施及管理建议
        public var improvements: String

        public init(
            execution: String = "", output: String = "", benefit: String = "", satisfaction: String = "",
            experience: String = "", problems: String = "", improvements: String = ""
        ) {
            self.execution = execution
            self.output = output
            self.benefit = benefit
            self.satisfaction = satisfaction
            self.experience = experience
            self.problems = problems
            self.improvements = improvements
        }

        /// The texts with their field names, in printed order.
        public var fields: [(key: String, text: String)] {
            [
                ("execution", execution), ("output", output), ("benefit", benefit), ("satisfaction", satisfaction),
                ("experience", experience), ("problems", problems), ("improvements", improvements),
            ]
        }
    }
}
