/// XF.UNIT.010: a 预算单位 or 主管部门 code is printed with one name.
///
/// Seed 003's cover names 山西省工伤保险管理中心 while its forms read 山西省工伤保险管理服务中心 under the same
/// code 209105. Summaries and exports group by code, so a second name does not split the unit, but the
/// disclosure prints it: warning, to be corrected before publication. Each occurrence whose name differs
/// from the first occurrence of its code gets one finding (names compared with whitespace, widths and
/// brackets folded).
public struct UnitNameConflictCheck: CrossFormCheck {
    public static let description = CheckDescription(
        id: "XF.UNIT.010", slug: "unit-name-conflict", name: "单位代码对应不同名称",
        summary: "同一预算单位或主管部门代码在不同表单上印着不同的名称（例如 209105-山西省工伤保险管理服务中心 与 209105-山西省工伤保险管理中心）。",
        basis: "单位代码唯一标识单位；003 决算公开封面的单位名称与表内名称不一致。",
        defaultSeverity: .warning, scope: .crossForm,
        passing: [
            CheckExample([ExampleForms.selfEvaluation(), ExampleForms.targetTable()]),
            CheckExample([
                ExampleForms.selfEvaluation(),
                ExampleForms.selfEvaluation {
                    $0.project = "其他项目"
                    $0.agency = CodedName("209100-示例局 ")
                },
            ]),
            // A target table without a printed 预算单位 names only its 实施单位, which has no code to compare.
            CheckExample([
                ExampleForms.selfEvaluation(),
                ExampleForms.targetTable {
                    $0.agency = nil
                    $0.implementingAgency = "示例局机关"
                },
            ]),
        ],
        failing: [
            CheckExample(
                [
                    ExampleForms.selfEvaluation { $0.agency = CodedName("209105-山西省工伤保险管理服务中心") },
                    ExampleForms.selfEvaluation {
                        $0.project = "其他项目"
                        $0.agency = CodedName("209105-山西省工伤保险管理中心")
                    },
                ],
                expect: [
                    ExpectedFinding(
                        form: 1, at: "agency", expected: "山西省工伤保险管理服务中心",
                        actual: "山西省工伤保险管理中心")
                ]),
            CheckExample(
                [ExampleForms.selfEvaluation(), ExampleForms.targetTable { $0.department = CodedName("209-示例厅办公室") }],
                expect: [ExpectedFinding(form: 1, at: "department", expected: "示例厅", actual: "示例厅办公室")]),
        ])

    public init() {}

    public func violations(in index: FormIndex, context: CheckContext, forms: FormFetcher) -> CrossFormViolations {
        var first: [String: (form: Int, name: String)] = [:]
        var found = CrossFormViolations()
        for (position, form) in index.forms.enumerated() {
            for (path, label, unit) in form.units {
                guard let code = unit.code else { continue }
                guard let reference = first[code] else {
                    first[code] = (position, unit.name)
                    continue
                }
                guard NameFolding.key(reference.name) != NameFolding.key(unit.name) else { continue }
                found.violations.append(
                    (
                        position,
                        Violation(
                            at: path, "\(label)代码 \(code) 在另一处印作“\(reference.name)”，此处为“\(unit.name)”",
                            expected: reference.name, actual: unit.name,
                            relatedForms: reference.form == position ? [] : [reference.form])
                    ))
            }
        }
        return found
    }

    /// The coded units a form prints, with their field paths.
    static func units(of form: Form) -> [(path: String, label: String, unit: CodedName)] {
        switch form {
        case .selfEvaluation(let evaluation):
            [("department", "主管部门", evaluation.department), ("agency", "预算单位", evaluation.agency)]
        case .targetTable(let table):
            [("department", "主管部门", table.department)] + (table.agency.map { [("agency", "预算单位", $0)] } ?? [])
        }
    }
}
