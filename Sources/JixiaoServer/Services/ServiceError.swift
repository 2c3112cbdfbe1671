import JixiaoCore

/// Why an operation was refused, in Chinese, with what the page or client needs to show.
public enum ServiceError: Error, Sendable {
    case denied(AccessDenied)
    /// Input the server cannot use (a bad field, a missing comment, a malformed id).
    case invalid(String)
    /// The form changed since the user loaded it.
    case conflict(SaveConflict)
    /// Submission refused while error-level findings remain.
    case blocked([Finding])
    /// Submission refused while 项目绩效分析 texts the policy requires are empty (their captions).
    case incomplete([String])
    /// A workflow move not allowed from the form's state.
    case wrongState(String)
    case store(StoreError)
}

/// A refused save: the other people's changes since the user's version, and the user's own changes, which
/// were not saved but are not lost either (they are returned to be shown and re-entered).
public struct SaveConflict: Sendable {
    public let formID: Int64
    public let yourVersion: Int
    public let currentVersion: Int
    /// History entries after `yourVersion`: who changed what, and state changes.
    public let theirChanges: [HistoryEntry]
    /// Fields the refused save would have changed, relative to `yourVersion`.
    public let yourChanges: [FieldChange]
    /// What applies the user's changes on top of the current version: each changed field's new value, and
    /// the row counts when the user added or removed rows.
    public var yourFields: [String: String] = [:]

    public var message: String {
        let people = Set(theirChanges.compactMap(\.userName)).sorted().joined(separator: "、")
        let who = people.isEmpty ? "他人" : people
        return "保存失败：您打开的是第 \(yourVersion) 版，此后\(who)已保存了新的内容（当前第 \(currentVersion) 版）。"
            + "为避免覆盖对方的修改，本次保存未执行。下面列出双方的修改：可以把您的修改应用到最新版本之上，或载入最新版本后重新填写。"
    }
}
