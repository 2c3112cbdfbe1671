import HTTPTypes

/// A request the server refuses before any form is touched. Messages are Chinese.
public enum RequestError: Error, Sendable {
    case unauthenticated
    /// Missing or wrong CSRF token, or a cross-site origin.
    case csrf
    case badRequest(String)
    case tooLarge(limit: Int)
    case unsupportedMediaType(String)
    /// The password is temporary: nothing but changing it is allowed.
    case passwordChangeRequired
    /// A known address asked with a method it does not answer.
    case methodNotAllowed(allowed: [HTTPRequest.Method])

    var status: HTTPResponse.Status {
        switch self {
        case .unauthenticated: .unauthorized
        case .csrf: .forbidden
        case .badRequest: .badRequest
        case .tooLarge: .contentTooLarge
        case .unsupportedMediaType: .unsupportedMediaType
        case .passwordChangeRequired: .forbidden
        case .methodNotAllowed: .methodNotAllowed
        }
    }

    var message: String {
        switch self {
        case .unauthenticated: "请先登录"
        case .csrf: "安全校验未通过（表单令牌缺失或已失效）。请刷新页面后重试；本次提交未执行"
        case .badRequest(let message): message
        case .tooLarge(let limit): "提交的内容过大（上限 \(limit / 1024) KB），未处理"
        case .unsupportedMediaType(let type):
            "不支持的内容类型“\(type)”：表单请用 application/x-www-form-urlencoded，接口请用 application/json"
        case .passwordChangeRequired: "请先修改初始密码（打开“我的账户”页面），然后才能继续使用"
        case .methodNotAllowed(let allowed):
            "该地址不支持这种请求方式（支持：\(allowed.map(\.rawValue).joined(separator: "、"))）"
        }
    }
}
