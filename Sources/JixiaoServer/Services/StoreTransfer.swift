import Foundation
import JixiaoCore
import JixiaoFormats

/// Moving forms between form files and the store: `jixiao serve --import Forms/` and `jixiao serve --export DIR`.
public struct StoreTransfer: Sendable {
    public let store: any FormStore
    public let policy: ScoringPolicy

    public init(store: any FormStore, policy: ScoringPolicy) {
        self.store = store
        self.policy = policy
    }

    /// What an import did, line by line in Chinese.
    public struct Report: Sendable {
        public var imported = 0
        public var skipped = 0
        public var lines: [String] = []
        public var errors: [FormFileError] = []
    }

    /// Imports every form file under `paths`. Target tables go in first so self-evaluations find theirs;
    /// units are matched by code, then name, and created when new; self-evaluations arrive as 已提交 (they
    /// come from units, for review). A form already in the store (same kind, unit, year and project) is skipped.
    public func importForms(_ paths: [String]) async throws -> Report {
        let loaded = FormLocator.load(paths)
        var report = Report()
        report.errors = loaded.errors
        var units = try await store.units()
        // Units named with their code are resolved first, so a unit gets its code even when a target table
        // (which prints the name only) comes first.
        var unitOfForm: [Int: BudgetUnit] = [:]
        for (index, item) in loaded.forms.enumerated().sorted(by: {
            StoreTransfer.unitName(of: $0.1.form).code != nil && StoreTransfer.unitName(of: $1.1.form).code == nil
        }) {
            unitOfForm[index] = try await resolveUnit(StoreTransfer.unitName(of: item.form), in: &units)
        }
        let ordered =
            loaded.forms.indices.filter { FormKind(loaded.forms[$0].form) == .targetTable }
            + loaded.forms.indices.filter { FormKind(loaded.forms[$0].form) == .selfEvaluation }
        var targets: [TargetKey: (id: Int64, table: TargetTable)] = [:]
        for index in ordered {
            let item = loaded.forms[index]
            guard let unit = unitOfForm[index] else { continue }
            let kind = FormKind(item.form)
            if try await store.exists(kind: kind, unitID: unit.id, year: item.form.year, project: item.form.project) {
                report.skipped += 1
                report.lines.append("跳过（已存在）：\(item.file)")
                continue
            }
            let key = TargetKey(unitID: unit.id, year: item.form.year, project: item.form.project)
            switch item.form {
            case .targetTable(let table):
                let record = try await store.insertForm(
                    FormWrite(form: item.form, figures: nil, findings: []),
                    unitID: unit.id, state: nil, targetID: nil, by: nil,
                    kind: .imported, at: Date())
                targets[key] = (record.id, table)
            case .selfEvaluation(let form):
                let target = targets[key]
                let analysis = FormAnalysis(form, target: target?.table, policy: policy)
                _ = try await store.insertForm(
                    analysis.write, unitID: unit.id, state: .submitted, targetID: target?.id,
                    by: nil, kind: .imported, at: Date())
            }
            report.imported += 1
            report.lines.append("导入\(kind.label)：\(item.file) → \(unit.label)")
        }
        return report
    }

    private struct TargetKey: Hashable {
        let unitID: Int64
        let year: Int
        let project: String
    }

    /// The unit a form names: 预算单位 of a self-evaluation; 预算单位 or else 实施单位 of a target table.
    static func unitName(of form: Form) -> CodedName {
        switch form {
        case .selfEvaluation(let f): f.agency
        case .targetTable(let t): t.agency ?? CodedName(t.implementingAgency)
        }
    }

    /// The unit of that name: matched by code, then by name; created when new.
    private func resolveUnit(_ coded: CodedName, in units: inout [BudgetUnit]) async throws -> BudgetUnit {
        let name = coded.name.isEmpty ? "未知单位" : coded.name
        if let code = coded.code, let unit = units.first(where: { $0.code == code }) { return unit }
        if let unit = units.first(where: { $0.name == name }) { return unit }
        let unit = try await store.createUnit(code: coded.code, name: name)
        units.append(unit)
        return unit
    }

    /// Writes every form of the store as a form file under `directory` (`<year>/<unit>/<project>.yaml`, as
    /// `jixiao import` does), atomically; an existing different file is replaced only with `overwrite`.
    /// Returns the paths written or found unchanged.
    public func exportAll(to directory: String, overwrite: Bool) async throws -> [String] {
        var paths: [String] = []
        var used = Set<String>()
        for kind in [FormKind.targetTable, .selfEvaluation] {
            for record in try await store.records(FormQuery(kind: kind, units: .all)) {
                guard let stored = try await store.form(id: record.id) else { continue }
                var relative = FormImporters.relativePath(for: stored.form)
                if !used.insert(relative).inserted {
                    relative = (relative as NSString).deletingPathExtension + "-\(record.id).yaml"
                    used.insert(relative)
                }
                let path = (directory as NSString).appendingPathComponent(relative)
                try AtomicFile.write(Data(FormFileWriter.yaml(stored.form).utf8), to: path, overwrite: overwrite)
                paths.append(path)
            }
        }
        return paths
    }
}
