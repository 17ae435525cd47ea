import EKSDocAnalysis
import EKSDocModel

extension CNICapacityPage {
    /// Whether prefix delegation is on, and what it changes here: max pods per node with and without it, and the
    /// whole free /28 blocks the pod subnets hold.
    static func prefixDelegation(_ context: PageContext, _ doc: inout PageDocument) {
        let capacity = context.facts.capacity
        let on = capacity.mode.prefixDelegation
        doc.heading(2, "Prefix delegation")
        let other = MaxPodsMode(customNetworking: capacity.mode.customNetworking, prefixDelegation: !on)
        doc.paragraph(on
            ? "On (`ENABLE_PREFIX_DELEGATION=true`): the CNI attaches /28 prefixes of 16 addresses to the secondary "
                + "slots of each ENI instead of single addresses, so a node can hold many more pods."
            : "Off: each secondary slot of an ENI holds one pod address. Turning it on (`ENABLE_PREFIX_DELEGATION=true`, "
                + "Nitro instance types only) puts a /28 prefix of 16 addresses in each slot.")
        var items: [String] = []
        for group in capacity.nodeGroups {
            for current in group.maxPods {
                guard let alternative = group.allModes.first(where: { $0.instanceType == current.instanceType && $0.mode == other }) else { continue }
                let (with, without) = on ? (current, alternative) : (alternative, current)
                items.append("Node group \(MD.code(group.name)), \(MD.code(current.instanceType)): "
                              + "\(MD.number(with.recommended)) pods per node with prefix delegation, "
                              + "\(MD.number(without.recommended)) without"
                              + (with.prefixDelegationIgnored ? " (not a Nitro type: prefix delegation does not apply)" : "")
                              + ".")
            }
        }
        let blocks = capacity.podSubnets.compactMap(\.prefixBlocks).reduce(0, +)
        if let inBlocks = capacity.podPrefixAddresses, !capacity.podSubnets.isEmpty {
            items.append("Pod subnets: \(MD.number(blocks)) whole free /28 blocks hold \(MD.number(inBlocks)) of their "
                         + "\(MD.number(capacity.podAddresses)) usable addresses; "
                         + (on ? "a node gets a new prefix only where a whole /28 is free, so scattered free addresses cannot be used."
                               : "with prefix delegation only those could be handed out."))
        }
        doc.bullets(items)
    }
}
