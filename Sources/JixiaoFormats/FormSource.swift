import Foundation
import JixiaoCore

/// Where a batch's forms come from: the form files under the paths a user names, forms already in memory, or
/// (for `--db`) a store. Inputs are read by position, on any thread, as often as asked: a batch command reads
/// each once, and again only the few its cross-form comparisons need whole.
public protocol FormSource: Sendable {
    /// How many inputs there are (a file that turns out not to be a form is still an input).
    var count: Int { get }
    /// The label findings, errors and reports carry: the file as the user named it.
    func label(at position: Int) -> String
    /// The form at `position`, or why it cannot be read.
    func form(at position: Int) throws(FormFileError) -> Form
}

/// The form files under the paths a user names: files as given, folders searched recursively and sorted, so
/// output is stable.
public struct FormFiles: FormSource {
    public let files: [String]
    /// Paths that do not exist: reported beside the forms' own errors.
    public let errors: [FormFileError]
    /// Whether forms keep the line of each field (`Form.lines`): false for a command that locates nothing.
    public let recordsLines: Bool

    public init(_ paths: [String], recordsLines: Bool = true) {
        (files, errors) = FormLocator.files(in: paths)
        self.recordsLines = recordsLines
    }

    public var count: Int { files.count }

    public func label(at position: Int) -> String { files[position] }

    public func form(at position: Int) throws(FormFileError) -> Form {
        let file = files[position]
        do {
            return try FormFileReader.read(try FormLocator.readLimited(file), file: file, recordsLines: recordsLines)
        } catch let error as FormFileError {
            throw error
        } catch {
            let reason = FileReadProblem.describe(file)
            throw FormFileError(file: file, problem: reason.problem, fix: reason.fix)
        }
    }
}

/// Forms already read (the server's, a test's), in order.
public struct LoadedForms: FormSource {
    public let forms: [LoadedForm]

    public init(_ forms: [LoadedForm]) { self.forms = forms }

    public var count: Int { forms.count }
    public func label(at position: Int) -> String { forms[position].file }
    public func form(at position: Int) throws(FormFileError) -> Form { forms[position].form }
}

/// How every batch command reads a form source: each input read on every core, a chunk at a time, and
/// handed on in source order, so memory holds one chunk of forms whatever the batch's size. Iterate it:
/// `for item in FormPipeline(source, prepare: { form, index, position in … }) { … }`.
public struct FormPipeline<Prepared: Sendable>: Sequence, Sendable {
    /// Inputs read at once: enough to keep both cores busy, few enough to stay small.
    public static var chunkSize: Int { 256 }

    /// One input, read: its position in the source and, when it is a form, its form index (its position
    /// among the inputs that are forms) and what `prepare` made of it.
    public enum Item: Sendable {
        case form(position: Int, index: Int, Prepared)
        case unreadable(position: Int, FormFileError)
    }

    let source: any FormSource
    let positions: [Int]
    let prepare: @Sendable (_ form: Form, _ index: Int, _ position: Int) -> Prepared

    /// Reads `positions` of `source` (all of them by default), each form turned into `Prepared` on a worker
    /// thread by `prepare`, which gets the form, its form index and its source position.
    public init(
        _ source: some FormSource, positions: [Int]? = nil,
        prepare: @escaping @Sendable (_ form: Form, _ index: Int, _ position: Int) -> Prepared
    ) {
        self.source = source
        self.positions = positions ?? Array(0..<source.count)
        self.prepare = prepare
    }

    public func makeIterator() -> Iterator { Iterator(pipeline: self) }

    public struct Iterator: IteratorProtocol {
        let pipeline: FormPipeline
        private var items: [Item] = []
        private var taken = 0
        /// The next chunk, read in the background while this one is handed out: the consumer's work (writing
        /// the report) overlaps the reading instead of leaving the cores idle.
        private var ahead: Chunk?

        init(pipeline: FormPipeline) {
            self.pipeline = pipeline
            ahead = pipeline.positions.isEmpty ? nil : Chunk(pipeline, from: 0, firstIndex: 0)
        }

        public mutating func next() -> Item? {
            if taken == items.count {
                guard let chunk = ahead else { return nil }
                let read = chunk.result()
                items = read.items
                taken = 0
                ahead =
                    read.end < pipeline.positions.count
                    ? Chunk(pipeline, from: read.end, firstIndex: read.nextIndex) : nil
                guard !items.isEmpty else { return nil }
            }
            defer { taken += 1 }
            return items[taken]
        }
    }

    /// One chunk of inputs, read on a background thread: parsed on every core, numbered, then prepared on every
    /// core.
    final class Chunk: @unchecked Sendable {
        typealias Read = (items: [Item], end: Int, nextIndex: Int)
        private let done = DispatchSemaphore(value: 0)
        /// Written once by the background thread before it signals `done`; read after waiting for it.
        private var read: Read = ([], 0, 0)

        init(_ pipeline: FormPipeline, from start: Int, firstIndex: Int) {
            // A thread of its own, not a Dispatch worker: `Parallel.map` called from a worker of the global queue
            // got no second worker for about a second on Linux (measured: one core busy for the first 0.9 s of
            // `jixiao score` over 10 000 forms).
            let thread = Thread {
                self.read = Chunk.read(pipeline, from: start, firstIndex: firstIndex)
                self.done.signal()
            }
            thread.start()
        }

        /// Waits for the chunk (once).
        func result() -> Read {
            done.wait()
            return read
        }

        private static func read(_ pipeline: FormPipeline, from start: Int, firstIndex: Int) -> Read {
            let end = Swift.min(start + FormPipeline.chunkSize, pipeline.positions.count)
            let chunk = Array(pipeline.positions[start..<end])
            let source = pipeline.source
            let read = Parallel.map(chunk.count) { offset in
                Result { () throws(FormFileError) in try source.form(at: chunk[offset]) }
            }
            var nextIndex = firstIndex
            let indices = read.map { result -> Int? in
                guard case .success = result else { return nil }
                defer { nextIndex += 1 }
                return nextIndex
            }
            let prepare = pipeline.prepare
            let items = Parallel.map(chunk.count) { offset -> Item in
                switch read[offset] {
                case .failure(let error): return .unreadable(position: chunk[offset], error)
                case .success(let form):
                    let index = indices[offset] ?? 0
                    return .form(position: chunk[offset], index: index, prepare(form, index, chunk[offset]))
                }
            }
            return (items, end, nextIndex)
        }
    }
}
