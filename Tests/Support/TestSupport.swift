import Foundation

/// Paths and process helpers shared by the test targets.
public enum TestSupport {
    /// The package root: the nearest folder above this file that holds Package.swift.
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url = url.deletingLastPathComponent()
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// `../shared` beside the repository (seeds, fixtures, reference).
    public static var shared: URL { packageRoot.deletingLastPathComponent().appendingPathComponent("shared") }

    public static var content: URL { packageRoot.appendingPathComponent("content") }

    public static func fixture(_ relative: String) -> URL {
        packageRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(relative)
    }

    /// The built `eksdoc` executable (debug build, as `make test` builds it).
    public static var eksdocBinary: URL {
        let debug = packageRoot.appendingPathComponent(".build/debug/eksdoc")
        return debug
    }

    /// A new empty temporary folder.
    public static func temporaryDirectory(_ name: String = "eksdoc-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes files (relative path -> text) under a new temporary folder and returns it.
    public static func makeTree(_ files: [String: String]) throws -> URL {
        let root = try temporaryDirectory()
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    /// The result of running a process.
    public struct ProcessResult {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public var stdoutData: Data
    }

    /// Runs an executable with arguments, capturing its output, with a time limit.
    public static func run(_ executable: URL, _ arguments: [String], currentDirectory: URL? = nil,
                           environment: [String: String]? = nil, timeout: TimeInterval = 120) throws -> ProcessResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes concurrently so a chatty process cannot block on a full pipe.
        let outBox = DataBox(), errBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { outBox.data = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errBox.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        group.wait()
        return ProcessResult(status: process.terminationStatus, stdout: String(decoding: outBox.data, as: UTF8.self),
                             stderr: String(decoding: errBox.data, as: UTF8.self), stdoutData: outBox.data)
    }

    /// Runs the `eksdoc` binary.
    public static func eksdoc(_ arguments: [String], currentDirectory: URL? = nil, timeout: TimeInterval = 120,
                              environment extra: [String: String] = [:]) throws -> ProcessResult {
        let environment = extra.isEmpty ? nil : ProcessInfo.processInfo.environment.merging(extra) { $1 }
        return try run(eksdocBinary, arguments, currentDirectory: currentDirectory, environment: environment, timeout: timeout)
    }

    /// Runs a command through `/usr/bin/env`.
    public static func shell(_ arguments: [String], currentDirectory: URL? = nil, timeout: TimeInterval = 300) throws -> ProcessResult {
        try run(URL(fileURLWithPath: "/usr/bin/env"), arguments, currentDirectory: currentDirectory, timeout: timeout)
    }
}

/// Bytes written by one thread and read by another after a `DispatchGroup` wait.
final class DataBox: @unchecked Sendable {
    var data = Data()
}
