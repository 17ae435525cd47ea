import EKSDocAnalysis
import EKSDocModel

/// What a route destination is and what a route does, in words (reference/aws-facts.md §4).
enum RouteMeaning {
    /// RFC 1918 private ranges.
    static let privateRanges = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].compactMap { IPv4Network($0) }
    /// RFC 6598 shared address space, often used for secondary (pod) CIDRs.
    static let sharedRange = IPv4Network("100.64.0.0/10")!

    /// What kind of address range a destination is, seen from this environment.
    static func rangeKind(_ destination: String, env: Environment) -> String {
        if destination.hasPrefix("pl-") { return "prefix list (addresses of an AWS service or a managed list)" }
        if destination == "0.0.0.0/0" || destination == "::/0" { return "default route" }
        guard let network = IPv4Network(destination) else {
            return destination.contains(":") ? "IPv6 range" : "destination not understood"
        }
        for vpc in env.vpcs {
            for (i, cidr) in vpc.cidrs.enumerated() {
                guard let block = IPv4Network(cidr), block.contains(network) else { continue }
                let which = i == 0 ? "primary" : "secondary"
                return block == network ? "the VPC's \(which) CIDR" : "inside the VPC's \(which) CIDR"
            }
        }
        if privateRanges.contains(where: { $0.contains(network) }) { return "RFC 1918 private range" }
        if sharedRange.contains(network) { return "RFC 6598 shared address space (outside this VPC)" }
        if privateRanges.contains(where: { network.contains($0) }) { return "range covering RFC 1918 space" }
        return network.prefixLength == 32 ? "single public address" : "public address range"
    }

    /// True for a destination this VPC does not own that is not a default route or prefix list: the
    /// corporate, on-premises, partner and other-VPC ranges.
    static func isExternalRange(_ route: Route, env: Environment) -> Bool {
        guard route.targetKind != .local, !Routing.isDefault(route), let network = IPv4Network(route.destination) else {
            return false
        }
        return !env.vpcs.contains { vpc in vpc.cidrs.contains { IPv4Network($0)?.contains(network) ?? false } }
    }

    /// One line saying what a route does.
    static func meaning(_ route: Route, env: Environment) -> String {
        let target = Routing.describeTarget(route.target, kind: route.targetKind, in: env)
        if !Routing.isActive(route) {
            return "⚠️ blackhole: the target is gone, so traffic to \(NetworkText.code(route.destination)) is dropped"
        }
        if route.targetKind == .local {
            return "local: \(MD.text(rangeKind(route.destination, env: env))) stays within the VPC"
        }
        if Routing.isDefault(route) {
            return "default route: all traffic no more specific route matches → \(MD.text(target))"
        }
        return "\(MD.text(rangeKind(route.destination, env: env))) → \(MD.text(target))"
    }

    /// The target cell: the id, and the appliance's network interface when the snapshot names it.
    static func targetCell(_ route: Route) -> String {
        NetworkText.code(route.target) + (route.networkInterface.map { " via \(NetworkText.code($0))" } ?? "")
    }

    /// Sort key for destinations: IPv4 by address then prefix, then everything else by text.
    static func order(_ a: String, _ b: String) -> Bool {
        switch (IPv4Network(a), IPv4Network(b)) {
        case let (x?, y?): return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return a < b
        }
    }
}
