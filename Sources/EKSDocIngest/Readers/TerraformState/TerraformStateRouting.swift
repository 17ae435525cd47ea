import EKSDocModel

/// Route tables, their routes and associations from a Terraform state.
extension TerraformStateReader {
    /// Route target attributes, in order of precedence: an instance wins over its network interface.
    static let routeTargetKeys = [
        "gateway_id", "nat_gateway_id", "transit_gateway_id", "vpc_peering_connection_id", "instance_id",
        "network_interface_id", "egress_only_gateway_id", "local_gateway_id", "carrier_gateway_id",
        "core_network_arn", "vpc_endpoint_id",
    ]

    /// Inline `route` items of `aws_route_table`.
    static let inlineRouteKeys = RouteBuilder.Keys(
        destinations: ["cidr_block", "ipv6_cidr_block", "destination_prefix_list_id"], targets: routeTargetKeys,
        state: "state", networkInterface: "network_interface_id")

    /// `aws_route` resources.
    static let routeResourceKeys = RouteBuilder.Keys(
        destinations: ["destination_cidr_block", "destination_ipv6_cidr_block", "destination_prefix_list_id"],
        targets: routeTargetKeys, state: "state", networkInterface: "network_interface_id")

    /// `aws_route_table` and `aws_default_route_table` (the VPC's main table) with their inline `route` list.
    static func readRouteTable(_ resource: StateResource, into environment: inout Environment,
                               _ d: inout Diagnostics) {
        let a = resource.attributes
        guard let id = AWSReaderSupport.requiredID(a, "id", &d) else { return }
        let tags = resource.tags(&d)
        let routes = AWSReaderSupport.objects(a, "route", &d).compactMap {
            RouteBuilder.route($0, inlineRouteKeys, &d)
        }
        environment.routeTables.append(RouteTable(
            id: id, vpc: AWSReaderSupport.text(a, "vpc_id", &d), main: resource.type == "aws_default_route_table",
            routes: routes, name: tags.nameTag, tags: tags, source: resource.location))
    }

    /// `aws_route`: a route added to a table defined elsewhere.
    static func readStandaloneRoute(_ resource: StateResource, into environment: inout Environment,
                                    _ d: inout Diagnostics) {
        let a = resource.attributes
        guard let tableID = AWSReaderSupport.requiredID(a, "route_table_id", &d),
              let route = RouteBuilder.route(a, routeResourceKeys, &d) else { return }
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
