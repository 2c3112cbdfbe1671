import Foundation

/// Runs work on every core.
public enum Parallel {
    /// `transform(0) … transform(count - 1)` on every core; the results in order.
    public static func map<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(transform) }
        let slots = Slots<T>(count: count)
        // One iteration per item: Dispatch hands the next item to whichever core is free, so a few slow forms
        // do not leave the other core idle at the end of a chunk.
        DispatchQueue.concurrentPerform(iterations: count) { index in slots.set(index, transform(index)) }
        return slots.values
    }

    /// Result slots written by worker threads, each slot by exactly one thread, read after they all finished.
    private final class Slots<T>: @unchecked Sendable {
        private let buffer: UnsafeMutableBufferPointer<T?>

        init(count: Int) {
            buffer = .allocate(capacity: count)
            buffer.initialize(repeating: nil)
        }

        deinit {
            buffer.deinitialize()
            buffer.deallocate()
        }

        func set(_ index: Int, _ value: T) { buffer[index] = value }

        /// Every slot is set once `concurrentPerform` has returned.
        var values: [T] { buffer.compactMap { $0 } }
    }
}
