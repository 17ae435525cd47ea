import EKSDocAnalysis
import EKSDocModel

/// The facts a question may use (docs/questions.md, "Facts"), their types, and how they are computed.
public enum FactRegistry {
    static let subnetFields = ["id", "name", "cidr", "az", "usable", "freeNow"]
    static let accountFields = ["namespace", "serviceAccount", "roleArn"]

    /// Every fact name and its type. Conditions and templates are checked against it when the bank loads.
    public static let names: [String: FactType] = {
        var table: [String: FactType] = [:]
        func add(_ type: FactType, _ names: String...) { for name in names { table[name] = type } }
        add(.string, "env.name", "env.region")
        add(.bool, "has.vpc", "has.cluster", "has.nodeGroups", "has.kubernetes", "has.karpenter", "has.ingress",
            "has.terraform")
        add(.string, "vpc.id", "vpc.primaryCidr", "vpc.cidrs")
        add(.list(["cidr"]), "vpc.secondaryCidrs")
        add(.bool, "vpc.hasSecondaryCidr")
        add(.number, "azs.count")
        add(.string, "azs.list")
        add(.number, "subnets.count", "subnets.public.count", "subnets.private.count", "subnets.isolated.count")
        add(.list(subnetFields), "subnets.public", "subnets.private", "subnets.isolated", "subnets.pods",
            "subnets.nodes", "subnets.cluster")
        add(.string, "addresses.public", "addresses.private", "addresses.pods", "addresses.nodes")
        add(.string, "igw.id")
        add(.number, "nat.count")
        add(.string, "nat.ids")
        add(.string, "mainTable.id", "mainTable.defaultTarget", "mainTable.defaultKind")
        add(.string, "egress.target", "egress.kind")
        add(.bool, "egress.viaAppliance", "egress.viaNat", "egress.singleAZ")
        add(.list(["destination", "target", "kind"]), "routes.corporate")
        add(.bool, "has.corporateRoutes")
        add(.string, "sg.cluster.id", "sg.node.id")
        add(.number, "sg.count", "exposure.count")
        add(.list(["group", "ports", "peer"]), "exposure.list")
        add(.bool, "exposure.sensitive")
        add(.number, "lb.count", "lb.internal.count", "lb.internetFacing.count")
        add(.bool, "has.internalLoadBalancer", "has.internetFacingLoadBalancer")
        add(.list(["name", "type", "subnets"]), "lb.internal", "lb.internetFacing")
        add(.string, "cluster.name", "cluster.version", "cluster.serviceCidr", "cluster.oidcIssuer", "cluster.logging")
        add(.bool, "cluster.endpointPublic", "cluster.endpointPrivate", "cluster.publicOpenToWorld")
        add(.string, "cluster.publicAccessCidrs")
        add(.string, "nodeGroup.name", "nodeGroup.instanceType")
        add(.number, "nodeGroup.min", "nodeGroup.max", "nodeGroup.desired")
        add(.list(["name", "instanceTypes", "min", "max", "desired"]), "nodeGroups")
        add(.bool, "cni.customNetworking", "cni.prefixDelegation", "cni.externalSnat")
        add(.string, "cni.warmPrefixTarget", "cni.warmIpTarget", "cni.minimumIpTarget", "cni.eniConfigLabel")
        add(.list(["name", "subnet", "securityGroups"]), "eniConfigs")
        add(.string, "maxPods.instanceType")
        add(.number, "maxPods.enis", "maxPods.ipsPerEni", "maxPods.vcpus")
        add(.number, "maxPods.default", "maxPods.customNetworking", "maxPods.prefixDelegation",
            "maxPods.formulaInForce", "maxPods.recommended")
        add(.string, "maxPods.formula")
        add(.string, "capacity.pods", "capacity.podAddresses", "capacity.podPrefixAddresses",
            "capacity.nodeAddresses", "capacity.nodeLimit", "capacity.limitedBy", "capacity.explanation",
            "capacity.serviceAddresses")
        add(.string, "karpenter.version", "karpenter.amiSelector")
        add(.list(["name", "requirements"]), "karpenter.nodePools")
        add(.list(["name", "version"]), "addons")
        add(.bool, "has.addon.vpcCni", "has.addon.ebsCsi", "has.addon.coredns", "has.addon.podIdentityAgent")
        add(.number, "irsa.count", "podIdentity.count")
        add(.list(accountFields), "irsa.accounts", "podIdentity.accounts")
        add(.bool, "has.irsa", "has.podIdentity")
        add(.number, "workloads.count")
        add(.list(["kind", "namespace", "name", "replicas", "image"]), "workloads")
        add(.list(["namespace", "name", "type", "ports"]), "services")
        add(.list(["namespace", "name", "className", "scheme", "targetType", "hosts", "backends"]), "ingresses")
        add(.list(["name", "provisioner", "type"]), "storageClasses")
        add(.list(["namespace", "name", "storageClass", "size"]), "pvcs")
        add(.list(["namespace", "name", "provider", "objects"]), "secretProviderClasses")
        add(.list(["namespace", "name", "target", "min", "max", "metrics"]), "hpas")
        add(.bool, "has.storage", "has.secretsStoreCsi", "has.externalDns", "has.hpa", "has.networkPolicy",
            "has.loadBalancerController")
        add(.number, "findings.count", "findings.errors", "findings.warnings")
        add(.list(["id", "severity", "entity", "message"]), "findings")
        add(.number, "drift.count")
        add(.list(["name", "summary"]), "flows.egress", "flows.inbound")
        return table
    }()

    /// The facts of one environment, every name of `names` set (empty strings, zero, false or empty lists when
    /// the inputs do not say).
    public static func facts(_ env: Environment, _ facts: EnvironmentFacts) -> Facts {
        var builder = FactBuilder(env: env, analysis: facts)
        builder.network()
        builder.routing()
        builder.security()
        builder.cluster()
        builder.capacity()
        builder.identities()
        builder.kubernetes()
        builder.findings()
        return Facts(builder.values)
    }
}
