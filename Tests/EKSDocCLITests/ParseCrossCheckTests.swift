import EKSDocTestSupport
import Foundation
import XCTest

/// `eksdoc parse` agrees with python-hcl2 on the literal values of every .tf/.tfvars file of the test corpus
/// and of the example content.
final class ParseCrossCheckTests: XCTestCase {
    func corpus() throws -> [URL] {
        var files: [URL] = []
        for folder in [TestSupport.fixture("hcl"), TestSupport.content] {
            let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
            while let url = enumerator?.nextObject() as? URL {
                if ["tf", "tfvars"].contains(url.pathExtension) { files.append(url) }
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    func testEksdocParseAgreesWithPythonHCL2() throws {
        let files = try corpus()
        XCTAssertGreaterThanOrEqual(files.count, 16)
        let script = TestSupport.fixture("hcl/crosscheck.py").path
        let temporary = try TestSupport.temporaryDirectory("parse-crosscheck")
        var compared = 0
        for (index, file) in files.enumerated() {
            let parse = try TestSupport.eksdoc(["parse", file.path])
            XCTAssertEqual(parse.status, 0, "\(file.path): \(parse.stderr)")
            let json = temporary.appendingPathComponent("\(index).json")
            try parse.stdoutData.write(to: json)
            let check = try TestSupport.shell(["python3", script, file.path, json.path])
            XCTAssertEqual(check.status, 0, "\(file.path):\n\(check.stdout)\(check.stderr)\nRun `make deps` if python-hcl2 is missing.")
            let summary = check.stdout.split(separator: "\n").last { $0.hasPrefix("compared=") } ?? ""
            compared += summary.split(separator: " ").compactMap { field -> Int? in
                let parts = field.split(separator: "=")
                return parts.count == 2 && parts[0] == "compared" ? Int(parts[1]) : nil
            }.reduce(0, +)
        }
        XCTAssertGreaterThan(compared, 300, "literal values compared across the corpus")
    }
}
