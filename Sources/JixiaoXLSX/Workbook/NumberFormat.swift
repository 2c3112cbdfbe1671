import Foundation
import JixiaoCore

/// A cell's number format (a `numFmt` code from styles.xml, or a built-in id), applied to a stored number so
/// the text is what the sheet shows: `10` under `0.00` is `10.00`, `598500` under `#,##0` is `598,500`.
///
/// Covers what forms use: General, fixed decimals, optional decimals (`#`), thousands separators, percent,
/// literal prefixes and suffixes, sections for negative numbers and zero, and recognises date/time formats.
/// Scientific and fraction formats fall back to General.
struct NumberFormat: Sendable, Hashable {
    let code: String

    static let general = NumberFormat(code: "General")

    /// The built-in formats that have a fixed code in every locale, plus the date ids (including the
    /// Chinese-locale ones, 27–36 and 50–58).
    static func builtIn(_ id: Int) -> NumberFormat {
        switch id {
        case 1: NumberFormat(code: "0")
        case 2: NumberFormat(code: "0.00")
        case 3: NumberFormat(code: "#,##0")
        case 4: NumberFormat(code: "#,##0.00")
        case 9: NumberFormat(code: "0%")
        case 10: NumberFormat(code: "0.00%")
        case 14...22, 27...36, 45...47, 50...58: NumberFormat(code: "yyyy-mm-dd")
        case 37, 38: NumberFormat(code: "#,##0 ;(#,##0)")
        case 39, 40: NumberFormat(code: "#,##0.00;(#,##0.00)")
        case 49: NumberFormat(code: "@")
        default: .general
        }
    }

    /// A date or time format: it has y, m, d, h or s outside literals and brackets.
    var isDate: Bool {
        sections.first.map { NumberFormat.tokens(of: $0).contains { $0 == .dateField } } ?? false
    }

    /// The text Excel shows for `value` under this format.
    func display(_ value: Decimal) -> String {
        let sections = self.sections
        var section = sections.first ?? ""
        var magnitude = value
        var sign = ""
        if value < 0 {
            if sections.count >= 2 {
                section = sections[1]
                magnitude = -value
            } else {
                magnitude = -value
                sign = "-"
            }
        } else if value == 0, sections.count >= 3 {
            section = sections[2]
        }
        let tokens = NumberFormat.tokens(of: section)
        let literals = tokens.compactMap { token -> String? in if case .literal(let text) = token { text } else { nil }
        }
        if literals.count == tokens.count {  // a section of text only, such as "-" for zero
            return literals.joined().trimmed
        }
        guard let pattern = NumberPattern(tokens) else {
            return sign + NumberFormat.generalText(magnitude)
        }
        let text = pattern.prefix + pattern.format(magnitude) + pattern.suffix
        return (sign + text).trimmed
    }

    /// General: up to 15 significant digits, so a stored `70.15000000000001` shows as `70.15`.
    static func generalText(_ value: Decimal) -> String {
        guard value != 0 else { return "0" }
        let plain = DecimalText.plain(value < 0 ? -value : value)
        let integerPart = plain.split(separator: ".", omittingEmptySubsequences: false)[0]
        let scale: Int
        if integerPart != "0" {
            scale = 15 - integerPart.count
        } else {
            let fraction = plain.split(separator: ".").dropFirst().first ?? ""
            scale = 15 + fraction.prefix { $0 == "0" }.count
        }
        return DecimalText.plain(value.rounded(scale))
    }

