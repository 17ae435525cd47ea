import EKSDocModel
import XCTest
@testable import EKSDocHCL

final class DiagnosticTests: XCTestCase {
    func testUnterminatedString() {
        let result = HCLParser.parse("a = \"abc\nb = 2\n", file: testFile)
        XCTAssertEqual(result.diagnostics.map(\.description),
                       ["test.tf:1:5: error: unterminated string; expected a closing quote before the end of the line"])
        XCTAssertEqual(result.body.attributes.map(\.name), ["a", "b"])
        XCTAssertEqual(diagnostics(of: "a = 1\nb = \"abc"),
                       ["test.tf:2:5: error: unterminated string; expected a closing quote before the end of the file"])
        XCTAssertEqual(diagnostics(of: "a = \"${f(\"x\")"),
                       ["test.tf:1:5: error: unterminated string; expected a closing quote before the end of the file"])
    }

    func testUnterminatedHeredocPointsAtItsStart() {
        XCTAssertEqual(diagnostics(of: "x = 1\n  a = <<EOF\nhello\nEOFX\n"),
                       ["test.tf:2:7: error: unterminated heredoc; expected a line containing only \"EOF\""])
    }

    func testHeredocMarkerMustEndTheLine() {
        let result = HCLParser.parse("a = <<EOF trailing\nbody\nEOF\nb = 1\n", file: testFile)
        XCTAssertEqual(result.diagnostics.map(\.description),
                       ["test.tf:1:5: error: a heredoc marker must be followed by a newline"])
        XCTAssertEqual(result.body.attributes.map(\.name), ["a", "b"])
        XCTAssertEqual(diagnostics(of: "a = << EOF\n"),
                       ["test.tf:1:5: error: expected a heredoc marker name after \"<<\", as in <<EOF"])
    }

    func testUnterminatedBlockComment() {
        XCTAssertEqual(diagnostics(of: "a = 1\n  /* never\nclosed\n"),
                       ["test.tf:2:3: error: unterminated block comment; expected \"*/\""])
    }

    func testBadNumbers() {
        let source = "a = 1.2.3\nb = 0x1F\nc = 10s\nd = 1e\ne = 5\n"
        let result = HCLParser.parse(source, file: testFile)
        let hint = "; HCL numbers are decimal, like 42, 1.5 or 1e3"
        XCTAssertEqual(result.diagnostics.map(\.description), [
            "test.tf:1:5: error: invalid number \"1.2.3\"\(hint)",
            "test.tf:2:5: error: invalid number \"0x1F\"\(hint)",
            "test.tf:3:5: error: invalid number \"10s\"\(hint)",
            "test.tf:4:5: error: invalid number \"1e\"\(hint)",
        ])
        XCTAssertEqual(result.body.attributes.map(\.name), ["e"])
    }

    func testUnexpectedTokens() {
        XCTAssertEqual(diagnostics(of: "a = = 4\n"), ["test.tf:1:5: error: unexpected \"=\"; expected an expression"])
        XCTAssertEqual(diagnostics(of: "a = 1 2\n"),
                       ["test.tf:1:7: error: unexpected number 2; expected a newline after the value of \"a\""])
        XCTAssertEqual(diagnostics(of: "e: 1\n"),
                       ["test.tf:1:2: error: unexpected \":\" after \"e\"; use \"=\" to set an attribute"])
        XCTAssertEqual(diagnostics(of: "a = 1\n}\n"), ["test.tf:2:1: error: unexpected \"}\" with no block to close"])
        XCTAssertEqual(diagnostics(of: "a\n"),
                       ["test.tf:1:2: error: unexpected newline; expected \"=\" to set \"a\", or a block label or \"{\""])
        XCTAssertEqual(diagnostics(of: "a b\n"),
                       ["test.tf:1:4: error: unexpected newline; expected a block label or \"{\" to open the body of \"a\""])
        XCTAssertEqual(diagnostics(of: "\"x\" = 1\n"),
                       ["test.tf:1:1: error: unexpected string; expected an attribute name or a block type"])
        XCTAssertEqual(diagnostics(of: "a =\n1\n"), [
            "test.tf:1:4: error: unexpected newline; expected an expression",
            "test.tf:2:1: error: unexpected number 1; expected an attribute name or a block type",
        ])
        XCTAssertEqual(diagnostics(of: "a = 1\nb {\n} c = 1\n"),
                       ["test.tf:3:3: error: unexpected identifier \"c\"; expected a newline after the closing \"}\" of the block"])
    }

    func testDuplicateAttribute() {
        let result = HCLParser.parse("a = 1\nb = 2\n  a = 3\n", file: testFile)
        XCTAssertEqual(result.diagnostics.map(\.description),
                       ["test.tf:3:3: error: attribute \"a\" was already defined at line 1"])
        XCTAssertEqual(result.body.attributes.map(\.value), [.number("1"), .number("2")])
        XCTAssertEqual(diagnostics(of: "b {\n  x = 1\n  x = 2\n}\n"),
                       ["test.tf:3:3: error: attribute \"x\" was already defined at line 2"])
    }

