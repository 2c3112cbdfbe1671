/// 项目支出绩效目标表: one project's goals and indicators, set at budget time, in the money unit it is
/// printed in (元 unless the form says otherwise). Shanxi prints no weights; some provinces print a 分值 per
/// indicator and for budget execution. nil in an optional field means the form has no such cell.
public struct TargetTable: Sendable, Hashable {
    public var year: Int
    /// 项目名称
    public var project: String
    /// 项目代码
    public var projectCode: String?
    /// 主管部门及代码
    public var department: CodedName
    /// 预算单位 (code-name), when known; the Shanxi 目标表 prints only the 实施单位 name.
    public var agency: CodedName?
    /// 实施单位
    public var implementingAgency: String
    /// 项目属性 as printed (`经常性项目（长期开展）`).
    public var nature: String
    /// 项目期 as printed (`99年`).
    public var period: String
    /// 金额单位 of every amount on the form.
    public var amountUnit: MoneyUnit
    /// 项目资金
    public var funds: Funds
    /// 项目概况
    public var overview: String
    /// 立项依据
    public var basis: String
    /// 项目设立必要性
    public var necessity: String
    /// 保证项目实施的制度、措施
    public var measures: String
    /// 项目实施计划
    public var plan: String
    /// 总体目标
    public var goals: Goals
    /// 绩效指标: 实施期 (left half) and 年度 (right half), or one 年度 set.
    public var indicators: Indicators
    public var footer: Footer
    /// Printed header cells the model has no field for (`项目类型`, `资金性质`, `建设周期`), in printed order.
    public var otherFields: [PrintedField]
    public var source: SourceReference?
    /// Source line of each field path, where the source has lines.
    public var lines: [String: Int]

    public init(
        year: Int, project: String, projectCode: String? = nil, department: CodedName, agency: CodedName? = nil,
        implementingAgency: String, nature: String, period: String,
        amountUnit: MoneyUnit = TargetTable.defaultAmountUnit, funds: Funds, overview: String = "",
        basis: String = "", necessity: String = "", measures: String = "", plan: String = "",
        goals: Goals = Goals(), indicators: Indicators, footer: Footer = Footer(), otherFields: [PrintedField] = [],
        source: SourceReference? = nil, lines: [String: Int] = [:]
    ) {
        self.year = year
        self.project = project
        self.projectCode = projectCode
        self.department = department
        self.agency = agency
        self.implementingAgency = implementingAgency
        self.nature = nature
        self.period = period
        self.amountUnit = amountUnit
        self.funds = funds
        self.overview = overview
        self.basis = basis
        self.necessity = necessity
        self.measures = measures
        self.plan = plan
        self.goals = goals
        self.indicators = indicators
        self.footer = footer
        self.otherFields = otherFields
        self.source = source
        self.lines = lines
    }

    /// The unit target tables are printed in unless they say otherwise (Shanxi).
    public static let defaultAmountUnit = MoneyUnit.yuan

    /// 项目属性, read.
    public var natureValue: ProjectNature? { ProjectNature(label: nature) }

    /// 项目期 in years (`99年` → 99), nil when it is not `N年`.
    public var periodYears: Int? {
        let digits = period.trimmed
        guard digits.hasSuffix("年") else { return nil }
        return Int(digits.dropLast())
    }

    public struct Funds: Sendable, Hashable {
        /// 实施期资金总额 and its sources; nil when the table prints the year's funds only.
        public var period: FundBreakdown?
        /// 年度资金总额 and its sources.
        public var annual: FundBreakdown
        /// 年度预算执行率 target as printed (`100%`), on tables that weight budget execution; nil: not printed.
        public var executionTarget: String?
        /// 分值 of budget execution as printed (`10分`); nil: not printed.
        public var executionWeight: EnteredNumber?

        public init(
            period: FundBreakdown?, annual: FundBreakdown, executionTarget: String? = nil,
            executionWeight: EnteredNumber? = nil
        ) {
            self.period = period
            self.annual = annual
            self.executionTarget = executionTarget
            self.executionWeight = executionWeight
        }
    }

    /// A 资金总额 and its 其中 rows, each under its printed name. A blank cell means 0.
    public struct FundBreakdown: Sendable, Hashable {
        public var total: EnteredNumber
        /// The 其中 rows in printed order (中央财政资金, 财政拨款, 其他资金, …).
        public var sources: [Source]

        public struct Source: Sendable, Hashable {
            /// 资金来源 as printed.
            public var label: String
            public var amount: EnteredNumber

            public init(label: String, amount: EnteredNumber) {
                self.label = label
                self.amount = amount
            }
        }

        /// The Shanxi template's five 其中 rows, with the form-file keys they are written under.
        public static let templateSources: [(key: String, label: String)] = [
            ("central", "中央财政资金"), ("provincial", "省级财政资金"), ("cityCounty", "市县(区)财政资金"),
            ("selfRaised", "单位自筹"), ("other", "其他资金"),
        ]

