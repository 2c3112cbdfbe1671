import Foundation
import JixiaoCore
import Testing

/// The pure-Swift text operations of the reading path answer as Foundation's did (the province benchmark replaced
/// `trimmingCharacters`, `contains` and `hasPrefix` with them), on the spellings forms print.
@Suite struct NativeTextTests {
    static let texts = [
        "", " ", "　", "\t\n", " 12次 ", "　≥95%　", "\r\n会议培训费\r\n", "a b", "\u{00A0}48.5\u{00A0}", "≥ 5 次",
        "数量指标(10分)", "\u{2028}行\u{2029}", "培训\u{0301}", "x\u{3000}",
    ]

    @Test(arguments: texts)
    func trimmedIsFoundationsTrim(_ text: String) {
        #expect(text.trimmed == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(Substring(text).trimmed == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(text.isBlank == text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }

    @Test func includesFindsExactSpellings() {
        #expect("预算执行率 72.74%".includes("72.74"))
        #expect("预算执行率 72.74%".includes("预算"))
        #expect("预算执行率 72.74%".includes("%"))
        #expect(!"预算执行率 72.74%".includes("％"), "full-width ％ is another spelling")
        #expect(!"预算".includes("预算执行"), "a needle longer than the text")
        #expect("预算".includes(""))
        #expect(!"".includes("预"))
        #expect("**平方米".includes("**"))
        #expect(!"*平方米".includes("**"))
    }

    @Test func beginsWithComparesWholeScalars() {
        #expect("≥12万人".begins(with: "≥"))
        #expect(!"≤12万人".begins(with: "≥"))
        #expect("部分达成".begins(with: "部分"))
        #expect(!"部".begins(with: "部分"))
        #expect("x".begins(with: ""))
    }

    @Test func replacingScalarsMapsOnlyTheNamedOnes() {
        let halfWidth: [Unicode.Scalar: Unicode.Scalar] = ["（": "(", "）": ")", "％": "%"]
        #expect("台（套）".replacingScalars(halfWidth) == "台(套)")
        #expect("95％".replacingScalars(halfWidth) == "95%")
        #expect("人次".replacingScalars(halfWidth) == "人次")
    }

    /// The canonical labels are looked up before they are read: the lookup must agree with the reading.
    @Test func canonicalLevelLabelsReadAsTheirCase() {
        for level2 in Level2.allCases {
            #expect(Level2(label: level2.rawValue) == level2)
            #expect(Level2(label: " " + level2.rawValue + "(10分)") == level2)
        }
        for level1 in Level1.known.map(\.level1) {
            #expect(Level1(label: level1.label) == level1)
            #expect(Level1(label: level1.label + "(30分)") == level1)
        }
    }
}
