import Foundation
import JixiaoCore
import JixiaoFormats
@testable import JixiaoXLSX
import Testing

/// The shared fixtures import to the same model as the hand transcriptions of the same printed forms.
@Suite struct FixtureImportTests {
    @Test(arguments: XLSXTestSupport.seedForms.map(\.fixture))
    func fixtureMatchesTranscription(_ fixture: String) throws {
        let form = try #require(XLSXTestSupport.seedForms.first { $0.fixture == fixture }?.form)
        let result = try XLSXTestSupport.importOne(XLSXTestSupport.fixture(fixture))
        #expect(result.unreadable.isEmpty, "\(result.unreadable)")
        #expect(result.forms.count == 1)
        let imported = try #require(result.forms.first)
        let expected = try XLSXTestSupport.transcription(form)
        #expect(XLSXTestSupport.difference(imported.form, expected) == nil,
                "\(fixture): \(XLSXTestSupport.difference(imported.form, expected) ?? "")")
    }
}
