import Foundation

/// Wall-clock time per build step on standard error when `EKSDOC_TIMINGS=1`: how docs/performance.md finds where a
/// build spends its time without a profiler. Off by default; never part of any output file.
public enum StepTimings {
    /// Whether timings are printed (read once from the environment).
    public static let enabled = ProcessInfo.processInfo.environment["EKSDOC_TIMINGS"] == "1"

    /// Runs `body` and, when enabled, prints `eksdoc: timing: <step> <ms> ms`.
    @discardableResult
    public static func measure<T>(_ step: String, _ body: () throws -> T) rethrows -> T {
        guard enabled else { return try body() }
        let start = ContinuousClock.now
        defer {
            let elapsed = ContinuousClock.now - start
            let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            FileHandle.standardError.write(Data("eksdoc: timing: \(step) \(String(format: "%.1f", ms)) ms\n".utf8))
        }
        return try body()
    }
}
