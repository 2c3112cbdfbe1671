import Foundation
import JixiaoCore

/// A self-evaluation scored and checked: what the editor shows as the officer types, and what the store
/// keeps as figures and findings on every save.
public struct FormAnalysis: Sendable {
    public let form: SelfEvaluation
    public let score: FormScore
    /// Findings of the whole catalogue on this form (checked together with its target table, when there is
    /// one, so the rules comparing the two see both).
    public let findings: [Finding]

    public init(_ form: SelfEvaluation, target: TargetTable?, policy: ScoringPolicy) {
        self.form = form
        score = FormScore(form, policy: policy)
        var inputs = [CheckRunner.Input(file: "自评表", form: .selfEvaluation(form))]
        if let target { inputs.append(CheckRunner.Input(file: "目标表", form: .targetTable(target))) }
        findings = CheckRunner(policy: policy).run(inputs).findings(forForm: 0)
    }

    public var errors: [Finding] { findings.filter { $0.severity == .error } }

    public var figures: FormFigures {
        FormFigures(
            printedTotal: form.printedTotal.text, printedGrade: form.printedGrade ?? "", total: score.total,
            grade: score.grade, ruleTotal: score.ruleTotal, ruleGrade: score.ruleGrade,
            executionRate: score.execution.ratePercent,
            declared: ExecutionScore.amount(form.funds, \.declared),
            fullYearBudget: score.execution.budget, executed: score.execution.executed,
            errorCount: errors.count, warningCount: findings.filter { $0.severity == .warning }.count)
    }

    public var storedFindings: [StoredFinding] {
        findings.map {
            StoredFinding(
                ruleID: $0.ruleID, severity: $0.severity, fieldPath: $0.location.fieldPath,
                message: $0.message)
        }
    }

    public var write: FormWrite { FormWrite(form: .selfEvaluation(form), figures: figures, findings: storedFindings) }
}
