import Foundation
import JixiaoCore
import Testing

@testable import JixiaoXLSX

/// The workbook importer reads every spelling of the one vocabulary (`FieldVocabulary`), the ones only the
/// text importer accepted before included: the 会议培训费 form with its 资金结(转)余 column captioned in
/// each other spelling imports to the same model as the text export of the same form (its transcription).
@Suite struct SpellingImportTests {
    static let balanceSpellings = ["结余", "结转结余", "资金结转余", "资金结余", "资金结（转）余（万元）"]

    /// The 会议培训费 sheet with each caption whose normalised text is a key of `spellings` printed as its value,
    /// mapped; it must import as the transcription. Returns the form and how many captions were replaced.
    static func recaptioned(_ spellings: [String: String]) throws -> (form: SelfEvaluation?, replaced: Int) {
        var sheet = try LayoutMapperTests.sheet("selfeval-000-会议培训费.xlsx")
        var replaced = 0
        for (address, cell) in sheet.cells {
            guard let spelling = spellings[PrintedLabel.normalize(cell.text)] else { continue }
            sheet.cells[address] = Cell(.text, text: spelling)
            replaced += 1
        }
        let outcome = SheetMapper.map(sheet)
        #expect(outcome.failures.isEmpty, "\(outcome.failures)")
        let form = try #require(outcome.forms.first).form
        let expected = try XLSXTestSupport.transcription("2023/209100-山西省社会保险局/会议培训费.yaml")
        #expect(
            XLSXTestSupport.difference(form, expected) == nil, "\(XLSXTestSupport.difference(form, expected) ?? "")")
        guard case .selfEvaluation(let read) = form else { return (nil, replaced) }
        return (read, replaced)
    }

    @Test(arguments: balanceSpellings)
    func balanceCaptionedInAnotherSpelling(_ spelling: String) throws {
        let read = try Self.recaptioned(["资金结(转)余": spelling])
        #expect(read.replaced == 1)
        #expect(read.form?.funds.total.balance.text == "22.351")
    }

    /// The national template's captions with their formula letters (`全年预算数(A)`, `执行率（B/A）`,
    /// `全年实际值(B)`): the workbook reads them through the same vocabulary step (`PrintedLabel.readings`) as
    /// the text importer.
    @Test func nationalCaptionsWithFormulaLetters() throws {
        let read = try Self.recaptioned([
            "全年预算数": "全年预算数(A)", "全年执行数": "全年执行数（B）", "执行率": "执行率（B/A）",
            "实际完成值": "全年实际值(B)",
        ])
        #expect(read.replaced == 4)
        #expect(read.form?.funds.total.executed.text == "26.149" && read.form?.funds.total.rate.text == "53.92")
    }
}
