import JixiaoCore

/// Chinese names of field paths, as the printed 自评表 labels them: `indicators[3].score` →
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
        return top[path] ?? path
    }

    static let top: [String: String] = [
        "project": "项目名称", "projectCode": "项目代码", "department": "主管部门及代码", "agency": "预算单位",
        "implementingAgency": "实施单位", "goals.annual": "年度目标", "goals.completion": "实际完成情况",
        "total": "总分", "grade": "等级",
        FormFields.indicatorCount: "指标行数", FormFields.sourceCount: "资金来源行数",
        "indicators": "绩效指标", "funds": "项目资金", "funds.sources": "资金来源", "funds.total": "资金总额",
        "goals": "项目年度绩效目标", "analysis": "项目绩效分析",
    ].merging(SelfEvaluation.Analysis.fields.map { ("analysis.\($0.key)", $0.caption) }, uniquingKeysWith: { $1 })

    static let funds: [String: String] = [
        "source": "资金来源", "declared": "目标申报数", "compiled": "预算编制数", "fullYearBudget": "全年预算数",
        "executed": "全年执行数", "balance": "资金结(转)余", "rate": "执行率", "score": "得分", "deviation": "偏差原因分析及改进措施",
    ]

    static let indicator: [String: String] = [
        "level1": "一级指标", "level2": "二级指标", "name": "三级指标", "initialTarget": "年初指标值",
        "adjustedTarget": "调整后指标值", "actual": "实际完成值", "qualitativeNote": "定性值情况说明", "weight": "分值",
        "score": "得分", "deviation": "偏差原因分析及改进措施",
    ]
}
