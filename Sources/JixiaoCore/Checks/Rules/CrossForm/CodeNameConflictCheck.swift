/// XF.NAME.010: one 项目代码 should carry one project name.
///
/// Names are spelt differently across documents for the same project (seeds 000/002: 职教教, 职数, 职数教龄,
/// 职教幼教), which is why matching keys on the code. A code printed with two names is still worth a look:
/// either a spelling to unify or a code typed against the wrong project. Notice: the code already matches
/// the forms, so nothing is miscounted. Each form whose name differs from the first form with that code
/// gets one finding, naming that first form; names are compared with whitespace, widths and brackets folded.
public struct CodeNameConflictCheck: CrossFormCheck {
    public static let description = CheckDescription(
        id: "XF.NAME.010", slug: "code-name-conflict", name: "项目代码对应不同名称",
        summary: "同一项目代码在不同表单上印着不同的项目名称（忽略空白、全半角和括号样式的差别）。",
        basis: "项目代码唯一标识项目；同一项目在不同公开文件中名称写法不一（000 自评表与 002 目标表的职教补助项目），应统一名称或核对代码。",
        defaultSeverity: .notice, scope: .crossForm,
        passing: [
            CheckExample([ExampleForms.selfEvaluation(), ExampleForms.targetTable()]),
            CheckExample([
                ExampleForms.selfEvaluation { $0.projectCode = Self.code },
                ExampleForms.targetTable {
                    $0.projectCode = Self.code
                    $0.year = 2024
                },
            ]),
            CheckExample([
                ExampleForms.selfEvaluation {
                    $0.projectCode = Self.code
                    $0.project = "示例项目（一期）"
                },
                ExampleForms.targetTable {
                    $0.projectCode = Self.code
                    $0.project = "示例项目(一期)"
                },
            ]),
            // Differing names without codes are different projects, not a conflict.
            CheckExample([ExampleForms.selfEvaluation(), ExampleForms.targetTable { $0.project = "其他项目" }]),
        ],
        failing: [
            CheckExample(
                [
                    ExampleForms.selfEvaluation { $0.projectCode = Self.code },
                    ExampleForms.targetTable {
                        $0.projectCode = Self.code
                        $0.project = "示例项目补助资金"
                        $0.year = 2024
                    },
                ],
                expect: [ExpectedFinding(form: 1, at: "project", expected: "示例项目", actual: "示例项目补助资金")]),
            CheckExample(
                [
                    ExampleForms.selfEvaluation { $0.projectCode = Self.code },
                    ExampleForms.selfEvaluation {
                        $0.projectCode = Self.code
                        $0.project = "示例项目二"
                    },
                    ExampleForms.selfEvaluation {
                        $0.projectCode = Self.code
                        $0.project = "示例项目三"
                    },
                ],
                expect: [
                    ExpectedFinding(form: 1, at: "project", expected: "示例项目", actual: "示例项目二"),
                    ExpectedFinding(form: 2, at: "project", expected: "示例项目", actual: "示例项目三"),
                ]),
        ])

    /// A 21-character 项目代码 for the examples.
    static let code = "14000023T000000012345"

    public init() {}

    public func violations(in index: FormIndex, context: CheckContext, forms: FormFetcher) -> CrossFormViolations {
        var first: [String: Int] = [:]
        var found = CrossFormViolations()
        for (position, form) in index.forms.enumerated() {
            guard let code = form.projectCode else { continue }
            guard let reference = first[code] else {
                first[code] = position
                continue
            }
            let name = index[reference].project
            guard NameFolding.key(name) != NameFolding.key(form.project) else { continue }
            found.violations.append(
                (
                    position,
                    Violation(
                        at: "project", "项目代码 \(code) 在另一张表上的项目名称为“\(name)”，本表为“\(form.project)”",
                        expected: name, actual: form.project, relatedForms: [reference])
                ))
        }
        return found
    }
}