        public init(total: EnteredNumber, sources: [Source]) {
            self.total = total
            self.sources = sources
        }

        /// The Shanxi template's layout: its five 其中 rows, in its order.
        public init(
            total: EnteredNumber, central: EnteredNumber = "", provincial: EnteredNumber = "",
            cityCounty: EnteredNumber = "", selfRaised: EnteredNumber = "", other: EnteredNumber = ""
        ) {
            let amounts = [central, provincial, cityCounty, selfRaised, other]
            self.init(
                total: total,
                sources: zip(FundBreakdown.templateSources, amounts).map { Source(label: $0.label, amount: $1) })
        }

        /// Whether the rows are exactly the Shanxi template's five, in its order.
        public var hasTemplateSources: Bool { sources.map(\.label) == FundBreakdown.templateSources.map(\.label) }

        /// The field path of the `index`th 其中 row under `prefix` (`funds.annual`): the form file's key for the
        /// template's rows (`funds.annual.provincial`), else `funds.annual.sources[2].amount`.
        public func sourcePath(_ index: Int, under prefix: String) -> String {
            hasTemplateSources && index < FundBreakdown.templateSources.count
                ? "\(prefix).\(FundBreakdown.templateSources[index].key)" : "\(prefix).sources[\(index)].amount"
        }

        /// The amount of the row printed under `label` (the first such row), nil when there is none.
        public func amount(_ label: String) -> EnteredNumber? { sources.first { $0.label == label }?.amount }
    }

    public struct Goals: Sendable, Hashable {
        /// 实施期目标
        public var period: String
        /// 年度目标
        public var annual: String

        public init(period: String = "", annual: String = "") {
            self.period = period
            self.annual = annual
        }
    }

    public struct Indicators: Sendable, Hashable {
        /// The 实施期 half; nil on a table that prints a single (年度) set of indicators.
        public var period: [Indicator]?
        /// The 年度 half, or the table's single set.
        public var annual: [Indicator]

        public init(period: [Indicator]?, annual: [Indicator]) {
            self.period = period
            self.annual = annual
        }
    }

    /// One indicator row of either half. Empty template rows (a 二级 with no indicator) are kept.
    public struct Indicator: Sendable, Hashable {
        /// 一级 as printed; nil in the 年度 half, which has no 一级 column.
        public var level1: String?
        public var level2: String
        public var name: String
        /// 指标值
        public var value: IndicatorValue
        /// 分值, on tables that weight their indicators; nil: no such column.
        public var weight: EnteredNumber?
        /// 指标解释 (optional column).
        public var explanation: String?
        /// 备注 (optional column).
        public var remark: String?

        public init(
            level1: String? = nil, level2: String, name: String, value: String, weight: EnteredNumber? = nil,
            explanation: String? = nil, remark: String? = nil
        ) {
            self.level1 = level1
            self.level2 = level2
            self.name = name
            self.value = IndicatorValue(value)
            self.weight = weight
            self.explanation = explanation
            self.remark = remark
        }

        public var level2Value: Level2? { Level2(label: level2) }
        /// An empty template row (the 二级 printed with no indicator under it).
        public var isTemplateRow: Bool { name.trimmed.isEmpty && value.isEmpty }
    }

    public struct Footer: Sendable, Hashable {
        /// 负责人
        public var responsible: String
        /// 经办人
        public var handler: String
        /// 联系电话
        public var phone: String
        /// 填报日期 (yyyyMMddHHmmss)
        public var filledAt: String

        public init(responsible: String = "", handler: String = "", phone: String = "", filledAt: String = "") {
            self.responsible = responsible
            self.handler = handler
            self.phone = phone
            self.filledAt = filledAt
        }
    }
}

/// 项目属性.
public enum ProjectNature: String, Sendable, Hashable, CaseIterable {
    /// 经常性项目（长期开展）: 项目期 99年.
    case recurring = "经常性项目"
    /// 延续性项目（阶段开展）: 项目期 N年.
    case continuing = "延续性项目"
    /// 一次性项目
    case oneOff = "一次性项目"

    public init?(label: String) {
        guard let match = ProjectNature.allCases.first(where: { label.hasPrefix(String($0.rawValue.prefix(3))) })
        else { return nil }
        self = match
    }
}

/// Either kind of form, as found in a folder.
public enum Form: Sendable, Hashable {
    case selfEvaluation(SelfEvaluation)
    case targetTable(TargetTable)

    public var year: Int {
        switch self {
        case .selfEvaluation(let form): form.year
        case .targetTable(let form): form.year
        }
    }

    public var project: String {
        switch self {
        case .selfEvaluation(let form): form.project
        case .targetTable(let form): form.project
        }
    }
}
