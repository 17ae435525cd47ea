/// A Kubernetes object. Every kind keeps its identity and labels; the kinds eksdoc understands also carry a
/// typed summary of the parts that matter for documentation (only one of the optional specs is set).
public struct KubernetesObject: Hashable, Sendable, Codable {
    public var apiVersion: String
    public var kind: String
    public var namespace: String?
    public var name: String
    public var labels: [String: String]
    public var annotations: [String: String]
    public var source: SourceLocation

    public var workload: WorkloadSpec?
    public var service: ServiceSpec?
    public var ingress: IngressSpec?
    /// ConfigMap and Secret entries (Secret values are always withheld).
    public var data: [DataEntry]?
    public var serviceAccount: ServiceAccountSpec?
    public var storageClass: StorageClassSpec?
    public var claim: ClaimSpec?
    public var autoscaler: AutoscalerSpec?
    public var networkPolicy: NetworkPolicySpec?
    public var eniConfig: ENIConfigSpec?
    public var secretProvider: SecretProviderSpec?
    public var nodePool: NodePoolSpec?
    public var nodeClass: NodeClassSpec?

    public init(apiVersion: String, kind: String, namespace: String? = nil, name: String,
                labels: [String: String] = [:], annotations: [String: String] = [:], source: SourceLocation) {
        self.apiVersion = apiVersion; self.kind = kind; self.namespace = namespace; self.name = name
        self.labels = labels; self.annotations = annotations; self.source = source
    }

    /// `kind/namespace/name` (namespace left empty for cluster-scoped objects); unique per environment.
    public var key: String { "\(kind)/\(namespace ?? "")/\(name)" }
}

/// Deployment, StatefulSet, DaemonSet, Job, CronJob: the pod template.
public struct WorkloadSpec: Hashable, Sendable, Codable {
    public var replicas: Int?
    public var selector: [String: String]
    public var podLabels: [String: String]
    public var serviceAccount: String?
    public var containers: [Container]
    public var volumes: [Volume]
    public var nodeSelector: [String: String]

    public init(replicas: Int? = nil, selector: [String: String] = [:], podLabels: [String: String] = [:],
                serviceAccount: String? = nil, containers: [Container] = [], volumes: [Volume] = [],
                nodeSelector: [String: String] = [:]) {
        self.replicas = replicas; self.selector = selector; self.podLabels = podLabels
        self.serviceAccount = serviceAccount; self.containers = containers; self.volumes = volumes
        self.nodeSelector = nodeSelector
    }
}

/// A container of a pod template.
public struct Container: Hashable, Sendable, Codable {
    public var name: String
    public var image: String?
    public var ports: [ContainerPort]
    public var env: [EnvVar]
    /// `configMap:NAME` or `secret:NAME` for each `envFrom` source.
    public var envFrom: [String]
    public var volumeMounts: [String]

    public init(name: String, image: String? = nil, ports: [ContainerPort] = [], env: [EnvVar] = [],
                envFrom: [String] = [], volumeMounts: [String] = []) {
        self.name = name; self.image = image; self.ports = ports; self.env = env; self.envFrom = envFrom
        self.volumeMounts = volumeMounts
    }
}

public struct ContainerPort: Hashable, Sendable, Codable {
    public var name: String?
    public var port: Int
    public var `protocol`: String?

    public init(name: String? = nil, port: Int, protocol: String? = nil) {
        self.name = name; self.port = port; self.protocol = `protocol`
    }
}

/// An environment variable: a literal value (withheld when it looks secret) or a reference.
public struct EnvVar: Hashable, Sendable, Codable {
    public var name: String
    public var value: String?
    public var withheld: Bool?
    /// `secret:NAME/KEY`, `configMap:NAME/KEY` or `field:PATH` for `valueFrom`.
    public var from: String?

    public init(name: String, value: String? = nil, withheld: Bool? = nil, from: String? = nil) {
        self.name = name; self.value = value; self.withheld = withheld; self.from = from
    }
}

/// A pod volume and what it refers to.
public struct Volume: Hashable, Sendable, Codable {
    public var name: String
    /// `configMap`, `secret`, `persistentVolumeClaim`, `csi`, `emptyDir`, `projected`, `hostPath` or `other`.
    public var type: String
    /// The ConfigMap, Secret or claim name, or the CSI driver and its SecretProviderClass.
    public var reference: String?

    public init(name: String, type: String, reference: String? = nil) {
        self.name = name; self.type = type; self.reference = reference
    }
}

public struct ServiceSpec: Hashable, Sendable, Codable {
    public var type: String
    public var selector: [String: String]
    public var ports: [ServicePort]
    public var annotations: [String: String]?

    public init(type: String = "ClusterIP", selector: [String: String] = [:], ports: [ServicePort] = [],
                annotations: [String: String]? = nil) {
        self.type = type; self.selector = selector; self.ports = ports; self.annotations = annotations
    }
}

public struct ServicePort: Hashable, Sendable, Codable {
    public var name: String?
    public var port: Int
    /// A number or a named container port, as text.
    public var targetPort: String?
    public var nodePort: Int?
    public var `protocol`: String?

    public init(name: String? = nil, port: Int, targetPort: String? = nil, nodePort: Int? = nil,
                protocol: String? = nil) {
        self.name = name; self.port = port; self.targetPort = targetPort; self.nodePort = nodePort
        self.protocol = `protocol`
    }
}

