/// XF.DUP.010: the same unit, project and year must not appear twice among forms of one kind.
///
/// The unit is the 预算单位 code (else its name), the project its 项目代码 (else its name with whitespace,
/// widths and bracket styles folded). Three classes, after Arelle's duplicate facts (anchors B.7.5): an
/// identical form published twice is a warning (a counting slip: the department summary counts it twice);
/// two forms whose numbers agree after rounding are a notice; two forms with conflicting numbers are an
/// error, because at most one of them can be right and nothing says which.
///
/// Reported as a group: the forms sharing unit, project and year (found by that key, never pair by pair).
/// Each later member is compared with the group's first form and gets one finding of its class; the first
/// form gets a notice that it heads the group. Every finding names the group (id, size, first members).
public struct DuplicateFormCheck: CrossFormCheck {
    public static let description = CheckDescription(
        id: "XF.DUP.010", slug: "duplicate-form", name: "重复表单",
        summary:
            "同一单位、同一项目（项目代码，无代码时按规范化的项目名称）、同一年度的同类表单出现不止一次，按组报告：组内第一张表得到一条提示；其余每张与第一张比较，完全相同为警告，数字四舍五入到 2 位后一致为提示，数字冲突为错误并指出第一个不一致的数字。",
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
                expect: [
                    ExpectedFinding(form: 0, at: nil, severity: .notice),
                    ExpectedFinding(form: 1, at: nil, severity: .warning),
                ]),
            CheckExample(
                [ExampleForms.targetTable(), ExampleForms.targetTable()],
                expect: [
                    ExpectedFinding(form: 0, at: nil, severity: .notice),
                    ExpectedFinding(form: 1, at: nil, severity: .warning),
                ]),
            // Three copies: one group, one finding each (not one per pair).
            CheckExample(
                [ExampleForms.selfEvaluation(), ExampleForms.selfEvaluation(), ExampleForms.selfEvaluation()],
                expect: [
                    ExpectedFinding(form: 0, at: nil, severity: .notice),
                    ExpectedFinding(form: 1, at: nil, severity: .warning),
                    ExpectedFinding(form: 2, at: nil, severity: .warning),
                ]),
            // Equal within rounding: 100 written as 100.00.
            CheckExample(
                [ExampleForms.selfEvaluation(), ExampleForms.selfEvaluation { $0.funds.total.executed = "100.00" }],
                expect: [
                    ExpectedFinding(form: 0, at: nil, severity: .notice),
                    ExpectedFinding(
                        form: 1, at: "funds.total.executed", expected: "100", actual: "100.00",
                        severity: .notice),
                ]),
            // The same project, its name spelt with half-width brackets and a space: numbers agree, texts differ.
            CheckExample(
                [
                    ExampleForms.selfEvaluation { $0.project = "示例项目（一期）" },
                    ExampleForms.selfEvaluation { $0.project = "示例项目 (一期)" },
                ],
                expect: [
                    ExpectedFinding(form: 0, at: nil, severity: .notice),
                    ExpectedFinding(form: 1, at: nil, severity: .notice),
                ]),
            CheckExample(
                [ExampleForms.selfEvaluation(), ExampleForms.selfEvaluation { $0.funds.total.executed = "90" }],
                expect: [
                    ExpectedFinding(form: 0, at: nil, severity: .notice),
                    ExpectedFinding(
                        form: 1, at: "funds.total.executed", expected: "100", actual: "90",
                        severity: .error),
                ]),
            CheckExample(
                [ExampleForms.targetTable(), ExampleForms.targetTable { $0.funds.annual.total = "1,200,000" }],
                expect: [
                    ExpectedFinding(form: 0, at: nil, severity: .notice),
                    ExpectedFinding(
                        form: 1, at: "funds.annual.total", expected: "1,000,000",
                        actual: "1,200,000", severity: .error),
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
                expect: [
                    ExpectedFinding(form: 0, at: nil, severity: .notice),
                    ExpectedFinding(form: 1, at: "indicators[5].weight", expected: "10", severity: .error),
                ]),
        ])

    public init() {}

    public func violations(in index: FormIndex, context: CheckContext, forms: FormFetcher) -> CrossFormViolations {
        var found = CrossFormViolations()
        for (identity, members) in index.groups(by: { $0.identity }) {
            guard let reference = forms(members[0]) else { continue }
            let first = index[members[0]]
            let group = FormGroup(
                ruleID: Self.description.id, key: identity.stableHash,
                summary: "\(first.unit)，\(first.project)，\(identity.year)年度\(identity.kind.label)",
                members: members)
            found.groups.append(group)
            func what(_ keys: FormKeys) -> String {
                "同一单位（\(keys.unit)）、同一项目（\(keys.project)）、\(keys.year)年度的\(keys.kind.label)"
            }
            found.violations.append(
                (
                    members[0],
                    Violation(
                        at: nil, "\(what(first))共 \(members.count) 张，本表是其中第一张；其余各张与本表比较", severity: .notice,
                        relatedForms: group.others(than: members[0]), group: group.membership)
                ))
            for member in members.dropFirst() {
                guard let form = forms(member) else { continue }
                var violation = Self.violation(
                    FormDuplicates.classify(reference, form), what: what(index[member]))
                violation.relatedForms = group.others(than: member)
                violation.group = group.membership
                found.violations.append((member, violation))
            }
        }
        return found
    }

    /// What a later member of a group is told, by its class against the group's first form.
    static func violation(_ kind: FormDuplicates.Class, what: String) -> Violation {
        switch kind {
        case .identical:
            return Violation(at: nil, "与另一张\(what)完全相同，重复出现", severity: .warning)
        case .consistent(let difference):
            let detail = difference.map { "；\($0.field.label)写作 \($0.earlier ?? "") 与 \($0.later ?? "")" } ?? ""
            return Violation(
                at: difference?.field.path, "与另一张\(what)重复，数字四舍五入到 2 位后一致\(detail)",
                expected: difference?.earlier, actual: difference?.later, severity: .notice)
        case .conflicting(let difference):
            return Violation(
                at: difference.field.path,
                "与另一张\(what)数字冲突：\(difference.field.label)另一张为 \(difference.earlier ?? "（无）")，此表为 \(difference.later ?? "（无）")",
                expected: difference.earlier, actual: difference.later, severity: .error)
        }
    }
}
