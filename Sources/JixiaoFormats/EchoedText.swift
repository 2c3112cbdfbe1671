/// A value from the user's input repeated in a message, cut so that a huge value (a 10 MB line pasted into a
/// field) cannot fill the terminal: at most `limit` characters, then “…”.
public enum EchoedText {
    public static let limit = 80

    public static func cut(_ text: some StringProtocol, limit: Int = EchoedText.limit) -> String {
        guard text.count > limit else { return String(text) }
        return String(text.prefix(limit)) + "…"
    }
}
