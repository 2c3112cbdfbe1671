/// XF.DUP.010: the same unit, project and year must not appear twice among forms of one kind.
///
/// The unit is the 预算单位 code (else its name), the project its 项目代码 (else its name with whitespace,
/// widths and bracket styles folded). Three classes, after Arelle's duplicate facts (anchors B.7.5): an
/// identical form published twice is a warning (a counting slip: the department summary counts it twice);
/// two forms whose numbers agree after rounding are a notice; two forms with conflicting numbers are an
/// error, because at most one of them can be right and nothing says which. One finding per pair, on the
/// later form, naming the earlier one.
public struct DuplicateFormCheck: Check {
    public static let description = CheckDescription(
        id: "XF.DUP.010", slug: "duplicate-form", name: "重复表单",
        summary: "同一单位、同一项目（项目代码，无代码时按规范化的项目名称）、同一年度的同类表单出现两次：完全相同为警告；数字四舍五入到 2 位后一致为提示；数字冲突为错误，并指出第一个不一致的数字。",
        basis: "决算公开附表按张计数，重复的表单会使“二级项目绩效自评个数”和等级个数虚增；重复事实分完全相同、舍入一致、不一致三类（Arelle duplicate facts）。",
        defaultSeverity: .error, scope: .crossForm,
        tolerance: "数字四舍五入到 2 位后比较；空单元格按 0",
        passing: [
            CheckExample([ExampleForms.selfEvaluation(), ExampleForms.targetTable()]),
            CheckExample([ExampleForms.selfEvaluation(), ExampleForms.selfEvaluation { $0.year = 2024 }]),
            CheckExample([ExampleForms.selfEvaluation(), ExampleForms.selfEvaluation { $0.project = "其他项目" }]),
            CheckExample([
                ExampleForms.selfEvaluation(),
                ExampleForms.selfEvaluation { $0.agency = CodedName("209105-示例中心") },
            ]),
        ],
        failing: [
            CheckExample(
                [ExampleForms.selfEvaluation(), ExampleForms.selfEvaluation()],
                expect: [ExpectedFinding(form: 1, at: nil, severity: .warning)]),
            CheckExample(
                [ExampleForms.targetTable(), ExampleForms.targetTable()],
                expect: [ExpectedFinding(form: 1, at: nil, severity: .warning)]),
            CheckExample(
                [ExampleForms.selfEvaluation(), ExampleForms.selfEvaluation(), ExampleForms.selfEvaluation()],
                expect: [
                    ExpectedFinding(form: 1, at: nil, severity: .warning),
                    ExpectedFinding(form: 2, at: nil, severity: .warning),
                    ExpectedFinding(form: 2, at: nil, severity: .warning),
                ]),
            // Equal within rounding: 100 written as 100.00.
            CheckExample(
                [ExampleForms.selfEvaluation(), ExampleForms.selfEvaluation { $0.funds.total.executed = "100.00" }],
                expect: [
                    ExpectedFinding(
                        form: 1, at: "funds.total.executed", expected: "100", actual: "100.00",
                        severity: .notice)
                ]),
            // The same project, its name spelt with half-width brackets and a space: numbers agree, texts differ.
            CheckExample(
                [
                    ExampleForms.selfEvaluation { $0.project = "示例项目（一期）" },
                    ExampleForms.selfEvaluation { $0.project = "示例项目 (一期)" },
                ],
                expect: [ExpectedFinding(form: 1, at: nil, severity: .notice)]),
            CheckExample(
                [ExampleForms.selfEvaluation(), ExampleForms.selfEvaluation { $0.funds.total.executed = "90" }],
                expect: [
                    ExpectedFinding(
                        form: 1, at: "funds.total.executed", expected: "100", actual: "90",
                        severity: .error)
                ]),
            CheckExample(
                [ExampleForms.targetTable(), ExampleForms.targetTable { $0.funds.annual.total = "1,200,000" }],
                expect: [
                    ExpectedFinding(
                        form: 1, at: "funds.annual.total", expected: "1,000,000",
                        actual: "1,200,000", severity: .error)
                ]),
            // Without a unit code the names decide; a row less is a conflict on the first missing number.
            CheckExample(
                [
                    ExampleForms.selfEvaluation { $0.agency = CodedName("示例局") },
                    ExampleForms.selfEvaluation {
                        $0.agency = CodedName("示例局")
                        $0.indicators.removeLast()
                    },
                ],
                expect: [ExpectedFinding(form: 1, at: "indicators[5].weight", expected: "10", severity: .error)]),
        ])

    public init() {}

    public func violations(in forms: [Form], context: CheckContext) -> [(form: Int, violation: Violation)] {
        FormDuplicates.pairs(in: forms).map { pair in
            let form = forms[pair.later]
            let what = "同一单位（\(form.unit)）、同一项目（\(form.project)）、\(form.year)年度的\(FormIdentity(form).kind.label)"
            let violation: Violation
            switch pair.kind {
            case .identical:
                violation = Violation(
                    at: nil, "与另一张\(what)完全相同，重复出现", severity: .warning,
                    relatedForms: [pair.earlier])
            case .consistent(let difference):
                let detail = difference.map { "；\($0.field.label)写作 \($0.earlier ?? "") 与 \($0.later ?? "")" } ?? ""
                violation = Violation(
                    at: difference?.field.path,
                    "与另一张\(what)重复，数字四舍五入到 2 位后一致\(detail)",
                    expected: difference?.earlier, actual: difference?.later, severity: .notice,
                    relatedForms: [pair.earlier])
            case .conflicting(let difference):
                violation = Violation(
                    at: difference.field.path,
                    "与另一张\(what)数字冲突：\(difference.field.label)另一张为 \(difference.earlier ?? "（无）")，此表为 \(difference.later ?? "（无）")",
                    expected: difference.earlier, actual: difference.later, severity: .error,
                    relatedForms: [pair.earlier])
            }
            return (pair.later, violation)
        }
    }
}
