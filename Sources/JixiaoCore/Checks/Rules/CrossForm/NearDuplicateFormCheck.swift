/// XF.DUP.020: two forms of one year under different project names with the same indicator table.
///
/// A self-evaluation's table is the sequence of 三级 name, 调整后指标值 and 分值; a target table's is the
/// 年度 set's names and values. Different projects rarely measure exactly the same things with the same
/// numbers, so an identical table usually means a form copied and renamed (or one project published under
/// two names). Notice: it can also be legitimate (two sister subsidies), so a reviewer decides.
///
/// Reported as a group: the forms of one kind and year sharing one table (hashed, never compared pair by
/// pair), when they name at least two projects. Each member gets one finding naming the group; a template
/// copied by 2 000 units is one group of 2 000, not two million pairs.
public struct NearDuplicateFormCheck: CrossFormCheck {
    public static let description = CheckDescription(
        id: "XF.DUP.020", slug: "near-duplicate-form", name: "疑似重复表单",
        summary:
            "同一年度的同类表单指标表完全相同（自评表：三级指标名称、\(FieldVocabulary.Indicators.adjustedTarget.label)、分值依次相同；目标表：年度指标名称与指标值依次相同），而项目名称不止一个，可能是复制后改名的表单。这些表单按组报告：每张表一条提示，写明组编号、张数和前几张表；报告中每组一项，列出全部表单。",
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
                expect: [ExpectedFinding(form: 0, at: "indicators"), ExpectedFinding(form: 1, at: "indicators")]),
            CheckExample(
                [ExampleForms.targetTable(), ExampleForms.targetTable { $0.project = "其他项目" }],
                expect: [
                    ExpectedFinding(form: 0, at: "indicators.annual"),
                    ExpectedFinding(form: 1, at: "indicators.annual"),
                ]),
            // Three forms, two of them one project: one group of three.
            CheckExample(
                [
                    ExampleForms.selfEvaluation(), ExampleForms.selfEvaluation { $0.project = "其他项目" },
                    ExampleForms.selfEvaluation(),
                ],
                expect: [
                    ExpectedFinding(form: 0, at: "indicators"), ExpectedFinding(form: 1, at: "indicators"),
                    ExpectedFinding(form: 2, at: "indicators"),
                ]),
        ])

    public init() {}

    /// What must coincide: kind, year and the indicator table (its rows, hashed).
    public struct TableKey: Sendable, Hashable {
        let kind: FormIdentity.Kind
        let year: Int
        let fingerprint: StableHash
        let rows: Int
    }

    /// A form's table key; nil when it has no indicator rows.
    static func key(of form: Form) -> TableKey? {
        let rows = table(of: form)
        guard !rows.isEmpty else { return nil }
        var fingerprint = StableHash()
        for cell in rows.joined() { fingerprint.combine(cell) }
        return TableKey(kind: FormIdentity.Kind(form), year: form.year, fingerprint: fingerprint, rows: rows.count)
    }

    public func violations(in index: FormIndex, context: CheckContext, forms: FormFetcher) -> CrossFormViolations {
        var found = CrossFormViolations()
        for (key, members) in index.groups(by: \.table) {
            let projects = Set(members.map { index[$0].identity.project })
            guard projects.count > 1 else { continue }
            var hash = StableHash([key.kind.rawValue, String(key.year), String(key.rows)])
            hash.combine(String(key.fingerprint.high, radix: 16) + String(key.fingerprint.low, radix: 16))
            let group = FormGroup(
                ruleID: Self.description.id, key: hash,
                summary: "\(key.year)年度\(key.kind.label)，\(key.rows) 个指标逐项相同，涉及 \(projects.count) 个项目名称",
                members: members)
            found.groups.append(group)
            let path = key.kind == .selfEvaluation ? "indicators" : "indicators.annual"
            for member in members {
                let form = index[member]
                guard let other = members.first(where: { index[$0].identity.project != form.identity.project })
                else { continue }
                found.violations.append(
                    (
                        member,
                        Violation(
                            at: path,
                            "指标表与另外 \(members.count - 1) 张\(key.year)年度\(key.kind.label)（如项目“\(index[other].project)”）的 \(key.rows) 个指标逐项相同，但项目名称不同（本表“\(form.project)”）：请确认是否复制后改名",
                            relatedForms: group.others(than: member), group: group.membership)
                    ))
            }
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
