import Foundation

/// A workbook as read: its worksheets in tab order.
struct Workbook: Sendable {
    var sheets: [Worksheet]
}

/// One worksheet: the cells that hold something, and the merged ranges.
struct Worksheet: Sendable {
    var name: String
    var cells: [CellAddress: Cell]
    /// Merged ranges (`mergeCells`): the value belongs to the top-left cell.
    var merges: [CellRange]

    init(name: String, cells: [CellAddress: Cell] = [:], merges: [CellRange] = []) {
        self.name = name
        self.cells = cells
        self.merges = merges
    }
}

/// One cell's content, with the text Excel would show.
struct Cell: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case text
        /// A number, exactly as stored (no pass through `Double`).
        case number(Decimal)
        /// A number whose format is a date or time format.
        case date(ExcelDateTime)
        case boolean
        /// `#N/A`, `#DIV/0!` …
        case error
        /// A formula whose result was never computed and saved (`<f>` without `<v>`).
        case uncomputedFormula(String)
    }

    var kind: Kind
    /// What the cell shows: the string, or the number formatted by the cell's number format.
    var text: String

    init(_ kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }
}

/// A 1-based row and column (`B12` = row 12, column 2).
struct CellAddress: Sendable, Hashable, Comparable, CustomStringConvertible {
    var row: Int
    var column: Int

    init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Largest row and column an .xlsx sheet can have.
    static let maxRow = 1_048_576
    static let maxColumn = 16_384

    /// Reads `B12`, `$B$12` or `b12`; nil when the text is not a cell reference within the sheet limits.
    init?(reference: String) {
        var letters = 0
        var digits = 0
        var sawDigit = false
        for character in reference where character != "$" {
            guard let ascii = character.asciiValue else { return nil }
            switch ascii {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard !sawDigit else { return nil }
                letters = letters * 26 + Int((ascii & 0xDF) - UInt8(ascii: "A") + 1)
                if letters > CellAddress.maxColumn { return nil }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                sawDigit = true
                digits = digits * 10 + Int(ascii - UInt8(ascii: "0"))
                if digits > CellAddress.maxRow { return nil }
            default:
                return nil
            }
        }
        guard letters > 0, digits > 0 else { return nil }
        self.init(row: digits, column: letters)
    }

    /// `A`, `Z`, `AA`.
    static func columnName(_ column: Int) -> String {
        var name = ""
        var rest = column
        while rest > 0 {
            let digit = (rest - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + digit))) + name
            rest = (rest - 1) / 26
        }
        return name
    }

    var description: String { "\(CellAddress.columnName(column))\(row)" }

    static func < (lhs: CellAddress, rhs: CellAddress) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }
}

/// A rectangular range such as `A5:A8`.
struct CellRange: Sendable, Hashable, CustomStringConvertible {
    var start: CellAddress
    var end: CellAddress

    init(start: CellAddress, end: CellAddress) {
        self.start = CellAddress(row: min(start.row, end.row), column: min(start.column, end.column))
        self.end = CellAddress(row: max(start.row, end.row), column: max(start.column, end.column))
    }

    /// Reads `A5:A8` (or a single `A5`).
    init?(reference: String) {
        let parts = reference.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2,
            let first = CellAddress(reference: String(parts[0])),
            let last = CellAddress(reference: String(parts[parts.count - 1]))
        else { return nil }
        self.init(start: first, end: last)
    }

    func contains(_ address: CellAddress) -> Bool {
        (start.row...end.row).contains(address.row) && (start.column...end.column).contains(address.column)
    }

    var cellCount: Int { (end.row - start.row + 1) * (end.column - start.column + 1) }

    var description: String { start == end ? "\(start)" : "\(start):\(end)" }
}
