import Hummingbird

extension Request {
    /// The query string, parsed like a form body.
    func queryFields() throws -> FormFieldsBody {
        try FormFieldsBody(parsing: uri.query ?? "")
    }
}

extension AppRequestContext {
    /// A numeric path parameter; anything else is a page that does not exist.
    func id(_ name: String) throws -> Int64 {
        guard let id = parameters.get(name, as: Int64.self) else { throw AccessDenied.notFound }
        return id
    }
}

extension FormFieldsBody {
    /// An optional integer (a filter); empty is absent.
    func optionalInteger(_ name: String, label: String) throws(RequestError) -> Int? {
        guard let text = values[name], !text.isEmpty else { return nil }
        guard let value = Int(text) else { throw .badRequest("\(label)应为整数，实际是“\(text.prefix(40))”") }
        return value
    }

    /// An optional value of a fixed set (a filter); empty is absent, anything else unknown is refused.
    func optionalChoice<T: RawRepresentable>(_ name: String, label: String) throws(RequestError) -> T?
    where T.RawValue == String {
        guard let text = values[name], !text.isEmpty else { return nil }
        guard let value = T(rawValue: text) else { throw .badRequest("未知的\(label)“\(text.prefix(40))”") }
        return value
    }
}
