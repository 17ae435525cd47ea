/// An EKS cluster's control-plane settings.
public struct Cluster: Hashable, Sendable, Codable {
    public var name: String
    public var version: String?
    public var arn: String?
    public var region: String?
    public var vpc: String?
    public var subnets: [String]
    public var securityGroups: [String]
    public var clusterSecurityGroup: String?
    public var serviceCidr: String?
    /// `ipv4` or `ipv6`.
    public var ipFamily: String?
    public var endpointPublic: Bool?
    public var endpointPrivate: Bool?
    public var publicAccessCidrs: [String]?
    public var oidcIssuer: String?
    /// Control-plane log types that are enabled (api, audit, authenticator, controllerManager, scheduler).
    public var logging: [String]?
    public var status: String?
    public var platformVersion: String?
    public var source: SourceLocation

    public init(name: String, version: String? = nil, arn: String? = nil, region: String? = nil,
                vpc: String? = nil, subnets: [String] = [], securityGroups: [String] = [],
                clusterSecurityGroup: String? = nil, serviceCidr: String? = nil, ipFamily: String? = nil,
                endpointPublic: Bool? = nil, endpointPrivate: Bool? = nil, publicAccessCidrs: [String]? = nil,
                oidcIssuer: String? = nil, logging: [String]? = nil, status: String? = nil,
                platformVersion: String? = nil, source: SourceLocation) {
        self.name = name; self.version = version; self.arn = arn; self.region = region; self.vpc = vpc
        self.subnets = subnets; self.securityGroups = securityGroups
        self.clusterSecurityGroup = clusterSecurityGroup; self.serviceCidr = serviceCidr
        self.ipFamily = ipFamily; self.endpointPublic = endpointPublic; self.endpointPrivate = endpointPrivate
        self.publicAccessCidrs = publicAccessCidrs; self.oidcIssuer = oidcIssuer; self.logging = logging
        self.status = status; self.platformVersion = platformVersion; self.source = source
    }
}

/// A Kubernetes taint on a node group.
public struct Taint: Hashable, Sendable, Codable {
    public var key: String
    public var value: String?
    public var effect: String

    public init(key: String, value: String? = nil, effect: String) {
        self.key = key; self.value = value; self.effect = effect
    }
}

/// A managed or self-managed node group.
public struct NodeGroup: Hashable, Sendable, Codable {
    public var name: String
    public var cluster: String?
    public var managed: Bool?
    public var instanceTypes: [String]
    public var min: Int?
    public var max: Int?
    public var desired: Int?
    public var subnets: [String]
    public var amiType: String?
    public var capacityType: String?
    public var diskSize: Int?
    public var labels: [String: String]
    public var taints: [Taint]
    public var nodeRole: String?
    public var source: SourceLocation

    public init(name: String, cluster: String? = nil, managed: Bool? = nil, instanceTypes: [String] = [],
                min: Int? = nil, max: Int? = nil, desired: Int? = nil, subnets: [String] = [],
                amiType: String? = nil, capacityType: String? = nil, diskSize: Int? = nil,
                labels: [String: String] = [:], taints: [Taint] = [], nodeRole: String? = nil,
                source: SourceLocation) {
        self.name = name; self.cluster = cluster; self.managed = managed; self.instanceTypes = instanceTypes
        self.min = min; self.max = max; self.desired = desired; self.subnets = subnets; self.amiType = amiType
        self.capacityType = capacityType; self.diskSize = diskSize; self.labels = labels; self.taints = taints
        self.nodeRole = nodeRole; self.source = source
    }
}

/// An EKS add-on.
public struct Addon: Hashable, Sendable, Codable {
    public var name: String
    public var version: String?
    public var serviceAccountRole: String?
    public var status: String?
    public var source: SourceLocation

    public init(name: String, version: String? = nil, serviceAccountRole: String? = nil, status: String? = nil,
                source: SourceLocation) {
        self.name = name; self.version = version; self.serviceAccountRole = serviceAccountRole
        self.status = status; self.source = source
    }
}

/// VPC CNI settings: the `aws-node` container's environment, every value as a string.
public struct CNIConfig: Hashable, Sendable, Codable {
    public var settings: [String: String]
    public var source: SourceLocation

    public init(settings: [String: String] = [:], source: SourceLocation) {
        self.settings = settings; self.source = source
    }

    /// True when the setting is `true` (case-insensitive).
    public func isEnabled(_ name: String) -> Bool { settings[name]?.lowercased() == "true" }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { return nil }
    }

    /// Encoded flat: each aws-node setting as a string, plus `source` (setting names are upper case,
    /// so the lower-case key cannot collide).
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for (name, value) in settings { try container.encode(value, forKey: Key(name)) }
        try container.encode(source, forKey: Key("source"))
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        var settings: [String: String] = [:]
        for key in container.allKeys where key.stringValue != "source" {
            settings[key.stringValue] = try container.decode(String.self, forKey: key)
        }
        self.settings = settings
        self.source = try container.decodeIfPresent(SourceLocation.self, forKey: Key("source"))
            ?? SourceLocation(file: "")
    }
}

/// How a Kubernetes service account gets AWS credentials.
public enum IdentityKind: String, Hashable, Sendable, Codable {
    /// IAM roles for service accounts: the `eks.amazonaws.com/role-arn` annotation and the OIDC provider.
    case irsa
    /// EKS Pod Identity: an association made through the EKS API, no annotation.
    case podIdentity
}

/// A binding of a Kubernetes service account to an IAM role.
public struct IdentityBinding: Hashable, Sendable, Codable {
    public var kind: IdentityKind
    public var namespace: String
    public var serviceAccount: String
    public var roleArn: String?
    public var policies: [String]
    public var source: SourceLocation

    public init(kind: IdentityKind, namespace: String, serviceAccount: String, roleArn: String? = nil,
                policies: [String] = [], source: SourceLocation) {
        self.kind = kind; self.namespace = namespace; self.serviceAccount = serviceAccount
        self.roleArn = roleArn; self.policies = policies; self.source = source
    }
}

/// Karpenter as declared for the cluster (eksctl `karpenter`, Terraform inputs).
public struct KarpenterSettings: Hashable, Sendable, Codable {
    public var version: String?
    public var amiSelector: String?
    public var source: SourceLocation

    public init(version: String? = nil, amiSelector: String? = nil, source: SourceLocation) {
        self.version = version; self.amiSelector = amiSelector; self.source = source
    }
}
