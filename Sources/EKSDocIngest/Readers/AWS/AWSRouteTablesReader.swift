import EKSDocModel

/// Reads `aws ec2 describe-route-tables` output (`{"RouteTables": [...]}`).
///
/// An association with `Main: true` marks the VPC's main table; `SubnetId` associations list the
/// table's subnets and `GatewayId` associations its edge gateways. Each route keeps its destination
/// (IPv4 CIDR, IPv6 CIDR or prefix list), its target and its state (`active` or `blackhole`).
public enum AWSRouteTablesReader: DocumentReader {
    public static var origin: Origin { .live }

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
        table.routes = AWSReaderSupport.objects(item, "Routes", &d).compactMap {
            RouteBuilder.route($0, RouteBuilder.cli, &d)
        }
        return table
    }
}
