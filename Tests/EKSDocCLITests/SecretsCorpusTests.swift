import EKSDocTestSupport
import Foundation
import XCTest

/// Planted secrets (Tests/Fixtures/secrets, written by its generate.py; the strings are listed in planted.txt)
/// built into a site and a PDF handout: no output file holds any of them.
final class SecretsCorpusTests: XCTestCase {
    func testNoPlantedSecretReachesAnyOutput() throws {
        let fixture = TestSupport.fixture("secrets")
        let planted = try String(contentsOf: fixture.appendingPathComponent("planted.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
        XCTAssertGreaterThanOrEqual(planted.count, 15)
        let content = fixture.appendingPathComponent("planted")
        // Each planted string is really in the inputs, so finding none in the outputs means something.
        let inputs = SiteFilesOnDisk.read(content).values.map { String(decoding: $0, as: UTF8.self) }.joined()
        let encodedOnly: Set = ["super-secret-db-pass", "MIIPLANTEDcertificateAUTHORITY"]  // inside base64 data
        for secret in planted where !encodedOnly.contains(secret) {
            XCTAssertTrue(inputs.contains(secret), "\(secret) is planted")
        }

        let out = try TestSupport.temporaryDirectory().appendingPathComponent("site")
        let build = try TestSupport.eksdoc(["build", content.path, "--out", out.path])
        XCTAssertEqual(build.status, 0, build.stderr)
        let pdf = out.appendingPathComponent("handout.pdf")
        let handout = try TestSupport.eksdoc(["handout", content.path, "--pdf", "--out", pdf.path], timeout: 300)
        XCTAssertEqual(handout.status, 0, handout.stderr)
        let text = try TestSupport.shell(["pdftotext", "-layout", pdf.path, "-"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("Planted secrets"), "the PDF text was read")

        var outputs = SiteFilesOnDisk.read(out).filter { $0.key != "handout.pdf" }
            .mapValues { String(decoding: $0, as: UTF8.self) }
        outputs["handout.pdf (text)"] = text.stdout
        // Line breaks in the PDF must not hide a secret: compare without any whitespace as well.
        outputs["handout.pdf (text, no whitespace)"] = text.stdout.filter { !$0.isWhitespace }
        let kinds = Set(outputs.keys.map { ($0 as NSString).pathExtension })
        for kind in ["html", "md", "svg", "json", "js"] { XCTAssertTrue(kinds.contains(kind), "outputs include .\(kind)") }
        for (path, body) in outputs {
            for secret in planted {
                XCTAssertFalse(body.contains(secret), "\(secret) found in \(path)")
                XCTAssertFalse(body.contains(secret.filter { !$0.isWhitespace }) && path.hasSuffix("no whitespace)"), "\(secret) in \(path)")
            }
        }
        // The secrets' keys are still documented, marked withheld.
        let workloads = outputs["md/prod/workloads.md"] ?? ""
        XCTAssertTrue(workloads.contains("DB_PASSWORD"), workloads)
        XCTAssertTrue(outputs.values.contains { $0.contains("withheld") })
    }
}
