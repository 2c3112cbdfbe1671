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
    /// 已停用: cannot sign in; their forms and history stay.
    public let isDisabled: Bool
    /// The password was set by an administrator (初始密码 or a reset): the user must choose their own before
    /// doing anything else.
    public let mustChangePassword: Bool

    public init(
        id: Int64, login: String, displayName: String, role: Role, unitID: Int64?, reviewedUnits: Set<Int64>,
        isDisabled: Bool = false, mustChangePassword: Bool = false
    ) {
        self.id = id
        self.login = login
        self.displayName = displayName
        self.role = role
        self.unitID = unitID
        self.reviewedUnits = reviewedUnits
        self.isDisabled = isDisabled
        self.mustChangePassword = mustChangePassword
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
    /// The password is temporary (`User.mustChangePassword`).
    public var mustChangePassword: Bool

    public init(
        login: String, displayName: String, role: Role, unitID: Int64? = nil, reviewedUnits: Set<Int64> = [],
        passwordHash: String, mustChangePassword: Bool = false
    ) {
        self.login = login
        self.displayName = displayName
        self.role = role
        self.unitID = unitID
        self.reviewedUnits = reviewedUnits
        self.passwordHash = passwordHash
        self.mustChangePassword = mustChangePassword
    }
}

/// A server-side session: the cookie carries the token, the store keeps only its digest.
public struct Session: Sendable, Hashable {
    public let tokenDigest: String
    public let userID: Int64
    /// The synchroniser token every form post and JSON mutation of this session must carry.
    public let csrfToken: String
    /// The absolute end of the session, however active it is.
    public let expiresAt: Date
    /// The last request seen (updated at most once a minute): the idle limit counts from here.
    public let lastSeenAt: Date

