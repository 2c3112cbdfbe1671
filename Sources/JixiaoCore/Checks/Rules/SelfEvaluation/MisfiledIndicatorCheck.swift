/// SE.STRUCT.060: an indicator filed under a 二级 its content contradicts.
///
/// Shifted labels put a cost under 社会效益 or a deadline under 成本, and the 一级 weights then reward the
/// wrong thing. Only clear clues count, so the rule stays quiet on judgement calls:
/// - a cost (name with 成本/单价, or a target in money) outside 成本指标 — except under 经济效益, where
///   money measures a benefit. `费用` and `金额` alone are no clue: `就医费用负担减轻率` is a benefit;
/// - a satisfaction rate (name with 满意度) outside 满意度;
/// - a time limit (name with 时间/时限/及时/进度, target in a time unit or qualitative) under 成本指标.
/// Rows without a readable 二级 are SE.STRUCT.010's. Warning: a reviewer decides where the row belongs.
public struct MisfiledIndicatorCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.STRUCT.060", slug: "misfiled-indicator", name: "指标归类与内容不符",
        summary: "按指标名称和计量单位判断，指标放错了二级：成本类指标不在成本指标下（经济效益除外）、满意度指标不在满意度下，或时限类指标放在成本指标下。",
        basis: "财预〔2020〕10号 附件2 指标体系框架：成本、时效、满意度各有其二级；已公开自评表中一级、二级标签错行。",
        defaultSeverity: .warning, scope: .selfEvaluation,
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[4] = .init(
                        level1: "效益指标", level2: "经济效益指标", name: "节约运行费用", initialTarget: "≥5万元",
                        adjustedTarget: "≥5万元", actual: "6万元", weight: "30", score: "30")
                }),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[4] = .init(
                        level1: "效益指标", level2: "社会效益指标", name: "群众就医费用负担减轻率", initialTarget: "≥10%",
                        adjustedTarget: "≥10%", actual: "12%", weight: "30", score: "30")
                }),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[3] = .init(
                        level1: "产出指标", level2: "成本指标", name: "资金支付进度", initialTarget: "≤100万元",
                        adjustedTarget: "≤100万元", actual: "100万元", weight: "10", score: "10")
                }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[4] = .init(
                        level1: "效益指标", level2: "社会效益指标", name: "单台维护成本", initialTarget: "≤2万元",
                        adjustedTarget: "≤2万元", actual: "1.8万元", weight: "30", score: "30")
                }, expect: [ExpectedFinding(at: "indicators[4].level2", expected: "成本指标", actual: "社会效益指标")]),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.indicators[3] = .init(
                        level1: "产出指标", level2: "成本指标", name: "维修完成时间", initialTarget: "报修后3日内",
                        adjustedTarget: "报修后3日内", actual: "达成预期指标", weight: "10", score: "10")
                    $0.indicators[4].name = "业务部门满意度"
                },
                expect: [
                    ExpectedFinding(at: "indicators[3].level2", expected: "时效指标", actual: "成本指标"),
                    ExpectedFinding(at: "indicators[4].level2", expected: "服务对象满意度指标", actual: "社会效益指标"),
                ]),
        ])

    public init() {}

    static let costWords = ["成本", "单价"]
    static let timeWords = ["时间", "时限", "及时", "进度"]
    static let timeUnits: Set<String> = ["年", "个月", "月", "周", "日", "天", "工作日", "小时"]

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        form.indicators.enumerated().compactMap { index, row in
            guard !row.isUnfilledCostRow, let filed = row.level2Value else { return nil }
            let target = row.adjustedTarget.isEmpty ? row.initialTarget : row.adjustedTarget
            let belongs: Level2
            let reason: String
            if row.name.contains("满意度"), !row.isSatisfaction {
                (belongs, reason) = (.beneficiary, "名称为满意度")
            } else if filed != .cost, filed != .economic,
                Self.costWords.contains(where: row.name.contains) || target.quantity?.unit.isMoney == true
            {
                (belongs, reason) = (.cost, "名称或计量单位表明是成本")
            } else if filed == .cost, Self.timeWords.contains(where: row.name.contains), isTimeLimit(target) {
                (belongs, reason) = (.timeliness, "名称和指标值表明是时限")
            } else {
                return nil
            }
            return Violation(
                at: "indicators[\(index)].level2",
                "指标“\(row.name)”（\(target.text)）\(reason)，却列在“\(row.level2)”下，应属\(belongs.rawValue)",
                expected: belongs.rawValue, actual: row.level2)
        }
    }

    /// A deadline-like target: a time unit (`≤3日`), or words (`年底前完成`) rather than money.
    func isTimeLimit(_ target: IndicatorValue) -> Bool {
        switch target.reading {
        case .quantity(_, let quantity): Self.timeUnits.contains(quantity.unit.base)
        case .qualitative: true
        default: false
        }
    }
}
