/// An Elastic Load Balancing v2 load balancer.
public struct LoadBalancer: Hashable, Sendable, Codable {
    public var name: String
    public var arn: String?
    /// `internet-facing` or `internal`.
    public var scheme: String?
    /// `application`, `network` or `gateway`.
    public var type: String?
    public var vpc: String?
    public var subnets: [String]
    public var securityGroups: [String]
    public var dnsName: String?
    public var state: String?
    public var source: SourceLocation

    public init(name: String, arn: String? = nil, scheme: String? = nil, type: String? = nil, vpc: String? = nil,
                subnets: [String] = [], securityGroups: [String] = [], dnsName: String? = nil,
                state: String? = nil, source: SourceLocation) {
        self.name = name; self.arn = arn; self.scheme = scheme; self.type = type; self.vpc = vpc
        self.subnets = subnets; self.securityGroups = securityGroups; self.dnsName = dnsName
        self.state = state; self.source = source
    }
}

/// A target group: where a load balancer forwards traffic.
public struct TargetGroup: Hashable, Sendable, Codable {
    public var name: String
    public var arn: String?
    /// `ip`, `instance`, `lambda` or `alb`.
    public var targetType: String?
    public var `protocol`: String?
    public var port: Int?
    public var vpc: String?
    /// Names of the load balancers that forward to it.
    public var loadBalancers: [String]
    public var source: SourceLocation

    public init(name: String, arn: String? = nil, targetType: String? = nil, protocol: String? = nil,
                port: Int? = nil, vpc: String? = nil, loadBalancers: [String] = [], source: SourceLocation) {
        self.name = name; self.arn = arn; self.targetType = targetType; self.protocol = `protocol`
        self.port = port; self.vpc = vpc; self.loadBalancers = loadBalancers; self.source = source
    }
}
