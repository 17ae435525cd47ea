extension CapacityAnalysis {
    /// The cluster's pod capacity from facts whose node groups and pod subnets are computed.
    ///
    /// - Address limit: the pod subnets' usable addresses or, with prefix delegation, their whole /28 blocks x 16.
    ///   Nil when no pod subnet has a known CIDR. It is an upper bound: every ENI's own primary address comes from
    ///   the same subnets (and, without custom networking, so do the nodes' addresses).
    /// - Node limit: the sum over node groups of max nodes x the smallest recommended max pods of the group's
    ///   types. Nil when there are no node groups or one lacks a maximum size or a known instance type, since a
    ///   partial sum would understate it. Karpenter nodes have no node-count maximum and are not counted.
    /// - Value: the smaller known limit; `limitedBy` names it (`addresses` on a tie).
    static func podCapacity(_ facts: CapacityFacts, karpenterPools: [String]) -> PodCapacity? {
        let subnetsWithCidr = facts.podSubnets.filter { $0.cidr != nil }
        let addressLimit = subnetsWithCidr.isEmpty ? nil : (facts.podPrefixAddresses ?? facts.podAddresses)
        let incomplete = facts.nodeGroups.filter { $0.podLimit == nil }
        let nodeLimit = facts.nodeGroups.isEmpty || !incomplete.isEmpty
            ? nil : facts.nodeGroups.compactMap(\.podLimit).reduce(0, +)

        let value: Int
        let limitedBy: String
        switch (addressLimit, nodeLimit) {
        case (nil, nil): return nil
        case let (addresses?, nil): (value, limitedBy) = (addresses, "addresses")
        case let (nil, nodes?): (value, limitedBy) = (nodes, "nodes")
        case let (addresses?, nodes?):
            (value, limitedBy) = nodes < addresses ? (nodes, "nodes") : (addresses, "addresses")
        }

        var sentences = ["\(grouped(value)) pods, limited by \(limitedBy)."]
        if let nodeLimit {
            let terms = facts.nodeGroups.map { group in
                let types = group.maxPods.map(\.instanceType).joined(separator: ", ")
                return "\(group.name) \(grouped(group.maxNodes ?? 0)) nodes x \(grouped(group.recommendedMaxPods ?? 0)) "
                    + "pods (\(types)) = \(grouped(group.podLimit ?? 0))"
            }
            let total = terms.count > 1 ? "; total \(grouped(nodeLimit))" : ""
            sentences.append("Nodes: \(terms.joined(separator: " + "))\(total) (max nodes x recommended max pods).")
        } else if facts.nodeGroups.isEmpty {
            sentences.append("Nodes: no node group, so no node limit.")
        } else {
            let reasons = incomplete.map { group in
                group.maxNodes == nil ? "\(group.name) has no maximum size" : "\(group.name) has no known instance type"
            }
            sentences.append("Nodes: unknown, \(reasons.joined(separator: "; ")).")
        }
        if let addressLimit {
            sentences.append("Addresses: \(addressSentence(facts, limit: addressLimit, subnets: subnetsWithCidr.count))")
        } else {
            sentences.append("Addresses: unknown, no pod subnet with a known CIDR.")
        }
        if !karpenterPools.isEmpty {
            let noun = karpenterPools.count == 1 ? "NodePool" : "NodePools"
            sentences.append("Karpenter \(noun) \(karpenterPools.joined(separator: ", ")) can add nodes beyond the "
                             + "node groups' maximum; they are not counted.")
        }
        return PodCapacity(addressLimit: addressLimit, nodeLimit: nodeLimit, value: value, limitedBy: limitedBy,
                           explanation: sentences.joined(separator: " "))
    }

    private static func addressSentence(_ facts: CapacityFacts, limit: Int, subnets: Int) -> String {
        let source = facts.podSubnetSource == "eniConfig" ? "from ENIConfigs (custom networking)" : "of the node groups"
        let noun = subnets == 1 ? "pod subnet" : "pod subnets"
        if facts.podPrefixAddresses != nil {
            let blocks = facts.podSubnets.compactMap(\.prefixBlocks).reduce(0, +)
            return "\(grouped(limit)) = \(grouped(blocks)) whole /28 prefixes x 16 in \(subnets) \(noun) \(source); "
                + "prefix delegation needs whole free /28 blocks, so this is less than their "
                + "\(grouped(facts.podAddresses)) usable addresses. An upper bound: each ENI's own primary address "
                + "also comes from these subnets."
        }
        let shared = facts.podSubnetSource == "eniConfig" ? "each ENI's own primary address"
            : "each ENI's primary address (the node's own included)"
        return "\(grouped(limit)) usable addresses in \(subnets) \(noun) \(source). An upper bound: \(shared) "
            + "also comes from these subnets."
    }
}
