import Foundation
import Hummingbird
import JixiaoCore
import JixiaoFormats
import NIOCore

/// Turns every refusal and failure into a clear Chinese answer: an HTML page for the browser, a JSON object
/// (`{"error": {"status", "message", "details", …}}`) under `/api/`. An unexpected error is logged and
/// answered with a plain 500 message — never a stack trace.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let allowedMethods: AllowedMethods

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            let response = try await next(request, context)
            if response.status == .notFound, ErrorMiddleware.isUnrouted(context) { return unrouted(request, context) }
            return response
        } catch let error as HTTPError where error.status == .notFound && ErrorMiddleware.isUnrouted(context) {
            return unrouted(request, context)
        } catch {
            return ErrorMiddleware.response(for: error, request, context)
        }
    }

    /// No route matched the path and method (Hummingbird's not-found responder names itself `NotFound`).
    static func isUnrouted(_ context: Context) -> Bool {
        context.endpointPath == nil || context.endpointPath == "NotFound"
    }

    /// No route matched: the router's own 404 is English; answer in Chinese, and 405 with `Allow` when the path
    /// is known for other methods.
    private func unrouted(_ request: Request, _ context: Context) -> Response {
        let allowed = allowedMethods.methods(for: request.uri.path)
        guard allowed.isEmpty else {
            var refused = ErrorMiddleware.render(
                Failure(RequestError.methodNotAllowed(allowed: allowed)), request, context)
            refused.headers[.allow] = allowed.map(\.rawValue).joined(separator: ", ")
            return refused
        }
        return ErrorMiddleware.render(
            Failure(status: .notFound, title: "未找到", message: "没有这个页面"), request, context)
    }

    /// The answer to a refusal or failure (also used by `SessionMiddleware`, which runs before this one so
    /// that every error page knows who is signed in).
    static func response(for error: any Error, _ request: Request, _ context: Context) -> Response {
        switch error {
        case RequestError.unauthenticated where request.method == .get && !ErrorMiddleware.isAPI(request):
            return Responses.redirect(
                "/login"
                    + HTML.query([
                        ("next", request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")),
                        ("ended", context.sessionEnded ? "idle" : nil),
                    ]))
        case RequestError.unauthenticated where context.sessionEnded:
            let failure = Failure(
                status: .unauthorized, title: "登录已过期", message: "登录已过期（长时间没有操作或已在别处退出），请重新登录；本次操作未执行")
            return render(failure, request, context)
        default:
            let failure = Failure(error)
            if failure.status == .internalServerError {
                context.logger.error(
                    "request failed", metadata: ["path": .string(request.uri.path), "error": .string("\(error)")])
            }
            return render(failure, request, context)
        }
    }

    static func isAPI(_ request: Request) -> Bool { request.uri.path.hasPrefix("/api/") }

    private static func render(_ failure: Failure, _ request: Request, _ context: Context) -> Response {
        if ErrorMiddleware.isAPI(request) {
            var fields: [(String, JSONValue)] = [
                ("status", .int(Int(failure.status.code))), ("message", .string(failure.message)),
                ("details", .array(failure.details.map { .string($0) })),
            ]
            fields.append(contentsOf: failure.json)
            return Responses.json(.object([("error", .object(fields))]), status: failure.status)
        }
        if let conflict = failure.conflict {
            return Responses.html(ConflictPage.render(conflict, identity: context.identity), status: failure.status)
        }
        // Back to the form after a refused action on it; a form that was not found has no page to go back to.
        let back =
            request.uri.path.hasPrefix("/forms/") && failure.status != .notFound ? formPage(request.uri.path) : nil
        return Responses.html(
            ErrorPage.render(
                status: Int(failure.status.code), title: failure.title, message: failure.message,
                details: failure.details, identity: context.identity, back: back),
            status: failure.status)
    }

    /// `/forms/12/submit` → `/forms/12`.
    private static func formPage(_ path: String) -> String {
        let parts = path.split(separator: "/")
        return parts.count >= 2 ? "/\(parts[0])/\(parts[1])" : "/"
    }
}

extension ServiceError {
    /// The Chinese message the pages show (for the command line, which runs the same services).
    public var message: String { Failure(self).message }
}

/// An error, classified: status, Chinese title and message, details, and what the JSON answer adds.
struct Failure {
    var status: HTTPResponse.Status
    var title: String
    var message: String
    var details: [String] = []
    var json: [(String, JSONValue)] = []
    var conflict: SaveConflict?

    init(status: HTTPResponse.Status, title: String, message: String) {
        self.status = status
        self.title = title
        self.message = message
    }

    init(_ error: any Error) {
        switch error {
        case let error as RequestError:
            self.init(status: error.status, title: "请求无法处理", message: error.message)
        case let error as AccessDenied:
            self.init(error)
        case let error as ServiceError:
            self.init(error)
        case let error as StoreError:
            self.init(error)
        case let error as any HTTPResponseError:
            self.init(status: error.status, title: "请求无法处理", message: Failure.describe(error.status))
        default:
            self.init(status: .internalServerError, title: "服务器内部错误", message: "服务器内部错误，操作未完成。请稍后重试；若反复出现请联系管理员")
        }
    }

    init(_ denied: AccessDenied) {
        switch denied {
        case .notFound: self.init(status: .notFound, title: "未找到", message: "没有找到该表单，或您无权查看")
        case .forbidden(let reason): self.init(status: .forbidden, title: "无权操作", message: reason)
        }
    }

    init(_ error: ServiceError) {
        switch error {
        case .denied(let denied):
            self.init(denied)
        case .invalid(let message):
            self.init(status: .badRequest, title: "提交的内容有误", message: message + "。本次操作未执行，原有内容未改变")
        case .conflict(let conflict):
            self.init(status: .conflict, title: "保存冲突", message: conflict.message)
            self.conflict = conflict
            json = [("conflict", APIJSON.conflict(conflict))]
        case .blocked(let findings):
            self.init(
                status: .unprocessableContent, title: "不能提交",
                message: "还有 \(findings.count) 条错误级问题，改正后才能提交：")
            details = findings.map { finding in
                (finding.location.fieldPath.map { FieldLabels.label($0) + "：" } ?? "") + finding.message
                    + "（\(finding.ruleID)）"
            }
            json = [("findings", .array(findings.map(APIJSON.finding)))]
        case .incomplete(let captions):
            self.init(
                status: .unprocessableContent, title: "不能提交",
                message: "项目绩效分析还有 \(captions.count) 项没有填写，填写并保存后才能提交：")
            details = captions.map { "项目绩效分析·\($0)：未填写" }
            json = [("missing", .array(captions.map { .string($0) }))]
        case .wrongState(let reason):
            self.init(status: .conflict, title: "当前状态不允许该操作", message: reason)
        case .store(let error):
            self.init(error)
        }
    }

    init(_ error: StoreError) {
        switch error {
        case .versionConflict, .wrongState:
            self.init(status: .conflict, title: "当前状态不允许该操作", message: error.description)
        case .notFound:
            self.init(status: .notFound, title: "未找到", message: error.description)
        case .invalid:
            self.init(status: .badRequest, title: "提交的内容有误", message: error.description)
        case .database:
            self.init(status: .internalServerError, title: "服务器内部错误", message: error.description)
        }
    }

    static func describe(_ status: HTTPResponse.Status) -> String {
        switch status.code {
        case 404: "没有这个页面"
        case 405: "该地址不支持这种请求方式"
        case 413: "提交的内容过大，未处理"
        case 400..<500: "请求无法处理（HTTP \(status.code)）"
        default: "服务器内部错误，操作未完成。请稍后重试"
        }
    }
}
