import Foundation

/// An indicator value (指标值 or 实际完成值) as entered, beside what Jixiao read from it.
///
/// The text is never changed; `reading` is derived from it. Anything that does not parse is kept
/// verbatim as `.unparsed` with the reason, never dropped.
public struct IndicatorValue: Sendable, Hashable {
    public let text: String
    public let reading: Reading
    /// Defects noticed while reading (doubled word, missing operator, …).
    public let flaws: [Flaw]

    public enum Reading: Sendable, Hashable {
        /// Blank cell.
        case empty
        /// `≥12万人`, `=100%`; `op` is nil for a bare number such as `257.34平方米`.
        case quantity(op: ComparisonOperator?, Quantity)
        /// 达成预期指标 and its sisters.
        case outcome(QualitativeOutcome, QualitativeOutcome.Wording)
        /// A qualitative target such as `及时`, `保障` (normalised: a doubled word is read once).
        case qualitative(String)
        /// `未填报`: Shanxi's marker on its auto-inserted 成本 row.
        case notFilled
        /// Something that cannot be read; the reason says why.
        case unparsed(UnparsedReason)
    }

    public enum UnparsedReason: String, Sendable, Hashable {
        case operatorWithoutNumber  // `≥人`
        case hyphenNotOperator  // `-100%`
    }

    public enum Flaw: String, Sendable, Hashable {
        case doubledWord  // `及时及时`
        case missingOperator  // `257.34平方米`
        case forbiddenCharacter  // `*`, `_` or `-` (the platform forbids them)
        case date  // `2021年12月完成`: a date, read as text, never as the number 2021
        case placeholder  // `≥**平方米`, `**`: a template placeholder left unfilled
    }

    public struct Quantity: Sendable, Hashable {
        public let number: Decimal
        public let unit: MeasureUnit
        /// The number in the unit's base (`12万人` → 120 000).
        public var baseValue: Decimal { number * unit.scale }
    }

    public init(_ text: String) {
        self.text = text
        (reading, flaws) = IndicatorValue.read(text)
    }

    public var isEmpty: Bool { reading == .empty }

    public var quantity: Quantity? {
        if case .quantity(_, let q) = reading { return q }
        return nil
    }

    public var comparisonOperator: ComparisonOperator? {
        if case .quantity(let op, _) = reading { return op }
        return nil
    }

    public var outcome: QualitativeOutcome? {
        if case .outcome(let o, _) = reading { return o }
        return nil
    }

    static func read(_ raw: String) -> (Reading, [Flaw]) {
        let text = DecimalText.normalizeDigits(raw.trimmed)
        guard !text.isEmpty else { return (.empty, []) }
        var flaws: [Flaw] = []
        if text.unicodeScalars.contains(where: { $0 == "*" || $0 == "_" }) || text.hasPrefix("-") {
            flaws.append(.forbiddenCharacter)
        }
        if Placeholder.occurs(in: text) { flaws.append(.placeholder) }
        let split = ComparisonOperator.split(text)
        if DateText.starts(text) || split.map({ DateText.starts($0.1) }) == true {
            return (.qualitative(text), flaws + [.date])
        }
        if text == "未填报" { return (.notFilled, flaws) }
        if let (outcome, wording) = QualitativeOutcome.recognise(text) { return (.outcome(outcome, wording), flaws) }
        if let (op, rest) = split {
            let body = rest.trimmed
            guard let quantity = scanQuantity(body), !body.hasPrefix("-") else {
                return (.unparsed(.operatorWithoutNumber), flaws)
            }
            return (.quantity(op: op, quantity), flaws)
        }
        if text.hasPrefix("-") { return (.unparsed(.hyphenNotOperator), flaws) }
        if let quantity = scanQuantity(text) {
            return (.quantity(op: nil, quantity), flaws + [.missingOperator])
        }
        if let single = undoubled(text) {
            return (.qualitative(single), flaws + [.doubledWord])
        }
        return (.qualitative(text), flaws)
    }

    /// A number at the start followed by its unit.
    static func scanQuantity(_ text: String) -> Quantity? {
        guard let (length, plain) = DecimalText.scanNumber(text),
            let number = DecimalText.decimal(plain: plain)
        else { return nil }
        return Quantity(number: number, unit: MeasureUnit(String(text.dropFirst(length))))
    }

    /// `及时及时` → `及时`, `加大提升提升` → `加大提升`: the word typed into both value and unit.
    /// Only repeats of two characters or more count, so ordinary words are left alone.
    static func undoubled(_ text: String) -> String? {
        // Characters that repeat have scalars that repeat: most texts are turned away on their scalars.
        let scalars = Array(text.unicodeScalars)
        guard
            stride(from: scalars.count / 2, through: 2, by: -1).contains(where: { length in
                scalars[(scalars.count - length)...].elementsEqual(
                    scalars[(scalars.count - 2 * length)..<(scalars.count - length)])
            })
        else { return nil }
        let chars = Array(text)
        guard chars.count >= 4 else { return nil }
        for length in stride(from: chars.count / 2, through: 2, by: -1) {
            let tail = chars[(chars.count - length)...]
            let before = chars[(chars.count - 2 * length)..<(chars.count - length)]
            if Array(tail) == Array(before) { return String(chars.dropLast(length)) }
        }
        return nil
    }
}

/// Dates written where a value is expected: `2021年12月完成`, `2022年11月30日前`, `2023年底`. Such a value is
/// text, never the number 2021.
enum DateText {
    /// `text` starts with a four-digit year (1900–2099) followed by 年 and a month, a day, or 底/末/前/内/上半年/下半年.
    /// Read from the first six scalars after any leading space: every indicator value is asked.
    static func starts(_ text: String) -> Bool {
        let head = Array(text.unicodeScalars.drop(while: \.isSpace).prefix(6))
        let isDigit = { (scalar: Unicode.Scalar) in ("0"..."9").contains(scalar) }
        // `11月底完成`, `12月31日前`: a month (1–12) and what follows a month in a deadline.
        let monthDigits = head.prefix(while: isDigit)
        if (1...2).contains(monthDigits.count), head.count > monthDigits.count + 1, head[monthDigits.count] == "月",
            (1...12).contains(monthDigits.reduce(0) { $0 * 10 + Int($1.value - 0x30) })
        {
            let after = head[monthDigits.count + 1]
            return isDigit(after) || "底末前内份".unicodeScalars.contains(after)
        }
        guard head.count >= 6, head[0...3].allSatisfy(isDigit), head[4] == "年",
            head[0] == "1" && head[1] == "9" || head[0] == "2" && head[1] == "0"
        else { return false }
        let after = head[5]
        return isDigit(after) || "底末前内上下全度".unicodeScalars.contains(after)
    }
}

/// Template placeholders left in a form: `**`, `＊＊`, `××`, `XX` (`(≥**平方米)`, `≥**人`).
public enum Placeholder {
    /// Whether `text` holds a placeholder.
    public static func occurs(in text: String) -> Bool {
        ["**", "＊＊", "××", "XX", "xx"].contains(where: text.includes)
    }
}
