import EKSDocModel

/// Route tables, their routes and associations from a Terraform state.
extension TerraformStateReader {
    /// Route target attributes, in order of precedence: an instance wins over its network interface.
    static let routeTargetKeys = [
        "gateway_id", "nat_gateway_id", "transit_gateway_id", "vpc_peering_connection_id", "instance_id",
        "network_interface_id", "egress_only_gateway_id", "local_gateway_id", "carrier_gateway_id",
        "core_network_arn", "vpc_endpoint_id",
    ]

    /// `aws_route_table` and `aws_default_route_table` (the VPC's main table) with their inline `route` list.
    static func readRouteTable(_ resource: StateResource, into environment: inout Environment,
                               _ d: inout Diagnostics) {
        let a = resource.attributes
        guard let id = AWSReaderSupport.requiredID(a, "id", &d) else { return }
        let tags = resource.tags(&d)
        let routes = AWSReaderSupport.objects(a, "route", &d).compactMap {
            route($0, destinationKeys: ["cidr_block", "ipv6_cidr_block", "destination_prefix_list_id"], &d)
        }
        environment.routeTables.append(RouteTable(
            id: id, vpc: AWSReaderSupport.text(a, "vpc_id", &d), main: resource.type == "aws_default_route_table",
            routes: routes, name: tags.nameTag, tags: tags, source: resource.location))
    }

    /// A route from an inline `route` item or an `aws_route` resource; the first of `destinationKeys` set is
    /// the destination (IPv4 CIDR, IPv6 CIDR, prefix list, in that order).
    static func route(_ item: Fields, destinationKeys: [String], _ d: inout Diagnostics) -> Route? {
        guard let key = destinationKeys.first(where: { AWSReaderSupport.isSet(item, $0) }) else {
            d.error("\(item.context): route has no destination (\(destinationKeys.joined(separator: ", ")))",
                    at: item.node.location)
            return nil
        }
        let destination = key == destinationKeys[2]
            ? AWSReaderSupport.text(item, key, &d)
            : AWSReaderSupport.cidr(item, key, &d)
        let target = AWSReaderSupport.firstText(item, routeTargetKeys, &d)
        guard let destination else { return nil }
        guard let target else {
            d.error("\(item.context): route to \(destination) has no target", at: item.node.location)
            return nil
        }
        return Route(destination: destination, target: target,
                     state: AWSReaderSupport.text(item, "state", &d)?.lowercased() ?? "active",
                     networkInterface: AWSReaderSupport.text(item, "network_interface_id", &d),
                     source: item.node.location)
    }

    /// `aws_route`: a route added to a table defined elsewhere.
    static func readStandaloneRoute(_ resource: StateResource, into environment: inout Environment,
                                    _ d: inout Diagnostics) {
        let a = resource.attributes
        guard let tableID = AWSReaderSupport.requiredID(a, "route_table_id", &d),
              let route = route(a, destinationKeys: ["destination_cidr_block", "destination_ipv6_cidr_block",
                                                     "destination_prefix_list_id"], &d) else { return }
        upsert(&environment.routeTables, id: tableID, idOf: \.id,
               make: { RouteTable(id: tableID, source: resource.location) }) { table in
            if !table.routes.contains(where: { $0.destination == route.destination }) { table.routes.append(route) }
        }
    }

    /// `aws_main_route_table_association`: makes the table the VPC's main one.
    static func readMainAssociation(_ resource: StateResource, into environment: inout Environment,
                                    _ d: inout Diagnostics) {
        let a = resource.attributes
        guard let tableID = AWSReaderSupport.requiredID(a, "route_table_id", &d) else { return }
        let vpc = AWSReaderSupport.text(a, "vpc_id", &d)
        upsert(&environment.routeTables, id: tableID, idOf: \.id,
               make: { RouteTable(id: tableID, source: resource.location) }) { table in
            table.main = true
            if table.vpc == nil { table.vpc = vpc }
        }
    }

    /// `aws_route_table_association`: a subnet (or an edge gateway) explicitly using the table.
    static func readAssociation(_ resource: StateResource, into environment: inout Environment,
                                _ d: inout Diagnostics) {
        let a = resource.attributes
        guard let tableID = AWSReaderSupport.requiredID(a, "route_table_id", &d) else { return }
        let subnet = AWSReaderSupport.text(a, "subnet_id", &d)
        let gateway = AWSReaderSupport.text(a, "gateway_id", &d)
        if subnet == nil && gateway == nil {
            d.error("\(a.context): association has neither 'subnet_id' nor 'gateway_id'", at: a.node.location)
            return
        }
        upsert(&environment.routeTables, id: tableID, idOf: \.id,
               make: { RouteTable(id: tableID, source: resource.location) }) { table in
            if let subnet, !table.subnets.contains(subnet) { table.subnets.append(subnet) }
            if let gateway, !table.gateways.contains(gateway) { table.gateways.append(gateway) }
        }
    }
}
