import EKSDocModel
import XCTest
@testable import EKSDocHCL

final class BlockTests: XCTestCase {
    func testBlockWithLabels() {
        let body = parseClean("resource \"aws_eks_cluster\" \"main\" {\n  name = \"x\"\n}\n")
        XCTAssertEqual(body.blocks.count, 1)
        let block = body.blocks[0]
        XCTAssertEqual(block.type, "resource")
        XCTAssertEqual(block.labels, ["aws_eks_cluster", "main"])
        XCTAssertEqual(block.location, loc(1, 1))
        XCTAssertEqual(block.body.attributes.map(\.name), ["name"])
        XCTAssertEqual(block.body.attributes[0].location, loc(2, 3))
        XCTAssertEqual(block.body.attributes[0].value, .string("x"))
    }

    func testBlockWithoutLabelsAndWithIdentifierLabels() {
        let body = parseClean("locals {\n  a = 1\n}\ndynamic ingress {\n}\n")
        XCTAssertEqual(body.blocks.map(\.type), ["locals", "dynamic"])
        XCTAssertEqual(body.blocks.map(\.labels), [[], ["ingress"]])
    }

    func testLabelEscapesAreDecoded() {
        XCTAssertEqual(parseClean("b \"a\\\"b\" {\n}\n").blocks.first?.labels, ["a\"b"])
    }

    func testOneLineAndEmptyBlocks() {
        let body = parseClean("lifecycle { create_before_destroy = true }\ndata \"aws_caller_identity\" \"me\" {}\n")
        XCTAssertEqual(body.blocks[0].body.attributes.map(\.value), [.bool(true)])
        XCTAssertEqual(body.blocks[1].labels, ["aws_caller_identity", "me"])
        XCTAssertEqual(body.blocks[1].body, HCLBody())
    }

    func testNestedBlocksAndSourceOrder() {
        let source = """
        resource "aws_security_group" "sg" {
          name = "sg"
          ingress {
            from_port = 443
          }
          dynamic "egress" {
            for_each = var.rules
            content {
              to_port = egress.value
            }
          }
          ingress { from_port = 80 }
          vpc_id = var.vpc
        }
        """
        let sg = parseClean(source).blocks[0]
        XCTAssertEqual(sg.body.attributes.map(\.name), ["name", "vpc_id"])
        XCTAssertEqual(sg.body.blocks.map(\.type), ["ingress", "dynamic", "ingress"])
        XCTAssertEqual(sg.body.blocks(ofType: "ingress").map { $0.body.attributes[0].value },
                       [.number("443"), .number("80")])
        let dynamic = sg.body.blocks[1]
        XCTAssertEqual(dynamic.labels, ["egress"])
        XCTAssertEqual(dynamic.location, loc(6, 3))
        XCTAssertEqual(dynamic.body.attribute("for_each")?.value, .expression("var.rules"))
        XCTAssertEqual(dynamic.body.blocks[0].body.attribute("to_port")?.value, .expression("egress.value"))
        XCTAssertEqual(dynamic.body.blocks[0].body.attribute("to_port")?.location, loc(9, 7))
    }

    func testProviderAliases() {
        let body = parseClean("provider \"aws\" {\n  region = \"eu-west-1\"\n}\nprovider \"aws\" {\n  alias = \"dr\"\n}\n")
        XCTAssertEqual(body.blocks(ofType: "provider").count, 2)
        XCTAssertEqual(body.blocks[1].body.attribute("alias")?.value, .string("dr"))
    }

    func testSameAttributeNameInDifferentBodiesIsFine() {
        let body = parseClean("name = 1\nb {\n  name = 2\n}\nc {\n  name = 3\n}\n")
        XCTAssertEqual(body.attributes.count, 1)
        XCTAssertEqual(body.blocks.map { $0.body.attributes[0].value }, [.number("2"), .number("3")])
    }

    func testAttributeAndBlockWithTheSameName() {
        let body = parseClean("tags = {}\ntags {\n}\n")
        XCTAssertEqual(body.attributes.map(\.name), ["tags"])
        XCTAssertEqual(body.blocks.map(\.type), ["tags"])
    }

    func testCommentsBetweenBlockParts() {
        let body = parseClean("module \"vpc\" /* inline */ { # trailing\n  // line comment\n  source = \"./vpc\" # why\n}\n")
        XCTAssertEqual(body.blocks[0].labels, ["vpc"])
        XCTAssertEqual(body.blocks[0].body.attribute("source")?.value, .string("./vpc"))
    }

    func testEmptyAndCommentOnlyFiles() {
        XCTAssertEqual(parseClean(""), HCLBody())
        XCTAssertEqual(parseClean("\n\n# nothing\n/* here */\n"), HCLBody())
    }
}
