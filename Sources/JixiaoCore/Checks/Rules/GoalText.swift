import Foundation

/// What the goal texts (年度目标, 实际完成情况) state in numbers, read against the indicators of the same form:
/// one mechanism for the self-evaluation and target-table rules that compare them (SE.GOAL.*, TG.GOAL.*).
///
/// Only what is unambiguous is read: a quantity is a number written right before a unit one of the form's own
/// indicators uses (`425万粒` where an indicator's target is `550万粒`), and the thing it counts is the run of
/// text before it back to the previous punctuation (`采购马铃薯原原种`).
enum GoalText {
    /// An indicator as the goal rules see it, from either kind of form.
    struct Row {
        /// `indicators[0]`, `indicators.annual[3]`
        let prefix: String
        /// The field of the target read: `adjustedTarget`, `value`.
        let targetField: String
        let name: String
        let level2: String
        let target: IndicatorValue
        /// 实际完成值 (self-evaluations).
        var actual: IndicatorValue?

        var path: String { "\(prefix).\(targetField)" }

        /// A self-evaluation's indicator rows (template rows and 其中 rows left out).
        static func rows(of form: SelfEvaluation) -> [Row] {
            form.indicators.enumerated().compactMap { index, row in
                guard !row.isTemplateRow, !row.isSubItem else { return nil }
                return Row(
                    prefix: "indicators[\(index)]", targetField: "adjustedTarget", name: row.name, level2: row.level2,
                    target: row.target, actual: row.actual)
            }
        }

        /// One half of a target table's indicators (`period` or `annual`).
        static func rows(_ indicators: [TargetTable.Indicator], half: String) -> [Row] {
            indicators.enumerated().map { index, row in
                Row(
                    prefix: "indicators.\(half)[\(index)]", targetField: "value", name: row.name, level2: row.level2,
                    target: row.value)
            }
        }
    }

    /// A number with a unit in a text, and the text before it back to the previous punctuation.
    struct Mention {
        let written: String
        let number: Decimal
        let unit: MeasureUnit
        let before: String

        var baseValue: Decimal { number * unit.scale }
        var text: String { before + written + unit.text }
    }

    static let delimiters: Set<Character> = [
        ",", "，", "。", "；", ";", "：", ":", "、", "（", "）", "(", ")", "\n", " ", "“", "”",
    ]

    /// Every number in `text` written right before one of `units` (longest unit first), with what precedes it.
    static func mentions(in raw: String, units: [MeasureUnit]) -> [Mention] {
        let text = Array(DecimalText.normalizeDigits(raw))
        let unitTexts = Set(units.map(\.text).filter { !$0.isEmpty }).sorted { $0.count > $1.count }
        var found: [Mention] = []
        var index = 0
        while index < text.count {
            let startsNumber = text[index].isASCII && text[index].isNumber
            guard startsNumber, index == 0 || !(text[index - 1].isASCII && text[index - 1].isNumber),
                index == 0 || text[index - 1] != "."
            else {
                index += 1
                continue
            }
            guard let (length, plain) = DecimalText.scanNumber(String(text[index...])),
                let number = DecimalText.decimal(plain: plain)
            else {
                index += 1
                continue
            }
            let after = String(text[(index + length)...])
            if let unit = unitTexts.first(where: { after.hasPrefix($0) }) {
                var start = index
                while start > 0, !delimiters.contains(text[start - 1]) { start -= 1 }
                found.append(
                    Mention(
                        written: String(text[index..<(index + length)]), number: number, unit: MeasureUnit(unit),
                        before: String(text[start..<index])))
            }
            index += length
        }
        return found
    }

    /// The length of the common ending of two texts, in characters (`采购马铃薯原原种`, `免费发放原原种` → 3).
    static func commonSuffix(_ a: String, _ b: String) -> Int {
        zip(a.reversed(), b.reversed()).prefix { $0 == $1 }.count
    }

