import Foundation

/// A number as a person entered it (金额, 执行率, 分值, 得分…), kept verbatim beside its parsed value.
/// `value` is nil when the cell is blank or does not hold a bare number; the text is never "corrected".
///
/// A number printed with its unit or a remark in the cell (`259.45万元`, `854万(…)`, `86.5%`, `10分`) is
/// read as `annotated`, and the accessors for each kind of cell (`amount(in:)`, `percent`, `points`) accept
/// it where that unit makes sense. Anything else that is not blank has an `unreadableReason`.
public struct EnteredNumber: Sendable, Hashable, ExpressibleByStringLiteral {
    public let text: String
    public let value: Decimal?
    /// The number and its unit when the cell prints one beside the number; nil when `value` is set.
    public let annotated: Annotated?

    /// A number followed by a unit (and perhaps a bracketed remark).
    public struct Annotated: Sendable, Hashable {
        public let number: Decimal
        public let unit: Unit
        /// A bracketed remark after the unit (`(含上年结转)`), verbatim; empty when there is none.
        public let remark: String
    }

    /// The units a number cell may print beside its number.
    public enum Unit: Sendable, Hashable {
        /// `元`, `万元`, or `万` alone (an amount in 万元).
        case money(MoneyUnit)
        /// `%`
        case percent
        /// `分`
        case points
    }

    public init(_ text: String) {
        self.text = text
        self.value = DecimalText.parse(text)
        self.annotated = value == nil ? EnteredNumber.readAnnotated(text) : nil
    }

    public init(stringLiteral text: String) { self.init(text) }

    /// A blank cell (read as 0 where the layout says blank means 0, e.g. 目标表 fund sources).
    public var isBlank: Bool { text.isBlank }

    /// Not blank, yet not a number.
    public var isUnreadable: Bool { !isBlank && value == nil }

    /// The value, with a blank cell read as 0.
    public var valueOrZero: Decimal? { isBlank ? 0 : value }

    /// An amount in `unit`: a bare number is in the form's unit; `259.45万元` or `854万(…)` is converted.
    public func amount(in unit: MoneyUnit) -> Decimal? {
        if let value { return value }
        guard let annotated, case .money(let printed) = annotated.unit else { return nil }
        return printed.convert(annotated.number, to: unit)
    }

    /// An amount in `unit`, with a blank cell read as 0.
    public func amountOrZero(in unit: MoneyUnit) -> Decimal? { isBlank ? 0 : amount(in: unit) }

    /// A percentage: `86.5` or `86.5%`.
    public var percent: Decimal? {
        if let value { return value }
        guard let annotated, annotated.unit == .percent, annotated.remark.isEmpty else { return nil }
        return annotated.number
    }

    /// Points (分值, 得分, 总分): `10` or `10分`.
    public var points: Decimal? {
        if let value { return value }
        guard let annotated, annotated.unit == .points, annotated.remark.isEmpty else { return nil }
        return annotated.number
    }

    /// A cell that says "not applicable" rather than a number: `—`, `-`, `/` (the national layout's source
    /// rows print `—` under 分值 and 得分).
    public var isNotApplicable: Bool {
        let trimmed = text.filter { !$0.isWhitespace }
        return !trimmed.isEmpty && trimmed.allSatisfy { "—-－/／―–".contains($0) }
    }

    /// Why a cell that is neither blank nor "not applicable" cannot be read as a plain number; nil when it
    /// can (or is blank). Such a cell is kept verbatim and reported, never counted as 0.
    public var unreadableReason: UnreadableReason? {
        guard value == nil, !isBlank, !isNotApplicable else { return nil }
        if annotated != nil { return .withUnit }
        let compact = DecimalText.normalizeDigits(text.filter { !$0.isWhitespace })
        if compact.contains("年") && compact.contains(where: \.isNumber) { return .date }
        if compact.contains(where: \.isNumber),
            compact.contains(where: { "-－~～至".contains($0) }),
            compact.first(where: \.isNumber) != nil, !compact.hasPrefix("-")
        {
            return .range
        }
        let lookAlikes: Set<Character> = ["O", "o", "I", "l", "|", "S", "B", "Z"]
        if compact.contains(where: { lookAlikes.contains($0) }),
            compact.allSatisfy({ lookAlikes.contains($0) || ($0.isASCII && $0.isNumber) || $0 == "." })
        {
            return .lettersForDigits
        }
        return .notANumber
    }

