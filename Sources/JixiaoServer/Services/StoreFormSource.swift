import Foundation
import JixiaoCore
import JixiaoFormats

/// The forms of a store as a batch source, for `jixiao check --db` and `jixiao export --db`: the list (target
/// tables, then self-evaluations, deleted drafts left out) is read once; each body is read when the batch asks
/// for it, so memory holds one chunk of forms however many the store has.
///
/// `FormSource` is synchronous and read from worker threads; the store is asynchronous. A read blocks its
/// worker until the store answers, so a batch over a store must run off Swift's cooperative pool
/// (`StoreFormSource.run`), where the store's own work is done.
public struct StoreFormSource: FormSource {
    struct Entry: Sendable {
        let id: Int64
        let label: String
    }

    let store: any FormStore
    let entries: [Entry]

    /// The forms of `year` (every year when nil).
    public static func load(_ store: any FormStore, year: Int?) async throws -> StoreFormSource {
        let units = Dictionary(uniqueKeysWithValues: try await store.units().map { ($0.id, $0.label) })
        var entries: [Entry] = []
        for kind in [FormKind.targetTable, .selfEvaluation] {
            for record in try await store.records(FormQuery(kind: kind, year: year, units: .all)) {
                let unit = units[record.unitID] ?? "单位 \(record.unitID)"
                entries.append(
                    Entry(
                        id: record.id, label: "表单 \(record.id)（\(unit) \(record.year) \(kind.label)“\(record.project)”）"
                    ))
            }
        }
        return StoreFormSource(store: store, entries: entries)
    }

    public var count: Int { entries.count }

    public func label(at position: Int) -> String { entries[position].label }

    public func form(at position: Int) throws(FormFileError) -> Form {
        let entry = entries[position]
        let store = self.store
        let answer = Blocking.wait { try await store.form(id: entry.id) }
        switch answer {
        case .success(let stored?): return stored.form
        case .success(nil):
            throw FormFileError(file: entry.label, problem: "该表单已不在数据库中", fix: "可能刚被删除；重新运行即可")
        case .failure(let error):
            throw FormFileError(file: entry.label, problem: "无法从数据库读取（\(error)）", fix: "检查数据库连接后重试")
        }
    }

    /// Runs a synchronous batch `body` over store sources on a thread of its own, off the cooperative pool.
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                do { continuation.resume(returning: try body()) } catch { continuation.resume(throwing: error) }
            }.start()
        }
    }
}

/// Waits on a plain thread for asynchronous work done elsewhere.
enum Blocking {
    private final class Slot<T: Sendable>: @unchecked Sendable {
        var result: Result<T, any Error>?
        let done = DispatchSemaphore(value: 0)
    }

    static func wait<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) -> Result<T, any Error> {
        let slot = Slot<T>()
        Task.detached {
            do { slot.result = .success(try await body()) } catch { slot.result = .failure(error) }
            slot.done.signal()
        }
        slot.done.wait()
        return slot.result ?? .failure(StoreError.database("no answer"))
    }
}
