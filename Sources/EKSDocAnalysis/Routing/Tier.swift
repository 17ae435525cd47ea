import EKSDocModel

/// How a subnet reaches the internet, from its effective route table (reference/aws-facts.md §4).
public enum Tier: String, Codable, Sendable, CaseIterable {
    /// The effective route table has an active route to an internet gateway (`igw-`).
    case `public`
    /// No internet-gateway route, but an active default route (NAT gateway, appliance instance or ENI,
    /// transit gateway, peering, virtual private gateway ...).
    case `private`
    /// No usable default route at all (none, or only a blackhole one).
    case isolated
}

/// What a subnet is used for, derived from tags, Kubernetes objects and the cluster's settings.
public enum SubnetRole: String, Codable, Sendable, CaseIterable {
    /// Tagged `kubernetes.io/role/elb=1`: internet-facing load balancers.
    case elb
    /// Tagged `kubernetes.io/role/internal-elb=1`: internal load balancers.
    case internalElb
    /// Named by an ENIConfig (VPC CNI custom networking): pod addresses come from it.
    case pods
    /// One of the EKS cluster's subnets (control-plane ENIs).
    case cluster
    /// Used by a node group.
    case nodes
    /// A database subnet, by name hint or tag (see `Routing.roles(of:in:)`).
    case database
}