public struct IngressSpec: Hashable, Sendable, Codable {
    public var className: String?
    public var rules: [IngressRule]
    public var tlsHosts: [String]

    public init(className: String? = nil, rules: [IngressRule] = [], tlsHosts: [String] = []) {
        self.className = className; self.rules = rules; self.tlsHosts = tlsHosts
    }
}

public struct IngressRule: Hashable, Sendable, Codable {
    public var host: String?
    public var path: String?
    public var service: String
    /// A port number or name, as text.
    public var port: String?

    public init(host: String? = nil, path: String? = nil, service: String, port: String? = nil) {
        self.host = host; self.path = path; self.service = service; self.port = port
    }
}

/// A key of a ConfigMap or Secret; the value is kept only when it is not secret.
public struct DataEntry: Hashable, Sendable, Codable {
    public var key: String
    public var value: String?
    public var withheld: Bool?

    public init(key: String, value: String? = nil, withheld: Bool? = nil) {
        self.key = key; self.value = value; self.withheld = withheld
    }
}

public struct ServiceAccountSpec: Hashable, Sendable, Codable {
    /// The IRSA role from `eks.amazonaws.com/role-arn`.
    public var roleArn: String?

    public init(roleArn: String? = nil) { self.roleArn = roleArn }
}

public struct StorageClassSpec: Hashable, Sendable, Codable {
    public var provisioner: String
    public var parameters: [String: String]
    public var reclaimPolicy: String?
    public var volumeBindingMode: String?
    public var isDefault: Bool

    public init(provisioner: String, parameters: [String: String] = [:], reclaimPolicy: String? = nil,
                volumeBindingMode: String? = nil, isDefault: Bool = false) {
        self.provisioner = provisioner; self.parameters = parameters; self.reclaimPolicy = reclaimPolicy
        self.volumeBindingMode = volumeBindingMode; self.isDefault = isDefault
    }
}

public struct ClaimSpec: Hashable, Sendable, Codable {
    public var storageClass: String?
    public var size: String?
    public var accessModes: [String]

    public init(storageClass: String? = nil, size: String? = nil, accessModes: [String] = []) {
        self.storageClass = storageClass; self.size = size; self.accessModes = accessModes
    }
}

public struct AutoscalerSpec: Hashable, Sendable, Codable {
    /// `Kind/name` of the scale target.
    public var target: String
    public var min: Int?
    public var max: Int?
    /// Metrics in short form, such as `cpu 70%`.
    public var metrics: [String]

    public init(target: String, min: Int? = nil, max: Int? = nil, metrics: [String] = []) {
        self.target = target; self.min = min; self.max = max; self.metrics = metrics
    }
}

public struct NetworkPolicySpec: Hashable, Sendable, Codable {
    public var podSelector: [String: String]
    public var policyTypes: [String]
    public var ingressRules: Int
    public var egressRules: Int

    public init(podSelector: [String: String] = [:], policyTypes: [String] = [], ingressRules: Int = 0,
                egressRules: Int = 0) {
        self.podSelector = podSelector; self.policyTypes = policyTypes; self.ingressRules = ingressRules
        self.egressRules = egressRules
    }
}

/// VPC CNI custom networking: the subnet and security groups for pods on nodes that select this config.
public struct ENIConfigSpec: Hashable, Sendable, Codable {
    public var subnet: String?
    public var securityGroups: [String]

    public init(subnet: String? = nil, securityGroups: [String] = []) {
        self.subnet = subnet; self.securityGroups = securityGroups
    }
}

/// Secrets Store CSI driver: which provider and which external secrets (names only) it mounts.
public struct SecretProviderSpec: Hashable, Sendable, Codable {
    public var provider: String?
    public var objects: [String]

    public init(provider: String? = nil, objects: [String] = []) {
        self.provider = provider; self.objects = objects
    }
}

/// Karpenter NodePool.
public struct NodePoolSpec: Hashable, Sendable, Codable {
    public var nodeClass: String?
    /// Requirements in short form: `key In [a, b]`.
    public var requirements: [String]
    public var limits: [String: String]
    public var taints: [Taint]
    public var consolidationPolicy: String?

    public init(nodeClass: String? = nil, requirements: [String] = [], limits: [String: String] = [:],
                taints: [Taint] = [], consolidationPolicy: String? = nil) {
        self.nodeClass = nodeClass; self.requirements = requirements; self.limits = limits
        self.taints = taints; self.consolidationPolicy = consolidationPolicy
    }
}

/// Karpenter EC2NodeClass.
public struct NodeClassSpec: Hashable, Sendable, Codable {
    public var amiFamily: String?
    public var amiSelectors: [String]
    public var role: String?
    public var subnetSelectors: [String]
    public var securityGroupSelectors: [String]

    public init(amiFamily: String? = nil, amiSelectors: [String] = [], role: String? = nil,
                subnetSelectors: [String] = [], securityGroupSelectors: [String] = []) {
        self.amiFamily = amiFamily; self.amiSelectors = amiSelectors; self.role = role
        self.subnetSelectors = subnetSelectors; self.securityGroupSelectors = securityGroupSelectors
    }
}
