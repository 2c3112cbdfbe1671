import Foundation

/// A number as a person entered it (金额, 执行率, 分值, 得分…), kept verbatim beside its parsed value.
/// `value` is nil when the cell is blank or does not hold a number; the text is never "corrected".
public struct EnteredNumber: Sendable, Hashable, ExpressibleByStringLiteral {
    public let text: String
    public let value: Decimal?

    public init(_ text: String) {
        self.text = text
        self.value = DecimalText.parse(text)
    }

    public init(stringLiteral text: String) { self.init(text) }

    /// A blank cell (read as 0 where the layout says blank means 0, e.g. 目标表 fund sources).
    public var isBlank: Bool { text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }

    /// Not blank, yet not a number.
    public var isUnreadable: Bool { !isBlank && value == nil }

    /// The value, with a blank cell read as 0.
    public var valueOrZero: Decimal? { isBlank ? 0 : value }
}

/// `209-山西省人力资源和社会保障厅`: a code and a name printed in one cell, split at the first `-`.
public struct CodedName: Sendable, Hashable {
    public let text: String
    public let code: String?
    public let name: String

    public init(_ text: String) {
        self.text = text
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let dash = trimmed.firstIndex(where: { $0 == "-" || $0 == "－" }),
            case let code = trimmed[..<dash].trimmingCharacters(in: .whitespaces),
            !code.isEmpty, code.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isLetter) })
        {
            self.code = code
            self.name = trimmed[trimmed.index(after: dash)...].trimmingCharacters(in: .whitespaces)
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
