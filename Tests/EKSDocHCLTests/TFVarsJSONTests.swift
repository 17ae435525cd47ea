import EKSDocModel
import XCTest
@testable import EKSDocHCL

final class TFVarsJSONTests: XCTestCase {
    let file = "prod.tfvars.json"

    func jsonLoc(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    func errors(_ text: String) -> [String] {
        TFVarsJSON.parse(text, file: file).diagnostics.map(\.description)
    }

    func testTopLevelKeysBecomeAttributes() {
        let text = """
        {
          "region": "eu-west-1",
          "node_count": 3,
            "ratio": 1.50,
          "big": -2.5e+10,
          "enabled": true,
          "disabled": false,
          "nothing": null,
          "azs": ["a", "b"],
          "groups": {"system": {"min": 1, "labels": {}}, "empty": []}
        }
        """
        let result = TFVarsJSON.parse(text, file: file)
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.body.blocks, [])
        XCTAssertEqual(result.body.attributes.map(\.name),
                       ["region", "node_count", "ratio", "big", "enabled", "disabled", "nothing", "azs", "groups"])
        XCTAssertEqual(result.body.attributes.map(\.value), [
            .string("eu-west-1"), .number("3"), .number("1.50"), .number("-2.5e+10"), .bool(true), .bool(false),
            .null, .list([.string("a"), .string("b")]),
            .object([
                .init("system", .object([.init("min", .number("1")), .init("labels", .object([]))])),
                .init("empty", .list([])),
            ]),
        ])
        let ratio = result.body.attributes[2]
        XCTAssertEqual(ratio.location, jsonLoc(4, 5))
        XCTAssertEqual(ratio.valueLocation, jsonLoc(4, 14))
        XCTAssertEqual(ratio.valueText, "1.50")
        XCTAssertEqual(result.body.attributes[7].valueText, "[\"a\", \"b\"]")
    }

