import Foundation
import JixiaoCore
import Testing

/// The value parser (指标值 / 实际完成值): operators in every spelling, numbers, units, qualitative words,
/// the three outcomes in every wording, and garbage, each read from the text as forms print it.
@Suite struct IndicatorValueTests {
    // MARK: Operators

    /// Every spelling of 计算符号 seen in forms, ASCII and full-width, before the same `12次`.
    static let operatorSpellings: [(String, ComparisonOperator)] = [
        ("≥", .atLeast), (">=", .atLeast), ("≧", .atLeast), ("＞＝", .atLeast), (">＝", .atLeast),
        ("＞", .greaterThan), (">", .greaterThan),
        ("＝", .equal), ("=", .equal), ("═", .equal), ("==", .equal),
        ("＜", .lessThan), ("<", .lessThan),
        ("≤", .atMost), ("<=", .atMost), ("≦", .atMost), ("＜＝", .atMost),
    ]

    @Test(arguments: operatorSpellings)
    func operatorSpelling_readsAsItsPlatformOperator_before12次(spelling: String, op: ComparisonOperator) throws {
        for text in [spelling + "12次", spelling + " 12 次"] {
            let value = IndicatorValue(text)
            #expect(value.comparisonOperator == op, "\(text)")
            let quantity = try #require(value.quantity, "\(text)")
            #expect(quantity.number == dec("12"))
            #expect(quantity.unit.text == "次")
            #expect(value.flaws.isEmpty, "\(text): \(value.flaws)")
            #expect(value.text == text, "the text is kept verbatim")
        }
    }

