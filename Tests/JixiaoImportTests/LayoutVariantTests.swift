import Foundation
import JixiaoCore
import JixiaoFormats
import JixiaoImport
import Testing

/// The layouts of other provinces and of the national template that differ from Shanxi's in how a form is
/// titled and how its analysis is printed (issue 11, item 3). Line numbers in the edits are the seeds' own.
@Suite struct LayoutVariantTests {
    /// Other names of the 自评表 (the national template's 预算项目绩效自评表, 绩效目标自评表) read the same form.
    @Test(arguments: ["会议培训费预算项目绩效自评表", "会议培训费项目绩效自评表", "会议培训费绩效目标自评表", "会议培训费项目支出绩效目标自评表"])
    func selfEvaluationTitleVariants(_ title: String) throws {
        let result = try Importing.edited(Seeds.selfEvaluations2023) { lines in
            #expect(lines[684 - 1] == "会议培训费项目支出绩效自评表")
            lines[684 - 1] = title
        }
        try expectTranscriptions(result, of: Seeds.selfEvaluations2023, count: 6)
        #expect(result.forms.contains { $0.form.project == "会议培训费" && $0.lines?.lowerBound == 684 })
    }

    /// Other names of the 目标表 (项目绩效目标表, 绩效目标申报表) read the same forms.
    @Test(arguments: ["山西省省级预算部门（单位）项目绩效目标表", "山西省省级预算部门（单位）项目绩效目标申报表", "项目支出绩效目标申报表"])
    func targetTableTitleVariants(_ title: String) throws {
        let result = try Importing.edited(Seeds.targetTables2026) { lines in
            for index in lines.indices where lines[index] == "山西省省级预算部门（单位）项目支出绩效目标表" {
                lines[index] = title
            }
        }
        try expectTranscriptions(result, of: Seeds.targetTables2026, count: 10)
    }

    /// A title followed on its line by other text (the unit of money, the unit filling it in), in its cell or
    /// in cells of its own, is still the title; the year may follow it there too.
    @Test(arguments: [
        "会议培训费项目支出绩效自评表 单位：万元", "会议培训费项目支出绩效自评表\t\t\t\t单位：万元",
        "会议培训费项目支出绩效自评表 (2023年度) 填报单位：山西省社会保险局",
    ])
    func titleFollowedByText(_ line: String) throws {
        let result = try Importing.edited(Seeds.selfEvaluations2023) { lines in
            lines[684 - 1] = line
            // The year on the title's line is not printed again under it.
            if line.contains("年度") { lines[685 - 1] = "" }
        }
        try expectTranscriptions(result, of: Seeds.selfEvaluations2023, count: 6)
        let meeting = try #require(result.forms.first { $0.form.project == "会议培训费" })
        #expect(meeting.lines?.lowerBound == 684)
    }

    /// A sentence that names a form, or a form name followed by a long text, is not a title, even with a year
    /// under it: the form after it starts at its own title.
    @Test(arguments: [
        "会议培训费项目支出绩效自评表详见附件。",
        "会议培训费项目支出绩效自评表 本表由项目单位按照年初设定的绩效目标逐项填报并对照实际完成情况如实评价打分后报送主管部门审核",
    ])
    func sentenceNamingAFormIsNoTitle(_ line: String) throws {
        let result = try Importing.edited(Seeds.selfEvaluations2023) { lines in
            lines.insert(contentsOf: [line, "(2023年度)"], at: 684 - 1)
        }
        #expect(result.unreadable.isEmpty, "\(result.unreadable)")
        #expect(result.forms.count == 6)
        #expect(result.forms.first { $0.form.project == "会议培训费" }?.lines?.lowerBound == 686)
    }

    /// Analysis text on a row without its caption (the caption cell merged over a page break) continues the
    /// caption above it: kept, not dropped nor reported.
    @Test func analysisTextWithoutCaptionContinuesTheCaptionAbove() throws {
        let result = try Importing.edited(Seeds.selfEvaluations2023) { lines in
            let split = "落实会议精神，有利于后续工作开展。"
            #expect(lines[706 - 1].contains(split))
            lines[706 - 1] = lines[706 - 1].replacingOccurrences(
                of: split, with: "落实会议精神，\t\t\t\t\t\t\t\n\t\t\t\t\t有利于后续工作开展。")
        }
        try expectTranscriptions(result, of: Seeds.selfEvaluations2023, count: 6)
    }

    /// Analysis text before any caption (its caption not printed) is kept under the nearest caption, the one
    /// below it; text with no caption in its block at all is reported, with its line.
    @Test func analysisTextBeforeAnyCaptionGoesToTheNearest() throws {
        let result = try Importing.edited(Seeds.selfEvaluations2023) { lines in
            #expect(lines[704 - 1].contains("\t项目实施和预算执行情况\t"))
            lines[704 - 1] = lines[704 - 1].replacingOccurrences(of: "\t项目实施和预算执行情况\t", with: "\t\t")
        }
        try expectTranscriptions(result, of: Seeds.selfEvaluations2023, count: 6) { golden in
            golden.editSelfEvaluation("会议培训费") { form in
                form.analysis.output = form.analysis.execution + form.analysis.output
                form.analysis.execution = ""
            }
        }
        let meeting = try #require(result.forms.first { $0.form.project == "会议培训费" })
        #expect(meeting.form.selfEvaluation?.analysis.output.hasPrefix("2023年该项目预算金额48.5万元") == true)
    }
}
