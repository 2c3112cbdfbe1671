import JixiaoCore
import Testing

@testable import JixiaoImport

/// How single rows are read, whatever extraction did to their cells (rows written with `|` for tabs).
@Suite struct RowReaderTests {
    func line(_ text: String, _ number: Int = 1) -> TextLine {
        TextLine(number: number, text: text.replacingOccurrences(of: "|", with: "\t"))
    }

    func targetRows(_ rows: [String]) -> (period: [TargetTable.Indicator], annual: [TargetTable.Indicator]) {
        let reader = TargetIndicatorRowReader(columns: .init())
        var periodLevels = LevelTracker()
        var annualLevels = LevelTracker()
        var period: [TargetTable.Indicator] = []
        var annual: [TargetTable.Indicator] = []
        for row in rows {
            guard let read = reader.read(line(row), period: &periodLevels, annual: &annualLevels) else {
                Issue.record("no split for \(row)")
                continue
            }
            period += read.period
            annual += read.annual
        }
        return (period, annual)
    }

    @Test func targetHalvesAreCutWhereBothMakeSense() {
        let (period, annual) = targetRows([
            "|产出指标|数量指标|发放次数|≥3次|数量指标|发放次数|≥3次",
            "|||准确率|100%|||质量指标|准确率|100%",  // the 实施期 二级 is lost: not carried down
            "|||及时发放|及时发放|||||时效指标|及时发放|及时发放",
            "|效益指标|成本指标|经济类|平衡待遇|接轨|经济效益|平衡待遇|接轨",  // 成本 template squeezed in
            "生态类|||可持续||生态效益",  // two template rows on the left
            "|经济效益||经济效益",  // the same label on both sides
        ])
        #expect(period.map(\.level2) == ["数量指标", "", "", "成本指标", "经济类", "生态类", "可持续", "经济效益"])
        #expect(period.map { $0.level1 ?? "-" } == ["产出指标", "产出指标", "产出指标", "产出指标", "效益指标", "效益指标", "效益指标", "效益指标"])
        #expect(period[1].name == "准确率" && period[1].value.text == "100%")
        #expect(period[3].name == "" && period[4].value.text == "接轨")
        #expect(annual.map(\.level2) == ["数量指标", "质量指标", "时效指标", "经济效益", "生态效益", "经济效益"])
        #expect(annual.allSatisfy { $0.level1 == nil })
    }

    /// A row of many cells is split by trying only the cuts that can succeed (the 年度 half has at most three
    /// cells), so its cost grows with the row, not with its square: too many texts make no valid split.
    @Test func aRowOfManyCellsHasNoSplit() {
        let reader = TargetIndicatorRowReader(columns: .init())
        #expect(reader.split(line("|产出指标|数量指标" + String(repeating: "|文字", count: 990))) == nil)
        let split = reader.split(line("|产出指标|数量指标|发放次数|≥3次|数量指标|发放次数|≥3次"))
        #expect(split?.annual.texts.map(\.text) == ["发放次数", "≥3次"])
    }

    @Test func rowsWithoutLabelsCarryThemDownOnBothSides() {
        let (period, annual) = targetRows([
            "|产出指标|时效指标|资金按时下达|≥95%|时效指标|发放及时|及时",
            "|||发放及时|及时||资金按时下|≥95%",
            "|||单独一项|≥1次",  // only the 实施期 half printed
        ])
        #expect(period.map(\.level2) == ["时效指标", "时效指标", "时效指标"])
        #expect(annual.map(\.level2) == ["时效指标", "时效指标"])
        #expect(annual[1].name == "资金按时下" && annual[1].value.text == "≥95%")
    }

    @Test func aRowThatNoCutExplainsIsRefused() {
        let reader = TargetIndicatorRowReader(columns: .init())
        #expect(reader.split(line("|产出指标|数量指标|甲|乙|丙|丁|戊|己")) == nil)
    }

    func selfEvaluationRow(
        _ text: String, columns: IndicatorColumns = .shanxi, levels: inout LevelTracker
    ) throws -> SelfEvaluation.Indicator {
        try IndicatorRowReader(columns: columns).read(line(text), levels: &levels).indicator
    }

    @Test func selfEvaluationRowsAreAnchoredOnTheirScores() throws {
        var levels = LevelTracker()
        let first = try selfEvaluationRow("|产出指标|数量指标|设备数量|≥15台|≥15台|≥15台|15|15||", levels: &levels)
        #expect(first.level1 == "产出指标" && first.name == "设备数量" && first.weight == "15")
        // Shifted left, 成本 row with an empty 年初指标值.
        let cost = try selfEvaluationRow("|成本指标|成本指标||未填报|达成预期指标|5|5", levels: &levels)
        #expect(cost.level1 == "产出指标" && cost.level2 == "成本指标" && cost.name == "成本指标")
        #expect(cost.initialTarget.text == "" && cost.adjustedTarget.text == "未填报")
        // A spare cell: the name follows the 二级, the spare cell goes to extraCells.
        let spare = try selfEvaluationRow("|社会效益指标|增强获得感|增强|增强|增强|达成预期指标|15|15", levels: &levels)
        #expect(spare.level1 == "产出指标" && spare.level2 == "社会效益指标")
        #expect(spare.name == "增强获得感" && spare.extraCells == ["增强"] && spare.actual.text == "达成预期指标")
        // A 一级 in the 二级 column; the deviation after 得分.
        let satisfaction = try selfEvaluationRow("||满意度指标|群众满意度|≥80%|≥80%|≥75%|10|9.38|宣传不足", levels: &levels)
        #expect(satisfaction.level1 == "满意度指标" && satisfaction.level2 == "")
        #expect(satisfaction.score == "9.38" && satisfaction.deviation == "宣传不足")
    }

    @Test func selfEvaluationRowWithoutScoresRunsInColumnOrder() throws {
        var levels = LevelTracker()
        let dropped = try selfEvaluationRow("|产出指标|数量指标|设备数量|≥10台|||||", levels: &levels)
        #expect(dropped.name == "设备数量" && dropped.initialTarget.text == "≥10台" && dropped.adjustedTarget.text == "")
        #expect(dropped.weight == "" && dropped.score == "")
        #expect(throws: IndicatorRowReader.Unreadable.self) { try selfEvaluationRow("≥90%|10|10", levels: &levels) }
    }
}
