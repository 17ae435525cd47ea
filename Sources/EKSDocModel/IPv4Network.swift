import Foundation

/// An IPv4 address.
public struct IPv4Address: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var value: UInt32

    public init(_ value: UInt32) { self.value = value }

    /// Parses dotted-quad text (`10.1.2.3`); nil when it is not exactly four octets 0-255.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var result: UInt32 = 0
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let octet = UInt32(part), octet <= 255 else { return nil }
            result = result << 8 | octet
        }
        value = result
    }

    public static func < (lhs: IPv4Address, rhs: IPv4Address) -> Bool { lhs.value < rhs.value }

    public var description: String {
        "\(value >> 24).\(value >> 16 & 0xff).\(value >> 8 & 0xff).\(value & 0xff)"
    }
}

/// An IPv4 network in CIDR notation, normalised so host bits are zero (`100.68.0.18/18` -> `100.68.0.0/18`).
public struct IPv4Network: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public var address: IPv4Address
    public var prefixLength: Int

    public init(address: IPv4Address, prefixLength: Int) {
        precondition((0...32).contains(prefixLength), "prefix length out of range")
        self.prefixLength = prefixLength
        self.address = IPv4Address(address.value & IPv4Network.mask(prefixLength))
    }

    /// Parses `a.b.c.d/n`; a bare address is a /32. Nil when the text is not a valid IPv4 CIDR.
    public init?(_ text: some StringProtocol) {
        let pieces = text.split(separator: "/", omittingEmptySubsequences: false)
        guard pieces.count <= 2, let address = IPv4Address(pieces[0]) else { return nil }
        var prefix = 32
        if pieces.count == 2 {
            guard !pieces[1].isEmpty, pieces[1].count <= 2, pieces[1].allSatisfy({ $0.isASCII && $0.isNumber }),
                  let n = Int(pieces[1]), (0...32).contains(n) else { return nil }
            prefix = n
        }
        self.init(address: address, prefixLength: prefix)
    }

    static func mask(_ prefix: Int) -> UInt32 {
        prefix == 0 ? 0 : UInt32.max << UInt32(32 - prefix)
    }

    /// The netmask as an integer.
    public var mask: UInt32 { IPv4Network.mask(prefixLength) }
    /// The first address of the network.
    public var first: IPv4Address { address }
    /// The last address of the network.
    public var last: IPv4Address { IPv4Address(address.value | ~mask) }
    /// Every address in the block, reserved ones included: 2^(32-prefix).
    public var addressCount: UInt64 { UInt64(1) << UInt64(32 - prefixLength) }

    public func contains(_ ip: IPv4Address) -> Bool { ip.value & mask == address.value }

    /// True when `other` lies wholly inside this network.
    public func contains(_ other: IPv4Network) -> Bool {
        other.prefixLength >= prefixLength && contains(other.address)
    }

    /// True when the two networks share at least one address.
    public func overlaps(_ other: IPv4Network) -> Bool {
        contains(other.address) || other.contains(address)
    }

    public static func < (lhs: IPv4Network, rhs: IPv4Network) -> Bool {
        (lhs.address, lhs.prefixLength) < (rhs.address, rhs.prefixLength)
    }

    public var description: String { "\(address)/\(prefixLength)" }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let network = IPv4Network(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "not an IPv4 CIDR: \(text)"))
        }
        self = network
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Validation and normalisation of CIDR text for either address family.
public enum CIDR {
    /// The normalised form of an IPv4 or IPv6 CIDR, or nil when the text is neither.
    public static func normalize(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let v4 = IPv4Network(trimmed) { return v4.description }
        if isIPv6(trimmed) { return trimmed.lowercased() }
        return nil
    }

    /// True for IPv6 CIDR text such as `::/0` or `2600:1f14::/56`.
    public static func isIPv6(_ text: String) -> Bool {
        let pieces = text.split(separator: "/", omittingEmptySubsequences: false)
        guard pieces.count <= 2, pieces[0].contains(":"), !pieces[0].contains(":::") else { return false }
        if pieces.count == 2 {
            guard let n = Int(pieces[1]), (0...128).contains(n) else { return false }
        }
        let groups = pieces[0].split(separator: ":", omittingEmptySubsequences: false)
        guard groups.count >= 3 || pieces[0] == "::", groups.count <= 8 else { return false }
        let doubleColons = pieces[0].components(separatedBy: "::").count - 1
        guard doubleColons <= 1 else { return false }
        return groups.allSatisfy { $0.count <= 4 && $0.allSatisfy(\.isHexDigit) }
    }
}