    /// Why a number cell could not be read.
    public enum UnreadableReason: String, Sendable, Hashable {
        /// `259.45万元`, `86.5%`, `10分` where the column takes no unit.
        case withUnit
        /// `(0-20)分`, `40-50`: a range, not one number.
        case range
        /// `IO`, `1O`: letters where digits belong (a misread scan).
        case lettersForDigits
        /// `2021年12月`: a date.
        case date
        case notANumber

        /// Chinese label for findings.
        public var label: String {
            switch self {
            case .withUnit: "数字带有单位或说明，本栏不应有"
            case .range: "是一个区间，不是一个数"
            case .lettersForDigits: "含形似数字的字母（疑为识别错误）"
            case .date: "是日期，不是数"
            case .notANumber: "不是数字"
            }
        }
    }

    /// `259.45万元`, `854万(含上年结转)`, `86.5%`, `10分`: a whole number, a unit, an optional bracketed remark.
    static func readAnnotated(_ raw: String) -> Annotated? {
        let text = DecimalText.normalizeDigits(raw.filter { !$0.isWhitespace })
        guard let (length, plain) = DecimalText.scanNumber(text), length > 0,
            let number = DecimalText.decimal(plain: plain)
        else { return nil }
        var rest = String(text.dropFirst(length))
        var remark = ""
        if let open = rest.firstIndex(where: { $0 == "(" || $0 == "（" }),
            rest.last == ")" || rest.last == "）"
        {
            remark = String(rest[open...])
            rest = String(rest[..<open])
        }
        let unit: Unit
        switch rest {
        case "元": unit = .money(.yuan)
        case "万元", "万": unit = .money(.wanYuan)
        case "%", "％": unit = .percent
        case "分": unit = .points
        default: return nil
        }
        return Annotated(number: number, unit: unit, remark: remark)
    }
}

/// `209-山西省人力资源和社会保障厅`: a code and a name printed in one cell, split at the first `-`.
public struct CodedName: Sendable, Hashable {
    public let text: String
    public let code: String?
    public let name: String

    public init(_ text: String) {
        self.text = text
        let trimmed = text.trimmed
        if let dash = trimmed.firstIndex(where: { $0 == "-" || $0 == "－" }),
            case let code = trimmed[..<dash].trimmed,
            !code.isEmpty, code.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isLetter) })
        {
            self.code = code
            self.name = trimmed[trimmed.index(after: dash)...].trimmed
        } else {
            self.code = nil
            self.name = trimmed
        }
    }
}

/// Where a form was read from: a document and its line range, when the source has lines.
public struct SourceReference: Sendable, Hashable {
    public var document: String
    public var firstLine: Int?
    public var lastLine: Int?
    /// The source holds only part of the form (a web copy cut off, a page missing): rules that need the whole
    /// form (totals, weight sums, the 满意度 block) say so instead of reporting what the missing part holds.
    public var isTruncated: Bool

    public init(document: String, firstLine: Int? = nil, lastLine: Int? = nil, isTruncated: Bool = false) {
        self.document = document
        self.firstLine = firstLine
        self.lastLine = lastLine
        self.isTruncated = isTruncated
    }
}

/// A printed header cell the model has no field for (`项目负责人及电话`, `资金性质`, `建设周期`), kept with its
/// label so that nothing printed is lost.
public struct PrintedField: Sendable, Hashable {
    /// The label as printed, without its colon.
    public var label: String
    public var text: String

    public init(label: String, text: String) {
        self.label = label
        self.text = text
    }
}