    @Test func operatorCodesAndDirections_followThePlatformList() {
        #expect(ComparisonOperator.allCases.map(\.code) == [1, 2, 3, 4, 5])
        #expect(
            ComparisonOperator.allCases.map(\.direction)
                == [.higherIsBetter, .higherIsBetter, .equal, .lowerIsBetter, .lowerIsBetter])
    }

    // MARK: Numbers and units

    struct QuantityCase: Sendable, CustomTestStringConvertible {
        let text: String
        let op: ComparisonOperator?
        let number: String
        /// The unit as printed, and read (scale prefix off, brackets and spelling normalised).
        let unit: String
        let base: String
        let baseValue: String
        let flaws: [IndicatorValue.Flaw]
        var testDescription: String { text }

        init(
            _ text: String, _ op: ComparisonOperator?, _ number: String, _ unit: String, base: String,
            baseValue: String, flaws: [IndicatorValue.Flaw] = []
        ) {
            (self.text, self.op, self.number, self.unit, self.base, self.baseValue, self.flaws) = (
                text, op, number, unit, base, baseValue, flaws
            )
        }
    }

    static let quantities: [QuantityCase] = [
        // Thousands separators, decimals, full-width digits, point and comma.
        QuantityCase("≥2,500万次", .atLeast, "2500", "万次", base: "次", baseValue: "25000000"),
        QuantityCase("≤8,266,024.73元", .atMost, "8266024.73", "元", base: "元", baseValue: "8266024.73"),
        QuantityCase("≥98.5%", .atLeast, "98.5", "%", base: "%", baseValue: "98.5"),
        QuantityCase("≥１２万人", .atLeast, "12", "万人", base: "人", baseValue: "120000"),
        QuantityCase("≥１，２００卷", .atLeast, "1200", "卷", base: "卷", baseValue: "1200"),
        QuantityCase("≤１．２元/人", .atMost, "1.2", "元/人", base: "元/人", baseValue: "1.2"),
        QuantityCase("≥９８％", .atLeast, "98", "％", base: "%", baseValue: "98"),
        // Scale prefixes and unit spellings.
        QuantityCase("≥12万人", .atLeast, "12", "万人", base: "人", baseValue: "120000"),
        QuantityCase("≤1.5亿元", .atMost, "1.5", "亿元", base: "元", baseValue: "150000000"),
        QuantityCase("≤20万元", .atMost, "20", "万元", base: "元", baseValue: "200000"),
        QuantityCase("≥15台（套）", .atLeast, "15", "台（套）", base: "台(套)", baseValue: "15"),
        QuantityCase("≥15台(套)", .atLeast, "15", "台(套)", base: "台(套)", baseValue: "15"),
        QuantityCase("≥6000平米", .atLeast, "6000", "平米", base: "平方米", baseValue: "6000"),
        QuantityCase("=257.34平方米", .equal, "257.34", "平方米", base: "平方米", baseValue: "257.34"),
        QuantityCase("＝0次", .equal, "0", "次", base: "次", baseValue: "0"),
        // Bare numbers: no operator, and flagged (docs/domain.md §2.3).
        QuantityCase("257.34平方米", nil, "257.34", "平方米", base: "平方米", baseValue: "257.34", flaws: [.missingOperator]),
        QuantityCase("100%", nil, "100", "%", base: "%", baseValue: "100", flaws: [.missingOperator]),
        QuantityCase("3360元/人", nil, "3360", "元/人", base: "元/人", baseValue: "3360", flaws: [.missingOperator]),
        QuantityCase("263000元", nil, "263000", "元", base: "元", baseValue: "263000", flaws: [.missingOperator]),
        // Actual values written with an operator (the platform renders actuals like targets).
        QuantityCase("≥18次", .atLeast, "18", "次", base: "次", baseValue: "18"),
        QuantityCase("≤16.8元", .atMost, "16.8", "元", base: "元", baseValue: "16.8"),
    ]

    @Test(arguments: quantities)
    func quantity_readsOperatorNumberUnitAndBaseValue(_ vector: QuantityCase) throws {
        let value = IndicatorValue(vector.text)
        #expect(value.comparisonOperator == vector.op)
        let quantity = try #require(value.quantity)
        #expect(quantity.number == dec(vector.number))
        #expect(quantity.unit.text == vector.unit)
        #expect(quantity.unit.base == vector.base)
        #expect(quantity.baseValue == dec(vector.baseValue))
        #expect(value.flaws == vector.flaws)
    }

    @Test(arguments: [
        ("台（套）", "台(套)", true), ("平米", "平方米", true), ("㎡", "平方米", true), ("万元", "元", true),
        ("亿元", "万元", true), ("％", "%", true), ("人/次", "人次", true), ("万人", "人", true),
        ("元", "%", false), ("人", "人次", false), ("元/人", "元", false), ("台", "台(套)", false),
    ])
    func units_compareAfterScaleBracketsAndSpelling(_ left: String, _ right: String, compatible: Bool) {
        #expect(MeasureUnit(left).isCompatible(with: MeasureUnit(right)) == compatible)
        #expect(MeasureUnit(right).isCompatible(with: MeasureUnit(left)) == compatible)
    }

    @Test(arguments: [("万人", "10000"), ("亿元", "100000000"), ("万元/人", "10000"), ("元", "1"), ("%", "1"), ("", "1")])
    func unitScale_万is10000_亿is100000000(_ unit: String, _ scale: String) {
        #expect(MeasureUnit(unit).scale == dec(scale))
    }

    // MARK: Words

    @Test(arguments: [
        "及时", "保障", "稳定", "满足", "加快推进", "按计划及时", "年底前完成", "办卡后1周之内", "当地教师工资水平",
        "是", "明明白白", "常常", "促进社会公平",
    ])
    func qualitativeWord_isKeptAsWritten_withoutFlaws(_ text: String) {
        let value = IndicatorValue(text)
        #expect(value.reading == .qualitative(text))
        #expect(value.flaws.isEmpty)
    }

    @Test(arguments: [
        ("及时及时", "及时"), ("保障保障", "保障"), ("满足满足", "满足"), ("加大提升提升", "加大提升"),
        ("加快推进推进", "加快推进"), ("促进社会公平促进社会公平", "促进社会公平"),
    ])
    func doubledWord_isReadOnce_andFlagged(_ text: String, _ single: String) {
        let value = IndicatorValue(text)
        #expect(value.reading == .qualitative(single))
        #expect(value.flaws == [.doubledWord])
        #expect(value.text == text, "the printed text is never rewritten")
    }

    // MARK: Outcomes

    static let wordings: [(QualitativeOutcome, QualitativeOutcome.Wording)] = QualitativeOutcome.allCases.flatMap {
        outcome in
        [QualitativeOutcome.Wording.national, .shanxi, .shorthand].map { (outcome, $0) }
    }

    @Test(arguments: wordings)
    func outcome_everyPublishedWording_isRecognised(outcome: QualitativeOutcome, wording: QualitativeOutcome.Wording) {
        let value = IndicatorValue(outcome.text(wording))
        #expect(value.reading == .outcome(outcome, wording))
        #expect(value.outcome == outcome)
        #expect(value.flaws.isEmpty)
    }

    @Test func outcome_wordings_areTheNationalShanxiAndShorthandTexts() {
        #expect(QualitativeOutcome.achieved.text(.national) == "达成年度指标")
        #expect(QualitativeOutcome.partlyAchieved.text(.national) == "部分达成年度指标并具有一定效果")
        #expect(QualitativeOutcome.notAchieved.text(.national) == "未达成年度指标且效果较差")
        #expect(QualitativeOutcome.achieved.text(.shanxi) == "达成预期指标")
        #expect(QualitativeOutcome.partlyAchieved.text(.shanxi) == "部分达成预期指标并具有一定效果")
        #expect(QualitativeOutcome.notAchieved.text(.shanxi) == "未完成预期指标且效果较差")
        #expect(QualitativeOutcome.allCases.map { $0.text(.shorthand) } == ["达成", "部分达成", "未达成"])
    }

    /// Published text is cut at the column width: a prefix still names the outcome.
    @Test(arguments: [
        ("达成预期", QualitativeOutcome.achieved, QualitativeOutcome.Wording.shanxi),
        ("达成预期指", .achieved, .shanxi),
        ("部分达成预期指标并", .partlyAchieved, .shanxi),
        ("未完成预期指", .notAchieved, .shanxi),
        ("达成年度", .achieved, .national),
        ("部分达成年度指标", .partlyAchieved, .national),
        ("未达成年度指标且", .notAchieved, .national),
    ])
    func outcome_truncatedPrefix_isRecognised(
        _ text: String, _ outcome: QualitativeOutcome,
        _ wording: QualitativeOutcome.Wording
    ) {
        #expect(IndicatorValue(text).reading == .outcome(outcome, wording))
    }

    @Test func 未填报_isShanxisUnfilledMarker() {
        for text in ["未填报", " 未填报 "] {
            #expect(IndicatorValue(text).reading == .notFilled)
            #expect(IndicatorValue(text).flaws.isEmpty)
        }
    }

    // MARK: Garbage

    @Test func hyphen100Percent_isUnparsed_notAnOperator_andForbidden() {
        for text in ["-100%", "－100%"] {
            let value = IndicatorValue(text)
            #expect(value.reading == .unparsed(.hyphenNotOperator), "\(text)")
            #expect(value.flaws == [.forbiddenCharacter], "\(text)")
            #expect(value.quantity == nil)
        }
    }

    @Test(arguments: ["≥人", "≥", "≤%", "＝次", "≥-5%"])
    func operatorWithoutNumber_isUnparsed(_ text: String) {
        #expect(IndicatorValue(text).reading == .unparsed(.operatorWithoutNumber))
        #expect(IndicatorValue(text).comparisonOperator == nil)
    }

    @Test(arguments: ["*", "_"])
    func platformForbiddenCharacter_isFlagged(_ text: String) {
        let value = IndicatorValue(text)
        #expect(value.reading == .qualitative(text))
        #expect(value.flaws == [.forbiddenCharacter])
    }

    @Test(arguments: ["", " ", "  \t ", "\n", "　"])
    func blankCell_isEmpty(_ text: String) {
        let value = IndicatorValue(text)
        #expect(value.reading == .empty)
        #expect(value.isEmpty)
        #expect(value.flaws.isEmpty)
    }

    // MARK: DecimalText

    @Test(
        arguments: [
            ("12abc", nil), ("1,2345", nil), ("1,234.50", "1234.50"), ("0.13x", nil), ("", nil), ("  ", nil),
            ("598,500", "598500"), ("8,266,024.73", "8266024.73"), ("26.149", "26.149"), ("１２３．４５", "123.45"),
            ("-0.125", "-0.125"), ("+5", "5"), (" 48.5 ", "48.5"), ("1234,567", nil), ("12,34", nil),
            ("1,234,56", nil), (",123", nil), ("1e5", nil), (".5", nil), ("--1", nil), ("12 34", nil),
            ("100%", nil),
        ] as [(String, String?)])
    func decimalTextParse_readsTheWholeStringOrNothing(_ text: String, _ expected: String?) {
        #expect(DecimalText.parse(text) == expected.map(dec))
    }

    @Test(arguments: [
        ("663.90", 2, "663.90"), ("0.00", 2, "0.00"), ("0", 2, "0.00"), ("2.675", 2, "2.68"),
        ("-0.125", 2, "-0.13"), ("0.125", 2, "0.13"), ("100", 2, "100.00"), ("85.39", 2, "85.39"),
        ("-0.001", 2, "0.00"), ("2618940924.73", 2, "2618940924.73"), ("2.5", 0, "3"),
        ("1234.5", 3, "1234.500"),
    ])
    func decimalTextFixed_writesExactlyScaleDigits_halfAwayFromZero(_ value: String, _ scale: Int, _ text: String) {
        #expect(DecimalText.fixed(dec(value), scale: scale) == text)
    }

    /// E12: `Decimal(string: "2.675")` rounds to 2.68; the same number as a Double gives 2.67.
    @Test func e12_decimalFromText_roundsHalfUp_whereDoubleDoesNot() {
        #expect(dec("2.675").round2 == dec("2.68"))
        #expect(DecimalText.parse("2.675")?.round2 == dec("2.68"))
        let double = 2.675  // stored as 2.67499999999999982236431605997495353221893310546875
        #expect(String(format: "%.2f", double) == "2.67")
        #expect(dec("67.945").round2 == dec("67.95"))
        #expect(dec("-2.675").round2 == dec("-2.68"))
    }
}
