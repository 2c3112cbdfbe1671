/// A self-evaluation and the target table it was set against: same year, same unit, same project.
///
/// - Unit: the self-evaluation's 预算单位 code against the table's when the table prints one; otherwise the
///   names (预算单位 and 实施单位 on either side, folded).
/// - Project: 项目代码 when both carry one, else the folded names.
public struct TargetPair: Sendable {
    public let evaluationIndex: Int
    public let tableIndex: Int
    public let evaluation: SelfEvaluation
    public let table: TargetTable

    /// Every self-evaluation / target table pair in a set of forms, in input order of the self-evaluations.
    /// Tables are indexed by year and project (name and code), so a province's batch is not compared
    /// form by form.
    public static func pairs(in forms: [Form]) -> [TargetPair] {
        var tables: [String: [Int]] = [:]
        for (index, form) in forms.enumerated() {
            guard case .targetTable(let table) = form else { continue }
            for key in lookupKeys(year: table.year, project: table.project, code: table.projectCode) {
                tables[key, default: []].append(index)
            }
        }
        return forms.enumerated().flatMap { index, form -> [TargetPair] in
            guard case .selfEvaluation(let evaluation) = form else { return [] }
            let candidates = Set(
                lookupKeys(year: evaluation.year, project: evaluation.project, code: evaluation.projectCode)
                    .flatMap { tables[$0] ?? [] })
            return candidates.sorted().compactMap { tableIndex in
                guard case .targetTable(let table) = forms[tableIndex], belong(evaluation, table) else { return nil }
                return TargetPair(evaluationIndex: index, tableIndex: tableIndex, evaluation: evaluation, table: table)
            }
        }
    }

    static func lookupKeys(year: Int, project: String, code: String?) -> [String] {
        let byName = "\(year)|" + FormIdentity.projectKey(name: project, code: nil)
        guard let code, !code.isEmpty else { return [byName] }
        return [byName, "\(year)|" + FormIdentity.projectKey(name: project, code: code)]
    }

    static func belong(_ evaluation: SelfEvaluation, _ table: TargetTable) -> Bool {
        guard evaluation.year == table.year else { return false }
        if let code = table.agency?.code {
            guard evaluation.agency.code == code else { return false }
        } else {
            let ours = [evaluation.agency.name, evaluation.implementingAgency ?? ""].map(NameFolding.key).filter {
                !$0.isEmpty
            }
            let theirs = [table.agency?.name ?? "", table.implementingAgency].map(NameFolding.key).filter {
                !$0.isEmpty
            }
            guard ours.contains(where: theirs.contains) else { return false }
        }
        if let ours = evaluation.projectCode, let theirs = table.projectCode, !ours.isEmpty, !theirs.isEmpty {
            return ours == theirs
        }
        return NameFolding.key(evaluation.project) == NameFolding.key(table.project)
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

/// A rule about a self-evaluation and its target table.
public protocol TargetPairCheck: Check {
    func check(_ pair: TargetPair, context: CheckContext) -> [(form: Int, violation: Violation)]
}

extension TargetPairCheck {
    public func violations(in forms: [Form], context: CheckContext) -> [(form: Int, violation: Violation)] {
        TargetPair.pairs(in: forms).flatMap { check($0, context: context) }
    }
}
