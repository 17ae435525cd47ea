import EKSDocModel

/// Builds a `Route` from a route object of the AWS CLI (`describe-route-tables`) or of a Terraform state
/// (inline `route` items and `aws_route` resources), which differ only in their key names.
enum RouteBuilder {
    /// The key names of one route shape.
    struct Keys {
        /// IPv4 CIDR, IPv6 CIDR and prefix list destination keys, in that order.
        var destinations: [String]
        /// Target keys in order of precedence: an instance wins over its network interface.
        var targets: [String]
        var state: String
        var networkInterface: String
    }

    /// `describe-route-tables` routes.
    static let cli = Keys(
        destinations: ["DestinationCidrBlock", "DestinationIpv6CidrBlock", "DestinationPrefixListId"],
        targets: ["GatewayId", "NatGatewayId", "TransitGatewayId", "VpcPeeringConnectionId", "InstanceId",
                  "NetworkInterfaceId", "EgressOnlyInternetGatewayId", "LocalGatewayId", "CarrierGatewayId",
                  "CoreNetworkArn"],
        state: "State", networkInterface: "NetworkInterfaceId")

    /// The route in `item`: the first destination key set (CIDRs validated and normalised), the first target
    /// key set, the state (`active` when not given) and the network interface. A route without a valid
    /// destination or without a target is reported and gives nil.
    static func route(_ item: Fields, _ keys: Keys, _ d: inout Diagnostics) -> Route? {
        guard let index = keys.destinations.firstIndex(where: { AWSReaderSupport.isSet(item, $0) }) else {
            let names = keys.destinations.dropLast().joined(separator: ", ") + " or " + (keys.destinations.last ?? "")
            d.error("\(item.context): route has no destination (\(names))", at: item.node.location)
            return nil
        }
        let key = keys.destinations[index]
        let destination = index == 2 ? AWSReaderSupport.text(item, key, &d) : AWSReaderSupport.cidr(item, key, &d)
        let target = AWSReaderSupport.firstText(item, keys.targets, &d)
        guard let destination else { return nil }
        guard let target else {
            d.error("\(item.context): route to \(destination) has no target", at: item.node.location)
            return nil
        }
        return Route(destination: destination, target: target,
                     state: AWSReaderSupport.text(item, keys.state, &d)?.lowercased() ?? "active",
                     networkInterface: AWSReaderSupport.text(item, keys.networkInterface, &d),
                     source: item.node.location)
    }
}
