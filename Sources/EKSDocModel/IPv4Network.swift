import Foundation

/// An IPv4 address.
public struct IPv4Address: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var value: UInt32

    public init(_ value: UInt32) { self.value = value }

    /// Parses dotted-quad text (`10.1.2.3`); nil when it is not exactly four octets 0-255.
    public init?(_ text: some StringProtocol) {
        guard let (value, prefix) = IPv4Address.scan(text.utf8), prefix == nil else { return nil }
        self.value = value
    }

    /// One pass over the bytes of `a.b.c.d` or `a.b.c.d/n`: four octets of 1-3 ASCII digits each at most 255,
    /// then optionally `/` and 1-2 digits at most 32. Nil for anything else. (Parsing addresses was a fifth of
    /// a large estate's build while it split strings.)
    static func scan(_ bytes: some Sequence<UInt8>) -> (value: UInt32, prefix: Int?)? {
        var value: UInt32 = 0, octet: UInt32 = 0, digits = 0, octets = 0
        var prefix: Int?, prefixDigits = 0
        for byte in bytes {
            let digit = byte &- UInt8(ascii: "0")
            if var current = prefix {
                guard digit < 10, prefixDigits < 2 else { return nil }
                current = current * 10 + Int(digit)
                prefixDigits += 1
                prefix = current
            } else if digit < 10 {
                guard digits < 3 else { return nil }
                octet = octet * 10 + UInt32(digit)
                digits += 1
            } else if byte == UInt8(ascii: "."), digits > 0, octet <= 255, octets < 3 {
                value = value << 8 | octet
                (octet, digits, octets) = (0, 0, octets + 1)
            } else if byte == UInt8(ascii: "/"), digits > 0, octet <= 255, octets == 3 {
                value = value << 8 | octet
                (octet, digits, octets) = (0, 0, 4)
                prefix = 0
            } else {
                return nil
            }
        }
        if let prefix { return prefixDigits > 0 && prefix <= 32 ? (value, prefix) : nil }
        guard octets == 3, digits > 0, octet <= 255 else { return nil }
        return (value << 8 | octet, nil)
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
        guard let (value, prefix) = IPv4Address.scan(text.utf8) else { return nil }
        self.init(address: IPv4Address(value), prefixLength: prefix ?? 32)
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
