import EKSDocModel

/// Reads `aws ec2 describe-route-tables` output (`{"RouteTables": [...]}`).
///
/// An association with `Main: true` marks the VPC's main table; `SubnetId` associations list the
/// table's subnets and `GatewayId` associations its edge gateways. Each route keeps its destination
/// (IPv4 CIDR, IPv6 CIDR or prefix list), its target and its state (`active` or `blackhole`).
public enum AWSRouteTablesReader: DocumentReader {
    public static var origin: Origin { .live }

    /// Route target fields, in order of precedence: an instance wins over its network interface.
    static let targetKeys = [
        "GatewayId", "NatGatewayId", "TransitGatewayId", "VpcPeeringConnectionId", "InstanceId",
        "NetworkInterfaceId", "EgressOnlyInternetGatewayId", "LocalGatewayId", "CarrierGatewayId", "CoreNetworkArn",
    ]

    public static func recognizes(_ document: Node) -> Bool {
        AWSReaderSupport.isAnswer(document, listKey: "RouteTables")
    }

    public static func read(_ document: Node, into environment: inout Environment,
                            diagnostics: inout Diagnostics) {
        let items = AWSReaderSupport.objects(in: document, key: "RouteTables", call: "describe-route-tables",
                                             &diagnostics)
        for item in items {
            if let table = routeTable(item, &diagnostics) { environment.routeTables.append(table) }
        }
    }

    static func routeTable(_ item: Fields, _ d: inout Diagnostics) -> RouteTable? {
        guard let id = AWSReaderSupport.requiredID(item, "RouteTableId", &d) else { return nil }
        let tags = AWSReaderSupport.tagList(item, &d)
        var table = RouteTable(id: id, vpc: AWSReaderSupport.text(item, "VpcId", &d), name: tags.nameTag,
                               tags: tags, source: item.node.location)
        for association in AWSReaderSupport.objects(item, "Associations", &d) {
            let state = association.fields("AssociationState", &d)?.string("State", &d)
            guard state == nil || state == "associated" || state == "associating" else { continue }
            if association.bool("Main", &d) == true { table.main = true }
            if let subnet = AWSReaderSupport.text(association, "SubnetId", &d), !table.subnets.contains(subnet) {
                table.subnets.append(subnet)
            }
            if let gateway = AWSReaderSupport.text(association, "GatewayId", &d), !table.gateways.contains(gateway) {
                table.gateways.append(gateway)
            }
        }
        table.routes = AWSReaderSupport.objects(item, "Routes", &d).compactMap { route($0, &d) }
        return table
    }

    static func route(_ item: Fields, _ d: inout Diagnostics) -> Route? {
        let destination: String?
        if AWSReaderSupport.isSet(item, "DestinationCidrBlock") {
            destination = AWSReaderSupport.cidr(item, "DestinationCidrBlock", &d)
        } else if AWSReaderSupport.isSet(item, "DestinationIpv6CidrBlock") {
            destination = AWSReaderSupport.cidr(item, "DestinationIpv6CidrBlock", &d)
        } else if let prefixList = AWSReaderSupport.text(item, "DestinationPrefixListId", &d) {
            destination = prefixList
        } else {
            d.error("\(item.context): route has no destination (DestinationCidrBlock, DestinationIpv6CidrBlock "
                    + "or DestinationPrefixListId)", at: item.node.location)
            return nil
        }
        let target = AWSReaderSupport.firstText(item, targetKeys, &d)
        guard let destination else { return nil }
        guard let target else {
            d.error("\(item.context): route to \(destination) has no target", at: item.node.location)
            return nil
        }
        return Route(destination: destination, target: target,
                     state: AWSReaderSupport.text(item, "State", &d)?.lowercased() ?? "active",
                     networkInterface: AWSReaderSupport.text(item, "NetworkInterfaceId", &d),
                     source: item.node.location)
    }
}
