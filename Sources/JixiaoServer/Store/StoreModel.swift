import Foundation
import JixiaoCore

/// What a user may do is decided by their role (see `AccessPolicy`).
public enum Role: String, Sendable, Hashable, CaseIterable {
    /// 项目单位经办人: one unit's forms.
    case officer
    /// 财务/主管部门审核人: the units assigned to them.
    case reviewer
    /// 管理员: users and units; sees every unit.
    case admin

    public var label: String {
        switch self {
        case .officer: "经办人"
        case .reviewer: "审核人"
        case .admin: "管理员"
        }
    }
}

/// 预算单位: the owner of forms.
public struct BudgetUnit: Sendable, Hashable {
    public let id: Int64
    /// 单位代码 (`209100`), when known.
    public let code: String?
    public let name: String

    public init(id: Int64, code: String?, name: String) {
        self.id = id
        self.code = code
        self.name = name
    }

    /// `209100-山西省社会保险局`, as forms print it.
    public var label: String { code.map { "\($0)-\(name)" } ?? name }
}

public struct User: Sendable, Hashable {
    public let id: Int64
    public let login: String
    public let displayName: String
    public let role: Role
    /// An officer's unit.
    public let unitID: Int64?
    /// A reviewer's assigned units.
    public let reviewedUnits: Set<Int64>

    public init(id: Int64, login: String, displayName: String, role: Role, unitID: Int64?, reviewedUnits: Set<Int64>) {
        self.id = id
        self.login = login
        self.displayName = displayName
        self.role = role
        self.unitID = unitID
        self.reviewedUnits = reviewedUnits
    }
}

/// A user to create. `passwordHash` comes from `PasswordHasher`.
public struct NewUser: Sendable {
    public var login: String
    public var displayName: String
    public var role: Role
    public var unitID: Int64?
    public var reviewedUnits: Set<Int64>
    public var passwordHash: String

    public init(
        login: String, displayName: String, role: Role, unitID: Int64? = nil, reviewedUnits: Set<Int64> = [],
        passwordHash: String
    ) {
        self.login = login
        self.displayName = displayName
        self.role = role
        self.unitID = unitID
        self.reviewedUnits = reviewedUnits
        self.passwordHash = passwordHash
    }
}

/// A server-side session: the cookie carries the token, the store keeps only its digest.
public struct Session: Sendable, Hashable {
    public let tokenDigest: String
    public let userID: Int64
    /// The synchroniser token every form post and JSON mutation of this session must carry.
    public let csrfToken: String
    public let expiresAt: Date

    public init(tokenDigest: String, userID: Int64, csrfToken: String, expiresAt: Date) {
        self.tokenDigest = tokenDigest
        self.userID = userID
        self.csrfToken = csrfToken
        self.expiresAt = expiresAt
    }
}

public enum FormKind: String, Sendable, Hashable {
    case selfEvaluation = "self-evaluation"
    case targetTable = "target-table"

    public init(_ form: Form) {
        switch form {
        case .selfEvaluation: self = .selfEvaluation
        case .targetTable: self = .targetTable
        }
    }

    public var label: String { self == .selfEvaluation ? "自评表" : "目标表" }
}

/// The figures of a self-evaluation that lists and the dashboard show, computed when it is saved so a
/// year of forms is summarised without reading every form.
public struct FormFigures: Sendable, Hashable {
    public var printedTotal: String
    public var printedGrade: String
    /// Grade of `FormScore.total` (recomputed execution score + entered indicator scores).
    public var total: Decimal
    public var grade: Grade
    public var ruleTotal: Decimal
    public var ruleGrade: Grade
    public var executionRate: Decimal?
    /// 资金总额 amounts (万元), nil when unreadable.
    public var declared: Decimal?
    public var fullYearBudget: Decimal?
    public var executed: Decimal?
    public var errorCount: Int
    public var warningCount: Int

