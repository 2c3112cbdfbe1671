import Testing

/// The shared fixtures import to the same model as the hand transcriptions of the same printed forms.
@Suite struct FixtureImportTests {
    @Test(arguments: XLSXTestSupport.seedForms.map(\.fixture))
    func fixtureMatchesTranscription(_ fixture: String) throws {
        let form = try #require(XLSXTestSupport.seedForms.first { $0.fixture == fixture }?.form)
        try XLSXTestSupport.expectImports(fixture, as: form)
    }
}
