import EKSDocModel
import XCTest

final class IPv4NetworkTests: XCTestCase {
    func testParsesAndNormalisesHostBits() throws {
        // reference/aws-facts.md §1: a CIDR written with host bits set is normalised.
        let network = try XCTUnwrap(IPv4Network("100.68.0.18/18"))
        XCTAssertEqual(network.description, "100.68.0.0/18")
        XCTAssertEqual(network.prefixLength, 18)
    }

    func testBareAddressIsSlash32() throws {
        XCTAssertEqual(try XCTUnwrap(IPv4Network("10.1.2.3")).description, "10.1.2.3/32")
    }

    func testRejectsInvalidText() {
        for text in ["10.0.0.0/33", "10.0.0/24", "256.0.0.0/8", "10.0.0.0/", "a.b.c.d/8", "10.0.0.0/24/1", "", "1.2.3.4.5/8", "10.00001.0.0/16", "10.0.0.0/-1"] {
            XCTAssertNil(IPv4Network(text), text)
        }
    }

    func testAddressCountAndContainment() throws {
        let vpc = try XCTUnwrap(IPv4Network("10.142.32.0/21"))
        XCTAssertEqual(vpc.addressCount, 2048)
        XCTAssertEqual(vpc.last.description, "10.142.39.255")
        XCTAssertTrue(vpc.contains(try XCTUnwrap(IPv4Network("10.142.39.128/25"))))
        XCTAssertFalse(vpc.contains(try XCTUnwrap(IPv4Network("10.142.40.0/24"))))
        XCTAssertTrue(vpc.contains(try XCTUnwrap(IPv4Address("10.142.36.7"))))
        XCTAssertTrue(try XCTUnwrap(IPv4Network("0.0.0.0/0")).contains(try XCTUnwrap(IPv4Address("8.8.8.8"))))
    }

    func testOverlap() throws {
        let a = try XCTUnwrap(IPv4Network("10.0.0.0/16"))
        XCTAssertTrue(a.overlaps(try XCTUnwrap(IPv4Network("10.0.128.0/17"))))
        XCTAssertTrue(try XCTUnwrap(IPv4Network("10.0.0.0/8")).overlaps(a))
        XCTAssertFalse(a.overlaps(try XCTUnwrap(IPv4Network("10.1.0.0/16"))))
    }

    func testCodableRoundTrip() throws {
        let network = try XCTUnwrap(IPv4Network("172.20.0.0/16"))
        let data = try JSONEncoder().encode([network])
        XCTAssertEqual(String(decoding: data, as: UTF8.self), #"["172.20.0.0\/16"]"#)
        XCTAssertEqual(try JSONDecoder().decode([IPv4Network].self, from: data), [network])
    }

    func testCIDRNormalizeBothFamilies() {
        XCTAssertEqual(CIDR.normalize("10.0.1.7/24"), "10.0.1.0/24")
        XCTAssertEqual(CIDR.normalize("::/0"), "::/0")
        XCTAssertEqual(CIDR.normalize("2600:1F14:ABCD::/56"), "2600:1f14:abcd::/56")
        XCTAssertNil(CIDR.normalize("2600:::1/56"))
        XCTAssertNil(CIDR.normalize("10.0.0.0/40"))
        XCTAssertNil(CIDR.normalize("::/129"))
        XCTAssertNil(CIDR.normalize("subnet-0123"))
    }
}
