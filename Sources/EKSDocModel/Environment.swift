/// Everything known about one environment (one cluster and its network), merged from all its sources.
public struct Environment: Hashable, Sendable, Codable {
    public var name: String
    public var region: String?
    /// The input files that contributed, relative to the content folder, sorted.
    public var sources: [String]

    public var vpcs: [VPC] = []
    public var subnets: [Subnet] = []
    public var routeTables: [RouteTable] = []
    public var internetGateways: [InternetGateway] = []
    public var natGateways: [NatGateway] = []
    public var networkAcls: [NetworkAcl] = []
    public var vpcEndpoints: [VpcEndpoint] = []
    public var securityGroups: [SecurityGroup] = []
    public var instances: [Instance] = []
    public var instanceTypes: [InstanceTypeInfo] = []
    public var loadBalancers: [LoadBalancer] = []
    public var targetGroups: [TargetGroup] = []
    public var cluster: Cluster?
    public var nodeGroups: [NodeGroup] = []
    public var addons: [Addon] = []
    public var cni: CNIConfig?
    public var identities: [IdentityBinding] = []
    public var karpenter: KarpenterSettings?
    public var kubernetes: [KubernetesObject] = []
    public var terraform: [TerraformVariable] = []
    public var drift: [DriftItem] = []

    public init(name: String, region: String? = nil, sources: [String] = []) {
        self.name = name; self.region = region; self.sources = sources
    }

    public func vpc(_ id: String) -> VPC? { vpcs.first { $0.id == id } }
    public func subnet(_ id: String) -> Subnet? { subnets.first { $0.id == id } }
    public func securityGroup(_ id: String) -> SecurityGroup? { securityGroups.first { $0.id == id } }
    public func routeTable(_ id: String) -> RouteTable? { routeTables.first { $0.id == id } }
}

/// Site-wide settings from `eksdoc.yml`.
public struct SiteSettings: Hashable, Sendable, Codable {
    public var title: String
    /// Raw HTML in hand-written pages is escaped unless this is true.
    public var allowRawHTML: Bool
    /// A folder of templates overriding the built-in ones, relative to the content folder.
    public var theme: String?
    /// Where the content folder can be browsed (`https://git.example.com/infra/blob/main/content/`): each page's
    /// "Generated from" entries link to this URL followed by the file's path. Without it they link to the site's
    /// input-file list.
    public var sourceURL: String?

    public init(title: String = "eksdoc", allowRawHTML: Bool = false, theme: String? = nil, sourceURL: String? = nil) {
        self.title = title; self.allowRawHTML = allowRawHTML; self.theme = theme; self.sourceURL = sourceURL
    }
}

/// The normalised model of a content project: its settings and its environments, sorted by name.
public struct Inventory: Hashable, Sendable, Codable {
    public var settings: SiteSettings
    public var environments: [Environment]

    public init(settings: SiteSettings = SiteSettings(), environments: [Environment] = []) {
        self.settings = settings; self.environments = environments
    }

    public func environment(named name: String) -> Environment? { environments.first { $0.name == name } }
}
