import EKSDocModel

/// A load balancer as the flows see it: one from a snapshot or state, or the ALB that the AWS Load Balancer
/// Controller creates for Ingress objects (reference/aws-facts.md §5).
struct LoadBalancerView {
    /// The load balancer's name, or the key of the Ingress that stands for it.
    var entity: String
    var entityKind: String
    /// `internet-facing` or `internal`.
    var scheme: String
    /// A network load balancer without security groups does not filter its listeners.
    var unfiltered: Bool
    var subnets: [Subnet]
    /// Its security groups; nil when the controller creates them (not in the inputs).
    var groups: [String]?
    /// Sources the controller-managed group admits (`alb.ingress.kubernetes.io/inbound-cidrs`).
    var inboundCIDRs: [String]
    /// Listener ports from `alb.ingress.kubernetes.io/listen-ports`; empty when unknown.
    var listenerPorts: [Int]
    var ingresses: [KubernetesObject]
    var targetGroups: [TargetGroup]
    /// `ip` or `instance` from the Ingress annotation (the controller's default is `instance`).
    var ingressTargetType: String?
    var dnsName: String?
    /// What the load balancer is, for the hop's note.
    var origin: String

    var internetFacing: Bool { scheme == "internet-facing" }
}

extension FlowContext {
    /// Load balancers from the inputs, then the ALBs of Ingress objects that none of them stands for; sorted.
    func loadBalancerViews() -> [LoadBalancerView] {
        let ingresses = albIngresses()
        var claimed = Set<String>()
        var views: [LoadBalancerView] = []
        for lb in env.loadBalancers.sorted(by: { $0.name < $1.name }) {
            let matched = ingresses.filter { FlowContext.ingress($0, standsFor: lb.name) }
            matched.forEach { claimed.insert($0.key) }
            let type = lb.type ?? "application"
            var view = LoadBalancerView(
                entity: lb.name, entityKind: "loadBalancer", scheme: lb.scheme ?? "internal",
                unfiltered: type == "network" && lb.securityGroups.isEmpty,
                subnets: lb.subnets.sorted().compactMap(env.subnet), groups: lb.securityGroups.sorted(),
                inboundCIDRs: [], listenerPorts: [], ingresses: matched,
                targetGroups: env.targetGroups.filter { $0.loadBalancers.contains(lb.name) }.sorted { $0.name < $1.name },
                ingressTargetType: nil, dnsName: lb.dnsName, origin: "\(lb.scheme ?? "internal") \(type) load balancer")
            if let ingress = matched.first { apply(ingress, to: &view) }
            views.append(view)
        }
        var groups: [String: [KubernetesObject]] = [:]
        for ingress in ingresses where !claimed.contains(ingress.key) {
            let group = ingress.annotations["alb.ingress.kubernetes.io/group.name"].map { "group:\($0)" } ?? ingress.key
            groups[group, default: []].append(ingress)
        }
        for key in groups.keys.sorted() {
            let members = groups[key] ?? []
            guard let first = members.first else { continue }
            let scheme = first.annotations["alb.ingress.kubernetes.io/scheme"] ?? "internal"
            var view = LoadBalancerView(
                entity: first.key, entityKind: "ingress", scheme: scheme, unfiltered: false,
                subnets: ingressSubnets(first, scheme: scheme), groups: nil, inboundCIDRs: [], listenerPorts: [],
                ingresses: members, targetGroups: [], ingressTargetType: nil, dnsName: nil,
                origin: "\(scheme) ALB the AWS Load Balancer Controller creates for \(members.map(\.key).joined(separator: ", "))"
                    + " (no load balancer for it in the inputs)")
            apply(first, to: &view)
            views.append(view)
        }
        return views
    }

    /// Ingress objects the AWS Load Balancer Controller serves, sorted by key.
    func albIngresses() -> [KubernetesObject] {
        env.kubernetes.filter { object in
            guard object.kind == "Ingress" else { return false }
            return object.ingress?.className == "alb" || object.annotations["kubernetes.io/ingress.class"] == "alb"
                || object.annotations.keys.contains { $0.hasPrefix("alb.ingress.kubernetes.io/") }
        }.sorted { $0.key < $1.key }
    }

