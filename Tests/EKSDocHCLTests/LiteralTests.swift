import EKSDocModel
import XCTest
@testable import EKSDocHCL

final class LiteralTests: XCTestCase {
    func testNumbersKeepTheirSourceText() {
        XCTAssertEqual(value(of: "a = 42"), .number("42"))
        XCTAssertEqual(value(of: "a = 1.50"), .number("1.50"))
        XCTAssertEqual(value(of: "a = 1e3"), .number("1e3"))
        XCTAssertEqual(value(of: "a = 2.5E-3"), .number("2.5E-3"))
        XCTAssertEqual(value(of: "a = 12345678901234567890"), .number("12345678901234567890"))
    }

    func testNegativeNumbersFold() {
        XCTAssertEqual(value(of: "a = -1"), .number("-1"))
        XCTAssertEqual(value(of: "a = - 0.5"), .number("-0.5"))
        XCTAssertEqual(value(of: "a = --1"), .expression("--1"))
        XCTAssertEqual(value(of: "a = -x"), .expression("-x"))
    }

    func testBoolsAndNull() {
        XCTAssertEqual(value(of: "a = true"), .bool(true))
        XCTAssertEqual(value(of: "a = false"), .bool(false))
        XCTAssertEqual(value(of: "a = null"), .null)
    }

    func testStringEscapes() {
        XCTAssertEqual(value(of: #"a = "x\ny\tz\"q\\r\re""#), .string("x\ny\tz\"q\\r\re"))
        XCTAssertEqual(value(of: #"a = "caf\u00e9 \U0001F680""#), .string("café 🚀"))
        XCTAssertEqual(value(of: #"a = """#), .string(""))
        XCTAssertEqual(value(of: "a = \"ünïcødé ✓ // not a comment # nor this\""),
                       .string("ünïcødé ✓ // not a comment # nor this"))
    }

    func testTuples() {
        XCTAssertEqual(value(of: "a = [1, \"two\", true, null]"),
                       .list([.number("1"), .string("two"), .bool(true), .null]))
        XCTAssertEqual(value(of: "a = [\n  \"x\",\n  \"y\",\n]"), .list([.string("x"), .string("y")]))
        XCTAssertEqual(value(of: "a = []"), .list([]))
        XCTAssertEqual(value(of: "a = [[1], [2, [3]]]"),
                       .list([.list([.number("1")]), .list([.number("2"), .list([.number("3")])])]))
    }

    func testTupleMembersThatAreNotLiteralBecomeExpressions() {
        XCTAssertEqual(value(of: "a = [\"x\", var.b, f(1)]"),
                       .list([.string("x"), .expression("var.b"), .expression("f(1)")]))
    }

    func testObjects() {
        let expected: Value = .object([.init("a", .number("1")), .init("b", .number("2")), .init("c", .number("3"))])
        XCTAssertEqual(value(of: "x = { a = 1, \"b\" = 2, c: 3 }"), expected)
        XCTAssertEqual(value(of: "x = {\n  a = 1\n\n  \"b\" = 2,\n  c: 3,\n}"), expected)
        XCTAssertEqual(value(of: "x = {}"), .object([]))
        XCTAssertEqual(value(of: "x = {\n}"), .object([]))
    }

    func testObjectsKeepSourceOrderAndNest() {
        XCTAssertEqual(value(of: "x = { z = { y = [1] }, a = \"s\" }"), .object([
            .init("z", .object([.init("y", .list([.number("1")]))])),
            .init("a", .string("s")),
        ]))
    }

    func testObjectMembersThatAreNotLiteralBecomeExpressions() {
        XCTAssertEqual(value(of: "x = { a = var.a, b = \"${var.b}\" }"),
                       .object([.init("a", .expression("var.a")), .init("b", .string("${var.b}"))]))
    }

    func testObjectKeysOfOtherKinds() {
        XCTAssertEqual(value(of: "x = { 1 = \"one\", true = 2, \"a.b/c\" = 3 }"), .object([
            .init("1", .string("one")), .init("true", .number("2")), .init("a.b/c", .number("3")),
        ]))
    }

    func testComputedKeysMakeTheObjectAnExpression() {
        XCTAssertEqual(value(of: "x = { (var.k) = 1, b = 2 }"), .expression("{ (var.k) = 1, b = 2 }"))
        XCTAssertEqual(value(of: "x = { \"${var.k}\" = 1 }"), .expression("{ \"${var.k}\" = 1 }"))
    }

    func testValueTextAndLocations() {
        let body = parseClean("first = 1\n  second   =   [1,\n 2] # done\n")
        let second = body.attributes[1]
        XCTAssertEqual(second.name, "second")
        XCTAssertEqual(second.location, loc(2, 3))
        XCTAssertEqual(second.valueLocation, loc(2, 16))
        XCTAssertEqual(second.valueText, "[1,\n 2]")
        XCTAssertEqual(body.attributes[0].valueText, "1")
    }

    func testLastLineWithoutNewline() {
        XCTAssertEqual(parseClean("a = 1\nb = \"x\"").attributes.map(\.name), ["a", "b"])
    }
}
