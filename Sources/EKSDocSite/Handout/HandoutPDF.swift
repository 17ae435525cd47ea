import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Renders the handout to PDF with weasyprint, run as a subprocess, and writes output files atomically.
public enum HandoutPDF {
    /// What to tell the user when weasyprint is not on the PATH.
    public static let notInstalledMessage =
        "weasyprint is not installed: install it with `apt-get install weasyprint` (Debian/Ubuntu) or `pip install weasyprint`"

    /// Why a PDF could not be made.
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case notInstalled
        case timedOut(seconds: Int)
        case failed(status: Int32, stderr: String)
        case io(String)

        public var description: String {
            switch self {
            case .notInstalled: return HandoutPDF.notInstalledMessage
            case .timedOut(let seconds): return "weasyprint did not finish within \(seconds) seconds"
            case .failed(let status, let stderr):
                return "weasyprint failed (exit \(status))" + (stderr.isEmpty ? "" : ":\n" + stderr)
            case .io(let message): return message
            }
        }
    }

    /// The `weasyprint` executable on `PATH`, or nil.
    public static func weasyprint(path: String?) -> URL? {
        for folder in (path ?? "").split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("weasyprint")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Renders `html` to a PDF at `output`, replacing it only when weasyprint succeeds. `SOURCE_DATE_EPOCH=0` is
    /// set for weasyprint so the PDF's dates, and with them its bytes, do not depend on the time of the run.
    public static func render(html: String, to output: URL, timeout: TimeInterval = 300,
                              environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let executable = weasyprint(path: environment["PATH"]) else { throw Failure.notInstalled }
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("eksdoc-handout-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: work) }
        do {
            try fm.createDirectory(at: work, withIntermediateDirectories: true)
            try Data(html.utf8).write(to: work.appendingPathComponent("handout.html"))
        } catch {
            throw Failure.io("cannot write a temporary file: \(error.localizedDescription)")
        }
        let staged = temporarySibling(of: output)
        defer { try? fm.removeItem(at: staged) }
        var env = environment
        env["SOURCE_DATE_EPOCH"] = "0"
        try run(executable, [work.appendingPathComponent("handout.html").path, staged.path], environment: env, timeout: timeout)
        try moveIntoPlace(staged, output)
    }

    /// Writes `data` to a temporary file beside `url`, then renames it over `url`: readers see the old file or
    /// the new one, never a partial one, and a failure leaves the old file.
    public static func writeAtomically(_ data: Data, to url: URL) throws {
        let staged = temporarySibling(of: url)
        defer { try? FileManager.default.removeItem(at: staged) }
        do {
            try data.write(to: staged)
        } catch {
            throw Failure.io("cannot write \(url.path): \(error.localizedDescription)")
        }
        try moveIntoPlace(staged, url)
    }

    static func temporarySibling(of url: URL) -> URL {
        url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
    }

    static func moveIntoPlace(_ staged: URL, _ url: URL) throws {
        guard rename(staged.path, url.path) == 0 else {
            throw Failure.io("cannot write \(url.path): \(String(cString: strerror(errno)))")
        }
    }

    /// Runs weasyprint, collecting its error output, and stops it after `timeout` seconds.
    static func run(_ executable: URL, _ arguments: [String], environment: [String: String], timeout: TimeInterval) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        let collected = Collected()
        let reading = DispatchGroup()
        reading.enter()
        DispatchQueue.global().async {
            collected.set(errors.fileHandleForReading.readDataToEndOfFile())
            reading.leave()
        }
        do {
            try process.run()
        } catch {
            try? errors.fileHandleForWriting.close()
            reading.wait()
            throw Failure.io("cannot run \(executable.path): \(error.localizedDescription)")
        }
        try? errors.fileHandleForWriting.close()
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            _ = exited.wait(timeout: .now() + 5)
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            throw Failure.timedOut(seconds: Int(timeout))
        }
        process.waitUntilExit()
        reading.wait()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let stderr = String(decoding: collected.get(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure.failed(status: process.terminationStatus, stderr: stderr)
        }
    }

    /// Bytes handed from the reading thread to the caller.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
        func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
    }
}