    /// Reads the Ingress annotations that shape the load balancer.
    func apply(_ ingress: KubernetesObject, to view: inout LoadBalancerView) {
        let notes = ingress.annotations
        let ports = FlowContext.numbers(in: notes["alb.ingress.kubernetes.io/listen-ports"] ?? "")
        view.listenerPorts = ports.isEmpty ? [notes["alb.ingress.kubernetes.io/certificate-arn"] == nil ? 80 : 443] : ports
        view.ingressTargetType = notes["alb.ingress.kubernetes.io/target-type"] ?? "instance"
        if view.groups == nil {
            if let listed = notes["alb.ingress.kubernetes.io/security-groups"] {
                view.groups = FlowContext.list(listed).map { name in
                    env.securityGroups.first { $0.name == name }?.id ?? name
                }.sorted()
            }
            let cidrs = FlowContext.list(notes["alb.ingress.kubernetes.io/inbound-cidrs"] ?? "")
            view.inboundCIDRs = cidrs.isEmpty ? ["0.0.0.0/0"] : cidrs
        }
    }

    /// The controller's subnets: the `subnets` annotation (ids or Name tags), else the VPC's subnets tagged for
    /// the scheme (`kubernetes.io/role/elb` or `kubernetes.io/role/internal-elb`).
    func ingressSubnets(_ ingress: KubernetesObject, scheme: String) -> [Subnet] {
        let listed = FlowContext.list(ingress.annotations["alb.ingress.kubernetes.io/subnets"] ?? "")
        if !listed.isEmpty {
            return env.subnets.filter { listed.contains($0.id) || $0.tags.nameTag.map(listed.contains) == true }
                .sorted { $0.id < $1.id }
        }
        let role: SubnetRole = scheme == "internet-facing" ? .elb : .internalElb
        return env.subnets.filter { subnet in
            (vpc == nil || subnet.vpc == nil || subnet.vpc == vpc?.id) && Routing.roles(of: subnet, in: env).contains(role)
        }.sorted { $0.id < $1.id }
    }

    /// True when the controller names the load balancer of this Ingress `name`: the `load-balancer-name`
    /// annotation, else `k8s-<group>-<hash>` for an IngressGroup or `k8s-<namespace>-<ingress>-<hash>`
    /// (each part with non-alphanumerics removed, cut to 17, 8 and 8 characters).
    static func ingress(_ ingress: KubernetesObject, standsFor name: String) -> Bool {
        let lower = name.lowercased()
        if let explicit = ingress.annotations["alb.ingress.kubernetes.io/load-balancer-name"] {
            return explicit.lowercased() == lower
        }
        if let group = ingress.annotations["alb.ingress.kubernetes.io/group.name"] {
            return lower.hasPrefix("k8s-\(clip(group, 17))-")
        }
        return lower.hasPrefix("k8s-\(clip(ingress.namespace ?? "default", 8))-\(clip(ingress.name, 8))-")
    }

    /// True when the controller's target group name `k8s-<namespace>-<service>-<hash>` fits the service.
    static func targetGroup(_ name: String, fits service: KubernetesObject) -> Bool {
        name.lowercased().hasPrefix("k8s-\(clip(service.namespace ?? "default", 8))-\(clip(service.name, 8))-")
    }

    /// Lower-case alphanumerics of `text`, at most `length` of them.
    static func clip(_ text: String, _ length: Int) -> String {
        String(text.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }.prefix(length))
    }

    /// The integers in a text such as `[{"HTTP": 80}, {"HTTPS": 443}]`, sorted, without repeats.
    static func numbers(in text: String) -> [Int] {
        let runs = text.split { !($0.isASCII && $0.isNumber) }
        return Array(Set(runs.compactMap { Int($0) })).sorted()
    }

    /// The items of a comma-separated annotation, trimmed.
    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { String($0).filter { $0 != " " } }.filter { !$0.isEmpty }
    }
}
