import Foundation
import JixiaoCore
import Testing

/// Labels and values as other provinces print them (issue 10): one normalisation for label suffixes and
/// variants, true unit synonyms only, amounts with their unit in the cell, and anything unreadable kept
/// verbatim with a reason, never read as 0.
@Suite struct ProvinceReadingTests {
    static func dec(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }

    @Test(arguments: [
        ("数量指标(10分)", Level2.quantity), ("数量指标(必填硬性指标)", .quantity), ("服务对象满意度指标等", .beneficiary),
        ("社会公众或服务对象满意度指标", .beneficiary), ("经济效益 指标", .economic), ("经济成本指标", .economicCost),
    ])
    func level2LabelVariants_readAsTheKnownLevel(label: String, level2: Level2) {
        #expect(Level2(label: label) == level2)
    }

    @Test(arguments: [("产出指标(70分)", Level1.output), ("成本指标(0-20)分", .cost), ("效果指标", .benefit)])
    func level1LabelVariants_readAsTheKnownLevel(label: String, level1: Level1) {
        #expect(Level1(label: label) == level1)
    }

    @Test(arguments: [("%(百分比)", "%", true), ("百分比", "%", true), ("千米", "公里", true), ("百分点", "%", false)])
    func unitSynonyms_onlyTrueOnes(unit: String, other: String, compatible: Bool) {
        #expect(MeasureUnit(unit).isCompatible(with: MeasureUnit(other)) == compatible)
    }

    @Test(arguments: [
        ("259.45万元", MoneyUnit.wanYuan, "259.45"), ("259.45万元", .yuan, "2594500"),
        ("854万(高标准农田建设400万元)", .wanYuan, "854"), ("650000元", .wanYuan, "65"), ("48.5", .wanYuan, "48.5"),
    ])
    func amountWithUnitInTheCell_isReadInTheFormsUnit(text: String, unit: MoneyUnit, amount: String) {
        let number = EnteredNumber(text)
        #expect(number.amount(in: unit) == Self.dec(amount))
        // Not a plain number: a column that takes no unit (得分) would report it; an amount column reads it.
        #expect(number.value == nil || number.annotated == nil)
        #expect(number.unreadableReason == (number.value == nil ? .withUnit : nil))
        #expect(number.text == text)
    }

    @Test(arguments: [
        ("(0-20)分", EnteredNumber.UnreadableReason.range), ("40-50", .range), ("IO", .lettersForDigits),
        ("1O", .lettersForDigits), ("2021年12月", .date), ("854万854万", .notANumber), ("约10", .notANumber),
    ])
    func unreadableCell_keepsItsTextAndSaysWhy(text: String, reason: EnteredNumber.UnreadableReason) {
        let number = EnteredNumber(text)
        #expect(number.value == nil && number.points == nil && number.amount(in: .wanYuan) == nil)
        #expect(number.unreadableReason == reason)
        #expect(number.text == text)
    }

    @Test func percentAndPoints_acceptTheirOwnUnitOnly() {
        #expect(EnteredNumber("86.5%").percent == Self.dec("86.5"))
        #expect(EnteredNumber("10分").points == 10)
        #expect(EnteredNumber("10分").percent == nil)
        #expect(EnteredNumber("—").isNotApplicable && EnteredNumber("—").unreadableReason == nil)
    }

    @Test(arguments: ["2021年12月完成", "≥2022年11月30日前", "11月底完成100%", "12月31日前"])
    func dates_areTextNotNumbers(text: String) {
        let value = IndicatorValue(text)
        #expect(value.quantity == nil)
        #expect(value.flaws.contains(.date))
    }

    @Test func placeholders_areFlagged() {
        #expect(IndicatorValue("≥**平方米").flaws.contains(.placeholder))
        #expect(IndicatorValue("**").flaws.contains(.placeholder))
        #expect(Placeholder.occurs(in: "受益建档立卡贫困人口数≥**人"))
        #expect(!Placeholder.occurs(in: "*贫困地区旅游基础设施建设质量达标率100%"))
    }

    /// A target printed across 指标性质 | 指标值 | 度量单位 scores like the composed value.
    @Test func targetInThreeCells_isScoredAsOne() {
        let row = SelfEvaluation.Indicator(
            level1: "产出指标", level2: "质量指标", name: "覆盖率", nature: ">=", adjustedTarget: "98", unit: "%(百分比)",
            actual: "100%", weight: "25", score: "25")
        let score = IndicatorScoring.score(row, policy: .national)
        #expect(score.method == .positive)
        #expect(score.ruleScore == 25)
    }
}
