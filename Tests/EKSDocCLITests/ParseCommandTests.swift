import EKSDocTestSupport
import Foundation
import XCTest

final class ParseCommandTests: XCTestCase {
    func testParsesTheExampleTfvars() throws {
        let file = TestSupport.content.appendingPathComponent("environments/qas/variables.tfvars").path
        let result = try TestSupport.eksdoc(["parse", file])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        XCTAssertEqual(json["cluster_name"] as? String, "leadertools-qas")
        XCTAssertEqual(json["pod_subnets"] as? [String], ["subnet-09d92cbf937adefe5", "subnet-0282b6517b060ced4"])
        let groups = try XCTUnwrap(json["node_groups"] as? [String: Any])
        let group = try XCTUnwrap(groups["eks_leadertools"] as? [String: Any])
        XCTAssertEqual(group["min_size"] as? Int, 2)
        XCTAssertEqual(group["use_custom_launch_template"] as? Bool, true)
    }

    func testExpressionsAndBlocks() throws {
        let root = try TestSupport.makeTree(["main.tf": """
        variable "name" {
          type    = string
          default = "x"
        }
        locals {
          full = "${var.name}-eks"
          n    = length(var.list) + 1
        }
        """])
        let result = try TestSupport.eksdoc(["parse", root.appendingPathComponent("main.tf").path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        let blocks = try XCTUnwrap(json["blocks"] as? [[String: Any]])
        XCTAssertEqual(blocks.map { $0["type"] as? String }, ["variable", "locals"])
        XCTAssertEqual(blocks[0]["labels"] as? [String], ["name"])
        let variableBody = try XCTUnwrap(blocks[0]["body"] as? [String: Any])
        XCTAssertEqual(variableBody["type"] as? [String: String], ["expression": "string"])
        let locals = try XCTUnwrap(blocks[1]["body"] as? [String: Any])
        XCTAssertEqual(locals["full"] as? String, "${var.name}-eks")
        XCTAssertEqual(locals["n"] as? [String: String], ["expression": "length(var.list) + 1"])
    }

    func testSyntaxErrorExitsTwoWithLocation() throws {
        let root = try TestSupport.makeTree(["bad.tfvars": "a = 1\nb = <<EOF\nnever closed\n"])
        let path = root.appendingPathComponent("bad.tfvars").path
        let result = try TestSupport.eksdoc(["parse", path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.hasPrefix("\(path):2:5: error: "), result.stderr)
        XCTAssertTrue(result.stdout.isEmpty)
    }
}
