/// 草稿 → 已提交 → 已退回 / 已审核 → 已导出. A returned form is edited and submitted again. A draft made by
/// mistake is 已删除: it leaves every list but keeps its versions and history.
public enum WorkflowState: String, Sendable, Hashable, CaseIterable {
    case draft
    case submitted
    case returned
    case approved
    case exported
    case deleted

    public var label: String {
        switch self {
        case .draft: "草稿"
        case .submitted: "已提交"
        case .returned: "已退回"
        case .approved: "已审核"
        case .exported: "已导出"
        case .deleted: "已删除"
        }
    }

    /// The officer may change the form's fields.
    public var isEditable: Bool { self == .draft || self == .returned }
}

/// The moves between states; every one is checked on the server.
public enum Transition: String, Sendable, Hashable, CaseIterable {
    case submit
    case `return`
    case approve
    case export
    /// A draft made by mistake; never a form that was submitted.
    case delete

    public var from: Set<WorkflowState> {
        switch self {
        case .submit: [.draft, .returned]
        case .return: [.submitted]
        case .approve: [.submitted]
        case .export: [.approved]
        case .delete: [.draft]
        }
    }

    public var to: WorkflowState {
        switch self {
        case .submit: .submitted
        case .return: .returned
        case .approve: .approved
        case .export: .exported
        case .delete: .deleted
        }
    }

    public var label: String {
        switch self {
        case .submit: "提交"
        case .return: "退回"
        case .approve: "审核通过"
        case .export: "导出"
        case .delete: "删除"
        }
    }

    /// Why the move is not possible from `state`, in Chinese; nil when it is.
    public func refusal(from state: WorkflowState) -> String? {
        guard !from.contains(state) else { return nil }
        let allowed = WorkflowState.allCases.filter { from.contains($0) }.map { "“\($0.label)”" }.joined(separator: "或")
        return "该表当前状态为“\(state.label)”，不能\(label)（只有\(allowed)状态的表可以\(label)）"
    }
}
