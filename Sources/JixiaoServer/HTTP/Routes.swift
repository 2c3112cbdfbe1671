import HTTPTypes
import Hummingbird

/// The application's routes, collected before they are given to the router, so the paths and their methods
/// are known to `ErrorMiddleware`: a known path asked with another method is answered 405 with `Allow`.
final class Routes {
    typealias Handler = @Sendable (Request, AppRequestContext) async throws -> Response
    private(set) var entries: [(method: HTTPRequest.Method, path: String, handler: Handler)] = []

    func get(_ path: String, use handler: @escaping Handler) { entries.append((.get, path, handler)) }
    func post(_ path: String, use handler: @escaping Handler) { entries.append((.post, path, handler)) }
    func put(_ path: String, use handler: @escaping Handler) { entries.append((.put, path, handler)) }

    /// Which methods each path pattern answers.
    var allowedMethods: AllowedMethods {
        AllowedMethods(patterns: entries.map { ($0.path.split(separator: "/").map(String.init), $0.method) })
    }

    func register(on router: Router<AppRequestContext>) {
        for entry in entries { router.on(RouterPath(entry.path), method: entry.method, use: entry.handler) }
    }
}

/// Path patterns (`/forms/:id/submit`, segments starting with `:` match any one segment) and their methods.
struct AllowedMethods: Sendable {
    let patterns: [(segments: [String], method: HTTPRequest.Method)]

    /// The methods `path` answers (HEAD with GET); empty when no route has this path.
    func methods(for path: String) -> [HTTPRequest.Method] {
        let segments = path.split(separator: "/").map(String.init)
        var methods: [HTTPRequest.Method] = []
        for pattern in patterns where pattern.segments.count == segments.count {
            let matches = zip(pattern.segments, segments).allSatisfy { $0.hasPrefix(":") || $0 == $1 }
            if matches, !methods.contains(pattern.method) { methods.append(pattern.method) }
        }
        if methods.contains(.get) { methods.append(.head) }
        return methods
    }
}
