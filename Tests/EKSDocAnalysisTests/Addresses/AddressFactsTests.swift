import EKSDocAnalysis
import EKSDocModel
import XCTest

final class AddressFactsTests: XCTestCase {
    let at = SourceLocation(file: "s.json", line: 1, column: 1)

    func testFreeNowIsShownBesideCapacityAndImpossibleCountsAreFlagged() {
        let ok = SubnetAddressFacts(Subnet(id: "a", cidr: "10.0.0.0/24", availableAddresses: 40, source: at))
        XCTAssertEqual(ok.usable, 251)
        XCTAssertEqual(ok.freeNow, 40)
        XCTAssertFalse(ok.freeNowImpossible)
        XCTAssertEqual(ok.inUse, 211)
        // reference/aws-facts.md §1: synthetic data reports 4,091 free in a /24.
        let impossible = SubnetAddressFacts(Subnet(id: "b", cidr: "10.0.1.0/24", availableAddresses: 4_091, source: at))
        XCTAssertTrue(impossible.freeNowImpossible)
        XCTAssertNil(impossible.inUse)
        let full = SubnetAddressFacts(Subnet(id: "c", cidr: "10.0.2.0/24", availableAddresses: 251, source: at))
        XCTAssertFalse(full.freeNowImpossible)
        XCTAssertEqual(full.inUse, 0)
    }

    func testTotalsPerVPCIgnoreImplausibleCounts() {
        var env = Environment(name: "e")
        env.subnets = [
            Subnet(id: "a", vpc: "vpc-1", cidr: "10.0.0.0/24", availableAddresses: 100, source: at),
            Subnet(id: "b", vpc: "vpc-1", cidr: "10.0.1.0/25", availableAddresses: 9_999, source: at),
            Subnet(id: "c", vpc: "vpc-2", cidr: "100.64.0.0/22", source: at),
        ]
        let facts = AddressFacts(env)
        XCTAssertEqual(facts.byVPC["vpc-1"], AddressTotals(facts.subnets.filter { $0.subnet != "c" }))
        XCTAssertEqual(facts.byVPC["vpc-1"]?.usable, 251 + 123)
        XCTAssertEqual(facts.byVPC["vpc-1"]?.freeNow, 100)
        XCTAssertEqual(facts.byVPC["vpc-1"]?.subnetsWithFreeNow, 1)
        XCTAssertNil(facts.byVPC["vpc-1"]?.utilisation, "not every subnet reported a plausible count")
        XCTAssertEqual(facts.byVPC["vpc-2"]?.usable, 1_019)
        XCTAssertEqual(facts.totals(of: ["a"]).utilisation ?? -1, Double(151) / 251, accuracy: 1e-9)
    }
}
