import HTTPTypes
import Hummingbird
import Logging

/// Builds the web application: middleware in the order every request meets it, then the routes.
public enum ServerApplication {
    public static func router(
        store: any FormStore, configuration: ServerConfiguration,
        hasher: PasswordHasher = PasswordHasher()
    ) -> Router<AppRequestContext> {
        let services = Services(store: store, configuration: configuration, hasher: hasher)
        let routes = Routes()
        AssetRoutes.add(to: routes)
        AuthRoutes.add(to: routes, services)
        FormRoutes.add(to: routes, services)
        ReviewRoutes.add(to: routes, services)
        AdminRoutes.add(to: routes, services)
        APIRoutes.add(to: routes, services)
        let router = Router(context: AppRequestContext.self)
        router.add(
            middleware: ClientMiddleware(
                secure: configuration.secureCookies, trustedProxies: configuration.trustedProxies))
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: SessionMiddleware(accounts: services.accounts))
        router.add(middleware: ErrorMiddleware(allowedMethods: routes.allowedMethods))
        router.add(middleware: RequestGuardMiddleware(maximumBodyBytes: configuration.maximumBodyBytes))
        routes.register(on: router)
        return router
    }

    /// The application listening on `host:port`; `onListening` runs once the socket is bound.
    public static func application(
        store: any FormStore, configuration: ServerConfiguration, host: String, port: Int,
        onListening: @escaping @Sendable () -> Void = {}
    ) -> some ApplicationProtocol {
        Application(
            router: router(store: store, configuration: configuration),
            configuration: .init(address: .hostname(host, port: port), serverName: "jixiao"),
            onServerRunning: { _ in onListening() }, logger: Logger(label: "jixiao.serve"))
    }
}

/// Headers on every response: no framing, no sniffing, scripts and styles only from this server.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] =
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        return response
    }
}
