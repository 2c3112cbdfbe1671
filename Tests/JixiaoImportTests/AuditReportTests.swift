import Foundation
import JixiaoCore
import JixiaoFormats
import Testing

@testable import JixiaoImport

/// `jixiao audit`'s report on the published documents: every form found, scored and checked with its source
/// lines, and the document's own summary sentence compared with the forms.
@Suite struct AuditReportTests {
    static func audit(_ imported: ImportResult, name: String) -> AuditReport {
        AuditReport(document: name, imported: imported, policy: .national)
    }

    static func json(_ report: AuditReport) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(report.json().rendered().utf8)) as? [String: Any])
    }

    static func documentFindings(_ report: AuditReport) -> [String] { report.check.documentFindings.map(\.ruleID) }

    @Test func seed000SentenceIsConsistentWithTheExecutedTotal() throws {
        let report = Self.audit(try Importing.seed(Seeds.selfEvaluations2023), name: Seeds.selfEvaluations2023)
        #expect(Self.documentFindings(report).isEmpty)
        let json = try Self.json(report)
        let sentence = try #require(json["summarySentence"] as? [String: Any])
        #expect(sentence["line"] as? Int == 522)
        #expect(sentence["consistent"] as? Bool == true)
        #expect(sentence["matchingDefinitions"] as? [String] == ["executed"])
        let claimed = try #require(sentence["claimed"] as? [String: Any])
        #expect(claimed["formCount"] as? Int == 6)
        #expect(claimed["involvedFunds"] as? String == "774.64")
        #expect(claimed["grades"] as? [String: Int] == ["excellent": 5, "good": 1, "fair": 0, "poor": 0])
        let recomputed = try #require(sentence["recomputed"] as? [String: Any])
        let funds = try #require(recomputed["involvedFunds"] as? [String: Any])
        #expect("\(funds["declared"]!)" == "796.99")
        #expect("\(funds["fullYearBudget"]!)" == "796.99")
        #expect("\(funds["executed"]!)" == "774.64")

        let forms = try #require(json["forms"] as? [[String: Any]])
        #expect(forms.count == 6)
        let meeting = try #require(forms.first { $0["project"] as? String == "会议培训费" })
        #expect(meeting["lines"] as? [String: Int] == ["first": 684, "last": 715])
        #expect(meeting["executionScore"] as? String == "5.39")
        #expect(meeting["total"] as? String == "85.39")
        let ruleIDs = (meeting["findings"] as? [[String: Any]] ?? []).compactMap { $0["ruleId"] as? String }
        #expect(ruleIDs.contains("SE.SCORE.060") && ruleIDs.contains("SE.EXEC.040"))
        let overAchievement = try #require(
            (meeting["findings"] as? [[String: Any]])?.first { $0["ruleId"] as? String == "SE.SCORE.060" })
        #expect((overAchievement["location"] as? [String: Any])?["line"] as? Int == 696)
        #expect((json["unreadable"] as? [Any])?.isEmpty == true)
        #expect(!report.fails)
    }

    @Test func seed003ClaimsTheDeclaredTotalAndOneGradeChanges() throws {
        let report = Self.audit(
            try Importing.seed(Seeds.selfEvaluations2023WorkInjury), name: Seeds.selfEvaluations2023WorkInjury)
        #expect(Self.documentFindings(report) == ["DS.GRADE.010"])
        let finding = try #require(report.check.documentFindings.first)
        #expect(finding.severity == .error)
        #expect(finding.location.line == 482)
        #expect(finding.expected == "优 3、良 1、中 0、差 0")
        #expect(finding.actual == "优 4、良 0、中 0、差 0")
        #expect(finding.message.contains("“社会保障卡工本费支出”表上“优”（总分 96.03），重算“良”（86.03）"))

        let sentence = try #require(try Self.json(report)["summarySentence"] as? [String: Any])
        #expect(sentence["matchingDefinitions"] as? [String] == ["declared"])
        #expect(sentence["consistent"] as? Bool == false)
        let recomputed = try #require(sentence["recomputed"] as? [String: Any])
        #expect(
            recomputed["sentence"] as? String
                == "2023年二级项目绩效自评个数4个，涉及资金407.75万元：3个项目自评等级为“优”，1个项目自评等级为“良”，0个项目自评等级为“中”，0个项目自评等级为“差”。")
        let grades = try #require(recomputed["grades"] as? [String: [String: Int]])
        #expect(grades["printed"] == ["excellent": 4, "good": 0, "fair": 0, "poor": 0])
        #expect(grades["recomputed"] == ["excellent": 3, "good": 1, "fair": 0, "poor": 0])
        // The form rules of the checks issue are there too, with the document's lines.
        let card = try #require(report.imported.forms.firstIndex { $0.form.project == "社会保障卡工本费支出" })
        let ruleIDs = report.check.findings.filter { $0.location.formIndex == card }.map(\.ruleID)
        #expect(ruleIDs.contains("SE.TOTAL.010") && ruleIDs.contains("SE.GRADE.020"))
        #expect(report.fails)
        #expect(report.text().contains("→ 与“年初预算数（目标申报数）”口径一致"))
    }

    @Test func seed002CategoriesAreCrossPaired() throws {
        let report = Self.audit(try Importing.seed(Seeds.targetTables2026), name: Seeds.targetTables2026)
        #expect(Self.documentFindings(report) == ["DS.BGT.010"])
        let finding = try #require(report.check.documentFindings.first)
        #expect(finding.expected == "其他运转类 3 个 259,821.00 万元；特定目标类 7 个 2,073.09 万元")
        #expect(finding.actual == "其他运转类 7 个 259,821.00 万元；特定目标类 3 个 2,073.09 万元")
        #expect(finding.message.contains("企业退休人员取暖费"))
        let json = try Self.json(report)
        #expect(json["summarySentence"] is NSNull)
        let budget = try #require(json["budgetSentence"] as? [String: Any])
        #expect(budget["matchingDefinitions"] as? [String] == ["period"])
        #expect(budget["line"] as? Int == 462)
    }

    /// Edited copies of seed 000: the sentence reworded and wrapped, one form printed twice, one form cut off.
    @Test func anEditedDisclosureIsAuditedByWhatIsInIt() throws {
        let imported = try Importing.edited(Seeds.selfEvaluations2023) { lines in
            lines[521] = "2023年度本单位开展绩效自评的二级项目共7个，涉及资金"
            lines.insert("796.99万元，其中优6个、良1个。", at: 522)
            // 会议培训费 (lines 684–715, now 685–716) printed a second time at the end.
            lines += Array(lines[684...715])
        }
        let report = Self.audit(imported, name: "edited.txt")
        #expect(report.imported.forms.count == 7)
        let findings = report.check.documentFindings
        #expect(findings.map(\.ruleID) == ["DS.COUNT.010", "DS.GRADE.010"])
        #expect(findings[0].expected == "6" && findings[0].actual == "7")
        #expect(findings[0].message.contains("句中的 7 个中有 1 个是重复公开的表：“会议培训费”印了 2 次；不重复的表为 6 张"))
        #expect(findings[1].expected == "优 5、良 1")
        // 796.99 is Σ年初预算数 (and Σ全年预算数) of the six distinct forms.
        let sentence = try #require(try Self.json(report)["summarySentence"] as? [String: Any])
        #expect(sentence["matchingDefinitions"] as? [String] == ["declared", "fullYearBudget"])
        #expect(sentence["line"] as? Int == 522)
        let duplicates = try #require(try Self.json(report)["duplicates"] as? [[String: Any]])
        #expect(duplicates.count == 1)
        #expect(duplicates.first?["kind"] as? String == "identical")
    }

    /// Seed 003's 社会保障卡工本费支出 prints 总分 96.03 over 6.03 + 80: its scores narrated in the running text
    /// (the project named) and in its own 效益情况及分析 cell (no name) are compared with the form.
    @Test func narratedScoresAreComparedWithTheProjectsForm() throws {
        let imported = try Importing.edited(Seeds.selfEvaluations2023WorkInjury) { lines in
            lines[605] = "\t\t效益情况及分析\t群众基本满意。该项目预算执行情况得分6.03分，指标完成情况得分85分，总分91.03分。"
            lines.insert("其中，社会保障卡工本费支出项目预算执行情况得分6.03分，绩效指标完成情况得分80分，总分96.03分。", at: 482)
        }
        let report = Self.audit(imported, name: "narrated.txt")
        #expect(report.disclosure.scoreNarrations.map(\.line) == [483, 607])
        #expect(report.disclosure.form(narratedBy: 0) == 2)
        #expect(report.disclosure.form(narratedBy: 1) == 2)
        let narrated = report.check.documentFindings.filter { $0.ruleID == "DS.SCORE.010" }
        #expect(
            narrated.map { [$0.location.fieldPath ?? "", $0.expected ?? "", $0.actual ?? ""] } == [
                ["scoreNarrations[0].total", "表上 96.03、重算 86.03", "96.03"],
                ["scoreNarrations[1].indicators", "80", "85"],
                ["scoreNarrations[1].total", "表上 96.03、重算 86.03", "91.03"],
            ])
        #expect(Self.documentFindings(report) == ["DS.GRADE.010", "DS.SCORE.010", "DS.SCORE.010", "DS.SCORE.010"])
        #expect(report.text().contains("得分叙述（第 483 行）"))
        #expect(report.markdown().contains("## 得分叙述（第 607 行）"))
        let json = try #require(try Self.json(report)["scoreNarrations"] as? [[String: Any]])
        #expect(json.map { $0["form"] as? Int } == [2, 2])
        #expect(json[1]["claimed"] as? [String: String] == ["execution": "6.03", "indicators": "85", "total": "91.03"])
        #expect((json[1]["findings"] as? [Any])?.count == 2)
    }

    @Test func aHalfFormIsListedAsUnreadableAndTheSentenceIsComparedWithTheRest() throws {
        let imported = try Importing.edited(Seeds.selfEvaluations2023) { lines in lines = Array(lines.prefix(699)) }
        let report = Self.audit(imported, name: "half.txt")
        #expect(report.imported.forms.count == 4)
        #expect(report.fails)
        let json = try Self.json(report)
        let unreadable = try #require(json["unreadable"] as? [[String: Any]])
        #expect(unreadable.first?["line"] as? Int == 684)
        #expect((unreadable.first?["reason"] as? String)?.contains("缺少总分行") == true)
        #expect(Self.documentFindings(report).contains("DS.COUNT.010"))
        #expect(report.text().contains("无法读取：\n    第 684 行："))
        #expect(report.markdown().contains("## 无法读取"))
    }
}
