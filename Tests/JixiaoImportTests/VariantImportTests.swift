import Foundation
import JixiaoCore
import JixiaoFormats
import JixiaoImport
import Testing

/// Copies of the seeds edited the way other exports, units and layouts differ: forms reordered, rows
/// shifted, columns dropped or added, page furniture between rows, caption rows split, tables removed.
/// Line numbers in the edits are the seeds' own (1-based).
@Suite struct VariantImportTests {
    @Test func reorderedFormsImportTheSame() throws {
        let result = try Importing.edited(Seeds.selfEvaluations2023) { lines in
            let meeting = Array(lines[(684 - 1)...(716 - 1)])
            lines.removeSubrange((684 - 1)...(716 - 1))
            lines.insert(contentsOf: meeting, at: 550 - 1)
        }
        try expectTranscriptions(result, of: Seeds.selfEvaluations2023, count: 6)
        #expect(result.forms.first?.form.project == "会议培训费")
        #expect(result.forms.first?.lines == 550...581)
    }

    @Test func rowsShiftedSidewaysImportTheSame() throws {
        let selfEvaluations = try Importing.edited(Seeds.selfEvaluations2023) { lines in
            lines[696 - 1].removeFirst()  // 产出指标 moves into the caption column
            lines[697 - 1] = "\t\t" + lines[697 - 1]  // 质量指标 moves two columns right
            lines[567 - 1] = "\t" + lines[567 - 1]
            lines[731 - 1] = lines[731 - 1].replacingOccurrences(of: "\t\t质量指标", with: "\t质量指标")
            lines[691 - 1] = "\t" + lines[691 - 1]  // the 资金总额 row, which also loses its label
            lines[691 - 1] = lines[691 - 1].replacingOccurrences(of: "资金总额：", with: "")
        }
        try expectTranscriptions(selfEvaluations, of: Seeds.selfEvaluations2023, count: 6)

        let targets = try Importing.edited(Seeds.targetTables2026) { lines in
            lines[489 - 1] = "\t\t" + lines[489 - 1]
            lines[680 - 1] = String(lines[680 - 1].dropFirst(2))
            lines[475 - 1] = "\t\t\t" + lines[475 - 1]  // a 其中 row of the funds block
        }
        try expectTranscriptions(targets, of: Seeds.targetTables2026, count: 10)
    }

    @Test func pageFurnitureBetweenRowsIsSkipped() throws {
        let selfEvaluations = try Importing.edited(Seeds.selfEvaluations2023) { lines in
            // A new page repeating the form's title, year and caption row.
            lines.insert(contentsOf: ["会议培训费项目支出绩效自评表", "(2023年度)", lines[695 - 1]], at: 701 - 1)
            lines.insert(contentsOf: ["", "第 3 页", "仅供内部审核", ""], at: 698 - 1)
            lines.insert("- 12 -", at: 692 - 1)  // between the funds rows
            lines.insert("仅供内部审核", at: 686 - 1)  // between the year and the table
            lines.insert("\u{0C}17", at: 566 - 1)  // a page break and its number
        }
        try expectTranscriptions(selfEvaluations, of: Seeds.selfEvaluations2023, count: 6)

        let targets = try Importing.edited(Seeds.targetTables2026) { lines in
            lines.insert(contentsOf: ["山西省省级预算部门（单位）项目支出绩效目标表", "", "(2026年度)", lines[518 - 1]], at: 524 - 1)
            lines.insert("仅供内部审核", at: 521 - 1)
            lines.insert("23", at: 491 - 1)
            lines.insert("第12页 共40页", at: 475 - 1)
        }
        try expectTranscriptions(targets, of: Seeds.targetTables2026, count: 10)
    }

    @Test func captionRowsSplitOverLinesImportTheSame() throws {
        let selfEvaluations = try Importing.edited(Seeds.selfEvaluations2023) { lines in
            lines[695 - 1] = "绩效指标\t一级指标\t二级指标\t三级指标\t年初指标值\n\t\t\t\t\t调整后指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施"
            lines[689 - 1] = "项目资金预算安排及执行进度（万元）\t\t\t年初预算数\t\t全年预算数\n\t\t\t\t\t\t全年执行数\t资金结（转）余\t执行率\t得分\t偏差原因分析及改进措施"
            lines[559 - 1] = "项目年度绩效目标\t年度目标\n\t\t\t\t\t\t实际完成情况"
        }
        try expectTranscriptions(selfEvaluations, of: Seeds.selfEvaluations2023, count: 6)

        let targets = try Importing.edited(Seeds.targetTables2026) { lines in
            lines[486 - 1] = "绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n\t\t\t\t\t二级指标\t三级指标\t指标值"
        }
        try expectTranscriptions(targets, of: Seeds.targetTables2026, count: 10)
    }

    /// A layout without the 偏差原因 columns: the funds rows have no deviation (nil), and a text printed
    /// after 得分 belongs to no column, so it is kept as an extra cell.
    @Test func layoutWithoutDeviationColumns() throws {
        let result = try Importing.edited(Seeds.selfEvaluations2023) { lines in
            for number in [689, 695] {
                lines[number - 1] = lines[number - 1].replacingOccurrences(of: "偏差原因分析及改进措施", with: "")
            }
        }
        try expectTranscriptions(result, of: Seeds.selfEvaluations2023, count: 6) { golden in
            golden.editSelfEvaluation("会议培训费") { form in
                form.funds.total.deviation = nil
                for index in form.funds.sources.indices { form.funds.sources[index].deviation = nil }
                form.indicators[3].extraCells = [form.indicators[3].deviation]
                form.indicators[3].deviation = ""
            }
        }
    }

