@testable import EKSDocIngest
import EKSDocModel
import XCTest

final class YAMLLoaderTests: XCTestCase {
    func testMultipleDocumentsWithLocationsAndCoreSchema() throws {
        let text = """
        apiVersion: v1
        kind: ConfigMap
        data:
          replicas: 3
          enabled: true
          version: "1.33"
          float: 1.5
          empty: ~
        ---
        ---
        kind: Second
        """
        let (documents, diagnostics) = YAMLLoader.load(text, file: "m.yaml")
        XCTAssertTrue(diagnostics.items.isEmpty)
        XCTAssertEqual(documents.count, 2)
        let data = try XCTUnwrap(documents[0]["data"])
        XCTAssertEqual(data["replicas"]?.kindName, "a number")
        XCTAssertEqual(data["enabled"]?.kindName, "a boolean")
        XCTAssertEqual(data["version"]?.kindName, "a string")
        XCTAssertEqual(data["float"]?.text, "1.5")
        XCTAssertEqual(data["empty"]?.isNull, true)
        XCTAssertEqual(data["version"]?.location, SourceLocation(file: "m.yaml", line: 6, column: 12))
        XCTAssertEqual(documents[1]["kind"]?.text, "Second")
        XCTAssertEqual(documents[1].location.line, 11)
    }

    func testDuplicateKeyWarnsAndLastWins() throws {
        let text = "env:\n  A: one\n  A: two\n"
        let (documents, diagnostics) = YAMLLoader.load(text, file: "dup.yaml")
        XCTAssertEqual(documents.first?["env"]?["A"]?.text, "two")
        XCTAssertEqual(diagnostics.items.count, 1)
        XCTAssertEqual(diagnostics.items.first?.severity, .warning)
        XCTAssertEqual(diagnostics.items.first?.location, SourceLocation(file: "dup.yaml", line: 3, column: 3))
    }

    func testSyntaxErrorHasLocation() {
        let (_, diagnostics) = YAMLLoader.load("a: [1, 2\nb: 3\n", file: "bad.yaml")
        XCTAssertTrue(diagnostics.hasErrors)
        XCTAssertEqual(diagnostics.items.first?.location.file, "bad.yaml")
        XCTAssertGreaterThan(diagnostics.items.first?.location.line ?? 0, 0)
    }

    func testAliasBombEndsInAnError() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 { text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        let start = Date()
        let (_, diagnostics) = YAMLLoader.load(text, file: "bomb.yaml")
        XCTAssertTrue(diagnostics.hasErrors)
        XCTAssertTrue(diagnostics.items.first?.message.contains("alias bomb") ?? false)
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
    }

    func testDeepFlowNestingIsRejectedBeforeParsing() {
        let text = "a: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let (_, diagnostics) = YAMLLoader.load(text, file: "deep.yaml")
        XCTAssertEqual(diagnostics.items.first?.message, "nesting deeper than 500 levels")
    }
}
