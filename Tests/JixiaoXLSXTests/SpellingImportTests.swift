import Foundation
import JixiaoCore
import Testing

@testable import JixiaoXLSX

/// The workbook importer reads every spelling of the one vocabulary (`FieldVocabulary`), the ones only the
/// text importer accepted before included: the 会议培训费 form with its 资金结(转)余 column captioned in
/// each other spelling imports to the same model as the text export of the same form (its transcription).
@Suite struct SpellingImportTests {
    static let balanceSpellings = ["结余", "结转结余", "资金结转余", "资金结余", "资金结（转）余（万元）"]

    @Test(arguments: balanceSpellings)
    func balanceCaptionedInAnotherSpelling(_ spelling: String) throws {
        var sheet = try LayoutMapperTests.sheet("selfeval-000-会议培训费.xlsx")
        let captions = sheet.cells.filter { PrintedLabel.normalize($0.value.text) == "资金结(转)余" }
        #expect(captions.count == 1)
        for (address, _) in captions { sheet.cells[address] = Cell(.text, text: spelling) }
        let outcome = SheetMapper.map(sheet)
        #expect(outcome.failures.isEmpty, "\(outcome.failures)")
        let form = try #require(outcome.forms.first).form
        let expected = try XLSXTestSupport.transcription("2023/209100-山西省社会保险局/会议培训费.yaml")
        #expect(
            XLSXTestSupport.difference(form, expected) == nil, "\(XLSXTestSupport.difference(form, expected) ?? "")")
        guard case .selfEvaluation(let read) = form else { return }
        #expect(read.funds.total.balance.text == "22.351")
    }
}
