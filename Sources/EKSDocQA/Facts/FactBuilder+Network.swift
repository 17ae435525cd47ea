import EKSDocAnalysis
import EKSDocModel

extension FactBuilder {
    /// Environment, VPC, availability zones, subnets by tier and role, address totals, gateways.
    mutating func network() {
        presence()
        set("env.name", env.name)
        set("env.region", env.region ?? env.cluster?.region)
        let vpc = self.vpc
        set("vpc.id", vpc?.id)
        set("vpc.primaryCidr", vpc?.cidrs.first)
        set("vpc.cidrs", Self.joined(vpc?.cidrs ?? []))
        let secondary = Array((vpc?.cidrs ?? []).dropFirst())
        set("vpc.secondaryCidrs", items: secondary.map { .item(["cidr": .string($0)]) })
        set("vpc.hasSecondaryCidr", !secondary.isEmpty)

        let azs = Self.unique(env.subnets.compactMap(\.az).filter { !$0.isEmpty })
        set("azs.count", azs.count)
        set("azs.list", Self.joined(azs))

        set("subnets.count", env.subnets.count)
        var usableByTier: [Tier: Int?] = [:]
        for tier in Tier.allCases {
            let ids = analysis.routing.filter { $0.tier == tier }.map(\.subnet)
            set("subnets.\(tier.rawValue).count", ids.count)
            set("subnets.\(tier.rawValue)", items: subnetItems(ids))
            usableByTier[tier] = ids.isEmpty ? nil : ids.compactMap { analysis.addresses.subnet($0)?.usable }.reduce(0) { $0 + Int($1) }
        }
        set("subnets.pods", items: subnetItems(analysis.capacity.podSubnets.map(\.subnet)))
        set("subnets.nodes", items: subnetItems(analysis.capacity.nodeSubnets.map(\.subnet)))
        set("subnets.cluster", items: subnetItems(env.cluster?.subnets ?? []))
        set("addresses.public", Self.formatted(usableByTier[.public] ?? nil))
        set("addresses.private", Self.formatted(usableByTier[.private] ?? nil))
        let capacity = analysis.capacity
        set("addresses.pods", capacity.podSubnets.isEmpty ? "" : Self.formatted(capacity.podAddresses))
        set("addresses.nodes", capacity.nodeSubnets.isEmpty ? "" : Self.formatted(capacity.nodeAddresses))

        let gateways = env.internetGateways.sorted { $0.id < $1.id }
        let attached = gateways.first { gateway in vpc.map { gateway.vpcs.contains($0.id) } ?? true }
        set("igw.id", (attached ?? gateways.first)?.id)
        let nats = env.natGateways.map(\.id).sorted()
        set("nat.count", nats.count)
        set("nat.ids", Self.joined(nats))
    }

    /// Subnet items (`{id, name, cidr, az, usable, freeNow}`) ordered by AZ, name and id; duplicates removed.
    func subnetItems(_ ids: [String]) -> [FactValue] {
        let rows = Self.unique(ids).map { id -> (az: String, name: String, item: FactValue) in
            let subnet = env.subnet(id)
            let addresses = analysis.addresses.subnet(id)
            let free = addresses.flatMap { $0.freeNowImpossible ? nil : $0.freeNow }
            let item = FactValue.item([
                "id": .string(id), "name": .string(subnet?.name ?? subnet?.tags.nameTag ?? id),
                "cidr": .string(subnet?.cidr), "az": .string(subnet?.az),
                "usable": .string(Self.formatted(addresses?.usable.map { Int($0) })),
                "freeNow": .string(Self.formatted(free)),
            ])
            return (subnet?.az ?? "", subnet?.name ?? "", item)
        }
        return rows.sorted { ($0.az, $0.name, $0.item["id"]?.text ?? "") < ($1.az, $1.name, $1.item["id"]?.text ?? "") }
            .map(\.item)
    }
}