    /// A layout with the optional 定性值情况说明 column between 实际完成值 and 分值.
    @Test func layoutWithQualitativeNoteColumn() throws {
        let result = try Importing.edited(Seeds.selfEvaluations2023) { lines in
            lines[631 - 1] = lines[631 - 1].replacingOccurrences(of: "实际完成值\t", with: "实际完成值\t定性值情况说明\t")
            for number in 632...637 {
                var cells = lines[number - 1].components(separatedBy: "\t")
                let weight = try #require(
                    (0..<(cells.count - 1)).last {
                        DecimalText.parse(cells[$0]) != nil && DecimalText.parse(cells[$0 + 1]) != nil
                    })
                cells.insert(cells[weight - 1] == "达成预期指标" ? "按期完成" : "", at: weight)
                lines[number - 1] = cells.joined(separator: "\t")
            }
        }
        try expectTranscriptions(result, of: Seeds.selfEvaluations2023, count: 6) { golden in
            golden.editSelfEvaluation("维修维护费") { form in
                for index in form.indicators.indices {
                    form.indicators[index].qualitativeNote =
                        form.indicators[index].actual.text == "达成预期指标" ? "按期完成" : ""
                }
            }
        }
        let repair = try #require(result.forms.first { $0.form.project == "维修维护费" }?.form.selfEvaluation)
        #expect(repair.indicators[2].qualitativeNote == "按期完成")
        #expect(repair.indicators[0].qualitativeNote == "")
    }

    /// A form whose tables are missing (only its title and analysis are left) is reported with its lines,
    /// not rebuilt from the analysis text; the other forms are unaffected.
    @Test func formWithoutItsTablesIsReportedNotGuessed() throws {
        let result = try Importing.edited(Seeds.selfEvaluations2023) { lines in
            lines.removeSubrange((687 - 1)...(703 - 1))
        }
        try expectTranscriptions(result, of: Seeds.selfEvaluations2023, count: 5, unreadable: 1)
        #expect(!result.forms.contains { $0.form.project == "会议培训费" })
        let part = try #require(result.unreadable.first)
        #expect(part.line == 684)
        #expect(part.location.contains("会议培训费项目支出绩效自评表"))
        for missing in ["资金总额行", "绩效指标表", "总分行", "未导入"] { #expect(part.reason.contains(missing), "\(part.reason)") }
    }

    /// A line in the middle of a table that is neither a row nor known page furniture is reported with its
    /// line; the rest of the form still imports.
    @Test func unknownLineInsideATableIsReported() throws {
        let result = try Importing.edited(Seeds.selfEvaluations2023) { lines in
            lines.insert("本页由系统自动生成", at: 699 - 1)
        }
        try expectTranscriptions(result, of: Seeds.selfEvaluations2023, count: 6, unreadable: 1)
        #expect(result.unreadable.first?.line == 699)
        #expect(result.unreadable.first?.reason.contains("本页由系统自动生成") == true)
    }

    /// A list of the attached forms' titles before the forms announces no forms of its own, and a title
    /// printed with its 附件 number is still a title.
    @Test func listedTitlesAndNumberedTitles() throws {
        let result = try Importing.edited(Seeds.selfEvaluations2023) { lines in
            lines[684 - 1] = "附件2：会议培训费项目支出绩效自评表"
            lines.insert(contentsOf: ["1.社会保险经办专项业务工作经费项目支出绩效自评表", "2.会议培训费项目支出绩效自评表"], at: 550 - 1)
        }
        try expectTranscriptions(result, of: Seeds.selfEvaluations2023, count: 6)
        #expect(result.forms.map(\.lines?.lowerBound) == [552, 587, 622, 654, 686, 719])
    }

    @Test func yearOnTheTitleLineOrWithoutParentheses() throws {
        let result = try Importing.edited(Seeds.selfEvaluations2023) { lines in
            lines[684 - 1] = "会议培训费项目支出绩效自评表（2023年度）"
            lines[685 - 1] = ""
            lines[718 - 1] = "2023年度"
        }
        try expectTranscriptions(result, of: Seeds.selfEvaluations2023, count: 6)
        #expect(result.forms[4].form.lines["year"] == 684)
        #expect(result.forms[5].form.lines["year"] == 718)
    }

    @Test func gb18030TextImportsTheSame() throws {
        let text = try Seeds.text(Seeds.selfEvaluations2023WorkInjury)
        let data = try #require(text.data(using: String.Encoding(rawValue: 0x8000_0632)))
        let result = try TextDocumentImporter().importForms(from: data, name: Seeds.selfEvaluations2023WorkInjury)
        try expectTranscriptions(result, of: Seeds.selfEvaluations2023WorkInjury, count: 4)
    }

    /// An indicator named like a caption of another block is still an indicator.
    @Test func indicatorNamedLikeAnAnalysisCaption() throws {
        let result = try Importing.edited(Seeds.selfEvaluations2023) { lines in
            lines[696 - 1] = lines[696 - 1].replacingOccurrences(of: "培训班次（会议次数）", with: "预算执行情况")
        }
        try expectTranscriptions(result, of: Seeds.selfEvaluations2023, count: 6) { golden in
            golden.editSelfEvaluation("会议培训费") { form in
                form.indicators[0].name = "预算执行情况"
            }
        }
    }

    @Test func windowsLineEndingsImportTheSame() throws {
        let text = try Seeds.text(Seeds.selfEvaluations2023WorkInjury).replacingOccurrences(of: "\n", with: "\r\n")
        let result = try Importing.document(text, name: Seeds.selfEvaluations2023WorkInjury)
        try expectTranscriptions(result, of: Seeds.selfEvaluations2023WorkInjury, count: 4)
        #expect(result.forms.map(\.lines) == [508...546, 548...582, 584...618, 620...655])
    }
}
