/// 项目支出绩效自评表: one project's self-evaluation after the year ends. Amounts are in 万元.
///
/// Every field holds what the form printed; scoring and checks derive their numbers from it and never
/// write back.
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
    /// 项目资金预算安排及执行进度 (万元)
    public var funds: Funds
    /// 项目年度绩效目标
    public var goals: Goals
    /// 绩效指标, in printed order.
    public var indicators: [Indicator]
    /// 总分 as printed.
    public var printedTotal: EnteredNumber
    /// 等级 as printed (优/良/中/差, or whatever the form says).
    public var printedGrade: String
    /// 项目绩效分析
    public var analysis: Analysis
    public var source: SourceReference?
    /// Source line of each field path (`indicators[3].score` → 702), where the source has lines.
    public var lines: [String: Int]

    public init(
        year: Int, project: String, projectCode: String? = nil, department: CodedName, agency: CodedName,
        implementingAgency: String? = nil, funds: Funds, goals: Goals = Goals(), indicators: [Indicator],
        printedTotal: EnteredNumber, printedGrade: String, analysis: Analysis = Analysis(),
        source: SourceReference? = nil, lines: [String: Int] = [:]
    ) {
        self.year = year
        self.project = project
        self.projectCode = projectCode
        self.department = department
        self.agency = agency
        self.implementingAgency = implementingAgency
        self.funds = funds
        self.goals = goals
        self.indicators = indicators
        self.printedTotal = printedTotal
        self.printedGrade = printedGrade
        self.analysis = analysis
        self.source = source
        self.lines = lines
    }

    /// The printed grade read as a `Grade`, nil when it is none of 优/良/中/差.
    public var printedGradeValue: Grade? { Grade(label: printedGrade) }

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
        /// 资金来源 (empty on the 资金总额 row).
        public var source: String
        /// 年初预算数 · 目标申报数
        public var declared: EnteredNumber
        /// 年初预算数 · 预算编制数
        public var compiled: EnteredNumber
        /// 全年预算数
        public var fullYearBudget: EnteredNumber
        /// 全年执行数
        public var executed: EnteredNumber
        /// 资金结(转)余
        public var balance: EnteredNumber
        /// 执行率 (percent)
        public var rate: EnteredNumber
        /// 得分
        public var score: EnteredNumber
        /// 偏差原因分析及改进措施; nil when the form has no such column.
        public var deviation: String?

        public init(
            source: String = "", declared: EnteredNumber = "", compiled: EnteredNumber = "",
            fullYearBudget: EnteredNumber, executed: EnteredNumber, balance: EnteredNumber = "",
            rate: EnteredNumber = "", score: EnteredNumber = "", deviation: String? = ""
        ) {
            self.source = source
            self.declared = declared
            self.compiled = compiled
            self.fullYearBudget = fullYearBudget
            self.executed = executed
            self.balance = balance
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

    /// One row of the indicator table.
    public struct Indicator: Sendable, Hashable {
        /// 一级指标 as printed.
        public var level1: String
        /// 二级指标 as printed.
        public var level2: String
        /// 三级指标
        public var name: String
        /// 年初指标值
        public var initialTarget: IndicatorValue
        /// 调整后指标值: the target that is scored.
        public var adjustedTarget: IndicatorValue
        /// 实际完成值
        public var actual: IndicatorValue
        /// 定性值情况说明 (optional column).
        public var qualitativeNote: String?
        /// 分值
        public var weight: EnteredNumber
        /// 得分
        public var score: EnteredNumber
        /// 偏差原因分析及改进措施
        public var deviation: String
        /// Printed cells that belong to no column (kept so nothing is lost).
        public var extraCells: [String]

        public init(
            level1: String, level2: String, name: String, initialTarget: String = "",
            adjustedTarget: String, actual: String, qualitativeNote: String? = nil,
            weight: EnteredNumber, score: EnteredNumber, deviation: String = "", extraCells: [String] = []
        ) {
            self.level1 = level1
            self.level2 = level2
            self.name = name
            self.initialTarget = IndicatorValue(initialTarget)
            self.adjustedTarget = IndicatorValue(adjustedTarget)
            self.actual = IndicatorValue(actual)
            self.qualitativeNote = qualitativeNote
            self.weight = weight
            self.score = score
            self.deviation = deviation
            self.extraCells = extraCells
        }

        /// The printed 一级, read.
        public var level1Value: Level1? { Level1(label: level1) }
        /// The printed 二级, read.
        public var level2Value: Level2? { Level2(label: level2) }

        /// Shanxi's default cost row: 成本指标 with 调整后指标值 `未填报` (the target set no cost indicator).
        public var isUnfilledCostRow: Bool {
            adjustedTarget.reading == .notFilled && (level2Value == .cost || Level2(label: name) == .cost)
        }

        /// An indicator dropped at adjustment: 年初指标值 set, 调整后指标值 empty.
        public var isDroppedAtAdjustment: Bool { !initialTarget.isEmpty && adjustedTarget.isEmpty }
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
