/// SE.CODE.010: the 预算单位代码 does not start with the 主管部门代码.
///
/// A unit code is the 3-digit department code plus a 3-digit sequence (`209` → `209100`), and the platform
/// derives the department from it by dropping the last 3 digits. A mismatch means the 主管部门 cell holds
/// something else, typically a 处室 (`908-资产管理处`). Warning: exports keyed on the department go astray.
public struct AgencyCodeOutsideDepartmentCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.CODE.010", slug: "agency-code-outside-department", name: "预算单位代码与主管部门代码不符",
        summary: "预算单位代码应以主管部门代码开头（单位代码 = 3 位部门代码 + 3 位顺序号）。",
        basis: "预算管理一体化编码规则：单位代码由主管部门代码加顺序号组成；平台按单位代码去掉末 3 位得到部门代码（DEPT_CODE）。",
        defaultSeverity: .warning, scope: .selfEvaluation,
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(ExampleForms.selfEvaluation { $0.department = CodedName("示例厅") }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation { $0.department = CodedName("908-资产管理处") },
                expect: [ExpectedFinding(at: "agency", expected: "908", actual: "209100")])
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        guard let department = form.department.code, let agency = form.agency.code, !agency.hasPrefix(department)
        else { return [] }
        return [
            Violation(
                at: "agency",
                "预算单位代码 \(agency)（\(form.agency.name)）不以主管部门代码 \(department)（\(form.department.name)）开头",
                expected: department, actual: agency)
        ]
    }
}