    public init(
        printedTotal: String, printedGrade: String, total: Decimal, grade: Grade, ruleTotal: Decimal,
        ruleGrade: Grade, executionRate: Decimal?, declared: Decimal?, fullYearBudget: Decimal?,
        executed: Decimal?, errorCount: Int, warningCount: Int
    ) {
        self.printedTotal = printedTotal
        self.printedGrade = printedGrade
        self.total = total
        self.grade = grade
        self.ruleTotal = ruleTotal
        self.ruleGrade = ruleGrade
        self.executionRate = executionRate
        self.declared = declared
        self.fullYearBudget = fullYearBudget
        self.executed = executed
        self.errorCount = errorCount
        self.warningCount = warningCount
    }
}

/// A finding as stored for filtering by rule.
public struct StoredFinding: Sendable, Hashable {
    public let ruleID: String
    public let severity: Severity
    public let fieldPath: String?
    public let message: String

    public init(ruleID: String, severity: Severity, fieldPath: String?, message: String) {
        self.ruleID = ruleID
        self.severity = severity
        self.fieldPath = fieldPath
        self.message = message
    }
}

/// A form's row without its body: what lists and the dashboard need.
public struct FormRecord: Sendable, Hashable {
    public let id: Int64
    public let kind: FormKind
    public let unitID: Int64
    public let year: Int
    public let project: String
    /// nil for target tables, which have no workflow.
    public let state: WorkflowState?
    public let version: Int
    /// The target table a self-evaluation was created from.
    public let targetID: Int64?
    public let figures: FormFigures?
    public let updatedAt: Date
}

/// A form with its body at its current version.
public struct StoredForm: Sendable {
    public let record: FormRecord
    public let form: Form
}

/// What an insert or save writes besides the body.
public struct FormWrite: Sendable {
    public var form: Form
    public var figures: FormFigures?
    public var findings: [StoredFinding]

    public init(form: Form, figures: FormFigures?, findings: [StoredFinding]) {
        self.form = form
        self.figures = figures
        self.findings = findings
    }
}

/// One changed field: the path as the checks name it (`indicators[3].score`).
public struct FieldChange: Sendable, Hashable {
    public let path: String
    public let old: String
    public let new: String

    public init(path: String, old: String, new: String) {
        self.path = path
        self.old = old
        self.new = new
    }
}

/// One line of a form's append-only history.
public struct HistoryEntry: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case created, imported, edited, transition
    }

    public let id: Int64
    public let formID: Int64
    /// The version the entry produced.
    public let version: Int
    public let userID: Int64?
    public let userName: String?
    public let at: Date
    public let kind: Kind
    /// For `edited`: the field and its old and new values.
    public let change: FieldChange?
    /// For `transition`.
    public let fromState: WorkflowState?
    public let toState: WorkflowState?
    public let comment: String?
}

/// Filters of form lists and the dashboard. Empty means "any".
public struct FormQuery: Sendable, Hashable {
    public var kind: FormKind
    public var year: Int?
    public var units: UnitScope
    public var unitID: Int64?
    public var states: Set<WorkflowState>
    /// Recomputed grade.
    public var grade: Grade?
    /// Only forms with a finding of this rule.
    public var ruleID: String?

    public init(
        kind: FormKind = .selfEvaluation, year: Int? = nil, units: UnitScope, unitID: Int64? = nil,
        states: Set<WorkflowState> = [], grade: Grade? = nil, ruleID: String? = nil
    ) {
        self.kind = kind
        self.year = year
        self.units = units
        self.unitID = unitID
        self.states = states
        self.grade = grade
        self.ruleID = ruleID
    }
}

/// Which units a user may see.
public enum UnitScope: Sendable, Hashable {
    case all
    case only(Set<Int64>)

    public func contains(_ unit: Int64) -> Bool {
        switch self {
        case .all: true
        case .only(let units): units.contains(unit)
        }
    }
}

/// A batch of approved forms written to the export folder.
public struct ExportBatch: Sendable, Hashable {
    public let id: Int64
    public let createdBy: Int64
    public let createdAt: Date
    public let directory: String
    public let items: [Item]

    /// The batch file of `jixiao export` in the batch folder (`<folder name>.batch.xml`).
    public var batchFile: String {
        (directory as NSString).appendingPathComponent((directory as NSString).lastPathComponent + ".batch.xml")
    }

    public struct Item: Sendable, Hashable {
        public let formID: Int64
        public let unitID: Int64
        /// Path inside the batch directory.
        public let path: String
    }
}
