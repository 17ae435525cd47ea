import EKSDocTestSupport
import Foundation
import XCTest

/// `eksdoc trace` on the shipped example content and on small made-up folders.
final class TraceCommandTests: XCTestCase {
    func trace(_ arguments: [String], in directory: URL = TestSupport.packageRoot) throws -> TestSupport.ProcessResult {
        try TestSupport.eksdoc(["trace"] + arguments, currentDirectory: directory)
    }

    func testJSONFromAKubernetesSubnetToTheInternet() throws {
        let result = try trace(["content", "--env", "leadertools-qas", "--from", "subnet-06582423b4bddaaef",
                                "--to", "8.8.8.8:443", "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        XCTAssertEqual(json["routeTable"] as? String, "rtb-0af593cb336560f42")
        XCTAssertEqual(json["matched"] as? String, "0.0.0.0/0")
        XCTAssertEqual(json["target"] as? String, "i-0919b0c12ffebfc98")
        XCTAssertEqual(json["kind"] as? String, "instance")
        XCTAssertEqual(json["port"] as? Int, 443)
        XCTAssertEqual(json["protocol"] as? String, "tcp")
        XCTAssertEqual(json["explicitAssociation"] as? Bool, false)
        let rules = try XCTUnwrap(json["rules"] as? [[String: Any]])
        XCTAssertEqual(rules.first?["side"] as? String, "source egress")
        XCTAssertEqual(rules.first?["verdict"] as? String, "allow")
    }

    func testTextOutputHasOneLinePerStep() throws {
        let result = try trace(["content", "--env", "leadertools-qas", "--from", "10.142.36.57",
                                "--to", "208.75.11.75:443"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "from 10.142.36.57 in subnet-06582423b4bddaaef (leadertools.qas.k8s.prv.az1, 10.142.36.0/24)")
        XCTAssertTrue(lines.contains("route table rtb-0af593cb336560f42 (main table of vpc-078e600d57da47c6c)"), result.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("matched 208.75.11.75/32 -> i-022003229928b80a1 (instance: a routing appliance") },
                      result.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("source egress sg-07019a3af3f18cfa1: allow") }, result.stdout)
        XCTAssertEqual(lines.last, "result: allowed")
    }

    func testPublicSubnetAndUDP() throws {
        let result = try trace(["content", "--env", "leadertools-qas", "--from", "subnet-0de9b50b551f454d0",
                                "--to", "8.8.8.8:53", "--protocol", "udp", "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        XCTAssertEqual(json["target"] as? String, "igw-0e74bf1068b4cd3dd")
        XCTAssertEqual(json["kind"] as? String, "internetGateway")
        XCTAssertEqual(json["protocol"] as? String, "udp")
    }

    func testEnvironmentMayBeLeftOutOnlyWithOneEnvironment() throws {
        let many = try trace(["content", "--from", "subnet-06582423b4bddaaef", "--to", "8.8.8.8"])
        XCTAssertEqual(many.status, 2)
        XCTAssertTrue(many.stderr.contains("error:"), many.stderr)
        XCTAssertTrue(many.stderr.contains("leadertools-qas") && many.stderr.contains("retail-store"), many.stderr)

        let snapshots = TestSupport.packageRoot.appendingPathComponent("content/snapshots")
        let one = try trace([snapshots.path, "--from", "subnet-0de9b50b551f454d0", "--to", "1.1.1.1", "--json"])
        XCTAssertEqual(one.status, 0, one.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: one.stdoutData) as? [String: Any])
        XCTAssertEqual(json["target"] as? String, "igw-0e74bf1068b4cd3dd")
        XCTAssertTrue(json["port"] is NSNull, "no port: null")
        XCTAssertTrue(json["allowed"] is NSNull)
    }

    func testErrorsExitWithTwo() throws {
        let cases: [([String], String)] = [
            (["--env", "leadertools-qas", "--from", "subnet-0000", "--to", "8.8.8.8"], "unknown subnet subnet-0000"),
            (["--env", "leadertools-qas", "--from", "192.0.2.1", "--to", "8.8.8.8"], "192.0.2.1 is in no subnet"),
            (["--env", "leadertools-qas", "--from", "subnet-06582423b4bddaaef", "--to", "2001:db8::1"], "no route"),
            (["--env", "leadertools-qas", "--from", "subnet-06582423b4bddaaef", "--to", "8.8.8.8:99999"], "--to must be"),
            (["--env", "leadertools-qas", "--from", "subnet-06582423b4bddaaef", "--to", "8.8.8.8:443", "--protocol", "sctp"],
             "--protocol must be"),
            (["--env", "nope", "--from", "subnet-06582423b4bddaaef", "--to", "8.8.8.8"], "no environment 'nope'"),
        ]
        for (arguments, message) in cases {
            let result = try trace(["content"] + arguments)
            XCTAssertEqual(result.status, 2, arguments.joined(separator: " "))
            XCTAssertTrue(result.stderr.hasPrefix("error: "), result.stderr)
            XCTAssertTrue(result.stderr.contains(message), "\(message) not in \(result.stderr)")
            XCTAssertEqual(result.stdout, "")
        }
    }

    func testIPv6DestinationWithBrackets() throws {
        let folder = try TestSupport.makeTree([
            "ec2-describe-route-tables.json": """
            {"RouteTables": [{"RouteTableId": "rtb-1", "VpcId": "vpc-1",
              "Associations": [{"Main": true, "RouteTableId": "rtb-1"}],
              "Routes": [{"DestinationCidrBlock": "10.0.0.0/16", "GatewayId": "local", "State": "active"},
                         {"DestinationIpv6CidrBlock": "::/0", "EgressOnlyInternetGatewayId": "eigw-1", "State": "active"}]}]}
            """,
            "ec2-describe-subnets.json": """
            {"Subnets": [{"SubnetId": "subnet-1", "VpcId": "vpc-1", "CidrBlock": "10.0.1.0/24",
              "AvailabilityZone": "us-east-1a"}]}
            """,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try trace([folder.path, "--from", "10.0.1.5", "--to", "[2001:db8::1]:443", "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        XCTAssertEqual(json["to"] as? String, "2001:db8::1")
        XCTAssertEqual(json["matched"] as? String, "::/0")
        XCTAssertEqual(json["kind"] as? String, "egressOnlyInternetGateway")
        XCTAssertEqual(json["port"] as? Int, 443)
    }
}
