import Foundation

/// SE.NARR.010: an amount stated in the analysis or completion text matches none of the funds table.
///
/// The texts restate the budget and spending (`预算金额284.56万元`) and readers take them at their word;
/// transposed digits (284.56 for 248.56) or a slipped decimal point (28.6 for 286) then contradict the
/// table. An amount counts as consistent when some table amount of the 资金总额 row (目标申报数, 预算编制数,
/// 全年预算数, 全年执行数, 资金结余) rounds to it at the text's own number of decimals (136.93 → 136.9).
///
/// Texts mention other money too (a purchase, a subsidy base), so the rule is deliberately narrow: only an
/// amount in 万元 written right after a budget term (预算/执行/支出, optionally with 数/金额/资金, or
/// 项目资金/项目金额), with at most a linking word (为, 是, 达, 共计, ：) between. Approximations (约…) are
/// skipped. Notice: the table is what is scored; the text is for the reader.
public struct NarrativeAmountContradictionCheck: SelfEvaluationCheck {
    public static let description = CheckDescription(
        id: "SE.NARR.010", slug: "narrative-amount-contradiction", name: "文字说明金额与资金表不符",
        summary: "实际完成情况或项目绩效分析中，紧接在预算、执行、支出等字样后的“××万元”与资金总额行的任何金额都不相符（按文字的小数位数四舍五入比较）。",
        basis: "财预〔2020〕10号 附件3：绩效分析应与预算执行数据一致；资金表为评分依据。",
        defaultSeverity: .notice, scope: .selfEvaluation,
        tolerance: "表中金额按文字金额的小数位数四舍五入（半数进位）后相等即视为一致",
        passing: [
            CheckExample(ExampleForms.selfEvaluation()),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.funds.total = SelfEvaluation.FundsRow(
                        declared: "136.93", compiled: "136.93", fullYearBudget: "136.93",
                        executed: "136.93", balance: "0", rate: "100", score: "10")
                    $0.analysis.execution = "本年度该项目预算金额136.9万元，项目支出136.9万元。"
                }),
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.analysis.problems = "取消培训涉及金额约14.3万元；政府采购金额为9万元；补助资金2846万元。"
                }),
        ],
        failing: [
            CheckExample(
                ExampleForms.selfEvaluation {
                    $0.analysis.execution = "该项目本年预算金额为128万元，项目执行金额128万元，执行率100%。"
                    $0.goals.completion = "预算金额1,000万元，年初目标全部完成。"
                },
                expect: [
                    ExpectedFinding(at: "analysis.execution", expected: "100", actual: "128"),
                    ExpectedFinding(at: "goals.completion", expected: "100", actual: "1,000"),
                ])
        ])

    public init() {}

    /// An amount in 万元, and the budget term that must end the text right before it (stored once, see
    /// `SentenceText`).
    nonisolated(unsafe) static let amount = /(\d[\d,]*(?:\.\d+)?)\s*万元/
    nonisolated(unsafe) static let budgetTerm =
        /(?:(?:预算|执行|支出)(?:数|金额|资金|额)?|项目(?:资金|金额))(?:为|是|达|共计|合计|总计|：|:)?\s*$/

    /// `text.matches(of: amount)`, found without running the regular expression over the whole text (a tenth of
    /// `jixiao check` over a province did): each 万元 with the run of digits, separators and spaces before it,
    /// the only text `amount` can match there, is given to the expression alone.
    static func amounts(in text: String) -> [Regex<(Substring, Substring)>.Match] {
        var found: [Regex<(Substring, Substring)>.Match] = []
        var searched = text.startIndex
        for unit in text.ranges(of: "万元") where unit.lowerBound >= searched {
            var start = unit.lowerBound
            while start > searched {
                let before = text.index(before: start)
                let character = text[before]
                guard character.isNumber || character.isWhitespace || character == "," || character == "." else {
                    break
                }
                start = before
            }
            if let match = text[start..<unit.upperBound].firstMatch(of: amount) { found.append(match) }
            searched = unit.upperBound
        }
        return found
    }

    /// How far apart two amounts are, as a factor: a slipped decimal point (28.6 for 286) is nearer to the
    /// intended amount than to a zero balance.
    func distance(_ a: Decimal, _ b: Decimal) -> Decimal {
        guard a > 0, b > 0 else { return a == b ? 1 : .greatestFiniteMagnitude }
        return max(a, b) / min(a, b)
    }

    public func check(_ form: SelfEvaluation, context: CheckContext) -> [Violation] {
        let total = form.funds.total
        let table = [
            (FieldVocabulary.Funds.fullYearBudget.label, total.fullYearBudget),
            (FieldVocabulary.Funds.executed.label, total.executed), ("目标申报数", total.declared),
            ("预算编制数", total.compiled), (FieldVocabulary.Funds.balance.label, total.balance),
        ]
        .compactMap { label, number in
            // The text states amounts in 万元, whatever unit the table prints.
            number.amount(in: form.amountUnit).map {
                (label: label, text: number.text, value: form.amountUnit.convert($0, to: .wanYuan))
            }
        }
        guard !table.isEmpty else { return [] }
        let texts =
            [("goals.completion", form.goals.completion)] + form.analysis.fields.map { ("analysis.\($0.key)", $0.text) }
        return texts.flatMap { path, raw -> [Violation] in
            guard raw.includes("万元") else { return [] }
            let text = DecimalText.normalizeDigits(raw)
            var seen: Set<String> = []
            return Self.amounts(in: text).compactMap { match -> Violation? in
                let written = String(match.output.1)
                guard text[..<match.range.lowerBound].suffix(8).contains(Self.budgetTerm),
                    let stated = DecimalText.parse(written), seen.insert(written).inserted
                else { return nil }
                let decimals = written.split(separator: ".").dropFirst().first?.count ?? 0
                guard !table.contains(where: { $0.value.rounded(decimals) == stated }),
                    let nearest = table.min(by: { distance($0.value, stated) < distance($1.value, stated) })
                else { return nil }
                return Violation(
                    at: path, "文字写明 \(written)万元，与资金表不符（最接近的是\(nearest.label) \(nearest.text)万元）",
                    expected: nearest.text, actual: written)
            }
        }
    }
}
