import EKSDocModel

/// A route destination or a traced address of either family. IPv4 and IPv6 never contain one another.
enum RoutePrefix: Hashable, Sendable {
    case v4(IPv4Network)
    case v6(IPv6Prefix)

    /// Parses an IPv4 or IPv6 address or CIDR; nil for anything else (prefix lists `pl-...` included).
    init?(_ text: String) {
        let trimmed = RoutePrefix.trim(text)
        if let v4 = IPv4Network(trimmed) {
            self = .v4(v4)
        } else if let v6 = IPv6Prefix(trimmed) {
            self = .v6(v6)
        } else {
            return nil
        }
    }

    /// The text without surrounding spaces and tabs.
    static func trim(_ text: String) -> String {
        var s = Substring(text)
        while let first = s.first, first == " " || first == "\t" { s.removeFirst() }
        while let last = s.last, last == " " || last == "\t" { s.removeLast() }
        return String(s)
    }

    var prefixLength: Int {
        switch self {
        case .v4(let n): n.prefixLength
        case .v6(let n): n.prefixLength
        }
    }

    var isIPv6: Bool { if case .v6 = self { true } else { false } }

    /// True when `other` is of the same family and lies wholly inside this prefix.
    func contains(_ other: RoutePrefix) -> Bool {
        switch (self, other) {
        case (.v4(let a), .v4(let b)): a.contains(b)
        case (.v6(let a), .v6(let b)): a.contains(b)
        default: false
        }
    }
}
