import Foundation

/// Strict decimal reading and fixed-scale writing.
///
/// `Decimal(string:)` accepts a numeric prefix ("12abc" → 12, "1,234.50" → 1), so every text is validated
/// in full before it is converted. Numbers never pass through `Double`.
public enum DecimalText {
    /// Reads a whole string as a number: optional sign, digits with optional thousands separators
    /// (`598,500`, `8,266,024.73`), optional fraction. Full-width digits and points are accepted.
    /// Returns nil for anything else, including the empty string.
    public static func parse(_ raw: String) -> Decimal? {
        let text = normalizeDigits(raw.trimmed)
        guard let (length, plain) = scanNumber(text), length == text.count else { return nil }
        return Decimal(string: plain, locale: posix)
    }

    /// The locale numbers are read in (a point, no grouping), made once: creating a `Locale` costs more than
    /// reading the number.
    static let posix = Locale(identifier: "en_US_POSIX")

    /// Scans a number at the start of `text` (already digit-normalised). Returns the number of
    /// characters it covers and its plain form without separators.
    static func scanNumber(_ text: String) -> (length: Int, plain: String)? {
        var plain = ""
        var index = text.startIndex
        var count = 0
        if index < text.endIndex, text[index] == "-" || text[index] == "+" {
            if text[index] == "-" { plain.append("-") }
            index = text.index(after: index)
            count += 1
        }
        var integerDigits = 0
        var groupDigits = -1  // digits since the last separator; -1 while no separator has been seen
        while index < text.endIndex {
            let ch = text[index]
            if ch.isASCII, ch.isNumber {
                plain.append(ch)
                integerDigits += 1
                if groupDigits >= 0 { groupDigits += 1 }
            } else if ch == ",", integerDigits > 0, groupDigits == -1 || groupDigits == 3 {
                let next = text.index(after: index)
                guard next < text.endIndex, text[next].isASCII, text[next].isNumber else { break }
                if groupDigits == -1, integerDigits > 3 { break }
                groupDigits = 0
            } else {
                break
            }
            index = text.index(after: index)
            count += 1
        }
        guard integerDigits > 0, groupDigits == -1 || groupDigits == 3 else { return nil }
        if index < text.endIndex, text[index] == "." {
            let next = text.index(after: index)
            if next < text.endIndex, text[next].isASCII, text[next].isNumber {
                plain.append(".")
                index = next
                count += 1
                while index < text.endIndex, text[index].isASCII, text[index].isNumber {
                    plain.append(text[index])
                    index = text.index(after: index)
                    count += 1
                }
            }
        }
        return (count, plain)
    }

    /// Maps full-width digits, point, comma and signs to ASCII.
    static func normalizeDigits(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { (0xFF0B...0xFF19).contains($0.value) }) else { return text }
        return String(
            text.unicodeScalars.map { scalar -> Character in
                switch scalar.value {
                case 0xFF10...0xFF19: return Character(UnicodeScalar(scalar.value - 0xFF10 + 0x30)!)
                case 0xFF0E: return "."
                case 0xFF0C: return ","
                case 0xFF0D: return "-"
                case 0xFF0B: return "+"
                default: return Character(scalar)
                }
            })
    }

    /// Writes a decimal with exactly `scale` fraction digits, rounding half away from zero
    /// (四舍五入). `"85.39"`, `"100.00"`, `"0.00"`.
    public static func fixed(_ value: Decimal, scale: Int = 2) -> String {
        let rounded = value.rounded(scale)
        var text = rounded.description
        if text.hasPrefix("-"), rounded.isZero { text.removeFirst() }
        guard scale > 0 else { return text }
        if let dot = text.firstIndex(of: ".") {
            let digits = text.distance(from: text.index(after: dot), to: text.endIndex)
            return text + String(repeating: "0", count: max(0, scale - digits))
        }
        return text + "." + String(repeating: "0", count: scale)
    }

    /// Every digit the value has, and at least `minimumScale` fraction digits: `"48.50"`, `"26.149"`. For
    /// amounts that must not be rounded (a 万元 figure may carry 3 decimals).
    public static func exact(_ value: Decimal, minimumScale: Int = 2) -> String {
        let text = plain(value)
        let digits = text.firstIndex(of: ".").map { text.distance(from: text.index(after: $0), to: text.endIndex) } ?? 0
        return digits >= minimumScale ? text : fixed(value, scale: minimumScale)
    }

    /// Canonical short form: no trailing zeros (`"48.5"`, `"100"`). For diagnostics, not for money columns.
    public static func plain(_ value: Decimal) -> String {
        value.description
    }
}

extension Decimal {
    /// Rounds half away from zero to `scale` places (Oracle `ROUND`, Foundation `.plain`).
    public func rounded(_ scale: Int) -> Decimal {
        var input = self
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, .plain)
        return result
    }

    /// `round2`: the rounding every rule in the domain uses.
    public var round2: Decimal { rounded(2) }
}
