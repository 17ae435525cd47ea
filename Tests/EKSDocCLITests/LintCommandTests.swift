import EKSDocTestSupport
import Foundation
import XCTest

final class LintCommandTests: XCTestCase {
    func testExampleContentHasWarningsOnly() throws {
        let result = try TestSupport.eksdoc(["lint", "content"], currentDirectory: TestSupport.packageRoot)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("content/snapshots/leadertools-qas/eks-describe-cluster.json:"), result.stdout)
        XCTAssertTrue(result.stdout.contains(": warning: [public-endpoint-open] "))
        XCTAssertTrue(result.stdout.contains("[single-az-egress]"))
        XCTAssertTrue(result.stdout.contains("[drift] node group on-demand desired: declared 3"))
        XCTAssertTrue(result.stdout.hasSuffix("0 errors, 4 warnings, 0 notes\n"), result.stdout)
        let strict = try TestSupport.eksdoc(["lint", "content", "--fail-on", "warning"], currentDirectory: TestSupport.packageRoot)
        XCTAssertEqual(strict.status, 1)
    }

    func testJSONAndErrorsExitOne() throws {
        let root = try TestSupport.makeTree(["sg.json": """
        {"SecurityGroups": [{"GroupId": "sg-1", "GroupName": "bastion", "VpcId": "vpc-1",
          "IpPermissions": [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}],
          "IpPermissionsEgress": []}]}
        """])
        let result = try TestSupport.eksdoc(["lint", root.path, "--json"])
        XCTAssertEqual(result.status, 1, "an error-level finding fails the default threshold")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        let env = try XCTUnwrap((json["environments"] as? [[String: Any]])?.first)
        let findings = try XCTUnwrap(env["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.map { $0["id"] as? String }, ["sensitive-port-open"])
        XCTAssertEqual(findings.first?["severity"] as? String, "error")
        XCTAssertEqual(findings.first?["entity"] as? String, "sg-1")
    }

    func testListNamesEveryRule() throws {
        let result = try TestSupport.eksdoc(["lint", "--list"])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stdout.split(separator: "\n").count, 13)
        XCTAssertTrue(result.stdout.contains("sensitive-port-open: "))
    }
}
