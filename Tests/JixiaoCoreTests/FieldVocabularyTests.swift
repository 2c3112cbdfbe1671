import JixiaoCore
import Testing

/// The one vocabulary of printed labels: every field path has one label, and every spelling it accepts, as a
/// cell prints it (spaces, full-width brackets, a colon, a unit), reads back as its own field.
@Suite struct FieldVocabularyTests {
    static let forms: [(name: String, terms: [FieldTerm])] = [
        ("自评表", FieldVocabulary.selfEvaluation), ("目标表", FieldVocabulary.Target.fields),
    ]

    @Test func everyPathHasOneLabel() {
        for (name, terms) in Self.forms {
            let paths = terms.map(\.path)
            #expect(Set(paths).count == paths.count, "\(name): a path listed twice")
            for term in terms {
                #expect(!term.label.isEmpty, "\(term.path)")
                #expect(term.spellings.first == PrintedLabel.normalize(term.label), "\(term.path)")
                #expect(FieldVocabulary.label(ofPath: term.path) == term.label, "\(term.path)")
            }
        }
    }

    /// Within one block of a form no spelling names two fields (the mapper would not know which one it reads).
    @Test func everySpellingNormalisesToItsField() {
        let blocks: [[FieldTerm]] = [
            [
                FieldVocabulary.project, FieldVocabulary.projectCode, FieldVocabulary.department,
                FieldVocabulary.agency, FieldVocabulary.implementingAgency,
            ],
            FieldVocabulary.Funds.columns, FieldVocabulary.Indicators.columns,
            [FieldVocabulary.annualGoal, FieldVocabulary.completion, FieldVocabulary.total, FieldVocabulary.grade],
            FieldVocabulary.Target.texts, FieldVocabulary.Target.footer,
            [
                FieldVocabulary.Target.nature, FieldVocabulary.Target.period, FieldVocabulary.Target.periodFunds,
                FieldVocabulary.Target.annualFunds, FieldVocabulary.Target.periodGoal,
            ],
        ]
        for block in blocks {
            for term in block {
                for spelling in term.spellings {
                    // As a cell prints it: spaced out, full-width brackets and colon, and with a unit.
                    let printed = spaced(fullWidth(spelling)) + "："
                    #expect(FieldVocabulary.term(printed, among: block)?.path == term.path, "\(printed)")
                    #expect(FieldVocabulary.term(spelling + "（元）", among: block)?.path == term.path, "\(spelling)")
                }
            }
        }
    }

    @Test func pathsWithIndicesReadTheirColumnsLabel() {
        #expect(FieldVocabulary.label(ofPath: "funds.total.executed") == "全年执行数")
        #expect(FieldVocabulary.label(ofPath: "funds.sources[2].balance") == "资金结(转)余")
        #expect(FieldVocabulary.label(ofPath: "indicators[3].score") == "得分")
        #expect(FieldVocabulary.label(ofPath: "indicators.annual[0].value") == "指标值")
        #expect(FieldVocabulary.label(ofPath: "analysis.problems") == "存在的主要问题及原因分析")
        #expect(FieldVocabulary.label(ofPath: "indicators[3].nonsense") == nil)
    }

    @Test func theBalanceSpellingsOfBothLayouts() {
        for printed in ["资金结（转）余", "资金结转余", "结转结余", "资金结余", "结余", "结 余(万元)"] {
            #expect(FieldVocabulary.term(printed, among: FieldVocabulary.Funds.columns)?.key == "balance", "\(printed)")
        }
        #expect(FieldVocabulary.term("结余率", among: FieldVocabulary.Funds.columns) == nil)
    }

    @Test func analysisCaptionsInTheirOtherWordings() {
        let cases: [(String, String)] = [
            ("项目实施的预算执行情况及分析", "execution"), ("产出情况分析", "output"), ("主要经验做法", "experience"),
            ("项目管理中存在的问题及原因分析", "problems"), ("存在问题", "problems"), ("下一步改进措施及建议", "improvements"),
        ]
        for (caption, key) in cases { #expect(FieldVocabulary.analysisField(caption)?.key == key, "\(caption)") }
        #expect(FieldVocabulary.analysisField("偏差原因分析及改进措施") == nil)
    }

    @Test func fundSources() {
        #expect(FieldVocabulary.Target.source("其中：中央财政资金") == "central")
        #expect(FieldVocabulary.Target.source("市县（区）财政资金") == "cityCounty")
        #expect(FieldVocabulary.Target.source("单位自筹") == "selfRaised")
        #expect(FieldVocabulary.Target.source("其他资金") == "other")
        #expect(FieldVocabulary.Target.source("项目概况") == nil)
    }

    @Test func theOneNormalisation() {
        #expect(PrintedLabel.normalize(" 项目资金（元）： ") == "项目资金(元)")
        #expect(PrintedLabel.normalize("产出指 标") == "产出指标")
        #expect(PrintedLabel.compact("执行率（％）：") == "执行率(%):")
        #expect(PrintedLabel.withoutUnit("执行率(%)") == "执行率")
        #expect(PrintedLabel.withoutUnit("(元)") == "(元)")
    }

    private func fullWidth(_ text: String) -> String {
        String(
            text.map { ch -> Character in
                switch ch {
                case "(": "（"
                case ")": "）"
                default: ch
                }
            })
    }

    private func spaced(_ text: String) -> String { text.map(String.init).joined(separator: " ") }
}
