import EKSDocModel

/// VPCs, subnets and gateways from a Terraform state.
extension TerraformStateReader {
    static func readVPC(_ resource: StateResource, into environment: inout Environment, _ d: inout Diagnostics) {
        let a = resource.attributes
        guard let id = AWSReaderSupport.requiredID(a, "id", &d) else { return }
        let tags = resource.tags(&d)
        let ipv6 = AWSReaderSupport.cidr(a, "ipv6_cidr_block", &d)
        environment.vpcs.append(VPC(
            id: id, cidrs: AWSReaderSupport.cidr(a, "cidr_block", &d).map { [$0] } ?? [],
            ipv6Cidrs: ipv6.map { [$0] } ?? [], name: tags.nameTag,
            isDefault: resource.type == "aws_default_vpc" ? true : nil, tags: tags, source: resource.location))
    }

    /// `aws_vpc_ipv4_cidr_block_association`: a secondary CIDR, appended to the VPC's blocks.
    static func readCidrAssociation(_ resource: StateResource, into environment: inout Environment,
                                    _ d: inout Diagnostics) {
        let a = resource.attributes
        guard let vpcID = AWSReaderSupport.requiredID(a, "vpc_id", &d),
              let cidr = AWSReaderSupport.cidr(a, "cidr_block", &d) else { return }
        upsert(&environment.vpcs, id: vpcID, idOf: \.id, make: { VPC(id: vpcID, source: resource.location) }) {
            if !$0.cidrs.contains(cidr) { $0.cidrs.append(cidr) }
        }
    }

    static func readSubnet(_ resource: StateResource, into environment: inout Environment, _ d: inout Diagnostics) {
        let a = resource.attributes
        guard let id = AWSReaderSupport.requiredID(a, "id", &d) else { return }
        let tags = resource.tags(&d)
        environment.subnets.append(Subnet(
            id: id, vpc: AWSReaderSupport.text(a, "vpc_id", &d), cidr: AWSReaderSupport.cidr(a, "cidr_block", &d),
            ipv6Cidr: AWSReaderSupport.cidr(a, "ipv6_cidr_block", &d),
            az: AWSReaderSupport.text(a, "availability_zone", &d),
            azId: AWSReaderSupport.text(a, "availability_zone_id", &d), name: tags.nameTag,
            mapPublicIpOnLaunch: a.bool("map_public_ip_on_launch", &d), tags: tags, source: resource.location))
    }

    static func readInternetGateway(_ resource: StateResource, into environment: inout Environment,
                                    _ d: inout Diagnostics) {
        let a = resource.attributes
        guard let id = AWSReaderSupport.requiredID(a, "id", &d) else { return }
        environment.internetGateways.append(InternetGateway(
            id: id, vpcs: AWSReaderSupport.text(a, "vpc_id", &d).map { [$0] } ?? [],
            name: resource.tags(&d).nameTag, source: resource.location))
    }

    /// `aws_internet_gateway_attachment`: attaches a gateway to a VPC.
    static func readGatewayAttachment(_ resource: StateResource, into environment: inout Environment,
                                      _ d: inout Diagnostics) {
        let a = resource.attributes
        guard let id = AWSReaderSupport.requiredID(a, "internet_gateway_id", &d),
              let vpc = AWSReaderSupport.requiredID(a, "vpc_id", &d) else { return }
        upsert(&environment.internetGateways, id: id, idOf: \.id,
               make: { InternetGateway(id: id, source: resource.location) }) {
            if !$0.vpcs.contains(vpc) { $0.vpcs.append(vpc) }
        }
    }

    static func readNatGateway(_ resource: StateResource, into environment: inout Environment,
                               _ d: inout Diagnostics) {
        let a = resource.attributes
        guard let id = AWSReaderSupport.requiredID(a, "id", &d) else { return }
        var privateIps = AWSReaderSupport.text(a, "private_ip", &d).map { [$0] } ?? []
        for ip in AWSReaderSupport.strings(a, "secondary_private_ip_addresses", &d) where !privateIps.contains(ip) {
            privateIps.append(ip)
        }
        environment.natGateways.append(NatGateway(
            id: id, subnet: AWSReaderSupport.text(a, "subnet_id", &d),
            connectivity: AWSReaderSupport.text(a, "connectivity_type", &d),
            publicIps: AWSReaderSupport.text(a, "public_ip", &d).map { [$0] } ?? [], privateIps: privateIps,
            name: resource.tags(&d).nameTag, source: resource.location))
    }
}
