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
        return decimal(plain: plain)
    }

    /// The value of a number in `scanNumber`'s plain form (`-1234.50`); nil for any other text (unlike
    /// `Decimal(string:)`, which reads `-` or `12abc` as a number). Up to 19 digits the significand is
    /// accumulated from the bytes: ten times faster than `Decimal(string:)`, which a province's batch would call
    /// for every cell; longer numbers go through it.
    static func decimal(plain: String) -> Decimal? {
        var significand: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var negative = false
        var seenPoint = false
        for byte in plain.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard digits < 19 else { return Decimal(string: plain, locale: posix) }
                significand = significand * 10 + UInt64(byte - UInt8(ascii: "0"))
                digits += 1
                if seenPoint { fractionDigits += 1 }
            case UInt8(ascii: "-") where digits == 0 && !negative && !seenPoint: negative = true
            case UInt8(ascii: ".") where !seenPoint: seenPoint = true
            default: return nil
            }
        }
        guard digits > 0 else { return nil }
        return Decimal(sign: negative ? .minus : .plus, exponent: -fractionDigits, significand: Decimal(significand))
    }

    /// The locale numbers are read in (a point, no grouping), made once: creating a `Locale` costs more than
    /// reading the number.
    static let posix = Locale(identifier: "en_US_POSIX")

    /// Scans a number at the start of `text` (already digit-normalised). Returns the number of
    /// characters it covers and its plain form without separators.
    ///
    /// A number is ASCII, so it is scanned over the UTF-8 bytes; the characters are scanned only when the
    /// bytes stop where no character ends (a combining mark after a digit, `1\u{301}`), so the answer is always
    /// the characters' answer.
    static func scanNumber(_ text: String) -> (length: Int, plain: String)? {
        let bytes = text.utf8
        let scanned = scan(bytes) { $0 }
        let stop = bytes.index(bytes.startIndex, offsetBy: scanned.stop)
        guard stop == bytes.endIndex || stop.samePosition(in: text) != nil else {
            return scan(text) { $0.isASCII ? $0.asciiValue : nil }.number
        }
        return scanned.number
    }

    /// The number at the start of `units` (`ascii` gives a unit's ASCII byte, nil for any other unit) and the
    /// offset of the unit the scan stopped at.
    private static func scan<Units: Collection>(
        _ units: Units, ascii: (Units.Element) -> UInt8?
    ) -> (number: (length: Int, plain: String)?, stop: Int) {
        func isDigit(_ unit: Units.Element) -> Bool { ascii(unit).map { (0x30...0x39).contains($0) } ?? false }
        var plain = ""
        var index = units.startIndex
        var count = 0
        func take(_ byte: UInt8?) {
            if let byte { plain.unicodeScalars.append(Unicode.Scalar(byte)) }
            index = units.index(after: index)
            count += 1
        }
        if index < units.endIndex, let sign = ascii(units[index]), sign == 0x2D || sign == 0x2B {
            take(sign == 0x2D ? sign : nil)
        }
        var integerDigits = 0
        var groupDigits = -1  // digits since the last separator; -1 while no separator has been seen
        while index < units.endIndex {
            let unit = units[index]
            if isDigit(unit) {
                take(ascii(unit))
                integerDigits += 1
                if groupDigits >= 0 { groupDigits += 1 }
            } else if ascii(unit) == 0x2C, integerDigits > 0, groupDigits == -1 || groupDigits == 3 {
                let next = units.index(after: index)
                guard next < units.endIndex, isDigit(units[next]) else { break }
                if groupDigits == -1, integerDigits > 3 { break }
                groupDigits = 0
                take(nil)
            } else {
                break
            }
        }
        guard integerDigits > 0, groupDigits == -1 || groupDigits == 3 else { return (nil, count) }
        if index < units.endIndex, ascii(units[index]) == 0x2E {
            let next = units.index(after: index)
            if next < units.endIndex, isDigit(units[next]) {
                take(0x2E)
                while index < units.endIndex, isDigit(units[index]) { take(ascii(units[index])) }
            }
        }
        return ((count, plain), count)
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
