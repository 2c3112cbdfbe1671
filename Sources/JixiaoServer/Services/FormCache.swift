import JixiaoCore
import Synchronization

/// Parsed form bodies by id and version, so the live recomputation does not re-read a stored form file on
/// every keystroke. A version is immutable, so an entry is never stale: a newer version is simply a miss.
/// Bounded: the oldest entries go first.
final class FormCache: Sendable {
    private struct State {
        var entries: [Int64: (version: Int, form: Form)] = [:]
        var order: [Int64] = []
    }

    private let state = Mutex(State())
    let capacity: Int

    init(capacity: Int = 2_000) { self.capacity = capacity }

    func form(_ id: Int64, version: Int) -> Form? {
        state.withLock { state in
            guard let entry = state.entries[id], entry.version == version else { return nil }
            return entry.form
        }
    }

    func insert(_ stored: StoredForm) {
        state.withLock { state in
            if state.entries.updateValue((stored.record.version, stored.form), forKey: stored.record.id) == nil {
                state.order.append(stored.record.id)
            }
            if state.order.count > capacity {
                let evicted = state.order.prefix(state.order.count - capacity)
                for id in evicted { state.entries[id] = nil }
                state.order.removeFirst(evicted.count)
            }
        }
    }
}
