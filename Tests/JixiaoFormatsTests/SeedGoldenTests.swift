import Foundation
import JixiaoCore
import JixiaoFormats
import Testing

/// Golden figures over every bundled real form (Fixtures/Forms, a copy of Forms/2023 and Forms/2026): what
/// domain.md §12 recomputed by hand from the published seeds, recomputed here by the reader and the engine.
@Suite struct SeedGoldenTests {
    /// The fixture folder inside the test bundle.
    static let fixtures: URL = {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            fatalError("the test bundle has no Fixtures folder")
        }
        return url.appendingPathComponent("Forms")
    }()

    /// Every fixture form, keyed by its path below Fixtures/Forms (`2023/209100-山西省社会保险局/会议培训费.yaml`).
    static let loaded: (forms: [String: Form], errors: [FormFileError]) = {
        let result = FormLocator.load([fixtures.path])
        let prefix = fixtures.path + "/"
        let forms = Dictionary(
            uniqueKeysWithValues: result.forms.map { (String($0.file.dropFirst(prefix.count)), $0.form) })
        return (forms, result.errors)
    }()

    static func selfEvaluation(_ path: String) throws -> SelfEvaluation {
        guard case .selfEvaluation(let form)? = loaded.forms[path] else {
            throw FixtureMissing(path: path, kind: "self-evaluation")
        }
        return form
    }

    static func targetTable(_ path: String) throws -> TargetTable {
        guard case .targetTable(let form)? = loaded.forms[path] else {
            throw FixtureMissing(path: path, kind: "target-table")
        }
        return form
    }

    struct FixtureMissing: Error, CustomStringConvertible {
        let path: String
        let kind: String
        var description: String { "no \(kind) at Fixtures/Forms/\(path)" }
    }

    /// A decimal from its text (never from a float literal, never through the parser under test).
    static func dec(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }

    @Test func all20FormsLoad_10SelfEvaluations_10TargetTables() {
        #expect(Self.loaded.errors.isEmpty, "\(Self.loaded.errors)")
        #expect(Self.loaded.forms.count == 20)
        #expect(Self.loaded.forms.values.filter { if case .selfEvaluation = $0 { true } else { false } }.count == 10)
        #expect(Self.loaded.forms.keys.filter { $0.hasPrefix("2026/") }.count == 10)
    }

    /// The fixtures are copies: a form corrected in Forms/ must be corrected here too.
    @Test func fixturesAreByteForByteCopiesOfForms() throws {
        let forms = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Forms")
        #expect(FormLocator.files(in: [forms.path]).files.count == Self.loaded.forms.count)
        for path in Self.loaded.forms.keys {
            let original = try Data(contentsOf: forms.appendingPathComponent(path))
            let copy = try Data(contentsOf: Self.fixtures.appendingPathComponent(path))
            #expect(original == copy, "Fixtures/Forms/\(path) differs from Forms/\(path)")
        }
    }

    // MARK: Self-evaluations (§12.1, §12.2)

    /// One self-evaluation's recomputed and printed figures. `total` = execution score + Σ entered scores;
    /// `ruleTotal` = execution score + Σ rule scores; printed values are those of the 资金总额 row and the 总分 line.
    struct Golden: Sendable, CustomTestStringConvertible {
        let path: String
        let rate: String
        let executionScore: String
        let weightSum: String
        let total: String
        let grade: Grade
        let ruleTotal: String
        let ruleGrade: Grade
        let printedRate: String
        let printedScore: String
        let printedTotal: String
        let printedGrade: String
        var testDescription: String { path }
    }

    static let unit000 = "2023/209100-山西省社会保险局/"
    static let unit003 = "2023/209105-山西省工伤保险管理服务中心/"

    /// A fully executed form that recomputes to its printed 100 优 (seven of the ten).
    static func fullMarks(_ path: String, printedScore: String = "10") -> Golden {
        Golden(
            path: path, rate: "100.00", executionScore: "10.00", weightSum: "90", total: "100.00", grade: .excellent,
            ruleTotal: "100.00", ruleGrade: .excellent, printedRate: "100", printedScore: printedScore,
            printedTotal: "100", printedGrade: "优")
    }

    static let goldens: [Golden] = [
        fullMarks(unit000 + "社会保险经办专项业务工作经费.yaml"),
        fullMarks(unit000 + "社保经办机构专项补助.yaml"),
        fullMarks(unit000 + "维修维护费.yaml"),
        fullMarks(unit000 + "设备购置费.yaml", printedScore: ""),  // the seed leaves the 资金总额 得分 cell blank
        Golden(
            path: unit000 + "会议培训费.yaml", rate: "53.92", executionScore: "5.39", weightSum: "90", total: "85.39",
            grade: .good, ruleTotal: "85.39", ruleGrade: .good, printedRate: "53.92", printedScore: "5.39",
            printedTotal: "85.39", printedGrade: "良"),
        fullMarks(unit000 + "国有企业职教教退休教师待遇生活补贴省级补助资金.yaml"),
        fullMarks(unit003 + "工伤保险业务经办费.yaml"),
        fullMarks(unit003 + "工伤档案用房租赁.yaml"),
        Golden(
            path: unit003 + "社会保障卡工本费支出.yaml", rate: "60.29", executionScore: "6.03", weightSum: "80",
            total: "86.03", grade: .good, ruleTotal: "86.03", ruleGrade: .good, printedRate: "60.29",
            printedScore: "6.03", printedTotal: "96.03", printedGrade: "优"),
        Golden(
            path: unit003 + "社会保障卡工作经费.yaml", rate: "44.64", executionScore: "4.46", weightSum: "90",
            total: "94.46", grade: .excellent, ruleTotal: "94.46", ruleGrade: .excellent, printedRate: "44.64",
            printedScore: "4.46", printedTotal: "94.46", printedGrade: "优"),
    ]

    /// Both policies give the same figures on the seeds: the only 未填报 cost row above 5 points
    /// (会议培训费, w 10) was scored 0, and no seed row was dropped at adjustment.
    @Test(arguments: goldens, ScoringPolicy.builtIn.map(\.id))
    func seedSelfEvaluation_recomputesToTheGoldenFigures(_ golden: Golden, policyID: String) throws {
        let form = try Self.selfEvaluation(golden.path)
        let policy = try #require(ScoringPolicy.named(policyID))
        let score = FormScore(form, policy: policy)
        #expect(score.execution.ratePercent == Self.dec(golden.rate))
        #expect(score.execution.score == Self.dec(golden.executionScore))
        #expect(score.execution.problem == nil)
        #expect(score.weightSum == Self.dec(golden.weightSum))
        #expect(score.total == Self.dec(golden.total))
        #expect(score.grade == golden.grade)
        #expect(score.ruleTotal == Self.dec(golden.ruleTotal))
        #expect(score.ruleGrade == golden.ruleGrade)
        #expect(form.funds.total.rate.text == golden.printedRate)
        #expect(form.funds.total.score.text == golden.printedScore)
        #expect(form.printedTotal.text == golden.printedTotal)
        #expect(score.printedTotal == Self.dec(golden.printedTotal))
        #expect(form.printedGrade == golden.printedGrade)
        #expect(score.printedGrade == Grade(label: golden.printedGrade))
        #expect(score.differences(in: form).isEmpty == (Self.dec(golden.printedTotal) == Self.dec(golden.total)))
    }

    /// E10: rows 20+10+5+5+10+30 = 80; 6.03 + 80 = 86.03 良, while the form prints 96.03 优.
    @Test(arguments: ScoringPolicy.builtIn.map(\.id))
    func seed003_社会保障卡工本费支出_totalIs86_03_良_printed96_03_优(policyID: String) throws {
        let form = try Self.selfEvaluation(Self.unit003 + "社会保障卡工本费支出.yaml")
        let score = FormScore(form, policy: try #require(ScoringPolicy.named(policyID)))
        #expect(
            score.indicators.map { $0.weight } == ["20", "10", "5", "5", "10", "30"].map { Self.dec($0) as Decimal? })
        #expect(score.differences(in: form) == ["总分：表上 96.03，按表内数字应为 86.03", "等级：表上“优”，按总分 86.03 应为“良”"])
        #expect(score.gradeOfPrintedTotal == .excellent, "96.03 itself would be 优")
        #expect(score.indicators[1].method == .manual(.unreadableTarget), "`-100%` cannot be scored by rule")
    }

    /// E1: the 未填报 cost row (w 10, scored 0 with a reason) is capped at 5 only under Shanxi; 0 stands either way.
    @Test func seed000_会议培训费_costRow_cappedOnlyUnderShanxi_totalIs85_39() throws {
        let form = try Self.selfEvaluation(Self.unit000 + "会议培训费.yaml")
        let costRow = try #require(form.indicators.firstIndex { $0.isUnfilledCostRow })
        #expect(costRow == 3)
        let shanxi = FormScore(form, policy: .shanxi)
        let national = FormScore(form, policy: .national)
        #expect(shanxi.indicators[costRow].method == .unfilledCostRow(cap: 5))
        #expect(national.indicators[costRow].method == .unfilledCostRow(cap: nil))
        #expect(shanxi.indicators[costRow].ruleScore == 0)
        #expect(national.indicators[costRow].ruleScore == 0)
        #expect(shanxi.indicators[0].isOverAchieved, "培训班次 ≥5次 → 18")
        #expect(shanxi.total == Self.dec("85.39"))
    }

    /// §12.1/§12.2 summaries and E11: printed 5 优 1 良 (000) and 4 优 (003); recomputed 5 优 1 良 and 3 优 1 良;
    /// 涉及资金 000 Σ执行 774.639 → 774.64, Σ全年预算 796.99; 003 Σ年初 407.75, Σ全年预算 389.75, Σ执行 280.165 → 280.17.
    @Test(arguments: [
        (unit000, "优优优优良优", "优优优优良优", "796.99", "774.64", "796.99"),
        (unit003, "优优优优", "优优良优", "407.75", "280.17", "389.75"),
    ])
    func seedSummary_gradeCountsAndAmounts(
        unit: String, printed: String, recomputed: String, declared: String,
        executed: String, budget: String
    ) throws {
        let paths = Self.goldens.map(\.path).filter { $0.hasPrefix(unit) }
        let forms = try paths.map { try Self.selfEvaluation($0) }
        let scores = forms.map { FormScore($0, policy: .shanxi) }
        #expect(forms.map { $0.printedGrade ?? "" }.joined() == printed)
        #expect(scores.map(\.gradeLabel).joined() == recomputed)
        func sum(_ column: KeyPath<SelfEvaluation.FundsRow, EnteredNumber>) -> Decimal {
            forms.reduce(0) { $0 + ($1.funds.total[keyPath: column].value ?? 0) }.round2
        }
        #expect(sum(\.declared) == Self.dec(declared))
        #expect(sum(\.executed) == Self.dec(executed))
        #expect(sum(\.fullYearBudget) == Self.dec(budget))
    }

    // MARK: Target tables (§12.3)

    /// (file, 实施期资金总额, 年度资金总额, 三级 rows in the 实施期 half, in the 年度 half).
    static let targetTables: [(String, String, String, Int, Int)] = [
        ("维修维护费", "598500", "538600", 6, 6),
        ("企业退休人员取暖费", "2587210000", "490000000", 7, 7),
        ("会议培训费", "436500", "298400", 6, 6),
        ("国有企业职数退休教师待遇生活补贴中央补助资金", "8140000", "8140000", 6, 6),
        ("国有企业职数教龄退休教师待遇生活补贴省级补助资金", "2860000", "2860000", 6, 6),
        ("工伤档案用房租赁费", "263000", "263000", 6, 6),
        ("社会保险经办专项业务工作经费", "8266024.73", "5357900", 11, 11),
        ("社保数据治理费", "9600000", "1000000", 7, 7),
        ("社保经办机构专项补助", "1235900", "508400", 5, 5),
        ("设备购置费", "331000", "166500", 6, 6),
    ]

    static func targetPath(_ name: String) -> String { "2026/山西省社会保险局/\(name).yaml" }

    @Test(arguments: targetTables)
    func seed002_targetTable_totalsAndIndicatorCounts(
        name: String, period: String, annual: String,
        periodRows: Int, annualRows: Int
    ) throws {
        let table = try Self.targetTable(Self.targetPath(name))
        #expect(table.year == 2026)
        #expect(table.funds.period?.total.value == Self.dec(period))
        #expect(table.funds.annual.total.value == Self.dec(annual))
        for breakdown in [table.funds.period, table.funds.annual].compactMap({ $0 }) {
            let sources = breakdown.sources.reduce(Decimal(0)) { $0 + ($1.amount.valueOrZero ?? -1) }
            #expect(sources == breakdown.total.value, "every source split adds up")
        }
        #expect(table.indicators.period?.filter { !$0.isTemplateRow }.count == periodRows)
        #expect(table.indicators.annual.filter { !$0.isTemplateRow }.count == annualRows)
    }

    /// Σ实施期 = 2,618,940,924.73 元 (the text's 共计金额); Σ年度 = 509,132,800 元 (the 项目支出预算表 total).
    @Test func seed002_sumOfAllTargetTables_period2618940924_73_annual509132800() throws {
        let tables = try Self.targetTables.map { try Self.targetTable(Self.targetPath($0.0)) }
        #expect(tables.count == 10)
        let period = tables.reduce(Decimal(0)) { $0 + ($1.funds.period?.total.value ?? 0) }
        let annual = tables.reduce(Decimal(0)) { $0 + ($1.funds.annual.total.value ?? 0) }
        #expect(period == Self.dec("2618940924.73"))
        #expect(annual == Self.dec("509132800"))
        #expect(DecimalText.fixed(period) == "2618940924.73")
    }

    @Test func seed002_经办专项_sourceSplit_省级8265800_单位自筹224_73() throws {
        let table = try Self.targetTable(Self.targetPath("社会保险经办专项业务工作经费"))
        #expect(table.funds.period?.amount("省级财政资金")?.value == Self.dec("8265800"))
        #expect(table.funds.period?.amount("单位自筹")?.value == Self.dec("224.73"))
        let central = try Self.targetTable(Self.targetPath("国有企业职数退休教师待遇生活补贴中央补助资金"))
        #expect(central.funds.period?.amount("中央财政资金")?.value == Self.dec("8140000"))
        #expect(central.department.code == "908")
    }

    // MARK: Source lines

    /// form.lines maps a field path to the YAML line its value sits on.
    @Test(arguments: [
        ("2023/209100-山西省社会保险局/会议培训费.yaml", "year", 2, "year: 2023"),
        ("2023/209100-山西省社会保险局/会议培训费.yaml", "funds.total.executed", 11, "executed: \"26.149\""),
        ("2023/209100-山西省社会保险局/会议培训费.yaml", "funds.sources[0].executed", 21, "executed: \"26.149\""),
        ("2023/209100-山西省社会保险局/会议培训费.yaml", "indicators[0].weight", 36, "weight: \"20\""),
        ("2023/209100-山西省社会保险局/会议培训费.yaml", "indicators[3].score", 64, "score: \"0\""),
        ("2023/209100-山西省社会保险局/会议培训费.yaml", "total", 93, "total: \"85.39\""),
        ("2026/山西省社会保险局/维修维护费.yaml", "funds.period.total", 12, "total: \"598,500\""),
        ("2026/山西省社会保险局/维修维护费.yaml", "funds.annual.total", 19, "total: \"538,600\""),
        ("2026/山西省社会保险局/维修维护费.yaml", "indicators.period[3].value", 38, "value: \"≤20万元\""),
        ("2026/山西省社会保险局/维修维护费.yaml", "indicators.annual[0].value", 45, "value: \"≥30台\""),
    ])
    func sourceLines_pointAtTheFieldsYAMLLine(path: String, field: String, line: Int, text: String) throws {
        let form = try #require(Self.loaded.forms[path])
        let lines: [String: Int]
        switch form {
        case .selfEvaluation(let se): lines = se.lines
        case .targetTable(let tt): lines = tt.lines
        }
        #expect(lines[field] == line)
        let fileLines = try String(contentsOf: Self.fixtures.appendingPathComponent(path), encoding: .utf8)
            .components(separatedBy: "\n")
        #expect(fileLines[line - 1].contains(text), "line \(line) is “\(fileLines[line - 1])”")
    }

    // MARK: SE.VAL.090 under the national policy

    /// The Shanxi platform prints every 实际完成值 with its operator: a form that shows it (`≥18次` under `≥5次`)
    /// has its equal ones (`≥90%` under `≥90%`) read as measurements, under any policy. The forms whose every
    /// operator-carrying actual equals its target cannot be told from copied ones by the form alone: under
    /// `national` they keep the warning (26 of the 32 before), under `shanxi` nothing is reported.
    @Test func actualsWithOperatorsAreMeasurementsWhereTheFormShowsIt() {
        let forms = Self.loaded.forms.sorted { $0.key < $1.key }
        func copied(_ policy: ScoringPolicy) -> [String: Int] {
            let result = CheckRunner(policy: policy).run(forms.map { CheckRunner.Input(file: $0.key, form: $0.value) })
            return Dictionary(grouping: result.findings.filter { $0.ruleID == "SE.VAL.090" }, by: \.location.file)
                .mapValues(\.count)
        }
        let unit = "2023/209100-山西省社会保险局/"
        #expect(
            copied(.national) == [
                unit + "国有企业职教教退休教师待遇生活补贴省级补助资金.yaml": 3, unit + "社会保险经办专项业务工作经费.yaml": 6,
                unit + "社保经办机构专项补助.yaml": 7, unit + "维修维护费.yaml": 3, unit + "设备购置费.yaml": 3,
                "2023/209105-山西省工伤保险管理服务中心/工伤档案用房租赁.yaml": 4,
            ])
        #expect(copied(.shanxi).isEmpty)
    }
}
