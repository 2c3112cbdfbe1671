import JixiaoCore

/// Chinese names of field paths, as the printed 自评表 labels them (`FieldVocabulary`): `indicators[3].score` →
/// `第 4 行指标·得分`.
enum FieldLabels {
    static func label(_ path: String) -> String {
        if let (index, key) = FormFields.indexed(path, list: "indicators") {
            return "第 \(index + 1) 行指标·\(indicator[key] ?? key)"
        }
        if let (index, key) = FormFields.indexed(path, list: "funds.sources") {
            return "资金来源第 \(index + 1) 行·\(funds[key] ?? key)"
        }
        if path.hasPrefix("funds.total.") {
            let key = String(path.dropFirst("funds.total.".count))
            return "资金总额·\(funds[key] ?? key)"
        }
        return top[path] ?? FieldVocabulary.label(ofPath: path) ?? path
    }

    /// The names of what is not one printed field: row counts and whole blocks.
    static let top: [String: String] = [
        FormFields.indicatorCount: "指标行数", FormFields.sourceCount: "资金来源行数",
        "indicators": "绩效指标", "funds": "项目资金", "funds.sources": "资金来源", "funds.total": "资金总额",
        "goals": "项目年度绩效目标", "analysis": "项目绩效分析",
    ]

    static let funds: [String: String] = labels(FieldVocabulary.Funds.columns + [FieldVocabulary.Funds.source])

    static let indicator: [String: String] = labels(FieldVocabulary.Indicators.columns)

    private static func labels(_ terms: [FieldTerm]) -> [String: String] {
        Dictionary(terms.map { ($0.key, $0.label) }, uniquingKeysWith: { first, _ in first })
    }
}
