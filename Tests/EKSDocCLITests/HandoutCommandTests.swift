import EKSDocTestSupport
import Foundation
import XCTest

/// `eksdoc handout`: the HTML file, the PDF through weasyprint (installed by `make deps`), determinism, and the
/// message when weasyprint is missing.
final class HandoutCommandTests: XCTestCase {
    func testHTMLHandoutIsWrittenDeterministicallyAndFiltersByEnvironment() throws {
        let dir = try TestSupport.temporaryDirectory()
        let first = dir.appendingPathComponent("a.html"), second = dir.appendingPathComponent("b.html")
        for out in [first, second] {
            let result = try TestSupport.eksdoc(["handout", TestSupport.content.path, "--out", out.path])
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        let html = try String(contentsOf: first, encoding: .utf8)
        XCTAssertEqual(try Data(contentsOf: first), try Data(contentsOf: second), "two runs give the same bytes")
        XCTAssertTrue(html.contains("id=\"leadertools-qas--network\"") && html.contains("id=\"retail-store--network\""))
        XCTAssertTrue(html.contains("<svg class=\"diagram-svg\""))
        XCTAssertFalse(html.contains("<script"))

        let single = dir.appendingPathComponent("retail.html")
        let result = try TestSupport.eksdoc(["handout", TestSupport.content.path, "--env", "retail-store", "--out", single.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let retail = try String(contentsOf: single, encoding: .utf8)
        XCTAssertTrue(retail.contains("id=\"retail-store--network\""))
        XCTAssertFalse(retail.contains("id=\"leadertools-qas--"))

        let unknown = try TestSupport.eksdoc(["handout", TestSupport.content.path, "--env", "nope", "--out", single.path])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("no environment 'nope'"), unknown.stderr)
        XCTAssertEqual(try String(contentsOf: single, encoding: .utf8), retail, "a failure leaves the old file")
    }

    func testBadInputExitsTwoAndKeepsTheOldFile() throws {
        let root = try TestSupport.makeTree(["vars.tfvars": "broken = \"unterminated\n"])
        let out = try TestSupport.temporaryDirectory().appendingPathComponent("handout.html")
        try Data("old".utf8).write(to: out)
        let result = try TestSupport.eksdoc(["handout", root.path, "--out", out.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains(": error: "), result.stderr)
        XCTAssertEqual(try String(contentsOf: out, encoding: .utf8), "old")
    }

    func testMissingWeasyprintExitsTwoWithInstallHint() throws {
        let out = try TestSupport.temporaryDirectory().appendingPathComponent("handout.pdf")
        try Data("old".utf8).write(to: out)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = "/nonexistent-eksdoc-bin"
        let result = try TestSupport.run(TestSupport.eksdocBinary, ["handout", TestSupport.content.path, "--pdf", "--out", out.path],
                                         environment: environment)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains(
            "weasyprint is not installed: install it with `apt-get install weasyprint` (Debian/Ubuntu) or `pip install weasyprint`"),
            result.stderr)
        XCTAssertEqual(try String(contentsOf: out, encoding: .utf8), "old")
    }

    func testPDFOfExampleContent() throws {
        try requireTools()
        let out = try TestSupport.temporaryDirectory().appendingPathComponent("handout.pdf")
        let started = Date()
        let result = try TestSupport.eksdoc(["handout", TestSupport.content.path, "--pdf", "--out", out.path], timeout: 900)
        let seconds = Date().timeIntervalSince(started)
        XCTAssertEqual(result.status, 0, result.stderr)
        let size = (try FileManager.default.attributesOfItem(atPath: out.path)[.size] as? Int) ?? 0

        let text = try TestSupport.shell(["pdftotext", "-layout", out.path, "-"]).stdout
        for expected in ["eksdoc examples", "leadertools-qas", "retail-store", "Contents", "Network — leadertools-qas",
                         "Routing — retail-store", "Questions and answers", "Glossary", "Subnets by tier"] {
            XCTAssertTrue(text.contains(expected), "pdftotext lacks \(expected)")
        }
        let contents = try XCTUnwrap(text.range(of: "Contents"))
        XCTAssertTrue(text[contents.upperBound...].prefix(4000).contains("Security groups — retail-store"), "TOC entries")

        let info = try TestSupport.shell(["pdfinfo", out.path]).stdout
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
        print("handout.pdf: \(pages) pages, \(size) bytes, \(String(format: "%.1f", seconds)) s")
        XCTAssertGreaterThan(pages, 10)
    }

    /// The same content gives the same PDF bytes (weasyprint runs with SOURCE_DATE_EPOCH=0); a small project keeps
    /// this quick.
    func testPDFIsByteStable() throws {
        try requireTools()
        let root = try TestSupport.makeTree([
            "demo/net/vpcs.json": #"{"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.9.0.0/16"}]}"#,
        ])
        let dir = try TestSupport.temporaryDirectory()
        var pdfs: [Data] = []
        for name in ["a.pdf", "b.pdf"] {
            let out = dir.appendingPathComponent(name)
            let result = try TestSupport.eksdoc(["handout", root.appendingPathComponent("demo").path, "--pdf", "--out", out.path],
                                                timeout: 600)
            XCTAssertEqual(result.status, 0, result.stderr)
            pdfs.append(try Data(contentsOf: out))
        }
        XCTAssertGreaterThan(pdfs[0].count, 1000)
        XCTAssertEqual(pdfs[0], pdfs[1])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), ["a.pdf", "b.pdf"],
                       "no temporary files left behind")
    }

    /// weasyprint, pdftotext and pdfinfo come with `make deps`; a missing one fails the test rather than skipping it.
    func requireTools() throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for tool in ["weasyprint", "pdftotext", "pdfinfo"] {
            let found = path.split(separator: ":").contains {
                FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)")
            }
            if !found { throw MissingTool(description: "\(tool) is not installed: run make deps") }
        }
    }
}

/// A tool the PDF tests need is missing; thrown so the test fails with the hint.
struct MissingTool: Error, CustomStringConvertible {
    var description: String
}
