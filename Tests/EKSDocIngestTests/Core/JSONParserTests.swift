@testable import EKSDocIngest
import EKSDocModel
import XCTest

final class JSONParserTests: XCTestCase {
    func testLocationsOfNestedValues() throws {
        let text = """
        {
          "Vpcs": [
            {"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16"}
          ]
        }
        """
        let (node, diagnostics) = JSONParser.parse(text, file: "a.json")
        XCTAssertTrue(diagnostics.items.isEmpty)
        let vpc = try XCTUnwrap(node?["Vpcs"]?.items.first)
        XCTAssertEqual(vpc.location, SourceLocation(file: "a.json", line: 3, column: 5))
        XCTAssertEqual(vpc["CidrBlock"]?.location, SourceLocation(file: "a.json", line: 3, column: 37))
        XCTAssertEqual(vpc["VpcId"]?.text, "vpc-1")
    }

    func testScalarsEscapesAndNumbers() throws {
        let (node, _) = JSONParser.parse(#"{"a": [true, false, null, -1.5e3, 0, "x\u00e9\n\"", "\ud83d\ude00"]}"#, file: "b.json")
        let items = try XCTUnwrap(node?["a"]?.items)
        XCTAssertEqual(items.map(\.kindName), ["a boolean", "a boolean", "null", "a number", "a number", "a string", "a string"])
        XCTAssertEqual(items[3].text, "-1.5e3")
        XCTAssertEqual(items[5].text, "xé\n\"")
        XCTAssertEqual(items[6].text, "😀")
    }

    func testColumnsCountCharactersNotBytes() throws {
        let (node, _) = JSONParser.parse(#"{"é": "ü", "k": 1}"#, file: "c.json")
        XCTAssertEqual(node?["k"]?.location.column, 17)
    }

    func testErrorsCarryLineAndColumn() {
        let cases: [(String, String, Int, Int)] = [
            ("{\n  \"a\": 1,\n}", "expected a string key", 3, 1),
            ("{\"a\": tru}", "invalid literal, expected 'true'", 1, 10),
            ("[1, 2", "unterminated array", 1, 6),
            ("{\"a\": \"unterminated}", "unterminated string", 1, 21),
            ("{\"a\": 01}", "invalid number: leading zero", 1, 8),
            ("{\"a\": 1.}", "invalid number: digits expected after '.'", 1, 9),
            ("{\"a\": \"\\q\"}", "invalid escape '\\q' in string", 1, 10),
            ("{} extra", "unexpected text after the JSON value", 1, 4),
            ("", "unexpected end of file, expected a JSON value", 1, 1),
        ]
        for (text, message, line, column) in cases {
            let (node, diagnostics) = JSONParser.parse(text, file: "bad.json")
            XCTAssertNil(node, text)
            XCTAssertEqual(diagnostics.items.first?.message, message, text)
            XCTAssertEqual(diagnostics.items.first?.location.line, line, text)
            XCTAssertEqual(diagnostics.items.first?.location.column, column, text)
        }
    }

    func testDuplicateKeysWarnAndLastWins() throws {
        let (node, diagnostics) = JSONParser.parse("{\"a\": 1,\n \"a\": 2}", file: "d.json")
        XCTAssertEqual(node?["a"]?.text, "2")
        XCTAssertEqual(diagnostics.items.map(\.severity), [.warning])
        XCTAssertEqual(diagnostics.items.first?.location.line, 2)
    }

    func testDeepNestingIsAnErrorNotACrash() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let (node, diagnostics) = JSONParser.parse(text, file: "deep.json")
        XCTAssertNil(node)
        XCTAssertEqual(diagnostics.items.first?.message, "nesting deeper than 512 levels")
    }
}
