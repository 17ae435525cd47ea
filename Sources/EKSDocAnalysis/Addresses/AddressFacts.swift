import EKSDocModel

/// Address figures for one subnet (reference/aws-facts.md §1).
public struct SubnetAddressFacts: Codable, Equatable, Sendable {
    public var subnet: String
    public var cidr: String?
    /// 2^(32-prefix) - 5; nil when the subnet has no IPv4 CIDR.
    public var usable: UInt64?
    /// `AvailableIpAddressCount` from a live snapshot: free now, not capacity.
    public var freeNow: Int?
    /// True when the snapshot's free count is more than the subnet can hold (or negative): not to be trusted.
    public var freeNowImpossible: Bool
    /// Addresses in use now (usable - free), when the free count is plausible.
    public var inUse: UInt64?

    public init(_ subnet: Subnet) {
        self.subnet = subnet.id
        self.cidr = subnet.cidr
        self.freeNow = subnet.availableAddresses
        let network = subnet.cidr.flatMap { IPv4Network($0) }
        self.usable = network.map(SubnetAddresses.usable)
        if let usable, let free = subnet.availableAddresses {
            freeNowImpossible = free < 0 || UInt64(free) > usable
            inUse = freeNowImpossible ? nil : usable - UInt64(free)
        } else {
            freeNowImpossible = false
            inUse = nil
        }
    }
}

/// Totals over a group of subnets (a VPC, a tier).
public struct AddressTotals: Codable, Equatable, Sendable {
    public var subnets: Int
    public var usable: UInt64
    /// Sum of plausible free-now counts, and how many subnets reported one.
    public var freeNow: UInt64
    public var subnetsWithFreeNow: Int

    public init(_ facts: [SubnetAddressFacts]) {
        subnets = facts.count
        usable = facts.compactMap(\.usable).reduce(0, +)
        let plausible = facts.filter { $0.freeNow != nil && !$0.freeNowImpossible }
        freeNow = plausible.compactMap { $0.freeNow.map(UInt64.init) }.reduce(0, +)
        subnetsWithFreeNow = plausible.count
    }

    /// Share of the usable addresses in use, over the subnets that reported a free count (0...1).
    public var utilisation: Double? {
        guard subnetsWithFreeNow == subnets, usable > 0 else { return nil }
        return Double(usable - min(freeNow, usable)) / Double(usable)
    }
}

/// Address facts for an environment: per subnet, per VPC.
public struct AddressFacts: Codable, Equatable, Sendable {
    public var subnets: [SubnetAddressFacts]
    public var byVPC: [String: AddressTotals]

    public init(_ env: Environment) {
        subnets = env.subnets.map(SubnetAddressFacts.init)
        var groups: [String: [SubnetAddressFacts]] = [:]
        for (subnet, facts) in zip(env.subnets, subnets) {
            groups[subnet.vpc ?? "(unknown VPC)", default: []].append(facts)
        }
        byVPC = groups.mapValues(AddressTotals.init)
    }

    public func subnet(_ id: String) -> SubnetAddressFacts? { subnets.first { $0.subnet == id } }

    /// Totals over the given subnet ids.
    public func totals(of ids: [String]) -> AddressTotals {
        let wanted = Set(ids)
        return AddressTotals(subnets.filter { wanted.contains($0.subnet) })
    }
}
