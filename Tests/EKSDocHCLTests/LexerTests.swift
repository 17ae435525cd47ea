import EKSDocModel
import XCTest
@testable import EKSDocHCL

final class LexerTests: XCTestCase {
    func testAttributeTokens() {
        XCTAssertEqual(kinds("a = 1\n"), [.identifier, .equals, .number, .newline])
        XCTAssertEqual(tokens("name = 42").map(\.1), ["name", "=", "42", ""])
    }

    func testOperatorsAndPunctuation() {
        XCTAssertEqual(kinds("== != <= >= && || => ... :: ! < > + - * / % ? : , . = ( ) [ ] { }"), [
            .equal, .notEqual, .lessEqual, .greaterEqual, .and, .or, .fatArrow, .ellipsis, .doubleColon,
            .bang, .less, .greater, .plus, .minus, .star, .slash, .percent, .question, .colon, .comma,
            .dot, .equals, .leftParen, .rightParen, .leftBracket, .rightBracket, .leftBrace, .rightBrace,
        ])
    }

    func testIdentifiersMayContainDashes() {
        XCTAssertEqual(tokens("foo-bar_baz2 a - b _x").map(\.1), ["foo-bar_baz2", "a", "-", "b", "_x", ""])
        XCTAssertEqual(kinds("é1"), [.identifier])
    }

    func testNumbers() {
        XCTAssertEqual(tokens("1 1.5 1e3 2.5E-3 7e+2 007").map(\.1), ["1", "1.5", "1e3", "2.5E-3", "7e+2", "007", ""])
        XCTAssertEqual(Set(kinds("1 1.5 1e3 2.5E-3")), [.number])
    }

    func testLegacyIndexAfterDotIsDigitsOnly() {
        XCTAssertEqual(tokens("a.0.1.b").map(\.1), ["a", ".", "0", ".", "1", ".", "b", ""])
    }

    func testCommentsAreSkippedButNewlinesKept() {
        let text = "a = 1 # hash\nb = 2 // slashes\n/* block\n spanning */ c = 3\n"
        XCTAssertEqual(kinds(text), [
            .identifier, .equals, .number, .newline,
            .identifier, .equals, .number, .newline,
            .identifier, .equals, .number, .newline,
        ])
        let result = HCLParser.parse(text, file: testFile)
        XCTAssertEqual(result.body.attributes.map(\.location), [loc(1, 1), loc(2, 1), loc(4, 14)])
    }

    func testCarriageReturnLineFeed() {
        XCTAssertEqual(kinds("a = 1\r\nb = 2\r\n"), [.identifier, .equals, .number, .newline,
                                                    .identifier, .equals, .number, .newline])
        let body = parseClean("a = 1\r\nb = \"x\"\r\n")
        XCTAssertEqual(body.attributes.map(\.location), [loc(1, 1), loc(2, 1)])
        XCTAssertEqual(body.attributes.last?.value, .string("x"))
    }

    func testQuotedTemplateTokens() {
        XCTAssertEqual(kinds("\"a${b}c\""), [
            .openQuote, .quotedLiteral, .templateInterpolation, .identifier, .templateEnd,
            .quotedLiteral, .closeQuote,
        ])
        XCTAssertEqual(kinds("\"%{ if x }y%{ endif }\""), [
            .openQuote, .templateControl, .identifier, .identifier, .templateEnd, .quotedLiteral,
            .templateControl, .identifier, .templateEnd, .closeQuote,
        ])
    }

    func testNestedQuotesInsideInterpolation() {
        XCTAssertEqual(kinds("\"${lookup(m, \"k\")}\""), [
            .openQuote, .templateInterpolation, .identifier, .leftParen, .identifier, .comma,
            .openQuote, .quotedLiteral, .closeQuote, .rightParen, .templateEnd, .closeQuote,
        ])
    }

    func testBracesInsideInterpolationAreBalanced() {
        XCTAssertEqual(kinds("\"${ {a = 1}.a }\""), [
            .openQuote, .templateInterpolation, .leftBrace, .identifier, .equals, .number, .rightBrace,
            .dot, .identifier, .templateEnd, .closeQuote,
        ])
    }

    func testStripMarkers() {
        XCTAssertEqual(tokens("\"${~ a ~}\"").map(\.1), ["\"", "${~", "a", "~}", "\"", ""])
    }

    func testEscapedTemplateSequencesStayLiteral() {
        XCTAssertEqual(kinds("\"$${a} %%{b}\""), [.openQuote, .quotedLiteral, .closeQuote])
    }

    func testHeredocTokens() {
        let text = "x = <<EOT\nline ${v}\nEOT\n"
        XCTAssertEqual(kinds(text), [
            .identifier, .equals, .openHeredoc, .heredocLiteral, .templateInterpolation, .identifier,
            .templateEnd, .heredocLiteral, .closeHeredoc, .newline,
        ])
    }

    func testColumnsCountCharacters() {
        // "é" written as e + combining acute accent is one character.
        let result = HCLParser.parse("a = \"e\u{301}é\" @\n", file: testFile)
        XCTAssertEqual(result.diagnostics.map(\.location), [loc(1, 10)])
    }

    func testByteOrderMarkIsSkipped() {
        let body = parseClean("\u{FEFF}a = 1\n")
        XCTAssertEqual(body.attributes.first?.location, loc(1, 1))
    }

    func testUnexpectedCharacterIsInvalidToken() {
        XCTAssertEqual(kinds("a = @"), [.identifier, .equals, .invalid])
        XCTAssertEqual(diagnostics(of: "a = & b"), ["test.tf:1:5: error: unexpected character \"&\""])
    }
}
