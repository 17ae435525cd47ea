import EKSDocModel
import Foundation

/// Prefix delegation arithmetic: how many /28 prefixes a subnet can hand out (reference/aws-facts.md §1, §2).
///
/// With `ENABLE_PREFIX_DELEGATION=true` the VPC CNI assigns whole /28 prefixes (16 addresses each) to ENIs, and
/// EC2 only delegates a /28 that is aligned on a 16-address boundary and entirely free. A subnet of prefix length
/// p <= 28 holds 2^(28-p) aligned /28 blocks. AWS reserves the first four addresses (network, VPC router, DNS,
/// future use) and the last one (broadcast) of every subnet, so the first block and the last block can never be
/// delegated: a /22 holds 64 blocks of which 62 are whole, 992 prefix addresses against 1,019 usable ones; a /28
/// subnet holds none.
///
/// This is an upper bound: the primary address of every ENI placed in the subnet also comes from it and, wherever
/// it lands, spoils one more block; and fragmentation by secondary IPs assigned before prefix delegation was turned
/// on spoils more.
public enum SubnetPrefixes {
    /// Addresses in one delegated prefix.
    public static let prefixSize: UInt64 = 16
    /// The prefix length of a delegated prefix.
    public static let prefixLength = 28

    /// Aligned /28 blocks in the subnet, counting those that hold reserved addresses.
    public static func alignedBlocks(_ network: IPv4Network) -> UInt64 {
        network.prefixLength > prefixLength ? 0 : UInt64(1) << UInt64(prefixLength - network.prefixLength)
    }

    /// Aligned /28 blocks that contain none of the five addresses AWS reserves in the subnet.
    public static func wholeBlocks(_ network: IPv4Network) -> UInt64 {
        let blocks = alignedBlocks(network)
        guard blocks > 0 else { return 0 }
        let base = UInt64(network.first.value)
        let reserved = [0, 1, 2, 3].map { base + $0 } + [UInt64(network.last.value)]
        let touched = Set(reserved.map { ($0 - base) / prefixSize })
        return blocks - UInt64(touched.count)
    }

    /// `wholeBlocks x 16`: the most pod addresses prefix delegation can hand out from the subnet.
    public static func prefixAddresses(_ network: IPv4Network) -> UInt64 { wholeBlocks(network) * prefixSize }
}

/// Resolution of Karpenter `EC2NodeClass` subnet selector terms against the model's subnets.
///
/// Terms are in the model's short form (`id subnet-0abc`, `tag karpenter.sh/discovery=qas`, parts of one term
/// joined by `, `). A subnet matches a term when it matches every part; it is selected when it matches any term.
/// A tag value `*` matches any value. Terms with other fields cannot be resolved and are reported.
enum KarpenterSubnets {
    /// The selected subnet ids in model order, and the terms that could not be resolved.
    static func resolve(_ terms: [String], in subnets: [Subnet]) -> (ids: [String], unresolved: [String]) {
        var ids: [String] = []
        var unresolved: [String] = []
        for term in terms {
            let parts = term.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let matchers = parts.map(matcher)
            guard !parts.isEmpty, matchers.allSatisfy({ $0 != nil }) else { unresolved.append(term); continue }
            let unknownID = parts.compactMap(idOf).first { id in !subnets.contains { $0.id == id } }
            if let unknownID { ids.append(unknownID); continue }
            for subnet in subnets where matchers.allSatisfy({ $0!(subnet) }) { ids.append(subnet.id) }
        }
        var seen = Set<String>()
        return (ids.filter { seen.insert($0).inserted }, unresolved)
    }

    private static func idOf(_ part: String) -> String? {
        part.hasPrefix("id ") ? String(part.dropFirst(3)) : nil
    }

    private static func matcher(_ part: String) -> ((Subnet) -> Bool)? {
        if let id = idOf(part) { return { $0.id == id } }
        guard part.hasPrefix("tag "), let equals = part.firstIndex(of: "=") else { return nil }
        let key = String(part[part.index(part.startIndex, offsetBy: 4)..<equals])
        let value = String(part[part.index(after: equals)...])
        return { subnet in
            guard let actual = subnet.tags[key] else { return false }
            return value == "*" || actual == value
        }
    }
}
