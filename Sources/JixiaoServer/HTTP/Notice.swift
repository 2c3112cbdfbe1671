/// What a redirect after a successful post tells the next page (`?done=saved`): fixed messages only, so
/// nothing from the URL is ever shown as text.
enum Notice: String {
    case created, saved, unchanged, submitted, returned, approved, user, unit, assigned, password, deleted,
        reset, disabled, enabled, removed, unlocked

    var message: String {
        switch self {
        case .created: "已按目标表创建自评表草稿。请填写分值、实际完成值、执行数和得分。"
        case .saved: "已保存。"
        case .unchanged: "没有改动，无需保存。"
        case .submitted: "已提交审核。"
        case .returned: "已退回，经办人会看到退回意见。"
        case .approved: "已审核通过。"
        case .user: "已创建用户。"
        case .unit: "已创建单位。"
        case .assigned: "已保存审核单位分配。"
        case .password: "密码已修改。您在其他浏览器或设备上的登录已失效。"
        case .deleted: "草稿已删除（修改记录保留）。"
        case .reset: "已重置密码；该用户下次登录时须修改密码，其现有登录已失效。"
        case .disabled: "已停用该用户，其现有登录已失效。"
        case .enabled: "已启用该用户。"
        case .removed: "已删除该用户。"
        case .unlocked: "已解除锁定。"
        }
    }

    static func from(_ query: FormFieldsBody) -> String? { query["done"].flatMap(Notice.init(rawValue:))?.message }
}
