/// SE.VAL.080: an indicator name that still holds the template's placeholder (`…率(≥**%)`, `≥**人`).
///
/// Templates print a sample name with `**` where the unit is to write its own figure; left in, the name
/// states no target, and the figure in the value column may contradict it. Targets with a placeholder are
/// SE.VAL.030's. Warning: the name must be completed before the form is published.
public struct PlaceholderInNameCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.VAL.080", slug: "placeholder-in-name", name: "指标名称含模板占位符",
        summary: "三级指标名称中不应留有模板占位符（**、××、XX 等）。",
        basis: "指标库模板以“**”示意待填数值；已公开表中有“(≥**平方米)”“≥**人”等未填写的名称。",
        defaultSeverity: .warning, scope: .selfEvaluation,
        passing: [CheckExample(ExampleForms.selfEvaluation())],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation { $0.indicators[0].name = "设备维护数量(≥**台)" },
                expect: [ExpectedFinding(at: "indicators[0].name", actual: "设备维护数量(≥**台)")])
        ])

    public init() {}

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        form.indicators.enumerated().compactMap { index, row in
            Placeholder.violation(in: row.name, at: "indicators[\(index)].name")
        }
    }
}

extension Placeholder {
    /// The finding for a name that holds a placeholder, shared by the 自评表 and 目标表 rules.
    static func violation(in name: String, at path: String, half: String = "") -> Violation? {
        guard occurs(in: name) else { return nil }
        return Violation(at: path, "\(half)指标名称“\(name)”留有模板占位符，应填写实际数值或删去", actual: name)
    }
}
