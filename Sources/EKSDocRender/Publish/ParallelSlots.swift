import Foundation

/// Lock-protected result slots, one per item, each written once by one worker: how work spread over
/// `DispatchQueue.concurrentPerform` comes back in input order.
public final class ParallelSlots<T: Sendable>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    /// `count` empty slots.
    public init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// Fills slot `index`.
    public func set(_ index: Int, _ value: T) { lock.withLock { slots[index] = value } }

    /// Every slot's value (each must have been set).
    public var values: [T] { lock.withLock { slots.map { $0! } } }
}
