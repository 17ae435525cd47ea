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

    /// The one-pass parser against the definition it replaced (split on `.` and `/`, digits only, ranges), on
    /// generated text built from the characters that matter.
    func testParserAgreesWithTheSplitDefinition() {
        func referenceAddress(_ text: Substring) -> UInt32? {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 4 else { return nil }
            var result: UInt32 = 0
            for part in parts {
                guard !part.isEmpty, part.count <= 3, part.allSatisfy({ $0.isASCII && $0.isNumber }),
                      let octet = UInt32(part), octet <= 255 else { return nil }
                result = result << 8 | octet
            }
            return result
        }
        func referenceNetwork(_ text: String) -> (UInt32, Int)? {
            let pieces = text.split(separator: "/", omittingEmptySubsequences: false)
            guard pieces.count <= 2, let address = referenceAddress(pieces[0]) else { return nil }
            guard pieces.count == 2 else { return (address, 32) }
            guard !pieces[1].isEmpty, pieces[1].count <= 2, pieces[1].allSatisfy({ $0.isASCII && $0.isNumber }),
                  let n = Int(pieces[1]), (0...32).contains(n) else { return nil }
            return (address, n)
        }
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789././/2559x ٣")
        var cases = ["10.0.0.0/8", "0.0.0.0/0", "255.255.255.255/32", "1.2.3.4", "01.002.3.4/09", "256.1.1.1", "1.2.3",
                     "1.2.3.4.5", "1.2.3.4/", "1.2.3.4/33", "1.2.3.4/123", "/8", "", "1..2.3", "1.2.3.4/8/8", "1.2.3.٣"]
        for _ in 0..<20_000 {
            cases.append(String((0..<Int.random(in: 1...18, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        // Near-valid text: 3-5 groups of 0-4 digits, sometimes a prefix of 0-3 digits.
        for _ in 0..<20_000 {
            let groups = (0..<Int.random(in: 3...5, using: &generator)).map { _ in
                String((0..<Int.random(in: 0...4, using: &generator)).map { _ in "0123456789".randomElement(using: &generator)! })
            }
            var text = groups.joined(separator: ".")
            if Bool.random(using: &generator) {
                text += "/" + String((0..<Int.random(in: 0...3, using: &generator)).map { _ in "0123456789".randomElement(using: &generator)! })
            }
            cases.append(text)
        }
        for text in cases {
            let expected = referenceNetwork(text)
            let parsed = IPv4Network(text)
            XCTAssertEqual(parsed.map { [$0.address.value, UInt32($0.prefixLength)] },
                           expected.map { [IPv4Network(address: IPv4Address($0.0), prefixLength: $0.1).address.value, UInt32($0.1)] },
                           text)
            XCTAssertEqual(IPv4Address(text)?.value, referenceAddress(Substring(text)), text)
        }
    }
}
