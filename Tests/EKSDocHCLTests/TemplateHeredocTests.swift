import EKSDocModel
import XCTest
@testable import EKSDocHCL

final class TemplateHeredocTests: XCTestCase {
    func testInterpolationIsKeptAsText() {
        XCTAssertEqual(value(of: #"a = "${var.a}-x""#), .string("${var.a}-x"))
        XCTAssertEqual(value(of: #"a = "arn:aws:iam::${var.account}:role/${local.name}""#),
                       .string("arn:aws:iam::${var.account}:role/${local.name}"))
    }

    func testNestedQuotesInsideInterpolation() {
        XCTAssertEqual(value(of: #"a = "${lookup(var.m, "k")}""#), .string(#"${lookup(var.m, "k")}"#))
        XCTAssertEqual(value(of: #"a = "x${f("a\n}", "${g("b")}")}y""#),
                       .string(#"x${f("a\n}", "${g("b")}")}y"#))
    }

    func testEscapesAreDecodedOutsideButNotInsideInterpolations() {
        XCTAssertEqual(value(of: #"a = "\t${f("\t")}""#), .string("\t" + #"${f("\t")}"#))
    }

    func testEscapedTemplateSequencesAreKept() {
        XCTAssertEqual(value(of: #"a = "$${not} %%{not} $5 100%""#), .string("$${not} %%{not} $5 100%"))
    }

    func testDirectivesAndStripMarkersAreKept() {
        let source = #"a = "%{ if var.on }yes%{ else }no%{ endif } %{~ for x in var.l ~}${x},%{ endfor }""#
        XCTAssertEqual(value(of: source),
                       .string("%{ if var.on }yes%{ else }no%{ endif } %{~ for x in var.l ~}${x},%{ endfor }"))
    }

    func testInterpolationMaySpanLines() {
        XCTAssertEqual(value(of: "a = \"${join(\",\",\n  var.l)}\""), .string("${join(\",\",\n  var.l)}"))
    }

    func testHeredoc() {
        let body = parseClean("policy = <<EOF\n{\n  \"a\": 1\n}\nEOF\nnext = 2\n")
        XCTAssertEqual(body.attributes[0].value, .string("{\n  \"a\": 1\n}\n"))
        XCTAssertEqual(body.attributes[0].valueText, "<<EOF\n{\n  \"a\": 1\n}\nEOF")
        XCTAssertEqual(body.attributes[0].valueLocation, loc(1, 10))
        XCTAssertEqual(body.attributes[1].location, loc(6, 1))
    }

    func testHeredocWithAnyMarkerAndIndentedClosingMarker() {
        XCTAssertEqual(value(of: "a = <<POLICY_DOC\n  x\n  POLICY_DOC\n"), .string("  x\n"))
        XCTAssertEqual(value(of: "a = <<EOF\nEOF_NOT\nEOF\n"), .string("EOF_NOT\n"))
    }

    func testEmptyHeredoc() {
        XCTAssertEqual(value(of: "a = <<EOF\nEOF\n"), .string(""))
    }

    func testHeredocKeepsBackslashesAndQuotes() {
        XCTAssertEqual(value(of: "a = <<EOF\nC:\\dir \"q\" \\n\nEOF\n"), .string("C:\\dir \"q\" \\n\n"))
    }

    func testIndentedHeredocStripsCommonIndentation() {
        let text = "a = <<-EOT\n    first\n      second\n\n    third\n  EOT\n"
        XCTAssertEqual(value(of: text), .string("first\n  second\n\nthird\n"))
    }

    func testIndentedHeredocWithTabsAndBlankLinesWithSpaces() {
        XCTAssertEqual(value(of: "a = <<-EOT\n\t\tx\n  \n\t\t\ty\nEOT\n"), .string("x\n\n\ty\n"))
    }

    func testIndentedHeredocWithInterpolation() {
        let text = "a = <<-EOT\n    name: ${var.name}\n    ${var.extra}\n  EOT\n"
        XCTAssertEqual(value(of: text), .string("name: ${var.name}\n${var.extra}\n"))
        // An interpolation at the very start of a line means there is no common indentation.
        XCTAssertEqual(value(of: "a = <<-EOT\n  x\n${y}\nEOT\n"), .string("  x\n${y}\n"))
    }

    /// A heredoc whose template sequences hold quotes and unbalanced-looking braces.
    static let nestedHeredoc = (source: "a = <<EOT\n${jsonencode({ a = \"}\" })} %{ if x }y%{ endif }\nEOT\n",
                                value: "${jsonencode({ a = \"}\" })} %{ if x }y%{ endif }\n")

    func testHeredocInterpolationWithNestedQuotesAndBraces() {
        XCTAssertEqual(value(of: Self.nestedHeredoc.source), .string(Self.nestedHeredoc.value))
    }

    func testHeredocEscapedSequences() {
        XCTAssertEqual(value(of: "a = <<EOT\n$${x} %%{y}\nEOT\n"), .string("$${x} %%{y}\n"))
    }

    func testHeredocWithCarriageReturns() {
        XCTAssertEqual(value(of: "a = <<EOT\r\none\r\ntwo\r\nEOT\r\n"), .string("one\ntwo\n"))
    }

    func testHeredocInsideTupleAndCall() {
        XCTAssertEqual(value(of: "a = [<<EOT\nx\nEOT\n, \"y\"]"), .list([.string("x\n"), .string("y")]))
        XCTAssertEqual(value(of: "a = trimspace(<<-EOT\n  x\n  EOT\n)"), .expression("trimspace(<<-EOT\n  x\n  EOT\n)"))
    }
}
