import EKSDocModel

/// Reads a Terraform state file (format version 4: `{"version": 4, "terraform_version", "resources": [...]}`)
/// as a record of what exists.
///
/// Managed resources of the AWS provider become model entities. `data` resources are read only for the
/// types that look up one existing resource with the same attributes (`liveDataSources`: a load balancer
/// made by the AWS Load Balancer Controller, a VPC made elsewhere); other data sources are skipped.
/// `sensitive_attributes` is never read. Resources that only add to another one (rule, route,
/// association and attachment resources) are applied after every resource has been read, so their
/// order in the file does not matter; when the resource they extend is not in the file, an entry with
/// just its id is created.
public enum TerraformStateReader: DocumentReader {
    public static var origin: Origin { .live }

    /// Data sources whose attributes describe one existing resource exactly as the managed resource would.
    static let liveDataSources: Set<String> = [
        "aws_lb", "aws_vpc", "aws_subnet", "aws_security_group", "aws_eks_cluster", "aws_internet_gateway",
        "aws_nat_gateway", "aws_route_table",
    ]

    /// The only state format this reader understands.
    public static let supportedVersion = 4

    public static func recognizes(_ document: Node) -> Bool {
        guard document.isMap, document["version"] != nil, document["terraform_version"] != nil,
              let resources = document["resources"] else { return false }
        return resources.isList
    }

    public static func read(_ document: Node, into environment: inout Environment,
                            diagnostics: inout Diagnostics) {
        let top = Fields(document, context: "terraform state")
        guard let version = top.int("version", &diagnostics) else { return }
        guard version == supportedVersion else {
            diagnostics.error("terraform state: format version \(version) is not supported (only version 4 is read)",
                              at: document["version"]?.location ?? document.location)
            return
        }
        var extensions: [StateResource] = []
        for resource in AWSReaderSupport.objects(in: document, key: "resources", call: "terraform state",
                                                 &diagnostics) {
            for instance in instances(of: resource, &diagnostics) {
                if readEntity(instance, into: &environment, &diagnostics) == false {
                    extensions.append(instance)
                }
            }
        }
        for instance in extensions {
            readExtension(instance, into: &environment, &diagnostics)
        }
    }

    /// The managed instances of one `resources[]` entry, each with its address and attributes.
    static func instances(of resource: Fields, _ d: inout Diagnostics) -> [StateResource] {
        guard let type = AWSReaderSupport.requiredID(resource, "type", &d) else { return [] }
        if AWSReaderSupport.text(resource, "mode", &d) == "data", !liveDataSources.contains(type) { return [] }
        var address = "\(type).\(AWSReaderSupport.text(resource, "name", &d) ?? "?")"
        if let module = AWSReaderSupport.text(resource, "module", &d) { address = "\(module).\(address)" }
        let context = address
        return AWSReaderSupport.objects(resource, "instances", &d).compactMap { instance in
            // Deposed objects are on their way out; the current object describes the resource.
            if instance.node["deposed"] != nil { return nil }
            var instanceAddress = context
            if let key = instance.node["index_key"] {
                switch key.content {
                case .string(let text): instanceAddress += "[\"\(text)\"]"
                case .number(let text): instanceAddress += "[\(text)]"
                default: break
                }
            }
            guard let attributes = instance.node["attributes"], !attributes.isNull else {
                d.error("\(instanceAddress): instance has no 'attributes'", at: instance.node.location)
                return nil
            }
            guard attributes.isMap else {
                d.error("\(instanceAddress): field 'attributes' must be a mapping, found \(attributes.kindName)",
                        at: attributes.location)
                return nil
            }
            return StateResource(type: type, attributes: Fields(attributes, context: instanceAddress))
        }
    }

    /// Reads a resource that stands for an entity of its own. Returns false for resources that extend
    /// another one (read later by `readExtension`), nil for types this reader ignores.
    @discardableResult
    static func readEntity(_ resource: StateResource, into environment: inout Environment,
                           _ d: inout Diagnostics) -> Bool? {
        switch resource.type {
        case "aws_vpc", "aws_default_vpc": readVPC(resource, into: &environment, &d)
        case "aws_subnet", "aws_default_subnet": readSubnet(resource, into: &environment, &d)
        case "aws_internet_gateway": readInternetGateway(resource, into: &environment, &d)
        case "aws_nat_gateway": readNatGateway(resource, into: &environment, &d)
        case "aws_route_table", "aws_default_route_table": readRouteTable(resource, into: &environment, &d)
        case "aws_security_group", "aws_default_security_group":
            readSecurityGroup(resource, into: &environment, &d)
        case "aws_eks_cluster": readCluster(resource, into: &environment, &d)
        case "aws_eks_node_group": readNodeGroup(resource, into: &environment, &d)
        case "aws_eks_addon": readAddon(resource, into: &environment, &d)
        case "aws_lb", "aws_alb": readLoadBalancer(resource, into: &environment, &d)
        case "aws_lb_target_group", "aws_alb_target_group": readTargetGroup(resource, into: &environment, &d)
        case "aws_vpc_ipv4_cidr_block_association", "aws_internet_gateway_attachment",
             "aws_main_route_table_association", "aws_route_table_association", "aws_route",
             "aws_security_group_rule", "aws_vpc_security_group_ingress_rule",
             "aws_vpc_security_group_egress_rule":
            return false
        default:
            return nil
        }
        return true
    }

    /// Applies a resource that adds to another entity (a CIDR, an attachment, an association, a route or a rule).
    static func readExtension(_ resource: StateResource, into environment: inout Environment,
                              _ d: inout Diagnostics) {
        switch resource.type {
        case "aws_vpc_ipv4_cidr_block_association": readCidrAssociation(resource, into: &environment, &d)
        case "aws_internet_gateway_attachment": readGatewayAttachment(resource, into: &environment, &d)
        case "aws_main_route_table_association": readMainAssociation(resource, into: &environment, &d)
        case "aws_route_table_association": readAssociation(resource, into: &environment, &d)
        case "aws_route": readStandaloneRoute(resource, into: &environment, &d)
        case "aws_security_group_rule": readRuleResource(resource, into: &environment, &d)
        case "aws_vpc_security_group_ingress_rule": readVpcRule(resource, egress: false, into: &environment, &d)
        case "aws_vpc_security_group_egress_rule": readVpcRule(resource, egress: true, into: &environment, &d)
        default: break
        }
    }
}
