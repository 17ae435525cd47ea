import EKSDocModel
import Foundation
import XCTest
@testable import EKSDocIngest

/// Helpers for the AWS CLI and Terraform state reader tests.
enum AWSReaderTestSupport {
    /// The package root: the nearest folder above this file that holds `Package.swift`.
    static var packageRoot: URL {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        fatalError("no Package.swift above \(#filePath)")
    }

    /// `<root>/Tests/Fixtures/<path>`.
    static func fixture(_ path: String) -> URL {
        packageRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(path)
    }

    /// Every regular file directly inside a fixture folder, sorted by name.
    static func fixtureFiles(_ folder: String) throws -> [URL] {
        let url = fixture(folder)
        return try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
            .filter { !$0.hasDirectoryPath && !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Parses JSON text; a parse failure fails the test.
    static func parse(_ json: String, file: String = "snap.json",
                      sourceFile: StaticString = #filePath, line: UInt = #line) -> Node? {
        let parsed = JSONParser.parse(json, file: file)
        XCTAssertNotNil(parsed.node, "JSON did not parse: \(parsed.diagnostics.sorted)", file: sourceFile, line: line)
        return parsed.node
    }

    /// Reads each `(file name, JSON)` with the reader that recognises it (the AWS CLI readers, then the
    /// Terraform state reader), all into one environment.
    static func read(_ files: [(String, String)],
                     sourceFile: StaticString = #filePath, line: UInt = #line) -> (env: Environment, diagnostics: Diagnostics) {
        var env = Environment(name: "test")
        var diagnostics = Diagnostics()
        for (name, json) in files {
            guard let document = parse(json, file: name, sourceFile: sourceFile, line: line) else { continue }
            if let reader = AWSSnapshotReaders.reader(for: document) {
                reader.read(document, into: &env, diagnostics: &diagnostics)
            } else if TerraformStateReader.recognizes(document) {
                TerraformStateReader.read(document, into: &env, diagnostics: &diagnostics)
            } else if AWSSnapshotReaders.recognizesUnknownAWSShape(document) {
                diagnostics.warning("unknown AWS CLI output shape, skipped", at: document.location)
            } else {
                XCTFail("no reader recognises \(name)", file: sourceFile, line: line)
            }
        }
        return (env, diagnostics)
    }

    /// Reads one JSON document.
    static func read(_ json: String, file: String = "snap.json",
                     sourceFile: StaticString = #filePath, line: UInt = #line) -> (env: Environment, diagnostics: Diagnostics) {
        read([(file, json)], sourceFile: sourceFile, line: line)
    }

    /// Reads every file of a fixture folder.
    static func readFixtures(_ folder: String) throws -> (env: Environment, diagnostics: Diagnostics) {
        let files = try fixtureFiles(folder).map { url in
            ("\(folder)/\(url.lastPathComponent)", try String(contentsOf: url, encoding: .utf8))
        }
        return read(files)
    }

    /// Diagnostics as `file:line:col: severity: message` lines, sorted.
    static func lines(_ diagnostics: Diagnostics) -> [String] { diagnostics.sorted.map(\.description) }

    /// The environment encoded as JSON text (to check that something never reaches the model).
    static func dump(_ env: Environment) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(env), as: UTF8.self)
    }
}
