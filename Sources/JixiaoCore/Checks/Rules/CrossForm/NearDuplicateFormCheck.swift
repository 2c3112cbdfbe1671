/// XF.DUP.020: two forms of one year under different project names with the same indicator table.
///
/// A self-evaluation's table is the sequence of 三级 name, 调整后指标值 and 分值; a target table's is the
/// 年度 set's names and values. Different projects rarely measure exactly the same things with the same
/// numbers, so an identical table usually means a form copied and renamed (or one project published under
/// two names). Notice: it can also be legitimate (two sister subsidies), so a reviewer decides.
public struct NearDuplicateFormCheck: Check {
    public static let description = CheckDescription(
        id: "XF.DUP.020", slug: "near-duplicate-form", name: "疑似重复表单",
        summary: "同一年度、项目名称不同的两张同类表单，指标表完全相同（自评表：三级指标名称、调整后指标值、分值依次相同；目标表：年度指标名称与指标值依次相同），可能是复制后改名的表单。",
        basis: "不同项目的绩效指标一般不会逐项相同；逐项相同多为复制表单后只改了项目名称（或同一项目以两个名称公开）。",
        defaultSeverity: .notice, scope: .crossForm,
        passing: [
            CheckExample([ExampleForms.selfEvaluation(), ExampleForms.targetTable()]),
            CheckExample([
                ExampleForms.selfEvaluation(),
                ExampleForms.selfEvaluation {
                    $0.project = "其他项目"
                    $0.indicators[1].adjustedTarget = IndicatorValue("≥96%")
                },
            ]),
            CheckExample([
                ExampleForms.selfEvaluation(),
                ExampleForms.selfEvaluation {
                    $0.project = "其他项目"
                    $0.indicators[0].weight = "20"
                },
            ]),
            CheckExample([
                ExampleForms.selfEvaluation(),
                ExampleForms.selfEvaluation {
                    $0.project = "其他项目"
                    $0.year = 2024
                },
            ]),
            CheckExample([
                ExampleForms.targetTable(),
                ExampleForms.targetTable {
                    $0.project = "其他项目"
                    $0.indicators.annual[0].name = "设备采购数量"
                },
            ]),
        ],
        failing: [
            CheckExample(
                [
                    ExampleForms.selfEvaluation(),
                    ExampleForms.selfEvaluation {
                        $0.project = "其他项目"
                        $0.funds.total.executed = "90"
                    },
                ],
                expect: [ExpectedFinding(form: 1, at: "indicators")]),
            CheckExample(
                [ExampleForms.targetTable(), ExampleForms.targetTable { $0.project = "其他项目" }],
                expect: [ExpectedFinding(form: 1, at: "indicators.annual")]),
        ])

    public init() {}

    /// What must coincide: kind, year and the indicator table.
    struct TableKey: Hashable {
        let kind: FormIdentity.Kind
        let year: Int
        let rows: [[String]]
    }

    public func violations(in forms: [Form], context: CheckContext) -> [(form: Int, violation: Violation)] {
        var seen: [TableKey: [Int]] = [:]
        var found: [(form: Int, violation: Violation)] = []
        for (index, form) in forms.enumerated() {
            let rows = NearDuplicateFormCheck.table(of: form)
            guard !rows.isEmpty else { continue }
            let identity = FormIdentity(form)
            let key = TableKey(kind: identity.kind, year: form.year, rows: rows)
            for earlier in seen[key, default: []] where FormIdentity(forms[earlier]).project != identity.project {
                let path = identity.kind == .selfEvaluation ? "indicators" : "indicators.annual"
                found.append(
                    (
                        index,
                        Violation(
                            at: path,
                            "指标表与另一张\(form.year)年度\(identity.kind.label)（项目“\(forms[earlier].project)”）的 \(rows.count) 个指标逐项相同，但项目名称不同（本表“\(form.project)”）：请确认是否复制后改名",
                            relatedForms: [earlier])
                    ))
            }
            seen[key, default: []].append(index)
        }
        return found
    }

    /// The rows that make up a form's indicator table, in printed order.
    static func table(of form: Form) -> [[String]] {
        switch form {
        case .selfEvaluation(let evaluation):
            evaluation.indicators.map { row in
                [
                    NameFolding.key(row.name), NameFolding.key(row.adjustedTarget.text),
                    row.weight.value.map { DecimalText.fixed($0) } ?? row.weight.text,
                ]
            }
        case .targetTable(let table):
            table.indicators.annual.filter { !$0.isTemplateRow }.map {
                [NameFolding.key($0.name), NameFolding.key($0.value.text)]
            }
        }
    }
}
