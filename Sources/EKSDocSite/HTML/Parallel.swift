import Foundation

/// Order-preserving parallel map over all cores, for rendering pages.
enum Parallel {
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let results = Buffer<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.set(index, transform(items[index]))
        }
        return results.values
    }

    /// Lock-protected slots, one per item; each written once by one worker.
    private final class Buffer<R: Sendable>: @unchecked Sendable {
        private var slots: [R?]
        private let lock = NSLock()

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: R) { lock.withLock { slots[index] = value } }

        var values: [R] { lock.withLock { slots.map { $0! } } }
    }

    /// A thread-safe counter for progress.
    final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()

        func increment() -> Int { lock.withLock { value += 1; return value } }
    }
}
