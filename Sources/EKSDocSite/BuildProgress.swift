import Foundation

/// A one-line progress report on standard error for builds that take more than a second. Silent when standard
/// error is not a terminal or when `CI=true`, so logs and pipes stay clean.
public final class BuildProgress: @unchecked Sendable {
    private let enabled: Bool
    private let start = Date()
    private let delay: TimeInterval
    private let write: @Sendable (String) -> Void
    private let lock = NSLock()
    private var shown = false

    /// Progress that never prints.
    public static var silent: BuildProgress { BuildProgress(enabled: false) }

    /// Progress on this process's standard error, when it is a terminal and `CI` is not `true`.
    public static var terminal: BuildProgress {
        let ci = ProcessInfo.processInfo.environment["CI"]?.lowercased() == "true"
        return BuildProgress(enabled: isatty(STDERR_FILENO) == 1 && !ci)
    }

    /// - Parameters:
    ///   - enabled: false prints nothing.
    ///   - delay: nothing is printed before this many seconds have passed.
    ///   - write: where lines go (standard error by default).
    public init(enabled: Bool, delay: TimeInterval = 1,
                write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.enabled = enabled; self.delay = delay; self.write = write
    }

    /// Shows `eksdoc: <step>` on one line (overwriting the previous report) once the build is past the delay.
    public func report(_ step: String) {
        guard enabled, Date().timeIntervalSince(start) >= delay else { return }
        lock.withLock {
            shown = true
            write("\r\u{1B}[2Keksdoc: \(step)")
        }
    }

    /// Clears the progress line, if one was shown.
    public func finish() {
        lock.withLock {
            if shown { write("\r\u{1B}[2K") }
            shown = false
        }
    }
}
