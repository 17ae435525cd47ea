import EKSDocModel
import XCTest
@testable import EKSDocHCL

/// The file name used for inline test sources.
let testFile = "test.tf"

/// Parses `text` and fails the test if there are diagnostics.
func parseClean(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> HCLBody {
    let result = HCLParser.parse(text, file: testFile)
    XCTAssertEqual(result.diagnostics.map(\.description), [], "unexpected diagnostics", file: file, line: line)
    return result.body
}

/// The value of the only attribute of `text`, which must parse cleanly.
func value(of text: String, file: StaticString = #filePath, line: UInt = #line) -> Value? {
    let body = parseClean(text, file: file, line: line)
    XCTAssertEqual(body.attributes.count, 1, "expected one attribute", file: file, line: line)
    return body.attributes.first?.value
}

/// The diagnostics of `text`, as `path:line:col: error: message` lines.
func diagnostics(of text: String) -> [String] {
    HCLParser.parse(text, file: testFile).diagnostics.map(\.description)
}

/// A location in the inline test file.
func loc(_ line: Int, _ column: Int) -> SourceLocation {
    SourceLocation(file: testFile, line: line, column: column)
}

/// The kinds and source texts of the tokens of `text`.
func tokens(_ text: String) -> [(TokenKind, String)] {
    let source = SourceText(text, file: testFile)
    var lexer = Lexer(source: source)
    lexer.run()
    return lexer.tokens.map { ($0.kind, source.text($0.start..<$0.end)) }
}

/// The token kinds of `text`, without the final end-of-file token.
func kinds(_ text: String) -> [TokenKind] {
    Array(tokens(text).map(\.0).dropLast())
}
