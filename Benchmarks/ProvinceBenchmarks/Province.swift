import Foundation
import JixiaoCore
import JixiaoFormats

/// A synthetic province made from the bundled real forms, deterministically: units of 1 to 40 projects, each
/// project a self-evaluation of one of the real ones (its indicator mix and text lengths) under a new unit,
/// name and amounts. As units copy templates in real life, about a third of the self-evaluations come in
/// clusters of 2 to 500 sharing one indicator table; the others have their targets varied so that no two
/// share one by accident. About one project in six also has its target table of the same year (made from the
/// self-evaluation's indicators, so the two pair), 1 % of the forms are exact copies of another (published
/// twice) and 0.3 % copies with a conflicting amount.
struct Province {
    let selfEvaluations: [SelfEvaluation]
    let targetTables: [TargetTable]

    init(seeds: String) throws {
        let loaded = FormLocator.load([seeds])
        guard loaded.errors.isEmpty, !loaded.forms.isEmpty else {
            throw Failure("cannot read the seed forms in \(seeds): \(loaded.errors)")
        }
        var evaluations: [SelfEvaluation] = []
        var tables: [TargetTable] = []
        for item in loaded.forms {
            switch item.form {
            case .selfEvaluation(var form):
                form.lines = [:]
                form.source = nil
                evaluations.append(form)
            case .targetTable(var table):
                table.lines = [:]
                table.source = nil
                tables.append(table)
            }
        }
        guard !evaluations.isEmpty, !tables.isEmpty else { throw Failure("the seeds need both kinds of form") }
        selfEvaluations = evaluations
        targetTables = tables
    }

    /// What was written.
    struct Written {
        var files = 0
        var selfEvaluations = 0
        var targetTables = 0
        var clusters: [Int] = []
        var copies = 0
        var conflictingCopies = 0
    }

    /// Writes `count` form files under `folder` (`<year>/<unit>/<project>.yaml`).
    func write(count: Int, to folder: String) throws -> Written {
        var written = Written()
        var random = Draws()
        // Cluster sizes: one of 500, then sizes drawn from 2…200 until about a third of the forms are taken.
        var clusterSizes: [Int] = [min(500, max(2, count / 10))]
        while clusterSizes.reduce(0, +) < count / 3 {
            let draw = random.next(upTo: 100)
            clusterSizes.append(
                draw < 60
                    ? 2 + random.next(upTo: 9) : draw < 90 ? 10 + random.next(upTo: 41) : 50 + random.next(upTo: 151))
        }
        // Which cluster each self-evaluation belongs to (nil: a form of its own), spread over the province.
        var clusterOf: [Int?] = Array(repeating: nil, count: count)
        var free = Array(0..<count)
        for (cluster, size) in clusterSizes.enumerated() {
            for _ in 0..<min(size, free.count) {
                let pick = random.next(upTo: free.count)
                clusterOf[free[pick]] = cluster
                free.swapAt(pick, free.count - 1)
                free.removeLast()
            }
        }
        written.clusters = clusterSizes
        var project = 0
        var unit = 0
        while written.files < count {
            let projects = 1 + random.next(upTo: 40)
            for _ in 0..<projects where written.files < count {
                var form = selfEvaluation(project, unit: unit, cluster: clusterOf[project], random: &random)
                try save(.selfEvaluation(form), in: folder, &written)
                written.selfEvaluations += 1
                if written.files < count, random.next(upTo: 6) == 0 {
                    try save(.targetTable(targetTable(for: form, project: project)), in: folder, &written)
                    written.targetTables += 1
                }
                let copy = random.next(upTo: 1000)
                if written.files < count, copy < 13 {
                    if copy >= 10 {
                        form.funds.total.executed = scaled(form.funds.total.executed, Decimal(11) / 10)
                        written.conflictingCopies += 1
                    }
                    try save(.selfEvaluation(form), in: folder, &written, copy: true)
                    written.copies += 1
                }
                project += 1
            }
            unit += 1
        }
        return written
    }

