import Foundation
import JixiaoCore
import JixiaoFormats
import Testing

/// docs/rules.md is generated from the rule types; it must never drift from them.
@Suite struct CatalogueDocumentTests {
    static let rulesDocument = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/rules.md")

    @Test func committedRulesDocumentIsCurrent() throws {
        let committed = try String(contentsOf: Self.rulesDocument, encoding: .utf8)
        #expect(
            committed == CatalogueDocument.markdown(),
            "docs/rules.md is out of date: run `swift run jixiao rules --format markdown --output docs/rules.md`")
    }

    @Test func everyRuleHasASection() {
        let markdown = CatalogueDocument.markdown()
        for check in CheckRegistry.all {
            #expect(markdown.contains("## \(check.description.id) \(check.description.slug)"))
        }
    }
}
