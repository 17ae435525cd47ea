import EKSDocModel

/// An IPv6 network in CIDR notation (an address alone is a /128), normalised so host bits are zero.
///
/// Parses the text forms found in AWS data: full (`2600:1f14:0:0:0:0:0:1`), compressed with one `::`
/// (`2600:1f14::/56`, `::/0`, `::1`) and with a trailing dotted IPv4 part (`::ffff:10.0.0.1`). The 128 bits are kept
/// as two 64-bit halves so longest-prefix matching needs no wide integer type.
public struct IPv6Prefix: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The first (most significant) 64 bits.
    public var high: UInt64
    /// The last 64 bits.
    public var low: UInt64
    public var prefixLength: Int

    /// A prefix from its two 64-bit halves; bits past `prefixLength` (0...128) are cleared.
    public init(high: UInt64, low: UInt64, prefixLength: Int) {
        precondition((0...128).contains(prefixLength), "prefix length out of range")
        let (maskHigh, maskLow) = IPv6Prefix.mask(prefixLength)
        self.high = high & maskHigh
        self.low = low & maskLow
        self.prefixLength = prefixLength
    }

    /// Parses `address` or `address/length`; nil when the text is not valid IPv6.
    public init?(_ text: some StringProtocol) {
        let pieces = text.split(separator: "/", omittingEmptySubsequences: false)
        guard pieces.count <= 2, let groups = IPv6Prefix.groups(of: pieces[0]) else { return nil }
        var length = 128
        if pieces.count == 2 {
            guard !pieces[1].isEmpty, pieces[1].count <= 3, pieces[1].allSatisfy({ $0.isASCII && $0.isNumber }),
                  let n = Int(pieces[1]), (0...128).contains(n) else { return nil }
            length = n
        }
        let high = groups[0..<4].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        let low = groups[4..<8].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        self.init(high: high, low: low, prefixLength: length)
    }

    /// The two halves of the netmask for a prefix length.
    static func mask(_ length: Int) -> (UInt64, UInt64) {
        if length >= 64 {
            return (UInt64.max, length == 64 ? 0 : UInt64.max << UInt64(128 - length))
        }
        return (length == 0 ? 0 : UInt64.max << UInt64(64 - length), 0)
    }

    /// True when `other` lies wholly inside this network.
    public func contains(_ other: IPv6Prefix) -> Bool {
        guard other.prefixLength >= prefixLength else { return false }
        let (maskHigh, maskLow) = IPv6Prefix.mask(prefixLength)
        return other.high & maskHigh == high && other.low & maskLow == low
    }

    /// Orders by address, then prefix length.
    public static func < (lhs: IPv6Prefix, rhs: IPv6Prefix) -> Bool {
        (lhs.high, lhs.low, lhs.prefixLength) < (rhs.high, rhs.low, rhs.prefixLength)
    }

    /// The RFC 5952 text: lower case, leading zeros dropped, the longest run of two or more zero groups as `::`.
    public var description: String {
        let groups = (0..<8).map { i -> UInt16 in
            let half = i < 4 ? high : low
            return UInt16(truncatingIfNeeded: half >> UInt64(16 * (3 - i % 4)))
        }
        var best = (start: -1, count: 0), run = (start: -1, count: 0)
        for (i, group) in groups.enumerated() {
            if group == 0 {
                run = run.start < 0 ? (i, 1) : (run.start, run.count + 1)
                if run.count > best.count { best = run }
            } else {
                run = (-1, 0)
            }
        }
        let hex = groups.map { String($0, radix: 16) }
        let text: String
        if best.count >= 2 {
            let head = hex[0..<best.start].joined(separator: ":")
            let tail = hex[(best.start + best.count)...].joined(separator: ":")
            text = head + "::" + tail
        } else {
            text = hex.joined(separator: ":")
        }
        return "\(text)/\(prefixLength)"
    }

    /// The eight 16-bit groups of an address, expanding `::` and a trailing dotted IPv4 part.
    static func groups(of text: some StringProtocol) -> [UInt16]? {
        var body = String(text)
        guard body.contains(":") else { return nil }
        var trailing: [UInt16] = []
        if let lastColon = body.lastIndex(of: ":"), body[lastColon...].contains(".") {
            guard let v4 = IPv4Address(body[body.index(after: lastColon)...]) else { return nil }
            trailing = [UInt16(v4.value >> 16), UInt16(v4.value & 0xffff)]
            body = String(body[...lastColon])
            // `::ffff:` keeps its last colon as a separator; a single trailing colon left over is dropped.
            if body.hasSuffix(":") && !body.hasSuffix("::") { body.removeLast() }
        }
        let halves = body.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func parse(_ part: String) -> [UInt16]? {
            if part.isEmpty { return [] }
            var result: [UInt16] = []
            for group in part.split(separator: ":", omittingEmptySubsequences: false) {
                guard (1...4).contains(group.count), group.allSatisfy(\.isHexDigit),
                      let value = UInt16(group, radix: 16) else { return nil }
                result.append(value)
            }
            return result
        }
        guard let head = parse(halves[0]) else { return nil }
        if halves.count == 1 {
            let all = head + trailing
            return all.count == 8 ? all : nil
        }
        guard let tail = parse(halves[1]) else { return nil }
        let known = head.count + tail.count + trailing.count
        guard known <= 7 else { return nil }
        return head + Array(repeating: 0, count: 8 - known) + tail + trailing
    }
}
