import Foundation
import JixiaoCore
import JixiaoFormats
import JixiaoImport
import Testing

/// The text importer reads every spelling of the one vocabulary (`FieldVocabulary`), the ones only the
/// workbook importer accepted before included: the seed's 会议培训费 form with its funds captions spelled
/// otherwise imports to the same model.
@Suite struct SpellingImportTests {
    /// The 会议培训费 form's funds caption row in the 2023 seed.
    static let captionLine = 689

    @Test(arguments: ["资金结转余", "结余", "资金结余（万元）"])
    func balanceCaptionedInAnotherSpelling(_ spelling: String) throws {
        let seed = Seeds.selfEvaluations2023
        let original = try #require(
            try Importing.seed(seed).forms.first { $0.form.project == "会议培训费" }?.form)
        let edited = try Importing.edited(seed) { lines in
            let line = lines[Self.captionLine - 1]
            #expect(line.contains("资金结（转）余"))
            lines[Self.captionLine - 1] = line.replacingOccurrences(of: "资金结（转）余", with: spelling)
        }
        let form = try #require(edited.forms.first { $0.form.project == "会议培训费" }?.form)
        #expect(form.withoutLocation == original.withoutLocation, "\(differences(original, form))")
        guard case .selfEvaluation(let read) = form else { return }
        #expect(read.funds.total.balance.text == "22.351")
    }

    @Test func unitsAndSpacesInCaptionsAreTheVocabularysSpellings() throws {
        let seed = Seeds.selfEvaluations2023
        let original = try #require(
            try Importing.seed(seed).forms.first { $0.form.project == "会议培训费" }?.form)
        let edited = try Importing.edited(seed) { lines in
            lines[Self.captionLine - 1] = lines[Self.captionLine - 1]
                .replacingOccurrences(of: "执行率", with: "执行率（%）").replacingOccurrences(of: "全年执行数", with: "全年 执行数：")
        }
        let form = try #require(edited.forms.first { $0.form.project == "会议培训费" }?.form)
        #expect(form.withoutLocation == original.withoutLocation, "\(differences(original, form))")
    }
}