    /// Writes a form file; a copy goes beside the original under another name.
    func save(_ form: Form, in folder: String, _ written: inout Written, copy: Bool = false) throws {
        var relative = FormImporters.relativePath(for: form)
        if copy { relative = (relative as NSString).deletingPathExtension + "（再次公开）.yaml" }
        let path = (folder as NSString).appendingPathComponent(relative)
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: path, contents: Data(FormFileWriter.yaml(form).utf8)) else {
            throw Failure("cannot write \(path)")
        }
        written.files += 1
    }

    /// Self-evaluation number `index`: a real one under unit `unit`, its amounts scaled; in a cluster its
    /// indicator table is the cluster's template, otherwise its targets are varied to be its own.
    func selfEvaluation(_ index: Int, unit: Int, cluster: Int?, random: inout Draws) -> SelfEvaluation {
        let template = cluster ?? (selfEvaluations.count + index)
        var form = selfEvaluations[template % selfEvaluations.count]
        form.project = "\(form.project)（\(index)）"
        form.department = CodedName("\(300 + unit / 50)-合成主管部门\(unit / 50)")
        form.agency = CodedName("\(300000 + unit)-合成单位\(unit)")
        let factor = Decimal(80 + random.next(upTo: 60)) / 100
        for path in [\SelfEvaluation.FundsRow.declared, \.compiled, \.fullYearBudget, \.executed, \.balance] {
            form.funds.total[keyPath: path] = scaled(form.funds.total[keyPath: path], factor)
            for row in form.funds.sources.indices {
                form.funds.sources[row][keyPath: path] = scaled(form.funds.sources[row][keyPath: path], factor)
            }
        }
        let variant = cluster.map { $0 + 1 } ?? (1000 + index)
        for row in form.indicators.indices {
            form.indicators[row].initialTarget = IndicatorValue(
                varied(form.indicators[row].initialTarget.text, variant))
            form.indicators[row].adjustedTarget = IndicatorValue(
                varied(form.indicators[row].adjustedTarget.text, variant))
        }
        return form
    }

    /// The target table a self-evaluation was set against: a real table's texts, the self-evaluation's year,
    /// unit, project, 年度 indicators (its 年初指标值) and 目标申报数 (万元 → 元).
    func targetTable(for form: SelfEvaluation, project: Int) -> TargetTable {
        var table = targetTables[project % targetTables.count]
        table.year = form.year
        table.project = form.project
        table.department = form.department
        table.agency = form.agency
        table.implementingAgency = form.agency.name
        let rows = form.indicators.filter { !$0.isUnfilledCostRow }.map {
            TargetTable.Indicator(level1: $0.level1, level2: $0.level2, name: $0.name, value: $0.initialTarget.text)
        }
        table.indicators = TargetTable.Indicators(period: rows, annual: rows)
        let annual = form.funds.total.declared.value.map { DecimalText.plain($0 * 10000) } ?? ""
        table.funds.annual = TargetTable.FundBreakdown(total: EnteredNumber(annual), provincial: EnteredNumber(annual))
        table.funds.period = table.funds.annual
        return table
    }

    func scaled(_ number: EnteredNumber, _ factor: Decimal) -> EnteredNumber {
        guard let value = number.value else { return number }
        return EnteredNumber(DecimalText.plain((value * factor).rounded(3)))
    }

    /// `≥15台（套）` with its first number raised by `variant` (texts without a number get it appended).
    func varied(_ text: String, _ variant: Int) -> String {
        guard !text.isEmpty else { return text }
        guard let range = text.range(of: "[0-9]+", options: .regularExpression), let number = Int(text[range]) else {
            return text + "（\(variant)）"
        }
        return text.replacingCharacters(in: range, with: String(number + variant))
    }
}

/// Deterministic draws (the core's `StableHash` of a counter): the same province on every machine.
struct Draws {
    private var counter = 0

    init() {}

    /// 0 ..< bound.
    mutating func next(upTo bound: Int) -> Int {
        counter += 1
        return Int(StableHash(["province", String(counter)]).low % UInt64(bound))
    }
}

struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
