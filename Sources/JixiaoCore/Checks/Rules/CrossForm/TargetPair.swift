/// A self-evaluation and the target table it was set against: same year, same unit, same project.
///
/// - Unit: the self-evaluation's 预算单位 code against the table's when the table prints one; otherwise the
///   names (预算单位 and 实施单位 on either side, folded).
/// - Project: 项目代码 when both carry one, else the folded names.
///
/// A self-evaluation is compared with the first table it belongs to; a second table of the same project is a
/// duplicate, which XF.DUP.010 reports.
public struct TargetPair: Sendable {
    public let evaluationIndex: Int
    public let tableIndex: Int
    public let evaluation: SelfEvaluation
    public let table: TargetTable

    /// What pairing needs of a form, computed once: its year, its unit (预算单位 code; folded 预算单位 and
    /// 实施单位 names) and its project (项目代码; folded name).
    public struct Side: Sendable, Hashable {
        let year: Int
        /// A self-evaluation's 预算单位 code; a target table's when it prints one.
        let agencyCode: String?
        /// Folded 预算单位 and 实施单位 names, the empty ones left out.
        let unitNames: [String]
        let projectCode: String?
        let projectName: String

        init(_ form: Form) {
            let names: [String]
            switch form {
            case .selfEvaluation(let evaluation):
                agencyCode = evaluation.agency.code
                names = [evaluation.agency.name, evaluation.implementingAgency ?? ""]
            case .targetTable(let table):
                agencyCode = table.agency?.code
                names = [table.agency?.name ?? "", table.implementingAgency]
            }
            year = form.year
            unitNames = names.map(NameFolding.key).filter { !$0.isEmpty }
            projectCode = form.projectCode.flatMap { $0.isEmpty ? nil : $0 }
            projectName = NameFolding.key(form.project)
        }

        /// The keys a table is filed under (`asTable`), or a self-evaluation looks its tables up by: year, unit
        /// and project. A table with a 预算单位 code is found by the code only, as `belong` requires.
        func lookupKeys(asTable: Bool) -> [String] {
            let codeKey = agencyCode.map { ["code:" + $0] } ?? []
            let nameKeys = unitNames.map { "name:" + $0 }
            let units = asTable ? (codeKey.isEmpty ? nameKeys : codeKey) : codeKey + nameKeys
            let projects = ["name:" + projectName] + (projectCode.map { ["code:" + $0] } ?? [])
            return units.flatMap { unit in projects.map { "\(year)|\(unit)|\($0)" } }
        }
    }

    /// Whether a self-evaluation belongs to a target table (see the type's comment).
    static func belong(_ evaluation: Side, _ table: Side) -> Bool {
        guard evaluation.year == table.year else { return false }
        if let code = table.agencyCode {
            guard evaluation.agencyCode == code else { return false }
        } else {
            guard evaluation.unitNames.contains(where: table.unitNames.contains) else { return false }
        }
        if let ours = evaluation.projectCode, let theirs = table.projectCode { return ours == theirs }
        return evaluation.projectName == table.projectName
    }

    /// A violation on the self-evaluation, naming the target table.
    public func onEvaluation(_ violation: Violation) -> (form: Int, violation: Violation) {
        var violation = violation
        violation.relatedForms = [tableIndex]
        return (evaluationIndex, violation)
    }

    /// A violation on the target table, naming the self-evaluation.
    public func onTable(_ violation: Violation) -> (form: Int, violation: Violation) {
        var violation = violation
        violation.relatedForms = [evaluationIndex]
        return (tableIndex, violation)
    }

    // MARK: Indicators

    /// A target indicator with its field path.
    public struct TargetRow: Sendable {
        public let path: String
        public let row: TargetTable.Indicator
    }

    /// The indicators the self-evaluation answers to: the 年度 set, or the 实施期 set when the 年度 set is empty
    /// (the platform copies it over), without empty template rows.
    public var targetRows: [TargetRow] {
        let annual = table.indicators.annual.enumerated().filter { !$0.element.isTemplateRow }
        if !annual.isEmpty { return annual.map { TargetRow(path: "indicators.annual[\($0.offset)]", row: $0.element) } }
        return (table.indicators.period ?? []).enumerated().filter { !$0.element.isTemplateRow }
            .map { TargetRow(path: "indicators.period[\($0.offset)]", row: $0.element) }
    }

    /// Self-evaluation rows matched to target rows, one to one.
    public struct IndicatorMatch: Sendable {
        /// (self-evaluation row index, target row).
        public let matched: [(evaluation: Int, target: TargetRow)]
        /// Self-evaluation rows with no target counterpart (the 未填报 cost row is left out).
        public let unmatchedEvaluation: [Int]
        /// Target rows with no self-evaluation counterpart.
        public let unmatchedTarget: [TargetRow]
    }

    /// Matches indicators by 三级 name (folded); then, for names the target's narrow column truncated, by
    /// prefix within the same 二级.
    public var indicatorMatch: IndicatorMatch {
        let targets = targetRows
        var taken = Array(repeating: false, count: targets.count)
        let rows = evaluation.indicators.enumerated().filter { !$0.element.isUnfilledCostRow }
        var assigned: [Int: Int] = [:]
        for (index, row) in rows {
            let name = NameFolding.key(row.name)
            guard !name.isEmpty,
                let hit = targets.indices.first(where: { !taken[$0] && NameFolding.key(targets[$0].row.name) == name })
            else { continue }
            taken[hit] = true
            assigned[index] = hit
        }
        for (index, row) in rows where assigned[index] == nil {
            let name = NameFolding.key(row.name)
            let hit = targets.indices.first { target in
                guard !taken[target], TargetPair.sameLevel2(row.level2, targets[target].row.level2) else {
                    return false
                }
                let other = NameFolding.key(targets[target].row.name)
                return name.isEmpty ? other.isEmpty : !other.isEmpty && (name.hasPrefix(other) || other.hasPrefix(name))
            }
            guard let hit else { continue }
            taken[hit] = true
            assigned[index] = hit
        }
        return IndicatorMatch(
            matched: rows.compactMap { index, _ in assigned[index].map { (index, targets[$0]) } },
            unmatchedEvaluation: rows.map(\.offset).filter { assigned[$0] == nil },
            unmatchedTarget: targets.indices.filter { !taken[$0] }.map { targets[$0] })
    }

    /// Same 二级, reading label variants (社会效益 = 社会效益指标); unreadable labels must be written alike.
    static func sameLevel2(_ a: String, _ b: String) -> Bool {
        if let x = Level2(label: a), let y = Level2(label: b) { return x == y }
        return NameFolding.key(a) == NameFolding.key(b)
    }
}

/// A rule about a self-evaluation and its target table. The runner finds the pairs (`FormIndex.targetPairs`),
/// reads each pair's two forms once and hands the pair to every such rule.
public protocol TargetPairCheck: Check {
    func check(_ pair: TargetPair, context: CheckContext) -> [(form: Int, violation: Violation)]
}
