/// Which project a form is about, so that forms from different files can be matched: duplicates, a
/// self-evaluation with its target table, a unit's forms for the department summary.

/// Folds the spelling differences that do not make a different name: whitespace, full-width vs
/// half-width letters, digits and punctuation, and the bracket styles (（） () 【】 〔〕 ［］ 《》 …).
public enum NameFolding {
    public static func key(_ name: String) -> String {
        var folded = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            if scalar.properties.isWhitespace { continue }
            let value = scalar.value
            if let bracket = brackets[value] {
                folded.append(bracket)
            } else if let ascii = punctuation[value] {
                folded.append(ascii)
            } else if (0xFF01...0xFF5E).contains(value), let ascii = Unicode.Scalar(value - 0xFEE0) {
                folded.append(ascii)
            } else {
                folded.append(scalar)
            }
        }
        return String(folded)
    }

    /// Every opening bracket becomes `(`, every closing one `)`.
    static let brackets: [UInt32: Unicode.Scalar] = {
        var map: [UInt32: Unicode.Scalar] = [:]
        for open in "([{（【〔［｛《〈「『〖".unicodeScalars { map[open.value] = "(" }
        for close in ")]}）】〕］｝》〉」』〗".unicodeScalars { map[close.value] = ")" }
        return map
    }()

    /// CJK punctuation with an ASCII twin outside the full-width block.
    static let punctuation: [UInt32: Unicode.Scalar] = [
        0x3002: ".", 0x3001: ",", 0x201C: "\"", 0x201D: "\"", 0x2018: "'", 0x2019: "'",
        0x2014: "-", 0x2013: "-", 0x2212: "-", 0x30FB: ".", 0x00B7: ".",
    ]
}

/// The key two forms must share to be about the same project: kind, unit, project and year.
///
/// The unit is its code when printed, else its folded name; the project is its 项目代码 when known, else
/// its folded name (project names are spelt differently across documents, so a code always wins).
public struct FormIdentity: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case selfEvaluation = "self-evaluation"
        case targetTable = "target-table"

        public init(_ form: Form) {
            switch form {
            case .selfEvaluation: self = .selfEvaluation
            case .targetTable: self = .targetTable
            }
        }

        /// 自评表 / 目标表
        public var label: String { self == .selfEvaluation ? "自评表" : "目标表" }
    }

    public let kind: Kind
    public let agency: String
    public let project: String
    public let year: Int

    public init(_ form: Form) {
        kind = Kind(form)
        switch form {
        case .selfEvaluation(let evaluation):
            agency = FormIdentity.unitKey(evaluation.agency)
        case .targetTable(let table):
            agency = table.agency.map(FormIdentity.unitKey) ?? "name:" + NameFolding.key(table.implementingAgency)
        }
        project = FormIdentity.projectKey(name: form.project, code: form.projectCode)
        year = form.year
    }

    /// The same in every run: names a group of forms with this identity in reports.
    public var stableHash: StableHash { StableHash([kind.rawValue, agency, project, String(year)]) }

    /// `code:209100`, or `name:<folded name>` when no code is printed.
    public static func unitKey(_ unit: CodedName) -> String {
        unit.code.map { "code:" + $0 } ?? "name:" + NameFolding.key(unit.name)
    }

    /// `code:<项目代码>`, or `name:<folded name>`.
    public static func projectKey(name: String, code: String?) -> String {
        if let code, !code.isEmpty { return "code:" + code }
        return "name:" + NameFolding.key(name)
    }
}

extension Form {
    /// The unit as printed: the 预算单位 (code-name), else a target table's 实施单位.
    public var unit: String {
        switch self {
        case .selfEvaluation(let form): form.agency.text
        case .targetTable(let form): form.agency?.text ?? form.implementingAgency
        }
    }

    public var projectCode: String? {
        switch self {
        case .selfEvaluation(let form): form.projectCode
        case .targetTable(let form): form.projectCode
        }
    }

    /// Source line of each field path, where the source has lines.
    public var lines: [String: Int] {
        switch self {
        case .selfEvaluation(let form): form.lines
        case .targetTable(let form): form.lines
        }
    }

    /// The form's content without where it was read from (document, line numbers): two copies of one
    /// form in different files compare equal.
    public var content: Form {
        switch self {
        case .selfEvaluation(var form):
            form.source = nil
            form.lines = [:]
            return .selfEvaluation(form)
        case .targetTable(var form):
            form.source = nil
            form.lines = [:]
            return .targetTable(form)
        }
    }
}
