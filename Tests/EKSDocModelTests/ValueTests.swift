import EKSDocModel
import XCTest

final class ValueTests: XCTestCase {
    func testEncodesExpressionsAndWithheldAsObjects() throws {
        let value = Value.object([
            .init("n", .number("1.50")), .init("e", .expression("var.a")), .init("s", .withheld), .init("z", .null),
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(value), as: UTF8.self)
        XCTAssertEqual(text, #"{"e":{"expression":"var.a"},"n":1.5,"s":{"withheld":true},"z":null}"#)
        let decoded = try JSONDecoder().decode(Value.self, from: Data(text.utf8))
        XCTAssertEqual(decoded["e"], .expression("var.a"))
        XCTAssertEqual(decoded["s"], .withheld)
    }

    func testAccessors() {
        let value = Value.object([.init("min_size", .number("2")), .init("types", .list([.string("t3a.medium")]))])
        XCTAssertEqual(value["min_size"]?.intValue, 2)
        XCTAssertEqual(value["types"]?.stringList, ["t3a.medium"])
        XCTAssertNil(value["missing"])
        XCTAssertEqual(value.displayText, "{min_size = 2, types = [t3a.medium]}")
    }
}
