/// What a user may do to a unit's forms. Every authorisation decision of the server is made here.
public enum FormAction: String, Sendable, Hashable, CaseIterable {
    /// See a form, its findings and history; list it.
    case read
    /// Draft a self-evaluation from a target table.
    case create
    /// Change fields of a draft or returned form.
    case edit
    case submit
    /// Return with a comment, or approve.
    case review
    /// Include an approved form in an export batch and download it.
    case export
}

/// A refusal. A form outside the user's units is reported as not found, so ids do not tell whether a
/// form exists in another unit.
public enum AccessDenied: Error, Sendable, Equatable {
    case notFound
    case forbidden(String)
}

public enum AccessPolicy {
    /// The units whose forms the user sees: an officer's own, a reviewer's assigned ones, all for an admin.
    public static func scope(of user: User) -> UnitScope {
        switch user.role {
        case .officer: .only(user.unitID.map { [$0] } ?? [])
        case .reviewer: .only(user.reviewedUnits)
        case .admin: .all
        }
    }

    /// Throws unless `user` may do `action` to a form of `unitID`.
    public static func check(_ user: User, _ action: FormAction, unitID: Int64) throws(AccessDenied) {
        guard scope(of: user).contains(unitID) else { throw .notFound }
        switch action {
        case .read:
            return
        case .create, .edit, .submit:
            guard user.role == .officer else { throw .forbidden("只有本单位经办人可以填写、修改和提交自评表") }
        case .review, .export:
            guard user.role != .officer else { throw .forbidden("只有审核人可以退回、审核和导出自评表") }
        }
    }

    /// The year dashboard and batch export are for reviewers and administrators.
    public static func checkReviewer(_ user: User) throws(AccessDenied) {
        guard user.role != .officer else { throw .forbidden("年度总览只对审核人和管理员开放") }
    }

    /// Users, units and assignments are managed by administrators only.
    public static func checkAdministrator(_ user: User) throws(AccessDenied) {
        guard user.role == .admin else { throw .forbidden("只有管理员可以管理用户和单位") }
    }
}
