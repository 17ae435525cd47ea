import EKSDocModel

/// Address arithmetic for subnets (reference/aws-facts.md §1).
public enum SubnetAddresses {
    /// AWS reserves the network address, the VPC router, DNS, one future address and the last address.
    public static let reservedPerSubnet: UInt64 = 5

    /// Usable IPv4 addresses in a subnet: 2^(32-prefix) - 5 (0 for blocks too small to be a subnet).
    public static func usable(_ network: IPv4Network) -> UInt64 {
        let total = network.addressCount
        return total > reservedPerSubnet ? total - reservedPerSubnet : 0
    }
}