    func testStringsDecodeEscapesAndKeepTemplates() {
        let text = #"{"a": "q\"\\\/\b\f\n\r\t\u00e9\ud83d\ude80", "t": "${var.x}-y", "é": "ü"}"#
        let result = TFVarsJSON.parse(text, file: file)
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.body.attributes.map(\.value),
                       [.string("q\"\\/\u{08}\u{0C}\n\r\t\u{E9}🚀"), .string("${var.x}-y"), .string("ü")])
        XCTAssertEqual(result.body.attributes[2].name, "é")
        XCTAssertEqual(result.body.attributes[2].location, jsonLoc(1, 65))
    }

    func testEmptyObjectAndByteOrderMark() {
        XCTAssertEqual(TFVarsJSON.parse("\u{FEFF} { }\n", file: file).body, HCLBody())
        XCTAssertEqual(errors("\u{FEFF}{}"), [])
    }

    func testTopLevelMustBeAnObject() {
        XCTAssertEqual(errors("[1]"),
                       ["prod.tfvars.json:1:1: error: a .tfvars.json file must contain a JSON object at the top level; found \"[\""])
        XCTAssertEqual(errors("  \n"),
                       ["prod.tfvars.json:2:1: error: a .tfvars.json file must contain a JSON object at the top level; found end of file"])
    }

    func testSyntaxErrorsHaveLineAndColumn() {
        XCTAssertEqual(errors("{\n  \"a\": 1,\n}"),
                       ["prod.tfvars.json:3:1: error: expected a string key in the JSON object; found \"}\""])
        XCTAssertEqual(errors("{\"a\" 1}"), ["prod.tfvars.json:1:6: error: expected \":\" after the object key; found \"1\""])
        XCTAssertEqual(errors("{\"a\": 1 \"b\": 2}"),
                       ["prod.tfvars.json:1:9: error: expected \",\" or \"}\" in the JSON object; found \"\"\""])
        XCTAssertEqual(errors("{\"a\": [1 2]}"), ["prod.tfvars.json:1:10: error: expected \",\" or \"]\" in the JSON array; found \"2\""])
        XCTAssertEqual(errors("{\"a\": tru}"), ["prod.tfvars.json:1:7: error: invalid JSON literal \"tru\"; expected true, false or null"])
        XCTAssertEqual(errors("{\"a\": }"), ["prod.tfvars.json:1:7: error: unexpected \"}\"; expected a JSON value"])
        XCTAssertEqual(errors("{} x"), ["prod.tfvars.json:1:4: error: unexpected \"x\" after the top-level JSON object"])
    }

    func testUnclosedContainers() {
        XCTAssertEqual(errors("{\n \"a\": 1"), ["prod.tfvars.json:1:1: error: unclosed \"{\"; expected \"}\" before the end of the file"])
        XCTAssertEqual(errors("{\"a\": [1,\n2"), ["prod.tfvars.json:1:7: error: unclosed \"[\"; expected \"]\" before the end of the file"])
        XCTAssertEqual(errors("{\"a\": "), ["prod.tfvars.json:1:7: error: unexpected end of file; expected a JSON value"])
    }

    func testBadNumbers() {
        XCTAssertEqual(errors("{\"a\": 01}"), ["prod.tfvars.json:1:7: error: invalid number \"01\""])
        XCTAssertEqual(errors("{\"a\": 1.}"), ["prod.tfvars.json:1:9: error: invalid number: expected a digit after \".\""])
        XCTAssertEqual(errors("{\"a\": -}"), ["prod.tfvars.json:1:8: error: invalid number: expected a digit after \"-\""])
        XCTAssertEqual(errors("{\"a\": 1e}"), ["prod.tfvars.json:1:9: error: invalid number: expected a digit in the exponent"])
        XCTAssertEqual(errors("{\"a\": 0x10}"), ["prod.tfvars.json:1:7: error: invalid number \"0x10\""])
        XCTAssertEqual(errors("{\"a\": .5}"), ["prod.tfvars.json:1:7: error: unexpected \".\"; expected a JSON value"])
    }

    func testBadStrings() {
        XCTAssertEqual(errors("{\"a\": \"abc\n\"}"),
                       ["prod.tfvars.json:1:7: error: unterminated string; expected a closing quote before the end of the line"])
        XCTAssertEqual(errors("{\"a\": \"abc"),
                       ["prod.tfvars.json:1:7: error: unterminated string; expected a closing quote before the end of the file"])
        XCTAssertEqual(errors("{\"a\": \"\\x\"}"), [#"prod.tfvars.json:1:8: error: invalid escape sequence "\x" in JSON string"#])
        XCTAssertEqual(errors("{\"a\": \"\\u12\"}"),
                       [#"prod.tfvars.json:1:8: error: invalid escape sequence "\u": expected 4 hexadecimal digits"#])
        XCTAssertEqual(errors("{\"a\": \"\\ud83d\"}"),
                       ["prod.tfvars.json:1:8: error: invalid escape sequence: unpaired high surrogate in JSON string"])
        XCTAssertEqual(errors("{\"a\": \"\\ude80\"}"),
                       ["prod.tfvars.json:1:8: error: invalid escape sequence: unpaired low surrogate in JSON string"])
        XCTAssertEqual(errors("{\"a\": \"\t\"}"),
                       ["prod.tfvars.json:1:8: error: control character U+09 must be escaped in a JSON string"])
    }

    func testDuplicateKeys() {
        let result = TFVarsJSON.parse("{\n\"a\": 1,\n\"a\": 2,\n\"b\": {\"x\": 1, \"x\": 2}}", file: file)
        XCTAssertEqual(result.diagnostics.map(\.description), [
            "prod.tfvars.json:3:1: error: attribute \"a\" was already defined at line 2",
            "prod.tfvars.json:4:15: error: duplicate object key \"x\"; it was already defined at line 4",
        ])
        XCTAssertEqual(result.body.attributes.map(\.value), [.number("1"), .object([.init("x", .number("1"))])])
    }

    func testKeysBeforeAnErrorAreKept() {
        let result = TFVarsJSON.parse("{\"a\": 1, \"b\": [", file: file)
        XCTAssertEqual(result.body.attributes.map(\.name), ["a"])
        XCTAssertEqual(result.diagnostics.count, 1)
    }

    func testDeepNestingIsCapped() {
        let text = "{\"a\": " + String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000) + "}"
        XCTAssertEqual(errors(text).count, 1)
        XCTAssertTrue(errors(text)[0].hasSuffix("nesting is too deep (more than \(Parser.maxDepth) levels)"))
    }

    func testCanonicalJSONOfTFVars() {
        let body = TFVarsJSON.parse("{\"b\": [1.0, \"x\"], \"a\": {\"k\": null}}", file: file).body
        XCTAssertEqual(HCLCanonicalJSON.render(body),
                       "{\n  \"a\": {\n    \"k\": null\n  },\n  \"b\": [\n    1.0,\n    \"x\"\n  ]\n}\n")
    }
}
