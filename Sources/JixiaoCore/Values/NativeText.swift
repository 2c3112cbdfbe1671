/// Text operations on the hot path of reading and checking a form, in pure Swift.
///
/// Foundation's `trimmingCharacters(in:)`, `replacingOccurrences(of:with:)` and `contains(_:)` go through
/// `NSString` on Linux (a UTF-16 copy of every string), and `hasPrefix` compares grapheme clusters: reading a
/// form's values with them was the largest single cost of `jixiao score` over a province. These walk the
/// Unicode scalars or the UTF-8 bytes once instead; an exact spelling is compared byte for byte.
extension StringProtocol where SubSequence == Substring {
    /// The text without leading and trailing white space: spaces (also 全角空格 U+3000 and no-break spaces),
    /// tabs and line breaks — the scalars Foundation's `.whitespacesAndNewlines` holds.
    public var trimmed: String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].isSpace { start = scalars.index(after: start) }
        while start < end {
            let before = scalars.index(before: end)
            guard scalars[before].isSpace else { break }
            end = before
        }
        // Most values have nothing to trim: the text itself, without a copy.
        if start == scalars.startIndex, end == scalars.endIndex, let text = self as? String { return text }
        return String(self[start..<end])
    }

    /// Whether the text is empty or white space only.
    public var isBlank: Bool { unicodeScalars.allSatisfy(\.isSpace) }

    /// The text with each scalar that `replacements` names replaced by its replacement (`（` → `(`).
    public func replacingScalars(_ replacements: [Unicode.Scalar: Unicode.Scalar]) -> String {
        guard unicodeScalars.contains(where: { replacements[$0] != nil }) else { return String(self) }
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars { result.append(replacements[scalar] ?? scalar) }
        return String(result)
    }
}

extension String {
    /// Whether `other` occurs in the text, spelled exactly (compared as UTF-8 bytes).
    public func includes(_ other: String) -> Bool {
        var haystack = self
        var needle = other
        return haystack.withUTF8 { bytes in
            needle.withUTF8 { wanted in
                guard let first = wanted.first else { return true }
                guard bytes.count >= wanted.count else { return false }
                for start in 0...(bytes.count - wanted.count)
                where bytes[start] == first && bytes[start..<(start + wanted.count)].elementsEqual(wanted) {
                    return true
                }
                return false
            }
        }
    }

    /// Whether the text begins with `prefix`, spelled exactly (compared as UTF-8 bytes).
    public func begins(with prefix: String) -> Bool { utf8.starts(with: prefix.utf8) }
}

extension Unicode.Scalar {
    /// White space (`properties.isWhitespace`, Unicode's White_Space property), answered without the Unicode
    /// tables: the property's 25 scalars have been the same since Unicode 6.3, and checks ask it of every
    /// character of every text (a test compares the two over all of Unicode).
    var isSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
