import EKSDocModel
import XCTest
@testable import EKSDocHCL

final class ExpressionTests: XCTestCase {
    /// Asserts that `source` parses cleanly as the value of an attribute and is kept as an expression.
    func assertExpression(_ source: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(value(of: "a = " + source, file: file, line: line), .expression(source), file: file, line: line)
    }

    func testReferencesAndTraversals() {
        assertExpression("var.a")
        assertExpression("var.a.b[0]")
        assertExpression("module.eks.cluster_name")
        assertExpression("aws_subnet.private[count.index].id")
        assertExpression("local.map[\"key\"]")
        assertExpression("data.aws_iam_policy_document.x.json")
        assertExpression("list.0.name")
        assertExpression("each.value")
    }

    func testSplats() {
        assertExpression("a[*].id")
        assertExpression("a.*.id")
        assertExpression("aws_instance.web[*].tags[\"Name\"]")
        assertExpression("a[*]")
    }

    func testFunctionCalls() {
        assertExpression("f()")
        assertExpression("f(x, y)")
        assertExpression("f(x, y...)")
        assertExpression("f(x, y,)")
        assertExpression("merge(var.tags, { Name = \"x\" })")
        assertExpression("cidrsubnet(var.cidr, 4, count.index + 1)")
        assertExpression("f(\n  1,\n  2\n)")
        assertExpression("provider::aws::arn_parse(var.arn)")
        assertExpression("upper(\"x\").length")
    }

    func testConditionals() {
        assertExpression("var.on ? 1 : 2")
        assertExpression("a ? b : c ? d : e")
        assertExpression("a == \"x\" ? [1] : []")
        assertExpression("(a\n  ? 1\n  : 2)")
    }

    func testOperators() {
        assertExpression("!var.disabled")
        assertExpression("!!a")
        assertExpression("1 + 2")
        assertExpression("a * b + c / d - e % f")
        assertExpression("a > 1 && b <= 2 || !c")
        assertExpression("a == b != c")
        assertExpression("a >= 1 && a < 10")
        assertExpression("-a.b")
        assertExpression("(1)")
        assertExpression("(a + b) * c")
        assertExpression("[1, 2][0]")
    }

    func testBinaryOperatorsNeedBothOperands() {
        XCTAssertEqual(diagnostics(of: "a = 1 +\n"), ["test.tf:1:8: error: unexpected newline; expected an expression"])
        XCTAssertEqual(diagnostics(of: "a = * 2\n"), ["test.tf:1:5: error: unexpected \"*\"; expected an expression"])
        XCTAssertEqual(diagnostics(of: "a = (1 +)\n"), ["test.tf:1:9: error: unexpected \")\"; expected an expression"])
    }

    func testConditionalNeedsColon() {
        XCTAssertEqual(diagnostics(of: "a = x ? 1\n"),
                       ["test.tf:1:10: error: unexpected newline; expected \":\" in the conditional expression"])
    }

    func testTupleForExpressions() {
        assertExpression("[for s in var.list : upper(s)]")
        assertExpression("[for i, v in var.list : v if i > 0]")
        assertExpression("[\n  for k, v in var.map :\n  \"${k}=${v}\"\n  if v != null\n]")
    }

    func testObjectForExpressions() {
        assertExpression("{for k, v in var.map : k => v}")
        assertExpression("{ for k, v in var.map : v.group => k... }")
        assertExpression("{\n  for name, ng in var.groups : name => merge(ng, { a = 1 })\n  if ng.enabled\n}")
    }

    func testForAsAnObjectKeyOrReferenceIsNotAForExpression() {
        XCTAssertEqual(value(of: "a = { for = 1 }"), .object([.init("for", .number("1"))]))
        XCTAssertEqual(value(of: "a = [for]"), .list([.expression("for")]))
    }

    func testNewlinesAreInsignificantInsideBrackets() {
        let body = parseClean("a = f(\n1,\n\n2)\nb = [\n\n1\n\n]\nc = (\n1\n+\n2\n)\n")
        XCTAssertEqual(body.attributes.map(\.name), ["a", "b", "c"])
        XCTAssertEqual(body.attributes[1].value, .list([.number("1")]))
    }

    func testNewlineEndsAnExpressionInABody() {
        let body = parseClean("a = b\nc = [1]\nd = 1 + 2 == 3 ? \"x\" : \"y\"\n")
        XCTAssertEqual(body.attributes.map(\.value), [.expression("b"), .list([.number("1")]),
                                                      .expression("1 + 2 == 3 ? \"x\" : \"y\"")])
        XCTAssertEqual(diagnostics(of: "a = b\n  .c\n"),
                       ["test.tf:2:3: error: unexpected \".\"; expected an attribute name or a block type"])
    }

    func testExpressionsInsideCollectionsAreValidated() {
        XCTAssertEqual(diagnostics(of: "a = [var.]\n"),
                       ["test.tf:1:10: error: unexpected \"]\"; expected an attribute name, index or \"*\" after \".\""])
        XCTAssertEqual(diagnostics(of: "a = { b = f(,) }\n"),
                       ["test.tf:1:13: error: unexpected \",\"; expected an expression"])
    }

    func testTemplateInterpolationsAreValidated() {
        XCTAssertEqual(diagnostics(of: "a = \"${var.}\"\n"),
                       ["test.tf:1:12: error: unexpected \"}\"; expected an attribute name, index or \"*\" after \".\""])
    }
}