    func testDuplicateObjectKey() {
        XCTAssertEqual(diagnostics(of: "a = {\n  x = 1\n  \"x\" = 2\n}\n"),
                       ["test.tf:3:3: error: duplicate object key \"x\"; it was already defined at line 2"])
    }

    func testInvalidEscapes() {
        let result = HCLParser.parse(#"a = "\q \u12 \UFFFFFFFF \"#, file: testFile)
        XCTAssertEqual(result.diagnostics.map(\.description), [
            "test.tf:1:5: error: unterminated string; expected a closing quote before the end of the file",
            #"test.tf:1:6: error: invalid escape sequence "\q"; valid escapes are \n \r \t \" \\ \uNNNN \UNNNNNNNN"#,
            #"test.tf:1:9: error: invalid escape sequence "\u": expected 4 hexadecimal digits"#,
            "test.tf:1:14: error: invalid escape sequence: U+FFFFFFFF is not a Unicode scalar value",
            "test.tf:1:25: error: invalid escape sequence: a backslash must be followed by a character",
        ])
        XCTAssertEqual(diagnostics(of: #"a = "\uD800""#),
                       ["test.tf:1:6: error: invalid escape sequence: U+D800 is not a Unicode scalar value"])
    }

    func testUnclosedBrackets() {
        XCTAssertEqual(diagnostics(of: "a = [1, 2"), ["test.tf:1:5: error: unclosed \"[\"; expected \"]\" before the end of the file"])
        XCTAssertEqual(diagnostics(of: "a = f(1,\n2"), ["test.tf:1:6: error: unclosed \"(\"; expected \")\" before the end of the file"])
        XCTAssertEqual(diagnostics(of: "a = (1"), ["test.tf:1:5: error: unclosed \"(\"; expected \")\" before the end of the file"])
        XCTAssertEqual(diagnostics(of: "a = { b = 1"), ["test.tf:1:5: error: unclosed \"{\"; expected \"}\" before the end of the file"])
        XCTAssertEqual(diagnostics(of: "a = x[0"), ["test.tf:1:6: error: unclosed \"[\"; expected \"]\" before the end of the file"])
        XCTAssertEqual(diagnostics(of: "b \"l\" {\n  a = 1\n"),
                       ["test.tf:1:7: error: unclosed \"{\" of this block; expected \"}\" before the end of the file"])
        XCTAssertEqual(diagnostics(of: "a = [1, 2\nb = 3\n"), [
            "test.tf:2:1: error: unexpected identifier \"b\"; expected \",\" or \"]\" to close the \"[\" opened at line 1, column 5",
        ])
        XCTAssertEqual(diagnostics(of: "a = (1]\n"), ["test.tf:1:7: error: unexpected \"]\"; expected \")\""])
    }

    func testRecoveryReportsSeveralErrorsAndKeepsGoodItems() {
        let source = """
        a = [1,, 2]
        b = "ok"
        c = f(
          1 2
        )
        block "x" {
          d = = 1
          e = true
        }
        f = 1.2.3
        g = {
          h = 1 i = 2
        }
        j = "end"
        """
        let result = HCLParser.parse(source, file: testFile)
        XCTAssertEqual(result.diagnostics.map(\.description), [
            "test.tf:1:8: error: unexpected \",\"; expected an expression",
            "test.tf:4:5: error: unexpected number 2; expected \",\" or \")\" in the argument list",
            "test.tf:7:7: error: unexpected \"=\"; expected an expression",
            "test.tf:10:5: error: invalid number \"1.2.3\"; HCL numbers are decimal, like 42, 1.5 or 1e3",
            "test.tf:12:9: error: unexpected identifier \"i\"; expected \",\", a newline or \"}\" after the object item",
        ])
        XCTAssertEqual(result.body.attributes.map(\.name), ["b", "j"])
        XCTAssertEqual(result.body.blocks.first?.body.attributes.map(\.name), ["e"])
    }

    func testTemplateErrors() {
        XCTAssertEqual(diagnostics(of: "a = \"${}\"\n"), ["test.tf:1:8: error: unexpected \"}\"; expected an expression"])
        XCTAssertEqual(diagnostics(of: "a = \"%{ if x }y\"\n"), ["test.tf:1:9: error: missing %{ endif } for this %{ if }"])
        XCTAssertEqual(diagnostics(of: "a = \"%{ endfor }\"\n"), ["test.tf:1:9: error: %{ endfor } without a matching %{ for }"])
        XCTAssertEqual(diagnostics(of: "a = \"%{ else }\"\n"), ["test.tf:1:9: error: %{ else } without a matching %{ if }"])
        XCTAssertEqual(diagnostics(of: "a = \"%{ while x }\"\n"),
                       ["test.tf:1:9: error: unknown template directive \"while\"; expected if, else, endif, for or endfor"])
        XCTAssertEqual(diagnostics(of: "a = <<EOT\n%{ for x in y }\nEOT\n"), ["test.tf:2:4: error: missing %{ endfor } for this %{ for }"])
        XCTAssertEqual(diagnostics(of: "a = \"${a b}\"\n"),
                       ["test.tf:1:10: error: unexpected identifier \"b\"; expected \"}\" to end the template sequence"])
    }

    func testBlockLabelMustBePlain() {
        XCTAssertEqual(diagnostics(of: "b \"${x}\" {\n  a = 1\n}\nc = 1\n"),
                       ["test.tf:1:3: error: a block label must be a plain string without template sequences"])
    }

    func testForExpressionErrors() {
        XCTAssertEqual(diagnostics(of: "a = [for x in y]\n"),
                       ["test.tf:1:16: error: unexpected \"]\"; expected \":\" after the collection of the for-expression"])
        XCTAssertEqual(diagnostics(of: "a = {for k, v in y : k}\n"),
                       ["test.tf:1:23: error: unexpected \"}\"; expected \"=>\" between the key and the value of the for-expression"])
        XCTAssertEqual(diagnostics(of: "a = [for x of y : x]\n"),
                       ["test.tf:1:12: error: unexpected identifier \"of\"; expected \"in\" after the for-expression variables"])
    }

    func testDeepNestingIsCappedNotCrashing() {
        let depth = 20_000
        let limit = "nesting is too deep (more than \(Parser.maxDepth) levels)"
        let tuples = diagnostics(of: "a = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\nb = 1\n")
        XCTAssertEqual(tuples, ["test.tf:1:\(5 + Parser.maxDepth): error: \(limit)"])
        let templates = "a = " + String(repeating: "\"${", count: depth) + "1" + String(repeating: "}\"", count: depth)
        XCTAssertEqual(diagnostics(of: templates).count, 1)
        let blocks = String(repeating: "b {\n", count: depth) + String(repeating: "}\n", count: depth) + "c = 1\n"
        let result = HCLParser.parse(blocks, file: testFile)
        XCTAssertEqual(result.diagnostics.map(\.message), [limit])
        XCTAssertEqual(result.body.attributes.map(\.name), ["c"])
    }

    func testTooManyErrorsAreCapped() {
        let result = HCLParser.parse(String(repeating: "@", count: 5_000), file: testFile)
        XCTAssertEqual(result.diagnostics.count, HCLParser.maxDiagnostics + 1)
        XCTAssertEqual(result.diagnostics.last?.description,
                       "test.tf:1:5001: error: too many errors; 4900 more were not reported")
        let json = TFVarsJSON.parse("{" + (0..<500).map { _ in "\"k\": 1" }.joined(separator: ",") + "}", file: "x.json")
        XCTAssertEqual(json.diagnostics.count, HCLParser.maxDiagnostics + 1)
        XCTAssertEqual(json.diagnostics.last?.message, "too many errors; 399 more were not reported")
    }

    func testLongOperatorChainsDoNotRecurse() {
        XCTAssertEqual(value(of: "a = " + String(repeating: "!", count: 50_000) + "x")?.displayText.count, 50_001)
        let sum = (0..<20_000).map(String.init).joined(separator: " + ")
        XCTAssertEqual(value(of: "a = " + sum), .expression(sum))
    }

    func testEveryPrefixOfARealFileTerminates() {
        let source = """
        resource "aws_iam_role" "r" {
          name = "${local.name}-x" # comment
          policy = <<-EOT
            {"a": "${var.b}", "c": [1, 2.5e3]}
          EOT
          tags = merge(var.tags, { for k, v in var.extra : k => v if v != null })
          list = [for s in var.l : upper(s)]
          dynamic "x" { for_each = var.y }
        }
        """
        let scalars = Array(source.unicodeScalars)
        for end in 0...scalars.count {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[0..<end])
            let result = HCLParser.parse(String(view), file: testFile)
            XCTAssertTrue(result.diagnostics.allSatisfy { $0.location.line >= 1 && $0.location.column >= 1 })
        }
    }

    func testGarbageInputTerminates() {
        let alphabet = Array("ab1 =\"${}%[](){},.:?!<>-*/\n#~\\\t'é")
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<60 {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text.append(alphabet[Int(seed >> 33) % alphabet.count])
            }
            let hcl = HCLParser.parse(text, file: testFile)
            let json = TFVarsJSON.parse(text, file: "x.tfvars.json")
            // Whatever the input, every diagnostic points into the text.
            for diagnostic in hcl.diagnostics + json.diagnostics {
                XCTAssertGreaterThanOrEqual(diagnostic.location.line, 1, text)
                XCTAssertLessThanOrEqual(diagnostic.location.line, text.split(separator: "\n", omittingEmptySubsequences: false).count + 1, text)
            }
        }
    }
}