    public init(tokenDigest: String, userID: Int64, csrfToken: String, expiresAt: Date, lastSeenAt: Date = Date()) {
        self.tokenDigest = tokenDigest
        self.userID = userID
        self.csrfToken = csrfToken
        self.expiresAt = expiresAt
        self.lastSeenAt = lastSeenAt
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
    /// nil for a form published unscored (`FormScore.isUnscored`).
    public var grade: Grade?
    public var ruleTotal: Decimal
    public var ruleGrade: Grade?
    public var executionRate: Decimal?
    /// 资金总额 amounts (万元), nil when unreadable.
    public var declared: Decimal?
    public var fullYearBudget: Decimal?
    public var executed: Decimal?
    public var errorCount: Int
    public var warningCount: Int

    public init(
        printedTotal: String, printedGrade: String, total: Decimal, grade: Grade?, ruleTotal: Decimal,
        ruleGrade: Grade?, executionRate: Decimal?, declared: Decimal?, fullYearBudget: Decimal?,
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

/// Filters of form lists and the dashboard. Empty means "any" — except that deleted drafts
/// (`WorkflowState.deleted`) are left out unless `states` names them.
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
    /// Only forms whose project name contains this text (case-insensitive for ASCII; `%` and `_` are literal).
    public var search: String?
    /// Only these forms (a bulk action on the ticked rows).
    public var ids: Set<Int64>?

    public init(
        kind: FormKind = .selfEvaluation, year: Int? = nil, units: UnitScope, unitID: Int64? = nil,
        states: Set<WorkflowState> = [], grade: Grade? = nil, ruleID: String? = nil, search: String? = nil,
        ids: Set<Int64>? = nil
    ) {
        self.kind = kind
        self.year = year
        self.units = units
        self.unitID = unitID
        self.states = states
        self.grade = grade
        self.ruleID = ruleID
        self.search = search
        self.ids = ids
    }
}

/// The order of a page of forms. Every order ends with the form id, so pages never overlap or skip.
public struct FormSort: Sendable, Hashable {
    public enum Key: String, Sendable, Hashable, CaseIterable {
        /// Forms with error findings first, then unit, year and project (the default).
        case errorsFirst = "errors"
        case project, unit, total, grade, rate, updated

        public var label: String {
            switch self {
            case .errorsFirst: "有错误的在前"
            case .project: "项目名称"
            case .unit: "单位"
            case .total: "重算总分"
            case .grade: "重算等级"
            case .rate: "执行率"
            case .updated: "更新时间"
            }
        }
    }

    public var key: Key
    public var descending: Bool

    public init(_ key: Key = .errorsFirst, descending: Bool = false) {
        self.key = key
        self.descending = descending
    }
}

/// Which slice of a long list: `limit` rows after skipping `offset`.
public struct PageRequest: Sendable, Hashable {
    public let offset: Int
    public let limit: Int

    /// Page `number` (1-based, clamped to ≥ 1) of `size` rows (clamped to 1…1000).
    public init(number: Int, size: Int) {
        let size = min(max(size, 1), 1000)
        limit = size
        let pages = max(number, 1) - 1
        offset = pages > Int.max / size ? Int.max / size * size : pages * size
    }

    public var number: Int { offset / limit + 1 }
}

/// One page of a list and how many rows the whole list has.
public struct Page<Item: Sendable>: Sendable {
    public let items: [Item]
    public let total: Int
    public let request: PageRequest

    public init(items: [Item], total: Int, request: PageRequest) {
        self.items = items
        self.total = total
        self.request = request
    }

    public var pageCount: Int { max(1, (total + request.limit - 1) / request.limit) }
}

/// Counts and sums over every form a query matches, computed by the database (the dashboard never loads
/// the forms themselves).
public struct FormAggregates: Sendable, Hashable {
    public var count: Int
    public var withErrors: Int
    /// By printed grade text (`优`, `良`, `90分以上`, empty …) as stored; the page classifies them.
    public var printedGrades: [String: Int]
    public var recomputedGrades: [Grade: Int]
    public var states: [WorkflowState: Int]
    /// By `RateBucket` (execution-rate class).
    public var rateBuckets: [RateBucket: Int]
    /// Σ 万元 over the forms that have the amount, exact (`FormFigures` amounts to 6 decimal places).
    public var declared: Decimal
    public var fullYearBudget: Decimal
    public var executed: Decimal

    public init(
        count: Int = 0, withErrors: Int = 0, printedGrades: [String: Int] = [:], recomputedGrades: [Grade: Int] = [:],
        states: [WorkflowState: Int] = [:], rateBuckets: [RateBucket: Int] = [:], declared: Decimal = 0,
        fullYearBudget: Decimal = 0, executed: Decimal = 0
    ) {
        self.count = count
        self.withErrors = withErrors
        self.printedGrades = printedGrades
        self.recomputedGrades = recomputedGrades
        self.states = states
        self.rateBuckets = rateBuckets
        self.declared = declared
        self.fullYearBudget = fullYearBudget
        self.executed = executed
    }
}

/// The execution-rate classes of the dashboard chart, decided in Swift when a form is saved (exact on the
/// decimal rate) and stored as a small integer so the database only groups and counts.
public enum RateBucket: Int, Sendable, Hashable, CaseIterable {
    case unknown, below60, from60, from70, from80, from90, full, above100

    public init(_ rate: Decimal?) {
        guard let rate else {
            self = .unknown
            return
        }
        switch rate {
        case ..<60: self = .below60
        case ..<70: self = .from60
        case ..<80: self = .from70
        case ..<90: self = .from80
        case ..<100: self = .from90
        case 100: self = .full
        default: self = .above100
        }
    }

    public var label: String {
        switch self {
        case .unknown: "无法计算"
        case .below60: "<60%"
        case .from60: "60–70%"
        case .from70: "70–80%"
        case .from80: "80–90%"
        case .from90: "90–100%"
        case .full: "100%"
        case .above100: ">100%"
        }
    }
}

/// An export batch in the list of past batches: its manifest's size without the items.
public struct ExportBatchSummary: Sendable, Hashable {
    public let id: Int64
    public let createdBy: Int64
    public let createdByName: String?
    public let createdAt: Date
    /// Forms in the batch that the asking user may see.
    public let formCount: Int
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