    /// What an indicator's name counts: without a numbering prefix (`指标1`), a trailing bracketed remark
    /// (`(人)`) and a trailing 数量 (`设备维护数量` → `设备维护`, `指标1免费发放原原种` → `免费发放原原种`).
    static func noun(_ name: String) -> String {
        var name = name.withoutWhitespace
        if let open = name.lastIndex(where: { $0 == "(" || $0 == "（" }), name.last == ")" || name.last == "）" {
            name = String(name[..<open])
        }
        if let numbered = name.prefixMatch(of: /指标\d+/) { name = String(name[numbered.range.upperBound...]) }
        if name.hasSuffix("数量") { name = String(name.dropLast(2)) }
        return name
    }

    /// Units a goal quantity is compared in: counts and measures, not percentages or money (the funds table and
    /// SE.NARR.010 cover money; percentages in goals describe too many different things).
    static func isComparable(_ unit: MeasureUnit) -> Bool {
        !unit.text.isEmpty && unit.base != "%" && unit.base != "元"
    }

    /// SE.GOAL.010 / TG.GOAL.010: the goal states a quantity of the same thing, in the same unit, as one
    /// indicator's target, and the two differ. Per unit, the goal's quantities and the indicators' targets that
    /// equal each other are set aside; when exactly one of each is left and they name the same thing (the
    /// indicator's name and the text before the goal's number end alike, ≥ 2 characters), they contradict.
    static func quantityContradictions(goal: String, goalPath: String, rows: [Row]) -> [Violation] {
        let quantified = rows.compactMap { row -> (row: Row, quantity: IndicatorValue.Quantity)? in
            guard let quantity = row.target.quantity, isComparable(quantity.unit) else { return nil }
            return (row, quantity)
        }
        let mentions = GoalText.mentions(in: goal, units: quantified.map(\.quantity.unit))
        var violations: [Violation] = []
        for base in Set(quantified.map(\.quantity.unit.base)).sorted() {
            let targets = quantified.filter { $0.quantity.unit.base == base }
            let stated = mentions.filter { $0.unit.base == base }
            let openTargets = targets.filter { target in !stated.contains { $0.baseValue == target.quantity.baseValue }
            }
            let openStated = stated.filter { mention in !targets.contains { $0.quantity.baseValue == mention.baseValue }
            }
            guard openTargets.count == 1, openStated.count == 1 else { continue }
            let (target, mention) = (openTargets[0], openStated[0])
            guard commonSuffix(noun(target.row.name), mention.before) >= 2 else { continue }
            violations.append(
                Violation(
                    at: goalPath,
                    "目标写“\(mention.text)”，指标“\(target.row.name)”的指标值为“\(target.row.target.text)”：同一事物、同一单位的数量不一致（\(target.row.path)）",
                    expected: target.row.target.text, actual: mention.written + mention.unit.text))
        }
        return violations
    }

    /// SE.GOAL.020 / TG.GOAL.020: a 时效 indicator dated in a year before the form's (`2021年11月30日前完成资金支付`
    /// in a 2022 form): a deadline of an earlier year cannot be this year's target. The name, target and actual
    /// are read, in that order; the first earlier year found is reported.
    static func staleDates(year: Int, rows: [Row]) -> [Violation] {
        rows.compactMap { row -> Violation? in
            guard Level2(label: row.level2) == .timeliness else { return nil }
            var texts = [("\(row.prefix).name", row.name), (row.path, row.target.text)]
            if let actual = row.actual { texts.append(("\(row.prefix).actual", actual.text)) }
            for (path, text) in texts {
                guard let earlier = years(in: text).first(where: { $0 < year }) else { continue }
                return Violation(
                    at: path,
                    "时效指标“\(row.name)”写的是 \(earlier) 年（“\(text)”），而本表是 \(year) 年度：时限早于本年度，可能沿用了往年的指标",
                    expected: "\(year)", actual: "\(earlier)")
            }
            return nil
        }
    }

