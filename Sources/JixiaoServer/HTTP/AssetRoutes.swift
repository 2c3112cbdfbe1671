import Hummingbird

/// The style sheet and the page script, compiled into the binary (no CDN, nothing to install).
enum AssetRoutes {
    static func add(to routes: Routes) {
        routes.get("/static/app.css") { _, _ in asset(AppStyle.css, type: "text/css; charset=utf-8") }
        routes.get("/static/app.js") { _, _ in asset(AppScript.javaScript, type: "text/javascript; charset=utf-8") }
    }

    private static func asset(_ text: String, type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
