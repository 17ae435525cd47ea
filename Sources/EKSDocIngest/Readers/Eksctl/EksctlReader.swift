import EKSDocModel

/// Reads an eksctl `ClusterConfig` (`eksctl.io/v1alpha5`, and the older `v1alpha3`): the cluster, its VPC and
/// subnets, node groups, add-ons, IAM bindings (IRSA and EKS Pod Identity), Karpenter and control-plane logging.
///
/// Only what the file declares is recorded; eksctl's defaults (a 192.168.0.0/16 VPC, m5.large nodes ...) are
/// not invented. A known field of the wrong type is an error at that field.
public enum EksctlReader: DocumentReader {
    public static let origin: Origin = .declared

    /// Control-plane log types, what `enableTypes: ["*"]` (or `all`) stands for.
    static let allLogTypes = ["api", "audit", "authenticator", "controllerManager", "scheduler"]

    /// True for eksctl's `ClusterConfig` kind (any `eksctl.io/` API version).
    public static func isClusterConfig(apiVersion: String, kind: String) -> Bool {
        kind == "ClusterConfig" && apiVersion.hasPrefix("eksctl.io/")
    }

    public static func recognizes(_ document: Node) -> Bool {
        guard case .string(let apiVersion)? = document["apiVersion"]?.content,
              case .string(let kind)? = document["kind"]?.content else { return false }
        return isClusterConfig(apiVersion: apiVersion, kind: kind)
    }

    public static func read(_ document: Node, into environment: inout Environment, diagnostics: inout Diagnostics) {
        let config = Fields(document, context: "ClusterConfig")
        guard let metadata = config.mandatoryMap("metadata", &diagnostics),
              let name = metadata.mandatoryString("name", &diagnostics) else { return }
        let f = Fields(document, context: "ClusterConfig \(name)")
        let meta = Fields(metadata.node, context: f.context)
        var cluster = Cluster(name: name, version: meta.string("version", &diagnostics),
                              region: meta.string("region", &diagnostics), source: document.location)
        _ = meta.stringMap("tags", &diagnostics)  // checked only: the model has no cluster tags
        environment.region = cluster.region ?? environment.region

        if let network = f.fields("kubernetesNetworkConfig", &diagnostics) {
            cluster.serviceCidr = network.string("serviceIPv4CIDR", &diagnostics)
            cluster.ipFamily = network.string("ipFamily", &diagnostics)?.lowercased()
        }
        if let logging = f.fields(path: ["cloudWatch", "clusterLogging"], &diagnostics),
           logging.node["enableTypes"] != nil {
            let types = logging.strings("enableTypes", &diagnostics)
            cluster.logging = types.contains { $0 == "*" || $0.lowercased() == "all" } ? allLogTypes : types
        }
        if let privateCluster = f.fields("privateCluster", &diagnostics),
           privateCluster.bool("enabled", &diagnostics) == true {
            cluster.endpointPublic = false
            cluster.endpointPrivate = true
        }

        var network = EksctlNetwork(cluster: name)
        if let vpc = f.fields("vpc", &diagnostics) {
            network.read(vpc, into: &cluster, &diagnostics)
            if let vpc = network.vpc { environment.vpcs.append(vpc) }
            environment.subnets.append(contentsOf: network.subnets)
        }
        environment.nodeGroups += EksctlNodeGroups.read(f, cluster: name, network: network, &diagnostics)
        EksctlIdentities.read(f, into: &environment, &diagnostics)
        if let karpenter = f.fields("karpenter", &diagnostics) {
            environment.karpenter = KarpenterSettings(version: karpenter.string("version", &diagnostics),
                                                      source: karpenter.node.location)
        }
        environment.cluster = cluster
    }
}
