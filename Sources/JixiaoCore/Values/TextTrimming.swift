/// White space at the ends of a printed value, removed in pure Swift.
///
/// Foundation's `trimmingCharacters(in:)` and `replacingOccurrences(of:with:)` go through `NSString` on
/// Linux (a UTF-16 copy of every string): reading a form's values with them was the largest single cost of
/// `jixiao score` over a province. These walk the Unicode scalars once instead.
extension StringProtocol where SubSequence == Substring {
    /// The text without leading and trailing white space: spaces (also 全角空格 U+3000 and no-break spaces),
    /// tabs and line breaks — the scalars Foundation's `.whitespacesAndNewlines` holds.
    public var trimmed: String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while start < end {
            let before = scalars.index(before: end)
            guard scalars[before].properties.isWhitespace else { break }
            end = before
        }
        return String(self[start..<end])
    }

    /// Whether the text is empty or white space only.
    public var isBlank: Bool { unicodeScalars.allSatisfy(\.properties.isWhitespace) }

    /// The text with each scalar that `replacements` names replaced by its replacement (`（` → `(`).
    public func replacingScalars(_ replacements: [Unicode.Scalar: Unicode.Scalar]) -> String {
        guard unicodeScalars.contains(where: { replacements[$0] != nil }) else { return String(self) }
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars { result.append(replacements[scalar] ?? scalar) }
        return String(result)
    }
}
