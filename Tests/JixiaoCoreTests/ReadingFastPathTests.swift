import Foundation
import Testing

@testable import JixiaoCore

/// The province benchmark's fast paths answer exactly as the slower code they replaced: numbers accumulated from
/// bytes equal `Decimal(string:)`, a number scanned over bytes is the one scanned over characters, dates and
/// doubled words read on scalars as on characters.
@Suite struct ReadingFastPathTests {
    static let plains = [
        "0", "-0", "-0.00", "100.00", "85.39", "663.90", "0.125", "-0.125", "00012.5000", "9999999999999999999",
        "18446744073709551615", "12345678901234567890.5", "0.0000000000000000001", "1.0000000000000000001",
        "-1234.5", "259.45",
    ]

    @Test(arguments: plains)
    func decimalFromPlainIsFoundationsDecimal(_ plain: String) throws {
        let expected = try #require(Decimal(string: plain, locale: Locale(identifier: "en_US_POSIX")))
        let read = try #require(DecimalText.decimal(plain: plain))
        #expect(read == expected)
        #expect(DecimalText.plain(read) == DecimalText.plain(expected))
        #expect(DecimalText.fixed(read) == DecimalText.fixed(expected))
    }

    @Test func decimalFromPlainRefusesWhatIsNotANumber() {
        #expect(DecimalText.decimal(plain: "") == nil)
        #expect(DecimalText.decimal(plain: ".") == nil)
        #expect(DecimalText.decimal(plain: "12abc") == nil)
        #expect(DecimalText.decimal(plain: "1.2.3") == nil)
        #expect(DecimalText.decimal(plain: "1-2") == nil)
        #expect(DecimalText.decimal(plain: ".") == nil)
        #expect(DecimalText.decimal(plain: "12abc") == nil)
        #expect(DecimalText.decimal(plain: "1.2.3") == nil)
        #expect(DecimalText.decimal(plain: "1-2") == nil)
    }

    @Test func scanNumberCountsCharacters() throws {
        let cases: [(String, Int, String)] = [
            ("1,234.5万元", 7, "1234.5"), ("-5%", 2, "-5"), ("+3次", 2, "3"), ("1234,567", 4, "1234"),
            ("12.5", 4, "12.5"), ("7.", 1, "7"), ("95％", 2, "95"),
            // A combining mark makes `2́` one character that is not a digit: the number is `1`.
            ("12\u{301}万", 1, "1"), ("1.5\u{301}", 1, "1"), ("1,\u{301}2", 1, "1"),
        ]
        for (text, length, plain) in cases {
            let scanned = try #require(DecimalText.scanNumber(text), "\(text)")
            #expect(scanned.length == length, "\(text)")
            #expect(scanned.plain == plain, "\(text)")
        }
        #expect(DecimalText.scanNumber("1,23") == nil, "a group of two digits")
        #expect(DecimalText.scanNumber("万元") == nil)
        #expect(DecimalText.scanNumber("") == nil)
        #expect(DecimalText.scanNumber("2\u{301}") == nil, "the first character is not a digit")
    }

    @Test func datesAreToldOnTheirFirstCharacters() {
        for text in ["2021年12月完成", " 2022年底", "2023年上半年", "11月底完成", "12月31日前", "　2022年11月30日前"] {
            #expect(DateText.starts(text), "\(text)")
        }
        for text in ["2021年", "13月底", "1899年12月", "12月 ", "2021万元", "100%", "", "年底"] {
            #expect(!DateText.starts(text), "\(text)")
        }
    }

    @Test func doubledWordsAreReadOnce() {
        #expect(IndicatorValue.undoubled("及时及时") == "及时")
        #expect(IndicatorValue.undoubled("加大提升提升") == "加大提升")
        #expect(IndicatorValue.undoubled("及时") == nil)
        #expect(IndicatorValue.undoubled("哈哈") == nil, "a repeat of one character is a word")
        #expect(IndicatorValue.undoubled("保障有力") == nil)
    }

    @Test func operatorsAreSplitOffByEverySpelling() throws {
        for (spelling, op) in ComparisonOperator.spellings {
            let split = try #require(ComparisonOperator.split(spelling + "95%"), "\(spelling)")
            #expect(split.0 == op && split.1 == "95%", "\(spelling)")
        }
        #expect(ComparisonOperator.split("95%") == nil)
        #expect(ComparisonOperator.split("") == nil)
    }

    @Test func narrativeAmountsAreTheExpressionsMatches() {
        let texts = [
            "本年度该项目预算金额136.9万元，项目支出136.9万元。", "预算金额1,000万元，年初目标全部完成。",
            "取消培训涉及金额约14.3万元；政府采购金额为9万元；补助资金2846万元。", "a1.2.3万元", "5,万元", "1.5,万元",
            "10万元万元", "预算 12 万元、执行 11.5\n万元", "万元", "预算万元", "共计 ١2万元", "执行数 7.25 万元，结余0.75万元",
            "2023年度预算100万元(其中中央资金40万元)", "执行率100%，支出99.99万元", "",
        ]
        for text in texts {
            let expected = text.matches(of: NarrativeAmountContradictionCheck.amount).map {
                ($0.range, String($0.output.1))
            }
            let found = NarrativeAmountContradictionCheck.amounts(in: text).map { ($0.range, String($0.output.1)) }
            #expect(found.map(\.0) == expected.map(\.0), "\(text)")
            #expect(found.map(\.1) == expected.map(\.1), "\(text)")
        }
    }

    @Test func spaceIsUnicodesWhiteSpaceEverywhere() {
        let differing = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter {
            $0.isSpace != $0.properties.isWhitespace
        }
        #expect(differing.isEmpty, "\(differing.map { String($0.value, radix: 16) })")
    }
}
