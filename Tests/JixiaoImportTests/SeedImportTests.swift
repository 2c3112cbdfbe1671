import Foundation
import JixiaoCore
import JixiaoFormats
import JixiaoImport
import Testing

/// The three published documents import completely and equal the hand transcriptions in Forms/, field by
/// field (every text and number as printed), with the source line of every value.
@Suite struct SeedImportTests {
    @Test(arguments: [(Seeds.selfEvaluations2023, 6), (Seeds.selfEvaluations2023WorkInjury, 4), (Seeds.targetTables2026, 10)])
    func seedImportsEqualTheTranscriptions(document: String, count: Int) throws {
        let result = try Importing.seed(document)
        #expect(result.unreadable.isEmpty, "\(result.unreadable)")
        #expect(result.forms.count == count)
        let golden = try Seeds.goldenForms(of: document)
        #expect(golden.count == count)
        for imported in result.forms {
            let first = try #require(imported.form.source?.firstLine)
            let expected = try #require(golden[first], "no transcription starts at line \(first)")
            #expect(imported.form.withoutLines == expected.withoutLines,
                    "\(imported.form.project) (line \(first)):\n\(differences(expected, imported.form))")
        }
    }
}
