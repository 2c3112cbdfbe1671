import Foundation

/// Forms that are about the same project (same `FormIdentity`), in three classes after Arelle's duplicate
/// facts: identical, consistent within rounding, inconsistent.
public enum FormDuplicates {
    public enum Class: Sendable, Hashable {
        /// The same form twice (provenance aside).
        case identical
        /// Every number equal after rounding to 2 places; `firstDifference` is the first number written
        /// differently (`100` vs `100.00`), nil when only texts differ.
        case consistent(firstDifference: NumberDifference?)
        /// A number that differs after rounding: the first one in printed order.
        case conflicting(NumberDifference)
    }

    /// A number field where two forms differ.
    public struct NumberDifference: Sendable, Hashable {
        public let field: NumberField
        /// The text on each form; nil when the form has no such field (fewer rows).
        public let earlier: String?
        public let later: String?
    }

    /// Forms with one identity: each later member compared with the first.
    public struct Group: Sendable, Hashable {
        /// Input indices, in input order.
        public let members: [Int]
        /// The class of each later member (`members[1...]`) against the first.
        public let kinds: [Class]
    }

    /// Every identity held by two forms or more, in order of first appearance; n forms, at most n comparisons.
    public static func groups(in forms: [Form]) -> [Group] {
        FormIndex(forms).groups(by: { $0.identity }).map { _, members in
            Group(members: members, kinds: members.dropFirst().map { classify(forms[members[0]], forms[$0]) })
        }
    }

    /// For each form that is an exact copy (provenance aside) of an earlier one, the first such form: the
    /// copies a count must skip. Found by hashing, not by comparing pairs.
    public static func copies(in forms: [Form]) -> [Int: Int] {
        var first: [Form: Int] = [:]
        var copies: [Int: Int] = [:]
        for (index, form) in forms.enumerated() {
            let content = form.content
            if let original = first[content] { copies[index] = original } else { first[content] = index }
        }
        return copies
    }

    public static func classify(_ earlier: Form, _ later: Form) -> Class {
        if earlier.content == later.content { return .identical }
        let a = earlier.numberFields
        let b = later.numberFields
        var written: NumberDifference?
        for index in 0..<max(a.count, b.count) {
            let left = index < a.count ? a[index] : nil
            let right = index < b.count ? b[index] : nil
            guard let left, let right, left.field.path == right.field.path else {
                // One form has a row the other lacks: the first field of the longer list is missing on the other.
                let field = (left ?? right)!.field
                return .conflicting(
                    NumberDifference(
                        field: field, earlier: left.flatMap { $0.field == field ? $0.number.text : nil },
                        later: right.flatMap { $0.field == field ? $0.number.text : nil }))
            }
            if !sameAfterRounding(left.number, right.number) {
                return .conflicting(
                    NumberDifference(field: left.field, earlier: left.number.text, later: right.number.text))
            }
            if written == nil, left.number.text != right.number.text {
                written = NumberDifference(field: left.field, earlier: left.number.text, later: right.number.text)
            }
        }
        return .consistent(firstDifference: written)
    }

    /// Equal after `round2`, a blank cell read as 0; two cells that are not numbers are equal only when
    /// written alike.
    static func sameAfterRounding(_ a: EnteredNumber, _ b: EnteredNumber) -> Bool {
        guard let x = a.valueOrZero, let y = b.valueOrZero else {
            return a.valueOrZero == nil && b.valueOrZero == nil
                && a.text.trimmed == b.text.trimmed
        }
        return x.round2 == y.round2
    }
}

/// A number cell of a form: its field path and Chinese label.
public struct NumberField: Sendable, Hashable {
    /// `funds.total.executed`, `indicators[2].weight`, `total`.
    public let path: String
    /// `资金总额·全年执行数`, `指标“设备完好率”·分值`, `总分`.
    public let label: String
}

extension Form {
    /// Every number the form prints, in printed order: self-evaluations the funds block, each indicator's
    /// 分值 and 得分 and the 总分; target tables the 实施期 and 年度 funds.
    public var numberFields: [(field: NumberField, number: EnteredNumber)] {
        switch self {
        case .selfEvaluation(let form):
            let columns: [(String, String, KeyPath<SelfEvaluation.FundsRow, EnteredNumber>)] = [
                ("declared", "目标申报数", \.declared), ("compiled", "预算编制数", \.compiled),
                ("fullYearBudget", "全年预算数", \.fullYearBudget), ("executed", "全年执行数", \.executed),
                ("balance", "资金结(转)余", \.balance), ("rate", "执行率", \.rate), ("score", "得分", \.score),
            ]
            let rows =
                [("funds.total", "资金总额", form.funds.total)]
                + form.funds.sources.enumerated().map { ("funds.sources[\($0)]", $1.source, $1) }
            var fields = rows.flatMap { path, label, row in
                columns.map { key, name, column in
                    (NumberField(path: "\(path).\(key)", label: "\(label)·\(name)"), row[keyPath: column])
                }
            }
            for (index, row) in form.indicators.enumerated() {
                fields.append(
                    (NumberField(path: "indicators[\(index)].weight", label: "指标“\(row.name)”·分值"), row.weight))
                fields.append((NumberField(path: "indicators[\(index)].score", label: "指标“\(row.name)”·得分"), row.score))
            }
            fields.append((NumberField(path: "total", label: "总分"), form.printedTotal))
            return fields
        case .targetTable(let table):
            let halves = [("period", "实施期资金", table.funds.period), ("annual", "年度资金", table.funds.annual)]
            return halves.flatMap { key, label, breakdown -> [(NumberField, EnteredNumber)] in
                guard let breakdown else { return [] }
                return [(NumberField(path: "funds.\(key).total", label: "\(label)总额"), breakdown.total)]
                    + breakdown.sources.enumerated().map { index, source in
                        (
                            NumberField(
                                path: breakdown.sourcePath(index, under: "funds.\(key)"),
                                label: "\(label)·\(source.label)"), source.amount
                        )
                    }
            }
        }
    }
}
