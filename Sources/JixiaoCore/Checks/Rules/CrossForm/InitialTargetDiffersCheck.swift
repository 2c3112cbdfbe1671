/// XF.TGSE.010: a self-evaluation's 年初指标值 is the target table's 年度指标值.
///
/// 年初 means "as set at the start of the year", i.e. in the 目标表; an adjustment belongs in 调整后指标值.
/// A 年初 value that differs from the target rewrites the plan after the fact, or pairs the wrong rows.
/// Warning: the scored value is the adjusted one, so the total stands, but the form misreports the plan.
/// Values are compared as read: `≤100万元` equals `≤1000000元`, a doubled word (`及时及时`) its single form,
/// a bare number its `＝` form; rows are paired by 三级 name, or by prefix within the 二级 where the
/// target's column truncated the name.
public struct InitialTargetDiffersCheck: TargetPairCheck {
    public static let description = CheckDescription(
        id: "XF.TGSE.010", slug: "initial-target-differs", name: "年初指标值与目标表不一致",
        summary: "自评表的年初指标值应等于同一单位、同一项目、同一年度目标表的年度指标值（按三级指标名称对应，目标表名称被截断时在同一二级指标内按前缀对应）。",
        basis: "自评表“年初指标值”取自绩效目标表的年度指标值，调整只体现在“调整后指标值”（财预〔2020〕10号 自评表；山西平台年度指标取数）。",
        defaultSeverity: .warning, scope: .crossForm,
        passing: [
            CheckExample([ExampleForms.selfEvaluation(), ExampleForms.targetTable()]),
            CheckExample([
                ExampleForms.selfEvaluation(),
                ExampleForms.targetTable {
                    $0.indicators.annual[2].name = "维修响应及"
                    $0.indicators.annual[2].value = IndicatorValue("及时及时")
                },
            ]),
            CheckExample([
                ExampleForms.selfEvaluation(),
                ExampleForms.targetTable { $0.indicators.annual[3].value = IndicatorValue("≤1,000,000元") },
            ]),
            // Another year's target table is not this self-evaluation's.
            CheckExample([
                ExampleForms.selfEvaluation(),
                ExampleForms.targetTable {
                    $0.year = 2026
                    $0.indicators.annual[0].value = IndicatorValue("≥12台")
                },
            ]),
        ],
        failing: [
            CheckExample(
                [
                    ExampleForms.selfEvaluation(),
                    ExampleForms.targetTable { $0.indicators.annual[0].value = IndicatorValue("≥12台") },
                ],
                expect: [ExpectedFinding(form: 0, at: "indicators[0].initialTarget", expected: "≥12台", actual: "≥10台")]),
            CheckExample(
                [
                    ExampleForms.targetTable {
                        $0.indicators.annual[1].name = "设备完好"
                        $0.indicators.annual[1].value = IndicatorValue("≥98%")
                    },
                    ExampleForms.selfEvaluation(),
                ],
                expect: [ExpectedFinding(form: 1, at: "indicators[1].initialTarget", expected: "≥98%", actual: "≥95%")]),
            // Matched by the names: the table prints no 预算单位, its 实施单位 is the self-evaluation's unit.
            CheckExample(
                [
                    ExampleForms.selfEvaluation { $0.indicators[5].initialTarget = IndicatorValue("") },
                    ExampleForms.targetTable { $0.agency = nil },
                ],
                expect: [ExpectedFinding(form: 0, at: "indicators[5].initialTarget", expected: "≥90%", actual: "")]),
        ])

    public init() {}

    public func check(_ pair: TargetPair, context: CheckContext) -> [(form: Int, violation: Violation)] {
        pair.indicatorMatch.matched.compactMap { index, target in
            let row = pair.evaluation.indicators[index]
            guard !InitialTargetDiffersCheck.same(row.initialTarget, target.row.value) else { return nil }
            let initial = row.initialTarget.isEmpty ? "为空" : "为“\(row.initialTarget.text)”"
            return pair.onEvaluation(
                Violation(
                    at: "indicators[\(index)].initialTarget",
                    "指标“\(row.name)”\(FieldVocabulary.Indicators.initialTarget.label)\(initial)，目标表“\(target.row.name)”的年度指标值为“\(target.row.value.text)”",
                    expected: target.row.value.text, actual: row.initialTarget.text))
        }
    }

    /// Whether two indicator values say the same thing.
    static func same(_ a: IndicatorValue, _ b: IndicatorValue) -> Bool {
        if NameFolding.key(a.text) == NameFolding.key(b.text) { return true }
        switch (a.reading, b.reading) {
        case (.quantity(let x, let p), .quantity(let y, let q)):
            return (x ?? .equal) == (y ?? .equal) && p.unit.isCompatible(with: q.unit) && p.baseValue == q.baseValue
        case (.qualitative(let x), .qualitative(let y)):
            return NameFolding.key(x) == NameFolding.key(y)
        case (.outcome(let x, _), .outcome(let y, _)):
            return x == y
        default:
            return false
        }
    }
}
