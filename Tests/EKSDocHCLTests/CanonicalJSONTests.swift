import EKSDocModel
import Foundation
import XCTest
@testable import EKSDocHCL

final class CanonicalJSONTests: XCTestCase {
    func render(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        HCLCanonicalJSON.render(parseClean(source, file: file, line: line))
    }

    func testEmptyBody() {
        XCTAssertEqual(render(""), "{}\n")
    }

    func testAttributesBlocksAndShapes() {
        let source = """
        name = "eks"
        count = 3
        ratio = 1.50
        big = 1e3
        on = true
        off = false
        nothing = null
        list = [1, "a", var.x]
        map = { b = 2, a = { c = [] } }
        ref = var.region
        resource "aws_vpc" "main" {
          cidr = "10.0.0.0/16"
          tags {
          }
        }
        locals {
          x = {}
        }
        """
        XCTAssertEqual(render(source), """
        {
          "big": 1e3,
          "blocks": [
            {
              "body": {
                "blocks": [
                  {
                    "body": {},
                    "labels": [],
                    "type": "tags"
                  }
                ],
                "cidr": "10.0.0.0/16"
              },
              "labels": [
                "aws_vpc",
                "main"
              ],
              "type": "resource"
            },
            {
              "body": {
                "x": {}
              },
              "labels": [],
              "type": "locals"
            }
          ],
          "count": 3,
          "list": [
            1,
            "a",
            {
              "expression": "var.x"
            }
          ],
          "map": {
            "a": {
              "c": []
            },
            "b": 2
          },
          "name": "eks",
          "nothing": null,
          "off": false,
          "on": true,
          "ratio": 1.50,
          "ref": {
            "expression": "var.region"
          }
        }

        """)
    }

    func testKeysSortByCodePoint() {
        let body = HCLBody(attributes: ["é", "a", "Z", "_", "aa", "B", "\u{1F600}", "\u{FF21}"].map {
            HCLAttribute(name: $0, value: .null, location: loc(1, 1), valueLocation: loc(1, 1), valueText: "null")
        })
        let keys = HCLCanonicalJSON.render(body).split(separator: "\n").dropFirst().dropLast()
            .map { $0.split(separator: ":")[0].trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(keys, ["\"B\"", "\"Z\"", "\"_\"", "\"a\"", "\"aa\"", "\"é\"", "\"\u{FF21}\"", "\"\u{1F600}\""])
    }

    func testNumbersAreValidJSON() {
        XCTAssertEqual(HCLCanonicalJSON.jsonNumber("007"), "7")
        XCTAssertEqual(HCLCanonicalJSON.jsonNumber("00.5"), "0.5")
        XCTAssertEqual(HCLCanonicalJSON.jsonNumber("-0"), "-0")
        XCTAssertEqual(HCLCanonicalJSON.jsonNumber("1e3"), "1e3")
        XCTAssertEqual(HCLCanonicalJSON.jsonNumber("2.5E-03"), "2.5E-03")
        XCTAssertEqual(HCLCanonicalJSON.jsonNumber("+4"), "4")
        XCTAssertNil(HCLCanonicalJSON.jsonNumber("1."))
        XCTAssertNil(HCLCanonicalJSON.jsonNumber("abc"))
        XCTAssertEqual(HCLCanonicalJSON.render(.number("0010")), "10")
        XCTAssertEqual(HCLCanonicalJSON.render(.number("-12.50")), "-12.50")
        XCTAssertEqual(HCLCanonicalJSON.render(.number("NaN")), "\"NaN\"")
    }

    func testStringEscaping() {
        XCTAssertEqual(HCLCanonicalJSON.render(.string("q\"b\\s/\n\r\t\u{08}\u{0C}\u{01}\u{1F}\u{7F}é🚀\u{2028}")),
                       "\"q\\\"b\\\\s/\\n\\r\\t\\b\\f\\u0001\\u001f\u{7F}é🚀\u{2028}\"")
    }

    func testExpressionsAndWithheldValues() {
        XCTAssertEqual(HCLCanonicalJSON.render(.expression("a ? \"b\" : c")), "{\n  \"expression\": \"a ? \\\"b\\\" : c\"\n}")
        XCTAssertEqual(HCLCanonicalJSON.render(.withheld), "{\n  \"withheld\": true\n}")
        XCTAssertEqual(HCLCanonicalJSON.render(.list([])), "[]")
    }

    func testTemplatesAndHeredocsRenderAsStrings() {
        XCTAssertEqual(render("a = \"${var.a}-x\"\nb = <<EOT\nline\nEOT\n"),
                       "{\n  \"a\": \"${var.a}-x\",\n  \"b\": \"line\\n\"\n}\n")
    }

    func testOutputIsDeterministicAndValidJSON() throws {
        let source = """
        z = { y = [1, { x = "é\\u0001" }], "a b" = 2.5e-3 }
        m "l1" "l2" { k = -7 }
        """
        let first = render(source)
        XCTAssertEqual(first, render(source))
        XCTAssertTrue(first.hasSuffix("}\n"))
        let object = try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any]
        XCTAssertEqual(object?.keys.sorted(), ["blocks", "z"])
    }
}
