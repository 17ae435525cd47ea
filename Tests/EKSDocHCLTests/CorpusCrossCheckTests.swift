import EKSDocHCL
import EKSDocModel
import EKSDocTestSupport
import Foundation
import XCTest

/// Parses every file of Tests/Fixtures/hcl, and compares the literal values of our canonical JSON
/// with python-hcl2 through Tests/Fixtures/hcl/crosscheck.py.
final class CorpusCrossCheckTests: XCTestCase {
    static let packageRoot = TestSupport.packageRoot
    static let fixtures = TestSupport.fixture("hcl")

    func corpusFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: Self.fixtures, includingPropertiesForKeys: nil)
            .filter { ["tf", "tfvars", "hcl"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Runs `python3 arguments...`, returning the exit status and the combined output.
    func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.currentDirectoryURL = Self.packageRoot
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func testCorpusParsesWithoutDiagnostics() throws {
        let files = try corpusFiles()
        XCTAssertGreaterThanOrEqual(files.count, 12, "the corpus should hold at least 12 files")
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let result = HCLParser.parse(text, file: file.lastPathComponent)
            XCTAssertEqual(result.diagnostics.map(\.description), [], file.lastPathComponent)
            XCTAssertFalse(result.body.attributes.isEmpty && result.body.blocks.isEmpty, file.lastPathComponent)
            XCTAssertEqual(HCLCanonicalJSON.render(result.body), HCLCanonicalJSON.render(result.body))
        }
    }

    func testCorpusLiteralsMatchPythonHCL2() throws {
        let probe = try? python(["-c", "import hcl2"])
        guard let probe, probe.status == 0 else {
            XCTFail("python3 with python-hcl2 is required for the HCL cross-check; run `make deps`. "
                    + (probe?.output ?? "python3 could not be started"))
            return
        }
        let script = Self.fixtures.appendingPathComponent("crosscheck.py").path
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("eksdoc-hcl-crosscheck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temporary) }

        var compared = 0
        var skipped = 0
        for file in try corpusFiles() {
            let text = try String(contentsOf: file, encoding: .utf8)
            let body = HCLParser.parse(text, file: file.lastPathComponent).body
            let json = temporary.appendingPathComponent(file.lastPathComponent + ".json")
            try HCLCanonicalJSON.render(body).write(to: json, atomically: true, encoding: .utf8)
            let run = try python([script, file.path, json.path])
            XCTAssertEqual(run.status, 0, "\(file.lastPathComponent):\n\(run.output)")
            if run.output.contains("NOTE ") { print("\(file.lastPathComponent):\n\(run.output)") }
            guard let summary = run.output.split(separator: "\n").last(where: { $0.hasPrefix("compared=") }) else {
                XCTFail("no summary from crosscheck.py for \(file.lastPathComponent):\n\(run.output)")
                continue
            }
            print("\(file.lastPathComponent): \(summary)")
            for field in summary.split(separator: " ") {
                let parts = field.split(separator: "=")
                guard parts.count == 2, let count = Int(parts[1]) else { continue }
                if parts[0] == "compared" { compared += count }
                if parts[0] == "skipped" { skipped += count }
            }
        }
        print("HCL cross-check: compared=\(compared) skipped=\(skipped)")
        XCTAssertGreaterThan(compared, 0, "the cross-check compared no literal values")
    }
}
