import EKSDocModel
import XCTest

final class DiagnosticTests: XCTestCase {
    func testCompilerStyleDescription() {
        let d = Diagnostic.error("unterminated string", at: SourceLocation(file: "qas/variables.tfvars", line: 3, column: 17))
        XCTAssertEqual(d.description, "qas/variables.tfvars:3:17: error: unterminated string")
        let w = Diagnostic.warning("skipped", at: SourceLocation(file: "a.json"))
        XCTAssertEqual(w.description, "a.json: warning: skipped")
    }

    func testSortedByLocationAndDeduplicated() {
        let a = Diagnostic.error("x", at: SourceLocation(file: "b", line: 1, column: 1))
        let b = Diagnostic.warning("y", at: SourceLocation(file: "a", line: 9, column: 1))
        let c = Diagnostic.error("z", at: SourceLocation(file: "a", line: 2, column: 5))
        var all = Diagnostics([a, b, c, a])
        XCTAssertEqual(all.sorted, [c, b, a])
        XCTAssertTrue(all.hasErrors)
        all = Diagnostics([b])
        XCTAssertFalse(all.hasErrors)
    }

    func testSourceLocationCodableKeepsColonsInPaths() throws {
        let location = SourceLocation(file: "dir:odd/file.json", line: 12, column: 4)
        let data = try JSONEncoder().encode([location])
        XCTAssertEqual(try JSONDecoder().decode([SourceLocation].self, from: data), [location])
    }
}
