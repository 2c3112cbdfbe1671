/// 项目支出绩效目标表: one project's goals and indicators, set at budget time. Amounts are in 元; no weights.
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
    /// 项目资金 (元)
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
    /// 绩效指标: 实施期 (left half) and 年度 (right half).
    public var indicators: Indicators
    public var footer: Footer
    public var source: SourceReference?
    /// Source line of each field path, where the source has lines.
    public var lines: [String: Int]

    public init(
        year: Int, project: String, projectCode: String? = nil, department: CodedName, agency: CodedName? = nil,
        implementingAgency: String, nature: String, period: String, funds: Funds, overview: String = "",
        basis: String = "", necessity: String = "", measures: String = "", plan: String = "",
        goals: Goals = Goals(), indicators: Indicators, footer: Footer = Footer(),
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
        self.funds = funds
        self.overview = overview
        self.basis = basis
        self.necessity = necessity
        self.measures = measures
        self.plan = plan
        self.goals = goals
        self.indicators = indicators
        self.footer = footer
        self.source = source
        self.lines = lines
    }

    /// 项目属性, read.
    public var natureValue: ProjectNature? { ProjectNature(label: nature) }

    /// 项目期 in years (`99年` → 99), nil when it is not `N年`.
    public var periodYears: Int? {
        let digits = period.trimmingCharacters(in: .whitespaces)
        guard digits.hasSuffix("年") else { return nil }
        return Int(digits.dropLast())
    }

    public struct Funds: Sendable, Hashable {
        /// 实施期资金总额 and its sources.
        public var period: FundBreakdown
        /// 年度资金总额 and its sources.
        public var annual: FundBreakdown

        public init(period: FundBreakdown, annual: FundBreakdown) {
            self.period = period
            self.annual = annual
        }
    }

    /// A 资金总额 and its 其中 rows (元). A blank cell means 0.
    public struct FundBreakdown: Sendable, Hashable {
        public var total: EnteredNumber
        /// 中央财政资金
        public var central: EnteredNumber
        /// 省级财政资金
        public var provincial: EnteredNumber
        /// 市县(区)财政资金
        public var cityCounty: EnteredNumber
        /// 单位自筹
        public var selfRaised: EnteredNumber
        /// 其他资金
        public var other: EnteredNumber

        public init(
            total: EnteredNumber, central: EnteredNumber = "", provincial: EnteredNumber = "",
            cityCounty: EnteredNumber = "", selfRaised: EnteredNumber = "", other: EnteredNumber = ""
        ) {
            self.total = total
            self.central = central
            self.provincial = provincial
            self.cityCounty = cityCounty
            self.selfRaised = selfRaised
            self.other = other
        }

        /// The source rows with their field names, in printed order.
        public var sources: [(key: String, label: String, amount: EnteredNumber)] {
            [
                ("central", "中央财政资金", central), ("provincial", "省级财政资金", provincial),
                ("cityCounty", "市县(区)财政资金", cityCounty), ("selfRaised", "单位自筹", selfRaised),
                ("other", "其他资金", other),
            ]
        }
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
        public var period: [Indicator]
        public var annual: [Indicator]

        public init(period: [Indicator], annual: [Indicator]) {
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

        public init(level1: String? = nil, level2: String, name: String, value: String) {
            self.level1 = level1
            self.level2 = level2
            self.name = name
            self.value = IndicatorValue(value)
        }

        public var level2Value: Level2? { Level2(label: level2) }
        /// An empty template row (the 二级 printed with no indicator under it).
        public var isTemplateRow: Bool { name.trimmingCharacters(in: .whitespaces).isEmpty && value.isEmpty }
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
