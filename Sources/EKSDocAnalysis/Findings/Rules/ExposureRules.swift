import EKSDocModel

/// Administrative or database ports open to the internet.
public enum SensitivePortOpenRule: FindingRule {
    public static let id = "sensitive-port-open"
    public static let summary = "A security group allows 0.0.0.0/0 or ::/0 on an admin or database port (22, 3389, 6443, 10250, 3306, 5432, 6379 ...)."

    public static func check(_ c: AnalysisContext) -> [Finding] {
        c.exposure.filter { !$0.sensitivePorts.isEmpty }.map { item in
            let names = item.sensitivePorts.map { port in PortNames.name(port).map { "\(port) (\($0))" } ?? "\(port)" }
            return Finding(id: id, severity: .error, entity: item.securityGroup,
                           message: "\(item.securityGroup)\(item.groupName.map { " (\($0))" } ?? "") allows \(item.ports) from \(item.peer), exposing \(names.joined(separator: ", "))",
                           hint: "Limit the rule to known source ranges or a security group, or reach the service through a bastion, SSM or a VPN.",
                           source: item.source)
        }
    }
}

/// Internal load balancers belong in private subnets and internet-facing ones in public subnets.
public enum LoadBalancerPlacementRule: FindingRule {
    public static let id = "load-balancer-placement"
    public static let summary = "An internal load balancer sits in public subnets, or an internet-facing one in subnets without an internet gateway route."

    public static func check(_ c: AnalysisContext) -> [Finding] {
        c.env.loadBalancers.compactMap { lb in
            let tiers = lb.subnets.compactMap { c.routing(of: $0)?.tier }
            guard !tiers.isEmpty else { return nil }
            if lb.scheme == "internet-facing", tiers.contains(where: { $0 != .public }) {
                let bad = lb.subnets.filter { c.routing(of: $0)?.tier != .public }
                return Finding(id: id, severity: .error, entity: lb.name,
                               message: "internet-facing load balancer \(lb.name) has subnets without a route to an internet gateway: \(bad.joined(separator: ", "))",
                               hint: "Place internet-facing load balancers in public subnets (tag them kubernetes.io/role/elb=1 for the controller).",
                               source: lb.source)
            }
            if lb.scheme == "internal", tiers.contains(.public) {
                let bad = lb.subnets.filter { c.routing(of: $0)?.tier == .public }
                return Finding(id: id, severity: .warning, entity: lb.name,
                               message: "internal load balancer \(lb.name) sits in public subnets: \(bad.joined(separator: ", "))",
                               hint: "Place internal load balancers in private subnets (tag them kubernetes.io/role/internal-elb=1).",
                               source: lb.source)
            }
            return nil
        }
    }
}

/// The AWS Load Balancer Controller discovers subnets by role tags; without them it cannot place load balancers.
public enum ELBRoleTagRule: FindingRule {
    public static let id = "elb-role-tags-missing"
    public static let summary = "The AWS Load Balancer Controller is installed but no subnet carries the kubernetes.io/role/elb or internal-elb tag it needs."

    public static func check(_ c: AnalysisContext) -> [Finding] {
        guard controllerInstalled(c.env), !c.env.subnets.isEmpty else { return [] }
        var findings: [Finding] = []
        let needsPublic = c.env.kubernetes.contains { $0.kind == "Ingress" && $0.annotations["alb.ingress.kubernetes.io/scheme"] == "internet-facing" }
            || c.env.loadBalancers.contains { $0.scheme == "internet-facing" }
        let needsInternal = c.env.kubernetes.contains { $0.kind == "Ingress" && ($0.annotations["alb.ingress.kubernetes.io/scheme"] ?? "internal") == "internal" }
            || c.env.loadBalancers.contains { $0.scheme == "internal" }
        for (tag, needed, scheme) in [("kubernetes.io/role/elb", needsPublic, "internet-facing"),
                                      ("kubernetes.io/role/internal-elb", needsInternal, "internal")] where needed {
            if !c.env.subnets.contains(where: { $0.tags[tag] == "1" || $0.tags[tag] == "" }) {
                findings.append(Finding(id: id, severity: .warning, entity: tag,
                                        message: "\(scheme) load balancers are used but no subnet is tagged \(tag)=1",
                                        hint: "Tag the \(scheme == "internal" ? "private" : "public") subnets with \(tag)=1 so the AWS Load Balancer Controller can find them."))
            }
        }
        return findings
    }

    /// Installed when its Deployment, service account, IAM binding or an `alb` ingress class is present.
    static func controllerInstalled(_ env: Environment) -> Bool {
        env.kubernetes.contains { $0.name.contains("aws-load-balancer-controller") || ($0.kind == "IngressClass" && $0.name == "alb") }
            || env.identities.contains { $0.serviceAccount.contains("aws-load-balancer-controller") }
            || env.kubernetes.contains { $0.ingress?.className == "alb" }
    }
}
