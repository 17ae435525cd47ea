import Foundation

/// Work spread over every core with results in input order: how a build reads files, analyses environments and
/// renders pages in parallel while its output stays the same as a one-thread run.
public enum Parallel {
    /// `transform` applied to each item on all cores; the results in the items' order.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let results = Slots<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.set(index, transform(items[index]))
        }
        return results.values
    }

    /// A thread-safe counter, for progress reports.
    public final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()

        public init() {}

        /// Adds one and returns the new count.
        public func increment() -> Int { lock.withLock { value += 1; return value } }
    }

    /// Lock-protected result slots, one per item, each written once by one worker.
    private final class Slots<R: Sendable>: @unchecked Sendable {
        private var slots: [R?]
        private let lock = NSLock()

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: R) { lock.withLock { slots[index] = value } }

        var values: [R] { lock.withLock { slots.map { $0! } } }
    }
}
