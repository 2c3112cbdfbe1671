import Foundation
import JixiaoCore
import JixiaoFormats
import JixiaoImport
import Testing

/// The three published documents import completely and equal the hand transcriptions in Forms/, field by
/// field (every text and number as printed), with the source line of every value.
@Suite struct SeedImportTests {
    @Test(arguments: [
        (Seeds.selfEvaluations2023, 6), (Seeds.selfEvaluations2023WorkInjury, 4), (Seeds.targetTables2026, 10),
    ])
    func seedImportsEqualTheTranscriptions(document: String, count: Int) throws {
        let result = try Importing.seed(document)
        #expect(result.unreadable.isEmpty, "\(result.unreadable)")
        #expect(result.forms.count == count)
        let golden = try Seeds.goldenForms(of: document)
        #expect(golden.count == count)
        for imported in result.forms {
            let first = try #require(imported.form.source?.firstLine)
            let expected = try #require(golden[first], "no transcription starts at line \(first)")
            let equal = imported.form.withoutLines == expected.withoutLines
            #expect(
                equal,
                "\(imported.form.project) (line \(first)):\n\(differences(expected, imported.form))")
        }
    }
}

extension SeedImportTests {
    /// Every field the transcription records has a source line in the import (the transcription also
    /// records `form:`, `source:` and the target tables' unprinted `agency` and `projectCode`).
    @Test(arguments: [Seeds.selfEvaluations2023, Seeds.selfEvaluations2023WorkInjury, Seeds.targetTables2026])
    func everyFieldHasItsSourceLine(document: String) throws {
        let result = try Importing.seed(document)
        let golden = try Seeds.goldenForms(of: document)
        let fileOnly: Set<String> = [
            "form", "source.document", "source.firstLine", "source.lastLine", "agency", "projectCode",
        ]
        for imported in result.forms {
            let first = try #require(imported.form.source?.firstLine)
            let expected = try #require(golden[first])
            let missing = Set(expected.lines.keys).subtracting(fileOnly).subtracting(imported.form.lines.keys)
            #expect(missing.isEmpty, "\(imported.form.project): \(missing.sorted())")
            let range = try #require(imported.lines)
            #expect(
                imported.form.lines.values.allSatisfy(range.contains),
                "\(imported.form.project): a line outside \(range)")
        }
    }

    /// Spot checks against the seed text: the line recorded for a value holds that value.
    @Test func recordedLinesHoldTheirValues() throws {
        let seed000 = try Seeds.lines(Seeds.selfEvaluations2023)
        let forms000 = try Importing.seed(Seeds.selfEvaluations2023).forms
        let meeting = try #require(forms000.first { $0.form.project == "会议培训费" })
        let lines = meeting.form.lines
        #expect(meeting.lines == 684...715)
        #expect(lines["year"] == 685)
        #expect(lines["project"] == 687)
        #expect(lines["funds.total.executed"] == 691)
        #expect(lines["funds.sources[0].score"] == 692)
        #expect(lines["goals.annual"] == 694)
        #expect(lines["indicators[3].score"] == 699)
        #expect(lines["indicators[5].level2"] == 701)
        #expect(lines["total"] == 703)
        #expect(lines["analysis.improvements"] == 710)
        #expect(seed000[699 - 1].contains("年初未设定成本指标，下年度按要求设置"))
        #expect(seed000[703 - 1].contains("85.39"))

        let forms003 = try Importing.seed(Seeds.selfEvaluations2023WorkInjury).forms
        let card = try #require(forms003.first { $0.form.project == "社会保障卡工本费支出" })
        #expect(card.form.lines["funds.total.fullYearBudget"] == 592)
        #expect(card.form.lines["funds.total.deviation"] == nil)
        #expect(card.form.lines["indicators[0].deviation"] == 597)
        #expect(card.form.lines["analysis.experience"] == 608)
        #expect(
            card.form.source
                == SourceReference(document: Seeds.selfEvaluations2023WorkInjury, firstLine: 584, lastLine: 618))

        let forms002 = try Importing.seed(Seeds.targetTables2026).forms
        let heating = try #require(forms002.first { $0.form.project == "企业退休人员取暖费" })
        #expect(heating.form.lines["funds.period.total"] == 505)
        #expect(heating.form.lines["funds.annual.provincial"] == 507)
        #expect(heating.form.lines["indicators.period[1].name"] == 520)
        #expect(heating.form.lines["indicators.annual[3].value"] == 522)
        #expect(heating.form.lines["footer.filledAt"] == 529)
        #expect(heating.form.lines["goals.annual"] == 517)
    }
}
