import EKSDocAnalysis
import EKSDocModel
import XCTest

/// reference/aws-facts.md §1: usable = 2^(32-prefix) - 5.
final class SubnetAddressesTests: XCTestCase {
    func testReferenceValues() throws {
        let expected: [(String, UInt64)] = [
            ("10.0.0.0/16", 65_531), ("10.0.0.0/20", 4_091), ("10.0.0.0/21", 2_043), ("100.96.32.0/22", 1_019),
            ("10.142.36.0/24", 251), ("10.142.39.0/25", 123), ("10.0.0.0/26", 59), ("10.0.0.0/27", 27), ("10.0.0.0/28", 11),
        ]
        for (cidr, usable) in expected {
            XCTAssertEqual(SubnetAddresses.usable(try XCTUnwrap(IPv4Network(cidr))), usable, cidr)
        }
    }

    func testSeedCorrections() throws {
        // seeds/README.md: the two pod /22s hold 2,038 addresses, the two Kubernetes /24s 502.
        let pods = try ["100.96.32.0/22", "100.96.36.0/22"].map { SubnetAddresses.usable(try XCTUnwrap(IPv4Network($0))) }
        XCTAssertEqual(pods.reduce(0, +), 2_038)
        let nodes = try ["10.142.36.0/24", "10.142.37.0/24"].map { SubnetAddresses.usable(try XCTUnwrap(IPv4Network($0))) }
        XCTAssertEqual(nodes.reduce(0, +), 502)
    }
}