    /// Sections separated by `;` outside quotes and brackets.
    private var sections: [String] {
        var sections: [String] = []
        var current = ""
        var inQuote = false
        var inBracket = false
        var escaped = false
        for character in code {
            defer { escaped = false }
            if escaped {
                current.append(character)
                continue
            }
            switch character {
            case "\\": escaped = true
            case "\"": inQuote.toggle()
            case "[" where !inQuote: inBracket = true
            case "]" where !inQuote: inBracket = false
            case ";" where !inQuote && !inBracket:
                sections.append(current)
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        sections.append(current)
        return sections
    }

    enum Token: Equatable {
        case literal(String)
        case digit(Character)  // 0 # ?
        case decimalPoint
        case comma
        case percent
        case exponent
        case general
        case text
        case dateField
    }

    /// Splits one section into tokens; brackets (colours, conditions, locales) and padding are dropped.
    static func tokens(of section: String) -> [Token] {
        var tokens: [Token] = []
        let characters = Array(section)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\"":
                var literal = ""
                index += 1
                while index < characters.count, characters[index] != "\"" {
                    literal.append(characters[index])
                    index += 1
                }
                tokens.append(.literal(literal))
            case "\\":
                if index + 1 < characters.count { tokens.append(.literal(String(characters[index + 1]))) }
                index += 1
            case "_", "*":
                index += 1  // padding / fill: skip the character that follows
            case "[":
                let start = index
                while index < characters.count, characters[index] != "]" { index += 1 }
                let inside = String(characters[(start + 1)..<min(index, characters.count)]).lowercased()
                if ["h", "hh", "m", "mm", "s", "ss"].contains(inside) { tokens.append(.dateField) }
            case "0", "#", "?":
                tokens.append(.digit(character))
            case ".":
                tokens.append(.decimalPoint)
            case ",":
                tokens.append(.comma)
            case "%":
                tokens.append(.percent)
            case "@":
                tokens.append(.text)
            case "E", "e":
                if index + 1 < characters.count, characters[index + 1] == "+" || characters[index + 1] == "-" {
                    tokens.append(.exponent)
                    index += 1
                } else {
                    tokens.append(.dateField)
                }
            case _ where String(characters[index...].prefix(7)).lowercased() == "general":
                tokens.append(.general)
                index += 6
            case "y", "Y", "m", "M", "d", "D", "h", "H", "s", "S":
                tokens.append(.dateField)
            default:
                tokens.append(.literal(String(character)))
            }
            index += 1
        }
        return tokens
    }

    /// The digit pattern of a section and the literals around it.
    private struct NumberPattern {
        var prefix = ""
        var suffix = ""
        var minimumIntegerDigits = 0
        var grouping = false
        var thousandsScaling = 0
        var mandatoryFraction = 0
        var optionalFraction = 0
        var percents = 0
        var hasDecimalPoint = false

        /// Nil when the section is not a plain digit pattern (General, text, scientific, date).
        init?(_ tokens: [Token]) {
            guard !tokens.contains(where: { [.general, .text, .exponent, .dateField].contains($0) }),
                let first = tokens.firstIndex(where: { if case .digit = $0 { true } else { $0 == .decimalPoint } }),
                let last = tokens.lastIndex(where: { if case .digit = $0 { true } else { $0 == .decimalPoint } })
            else { return nil }
            var inFraction = false
            var pendingCommas = 0
            for (index, token) in tokens.enumerated() {
                switch token {
                case .literal(let text):
                    if index < first { prefix += text } else { suffix += text }
                case .percent:
                    percents += 1
                    if index < first { prefix += "%" } else { suffix += "%" }
                case .digit(let digit):
                    if inFraction {
                        if digit == "0" {
                            mandatoryFraction += optionalFraction + 1
                            optionalFraction = 0
                        } else {
                            optionalFraction += 1
                        }
                    } else {
                        if pendingCommas > 0 {
                            grouping = true
                            pendingCommas = 0
                        }
                        if digit == "0" { minimumIntegerDigits += 1 }
                    }
                case .decimalPoint:
                    inFraction = true
                    thousandsScaling += pendingCommas
                    pendingCommas = 0
                case .comma:
                    if !inFraction, index > first, index <= last {
                        pendingCommas += 1
                    } else if !inFraction, index > last {
                        thousandsScaling += 1
                    }
                default:
                    break
                }
            }
            if !inFraction { thousandsScaling += pendingCommas }
            hasDecimalPoint = inFraction
        }

        func format(_ magnitude: Decimal) -> String {
            var value = magnitude
            for _ in 0..<percents { value *= 100 }
            for _ in 0..<thousandsScaling { value /= 1000 }
            let places = mandatoryFraction + optionalFraction
            let fixed = DecimalText.fixed(value, scale: places)
            let parts = fixed.split(separator: ".", omittingEmptySubsequences: false)
            var integer = String(parts[0])
            var fraction = parts.count > 1 ? String(parts[1]) : ""
            while fraction.count > mandatoryFraction, fraction.hasSuffix("0") { fraction.removeLast() }
            if integer == "0", minimumIntegerDigits == 0 { integer = "" }
            if integer.count < minimumIntegerDigits {
                integer = String(repeating: "0", count: minimumIntegerDigits - integer.count) + integer
            }
            if grouping { integer = NumberPattern.grouped(integer) }
            return hasDecimalPoint ? integer + "." + fraction : integer
        }

        static func grouped(_ digits: String) -> String {
            var out = ""
            for (offset, digit) in digits.enumerated() {
                if offset > 0, (digits.count - offset) % 3 == 0 { out.append(",") }
                out.append(digit)
            }
            return out
        }
    }
}
