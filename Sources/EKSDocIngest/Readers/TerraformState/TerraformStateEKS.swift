import EKSDocModel

/// EKS clusters, node groups and add-ons, and ELBv2 load balancers and target groups, from a Terraform state.
extension TerraformStateReader {
    /// `aws_eks_cluster`. `certificate_authority` is never read.
    static func readCluster(_ resource: StateResource, into environment: inout Environment,
                            _ d: inout Diagnostics) {
        let a = resource.attributes
        guard let name = AWSReaderSupport.requiredID(a, "name", &d) else { return }
        if let existing = environment.cluster, existing.name != name {
            d.warning("\(a.context): the state holds several EKS clusters; only '\(existing.name)' is kept",
                      at: resource.location)
            return
        }
        let arn = AWSReaderSupport.text(a, "arn", &d)
        var cluster = Cluster(name: name, version: AWSReaderSupport.text(a, "version", &d), arn: arn,
                              region: arn.flatMap(AWSReaderSupport.region(ofARN:)),
                              status: AWSReaderSupport.text(a, "status", &d),
                              platformVersion: AWSReaderSupport.text(a, "platform_version", &d),
                              source: resource.location)
        if let vpc = resource.block("vpc_config", &d) {
            cluster.vpc = AWSReaderSupport.text(vpc, "vpc_id", &d)
            cluster.subnets = AWSReaderSupport.strings(vpc, "subnet_ids", &d)
            cluster.securityGroups = AWSReaderSupport.strings(vpc, "security_group_ids", &d)
            cluster.clusterSecurityGroup = AWSReaderSupport.text(vpc, "cluster_security_group_id", &d)
            cluster.endpointPublic = vpc.bool("endpoint_public_access", &d)
            cluster.endpointPrivate = vpc.bool("endpoint_private_access", &d)
            if AWSReaderSupport.isSet(vpc, "public_access_cidrs") {
                cluster.publicAccessCidrs = AWSReaderSupport.cidrs(vpc, "public_access_cidrs", &d)
            }
        }
        if let network = resource.block("kubernetes_network_config", &d) {
            cluster.serviceCidr = AWSReaderSupport.cidr(network, "service_ipv4_cidr", &d)
                ?? AWSReaderSupport.cidr(network, "service_ipv6_cidr", &d)
            cluster.ipFamily = AWSReaderSupport.text(network, "ip_family", &d)
        }
        if let identity = resource.block("identity", &d),
           let oidc = AWSReaderSupport.objects(identity, "oidc", &d).first {
            cluster.oidcIssuer = AWSReaderSupport.text(oidc, "issuer", &d)
        }
        if AWSReaderSupport.isSet(a, "enabled_cluster_log_types") {
            cluster.logging = AWSReaderSupport.strings(a, "enabled_cluster_log_types", &d)
        }
        if environment.region == nil { environment.region = cluster.region }
        environment.cluster = cluster
    }

    /// `aws_eks_node_group`: always a managed node group. A `disk_size` of 0 (set by a launch template) is unknown.
    static func readNodeGroup(_ resource: StateResource, into environment: inout Environment,
                              _ d: inout Diagnostics) {
        let a = resource.attributes
        guard let name = AWSReaderSupport.requiredID(a, "node_group_name", &d) else { return }
        let scaling = resource.block("scaling_config", &d)
        let taints = AWSReaderSupport.objects(a, "taint", &d).compactMap { taint -> Taint? in
            guard let key = AWSReaderSupport.requiredID(taint, "key", &d),
                  let effect = AWSReaderSupport.requiredID(taint, "effect", &d) else { return nil }
            return Taint(key: key, value: AWSReaderSupport.text(taint, "value", &d), effect: effect)
        }
        environment.nodeGroups.append(NodeGroup(
            name: name, cluster: AWSReaderSupport.text(a, "cluster_name", &d), managed: true,
            instanceTypes: AWSReaderSupport.strings(a, "instance_types", &d),
            min: scaling?.int("min_size", &d), max: scaling?.int("max_size", &d),
            desired: scaling?.int("desired_size", &d), subnets: AWSReaderSupport.strings(a, "subnet_ids", &d),
            amiType: AWSReaderSupport.text(a, "ami_type", &d),
            capacityType: AWSReaderSupport.text(a, "capacity_type", &d),
            diskSize: a.int("disk_size", &d).flatMap { $0 > 0 ? $0 : nil }, labels: a.stringMap("labels", &d),
            taints: taints,
            nodeRole: AWSReaderSupport.text(a, "node_role_arn", &d), source: resource.location))
    }

    static func readAddon(_ resource: StateResource, into environment: inout Environment, _ d: inout Diagnostics) {
        let a = resource.attributes
        guard let name = AWSReaderSupport.requiredID(a, "addon_name", &d) else { return }
        environment.addons.append(Addon(
            name: name, version: AWSReaderSupport.text(a, "addon_version", &d),
            serviceAccountRole: AWSReaderSupport.text(a, "service_account_role_arn", &d), source: resource.location))
    }

    /// `aws_lb`/`aws_alb`: `internal` gives the scheme; subnets from `subnets` or `subnet_mapping`.
    static func readLoadBalancer(_ resource: StateResource, into environment: inout Environment,
                                 _ d: inout Diagnostics) {
        let a = resource.attributes
        guard let name = AWSReaderSupport.requiredID(a, "name", &d) else { return }
        var subnets = AWSReaderSupport.strings(a, "subnets", &d)
        for mapping in AWSReaderSupport.objects(a, "subnet_mapping", &d) {
            if let subnet = AWSReaderSupport.text(mapping, "subnet_id", &d), !subnets.contains(subnet) {
                subnets.append(subnet)
            }
        }
        let scheme = a.bool("internal", &d).map { $0 ? "internal" : "internet-facing" }
        environment.loadBalancers.append(LoadBalancer(
            name: name, arn: AWSReaderSupport.text(a, "arn", &d), scheme: scheme,
            type: AWSReaderSupport.text(a, "load_balancer_type", &d), vpc: AWSReaderSupport.text(a, "vpc_id", &d),
            subnets: subnets, securityGroups: AWSReaderSupport.strings(a, "security_groups", &d),
            dnsName: AWSReaderSupport.text(a, "dns_name", &d), source: resource.location))
    }

    /// `aws_lb_target_group`: load balancer ARNs become names when derivable.
    static func readTargetGroup(_ resource: StateResource, into environment: inout Environment,
                                _ d: inout Diagnostics) {
        let a = resource.attributes
        guard let name = AWSReaderSupport.requiredID(a, "name", &d) else { return }
        let balancers = AWSReaderSupport.strings(a, "load_balancer_arns", &d).map {
            AWSReaderSupport.loadBalancerName(fromARN: $0) ?? $0
        }
        environment.targetGroups.append(TargetGroup(
            name: name, arn: AWSReaderSupport.text(a, "arn", &d),
            targetType: AWSReaderSupport.text(a, "target_type", &d),
            protocol: AWSReaderSupport.text(a, "protocol", &d), port: a.int("port", &d),
            vpc: AWSReaderSupport.text(a, "vpc_id", &d), loadBalancers: balancers, source: resource.location))
    }
}
