import Foundation

/// Runs the `aws` CLI as a subprocess with a time limit and captures its output.
public struct AWSCLI: Sendable {
    /// The `aws` executable.
    public var executable: URL
    /// The environment the CLI runs with (`AWS_PAGER` is always emptied so it never waits for a pager).
    public var environment: [String: String]
    /// Arguments put before every call: `--output json --region R`, plus `--profile` / `--endpoint-url`.
    public var globalArguments: [String]
    /// Seconds one invocation may take before it is stopped.
    public var timeout: Double

    /// One finished (or stopped) invocation.
    public struct Result: Sendable {
        /// The exit status (the signal number when the process was stopped).
        public var status: Int32
        /// The answer, as printed.
        public var stdout: [UInt8]
        /// The error output.
        public var stderr: String
        /// How long the invocation took.
        public var seconds: Double
        /// True when the invocation was stopped after `timeout` seconds.
        public var timedOut: Bool
    }

    public init(executable: URL, environment: [String: String], region: String, profile: String? = nil,
                endpointURL: String? = nil, timeout: Double = 60) {
        self.executable = executable
        var environment = environment
        environment["AWS_PAGER"] = ""
        self.environment = environment
        var global = ["--output", "json", "--region", region]
        if let profile { global += ["--profile", profile] }
        if let endpointURL { global += ["--endpoint-url", endpointURL] }
        self.globalArguments = global
        self.timeout = timeout
    }

    /// The first executable file named `name` in the `PATH` of `environment`, nil when there is none.
    public static func locate(_ name: String = "aws", environment: [String: String]) -> URL? {
        let fm = FileManager.default
        for folder in (environment["PATH"] ?? "").split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               fm.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        return nil
    }

    /// How to install the CLI, for the message shown when it is missing.
    public static let installHint = """
        the AWS CLI (`aws`) was not found on PATH; install it with `pip install awscli` \
        (or see https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html) and run again
        """

    /// Runs `aws <global arguments> <arguments>`. A run longer than `timeout` is stopped (SIGTERM, then
    /// SIGKILL after a second) and reported with `timedOut`. Throws only when the process cannot start.
    public func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = globalArguments + arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let started = Date()
        try process.run()
        let outBox = ByteBox(), errBox = ByteBox()
        let reads = DispatchGroup()
        for (pipe, box) in [(out, outBox), (err, errBox)] {
            reads.enter()
            DispatchQueue.global().async {
                box.set(Array(pipe.fileHandleForReading.readDataToEndOfFile()))
                reads.leave()
            }
        }
        let exited = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            process.waitUntilExit()
            exited.signal()
        }
        var timedOut = false
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            process.terminate()
            if exited.wait(timeout: .now() + 1) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                exited.wait()
            }
        }
        // A stopped CLI may leave children holding the pipes open: do not wait for them for long.
        _ = reads.wait(timeout: .now() + (timedOut ? 1 : 10))
        return Result(status: process.terminationStatus, stdout: outBox.get(),
                      stderr: String(decoding: errBox.get(), as: UTF8.self),
                      seconds: Date().timeIntervalSince(started), timedOut: timedOut)
    }
}

/// Bytes filled in by a reading thread and taken by the caller; guarded by a lock.
final class ByteBox: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: [UInt8] = []

    func set(_ value: [UInt8]) {
        lock.lock()
        bytes = value
        lock.unlock()
    }

    func get() -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        return bytes
    }
}
