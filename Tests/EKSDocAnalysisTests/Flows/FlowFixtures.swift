import EKSDocAnalysis
import EKSDocModel

/// Small inline environments for the flow tests.
///
/// The base: VPC `vpc-1` 10.0.0.0/16; public subnets `subnet-pub-a`/`-b` (10.0.1.0/24, 10.0.2.0/24) on `rtb-pub`
/// (0.0.0.0/0 -> igw-1); private subnets `subnet-prv-a`/`-b` (10.0.11.0/24, 10.0.12.0/24) on `rtb-a` / `rtb-b`
/// (0.0.0.0/0 -> nat-a / nat-b, each in the public subnet of its AZ); cluster `demo` with cluster group
/// `sg-cluster`; node group `ng` in the private subnets, node instance `i-node` with `sg-node` (kubelet from
/// sg-cluster, all traffic from itself, everything out).
enum FlowFixtures {
    static let at = SourceLocation(file: "flows-test.json", line: 1, column: 1)

    static func route(_ destination: String, _ target: String, state: String = "active") -> Route {
        Route(destination: destination, target: target, state: state, source: at)
    }

    static func rule(_ proto: String, _ from: Int? = nil, _ to: Int? = nil, _ peer: String) -> SecurityGroupRule {
        let kind: PeerKind = peer.hasPrefix("sg-") ? .securityGroup : (peer.contains(":") ? .ipv6Cidr : .cidr)
        return SecurityGroupRule(protocol: proto, fromPort: from, toPort: to ?? from, peer: peer, peerKind: kind, source: at)
    }

    static func subnet(_ id: String, _ cidr: String, _ az: String, tags: Tags = [:]) -> Subnet {
        Subnet(id: id, vpc: "vpc-1", cidr: cidr, az: az, tags: tags, source: at)
    }

    static func base() -> Environment {
        var env = Environment(name: "demo-env", region: "us-east-1")
        env.vpcs = [VPC(id: "vpc-1", cidrs: ["10.0.0.0/16"], source: at)]
        env.subnets = [
            subnet("subnet-pub-a", "10.0.1.0/24", "us-east-1a", tags: ["kubernetes.io/role/elb": "1"]),
            subnet("subnet-pub-b", "10.0.2.0/24", "us-east-1b", tags: ["kubernetes.io/role/elb": "1"]),
            subnet("subnet-prv-a", "10.0.11.0/24", "us-east-1a", tags: ["kubernetes.io/role/internal-elb": "1"]),
            subnet("subnet-prv-b", "10.0.12.0/24", "us-east-1b", tags: ["kubernetes.io/role/internal-elb": "1"]),
        ]
        env.routeTables = [
            RouteTable(id: "rtb-main", vpc: "vpc-1", main: true, routes: [route("10.0.0.0/16", "local")], source: at),
            RouteTable(id: "rtb-pub", vpc: "vpc-1", subnets: ["subnet-pub-a", "subnet-pub-b"],
                       routes: [route("10.0.0.0/16", "local"), route("0.0.0.0/0", "igw-1")], source: at),
            RouteTable(id: "rtb-a", vpc: "vpc-1", subnets: ["subnet-prv-a"],
                       routes: [route("10.0.0.0/16", "local"), route("0.0.0.0/0", "nat-a")], source: at),
            RouteTable(id: "rtb-b", vpc: "vpc-1", subnets: ["subnet-prv-b"],
                       routes: [route("10.0.0.0/16", "local"), route("0.0.0.0/0", "nat-b")], source: at),
        ]
        env.internetGateways = [InternetGateway(id: "igw-1", vpcs: ["vpc-1"], source: at)]
        env.natGateways = [
            NatGateway(id: "nat-a", vpc: "vpc-1", subnet: "subnet-pub-a", publicIps: ["3.3.3.1"], source: at),
            NatGateway(id: "nat-b", vpc: "vpc-1", subnet: "subnet-pub-b", publicIps: ["3.3.3.2"], source: at),
        ]
        env.securityGroups = [
            SecurityGroup(id: "sg-cluster", name: "eks-cluster-sg", vpc: "vpc-1",
                          ingress: [rule("-1", nil, nil, "sg-cluster")], egress: [rule("-1", nil, nil, "0.0.0.0/0")],
                          source: at),
            SecurityGroup(id: "sg-node", name: "node", vpc: "vpc-1",
                          ingress: [rule("tcp", 10250, 10250, "sg-cluster"), rule("-1", nil, nil, "sg-node")],
                          egress: [rule("-1", nil, nil, "0.0.0.0/0")], source: at),
        ]
        env.instances = [
            Instance(id: "i-node", vpc: "vpc-1", subnet: "subnet-prv-a", privateIp: "10.0.11.10",
                     securityGroups: ["sg-node"], sourceDestCheck: true, tags: ["eks:nodegroup-name": "ng"], source: at),
        ]
        env.cluster = Cluster(name: "demo", vpc: "vpc-1", subnets: ["subnet-prv-a", "subnet-prv-b"],
                              clusterSecurityGroup: "sg-cluster", endpointPublic: true, endpointPrivate: false,
                              publicAccessCidrs: ["0.0.0.0/0"], source: at)
        env.nodeGroups = [NodeGroup(name: "ng", cluster: "demo", subnets: ["subnet-prv-a", "subnet-prv-b"], source: at)]
        return env
    }