    /// The years (`2021年`, 2000–2099) a text names.
    static func years(in raw: String) -> [Int] {
        let text = Array(DecimalText.normalizeDigits(raw))
        guard text.count >= 5 else { return [] }
        var found: [Int] = []
        for index in 0...(text.count - 5) {
            let digits = text[index..<(index + 4)]
            guard text[index] == "2", text[index + 1] == "0", digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                text[index + 4] == "年", let year = Int(String(digits))
            else { continue }
            found.append(year)
        }
        return found
    }

    /// SE.GOAL.030 / TG.GOAL.030: the goal plans only part of the work (`完成项目主体工程70%`) while an indicator
    /// of completion asks for all of it on time (`项目(工程)完成及时率 ≥100%`).
    static func partialGoalVersusFullCompletion(goal: String, goalPath: String, rows: [Row]) -> [Violation] {
        guard let partial = partialCompletion(in: goal) else { return [] }
        return rows.compactMap { row -> Violation? in
            guard row.name.contains("完成"), row.name.contains("率"),
                case .quantity(let op, let quantity) = row.target.reading, quantity.unit.base == "%",
                quantity.number >= 100, op == nil || op?.direction != .lowerIsBetter
            else { return nil }
            return Violation(
                at: row.path,
                "目标只要求“\(partial.text)”（\(DecimalText.plain(partial.percent))%），指标“\(row.name)”却要求“\(row.target.text)”：目标与指标相互矛盾",
                expected: DecimalText.plain(partial.percent) + "%", actual: row.target.text)
        }
    }

    /// `完成项目主体工程70%` → 70: 完成, at most 12 characters of what is completed, then a percentage below 100.
    static func partialCompletion(in raw: String) -> (text: String, percent: Decimal)? {
        // Most goals say nothing of the kind: the words first, the pattern only where they occur.
        guard raw.includes("完成"), raw.includes("%") || raw.includes("％") else { return nil }
        let text = DecimalText.normalizeDigits(raw)
        for match in text.matches(of: partialPattern) {
            guard let percent = DecimalText.parse(String(match.output.2)), percent > 0, percent < 100 else { continue }
            return (String(match.output.0), percent)
        }
        return nil
    }

    /// 完成, what is completed, a percentage (stored once, see `SentenceText`).
    nonisolated(unsafe) static let partialPattern = /完成([^\d,，。；;、]{0,12}?)(\d+(?:\.\d+)?)\s*[%％]/

    /// SE.GOAL.040 / TG.GOAL.040: a money total broken down after 其中 whose parts do not add up to it
    /// (`共申请预算资金2026400元，其中…400000元，…252000元，…` with the parts making 1,740,000).
    static func breakdownMismatches(texts: [(path: String, text: String)]) -> [Violation] {
        texts.flatMap { path, raw -> [Violation] in
            guard raw.includes("其中") else { return [] }
            let text = DecimalText.normalizeDigits(raw)
            return text.split(whereSeparator: { "。；;\n".contains($0) }).compactMap { sentence -> Violation? in
                guard let split = sentence.range(of: "其中") else { return nil }
                let money = [MeasureUnit("万元"), MeasureUnit("元")]
                guard let total = mentions(in: String(sentence[..<split.lowerBound]), units: money).last else {
                    return nil
                }
                let parts = mentions(in: String(sentence[split.upperBound...]), units: money)
                guard parts.count >= 2, parts.allSatisfy({ $0.unit == total.unit }) else { return nil }
                let sum = parts.reduce(Decimal(0)) { $0 + $1.number }
                guard sum != total.number else { return nil }
                let terms = parts.map { $0.written }.joined(separator: " + ")
                return Violation(
                    at: path,
                    "文字写明总额 \(total.written)\(total.unit.text)，其中各项 \(terms) = \(DecimalText.plain(sum))\(total.unit.text)，与总额相差 \(DecimalText.plain(total.number - sum))\(total.unit.text)",
                    expected: total.written + total.unit.text, actual: DecimalText.plain(sum) + total.unit.text)
            }
        }
    }
}
