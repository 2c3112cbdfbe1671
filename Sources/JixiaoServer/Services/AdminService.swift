import Foundation
import JixiaoCore

/// Users and units: created by administrators on the web, and by `jixiao user` on the command line.
public struct AdminService: Sendable {
    public let store: any FormStore
    public let hasher: PasswordHasher

    public init(store: any FormStore, hasher: PasswordHasher = PasswordHasher()) {
        self.store = store
        self.hasher = hasher
    }

    /// A unit from `209100-山西省社会保险局` (code and name) or a bare name.
    public func createUnit(label: String) async throws -> BudgetUnit {
        let text = label.trimmed
        guard !text.isEmpty, text.count <= 200 else {
            throw ServiceError.invalid("请填写单位名称（可带代码，如 209100-山西省社会保险局），不超过 200 字")
        }
        let coded = CodedName(text)
        do { return try await store.createUnit(code: coded.code, name: coded.name) } catch {
            throw AdminService.mapped(error)
        }
    }

    /// The unit named by its code, its name or its `code-name` label.
    public func unit(named text: String) async throws -> BudgetUnit? {
        let parts = CodedName(text)
        return try await store.units().first { unit in
            unit.label == text || unit.name == parts.name && (parts.code == nil || unit.code == parts.code)
                || (unit.code != nil && unit.code == text)
        }
    }

    /// Creates an account. Its password is `temporary` (to be changed at the first sign-in) unless the
    /// account is made for the person creating it (`jixiao user add` for oneself, the demo accounts).
    public func createUser(
        login: String, displayName: String, role: Role, password: String, unitID: Int64?,
        reviewedUnits: Set<Int64>, temporary: Bool = true
    ) async throws -> User {
        let login = login.trimmed
        guard !login.isEmpty, login.count <= 64,
            login.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) })
        else {
            throw ServiceError.invalid("登录名只能由字母、数字和 . _ - 组成，不超过 64 位")
        }
        let name = displayName.trimmed
        guard !name.isEmpty, name.count <= 64 else { throw ServiceError.invalid("请填写姓名（不超过 64 字）") }
        if let weakness = PasswordPolicy.weakness(of: password, login: login) { throw ServiceError.invalid(weakness) }
        if role == .officer, unitID == nil { throw ServiceError.invalid("经办人必须属于一个单位") }
        do {
            return try await store.createUser(
                NewUser(
                    login: login, displayName: name, role: role, unitID: role == .officer ? unitID : nil,
                    reviewedUnits: role == .reviewer ? reviewedUnits : [], passwordHash: hasher.hash(password),
                    mustChangePassword: temporary))
        } catch {
            throw AdminService.mapped(error)
        }
    }

    public func assign(reviewerID: Int64, units: Set<Int64>) async throws {
        do { try await store.setReviewedUnits(userID: reviewerID, units: units) } catch {
            throw AdminService.mapped(error)
        }
    }

    /// Refusals of the store (a taken login, an unknown unit) are the user's to fix: 4xx, not 500.
    private static func mapped(_ error: any Error) -> any Error {
        switch error as? StoreError {
        case .invalid(let reason)?: ServiceError.invalid(reason)
        case .notFound(let what)?: ServiceError.invalid("\(what)不存在")
        default: error
        }
    }
}