    /// The base with an ALB (`alb-1`, group `sg-alb` open on 443 to the internet) and an IP target group whose
    /// targets, port 8080, the node group admits from `sg-alb`.
    static func withLoadBalancer(scheme: String = "internet-facing", subnets: [String] = ["subnet-pub-a", "subnet-pub-b"],
                                 targetType: String = "ip") -> Environment {
        var env = base()
        env.securityGroups.append(SecurityGroup(id: "sg-alb", name: "alb", vpc: "vpc-1",
                                                ingress: [rule("tcp", 443, 443, "0.0.0.0/0")],
                                                egress: [rule("-1", nil, nil, "0.0.0.0/0")], source: at))
        if let index = env.securityGroups.firstIndex(where: { $0.id == "sg-node" }) {
            env.securityGroups[index].ingress.append(rule("tcp", 8080, 8080, "sg-alb"))
            env.securityGroups[index].ingress.append(rule("tcp", 30000, 32767, "sg-alb"))
        }
        env.loadBalancers = [LoadBalancer(name: "alb-1", scheme: scheme, type: "application", vpc: "vpc-1",
                                          subnets: subnets, securityGroups: ["sg-alb"], source: at)]
        env.targetGroups = [TargetGroup(name: "tg-1", targetType: targetType, protocol: "HTTP", port: 8080,
                                        vpc: "vpc-1", loadBalancers: ["alb-1"], source: at)]
        return env
    }

    /// A Deployment `web` (label app=web, port 8080 named http), its Service and an ALB Ingress in `shop`.
    static func webObjects(scheme: String, targetType: String) -> [KubernetesObject] {
        var deployment = KubernetesObject(apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name: "web", source: at)
        deployment.workload = WorkloadSpec(selector: ["app": "web"], podLabels: ["app": "web"],
                                           containers: [Container(name: "web", ports: [ContainerPort(name: "http", port: 8080)])])
        var service = KubernetesObject(apiVersion: "v1", kind: "Service", namespace: "shop", name: "web", source: at)
        service.service = ServiceSpec(selector: ["app": "web"],
                                      ports: [ServicePort(name: "http", port: 80, targetPort: "http", nodePort: 31080)])
        var ingress = KubernetesObject(apiVersion: "networking.k8s.io/v1", kind: "Ingress", namespace: "shop", name: "web",
                                       annotations: ["alb.ingress.kubernetes.io/scheme": scheme,
                                                     "alb.ingress.kubernetes.io/target-type": targetType,
                                                     "alb.ingress.kubernetes.io/listen-ports": "[{\"HTTPS\": 443}]"],
                                       source: at)
        ingress.ingress = IngressSpec(className: "alb", rules: [IngressRule(host: "shop.example.com", path: "/", service: "web", port: "80")])
        return [deployment, service, ingress]
    }

    static func flow(_ flows: [Flow], kind: String, containing text: String) -> Flow? {
        flows.first { $0.kind == kind && $0.name.contains(text) }
    }
}
