import EKSDocModel

/// Where a load balancer sends one stream of traffic: a target group, a Kubernetes service and its workload.
struct Backend {
    /// For the flow's name: the service key, else the target group name; nil when nothing is known.
    var label: String?
    var targetGroup: TargetGroup?
    var service: KubernetesObject?
    /// The Ingress rules that lead here (`app.example.com/api -> ui:http`).
    var rules: [String]
    var workload: KubernetesObject?
    /// The port the targets listen on (pod port in IP mode).
    var targetPort: Int?
    /// The service's NodePort (instance mode), when set.
    var nodePort: Int?
}

extension FlowContext {
    /// The backends of a load balancer: one per service its Ingress rules name, else one per target group,
    /// else a single unknown one.
    func backends(of view: LoadBalancerView) -> [Backend] {
        var byService: [String: (namespace: String?, rules: [String], port: String?)] = [:]
        for ingress in view.ingresses {
            for rule in ingress.ingress?.rules ?? [] {
                let key = "\(ingress.namespace ?? "default")/\(rule.service)"
                let text = "\(rule.host ?? "*")\(rule.path ?? "/") -> \(rule.service):\(rule.port ?? "?")"
                var entry = byService[key] ?? (ingress.namespace, [], rule.port)
                entry.rules.append(text)
                byService[key] = entry
            }
        }
        if !byService.isEmpty {
            return byService.keys.sorted().map { key in
                let entry = byService[key]!
                let name = String(key.split(separator: "/").last ?? "")
                return backend(service: name, namespace: entry.namespace, port: entry.port, rules: entry.rules,
                               targetGroups: view.targetGroups)
            }
        }
        if !view.targetGroups.isEmpty {
            return view.targetGroups.map { group in
                let service = services().first { FlowContext.targetGroup(group.name, fits: $0) }
                var result = service.map { backend(of: $0, port: nil, rules: []) }
                    ?? Backend(label: nil, targetGroup: nil, service: nil, rules: [], workload: nil)
                result.targetGroup = group
                result.label = result.label ?? group.name
                result.targetPort = group.port ?? result.targetPort
                return result
            }
        }
        return [Backend(label: nil, targetGroup: nil, service: nil, rules: [], workload: nil)]
    }

    private func backend(service name: String, namespace: String?, port: String?, rules: [String],
                         targetGroups: [TargetGroup]) -> Backend {
        guard let service = services().first(where: { $0.name == name && $0.namespace == namespace }) else {
            return Backend(label: "Service/\(namespace ?? "")/\(name)", targetGroup: nil, service: nil,
                           rules: rules, workload: nil)
        }
        var result = backend(of: service, port: port, rules: rules)
        let fitting = targetGroups.filter { FlowContext.targetGroup($0.name, fits: service) }
        if let group = fitting.first ?? (targetGroups.count == 1 ? targetGroups.first : nil) {
            result.targetGroup = group
            result.targetPort = group.port ?? result.targetPort
        }
        return result
    }

    /// A backend for a known service: the workload its selector picks and the port its targets listen on.
    private func backend(of service: KubernetesObject, port: String?, rules: [String]) -> Backend {
        let spec = service.service ?? ServiceSpec()
        let workload = workloads().first { object in
            guard !spec.selector.isEmpty, let labels = object.workload?.podLabels, object.namespace == service.namespace
            else { return false }
            return spec.selector.allSatisfy { labels[$0.key] == $0.value }
        }
        let servicePort = port.flatMap { wanted in spec.ports.first { $0.name == wanted || String($0.port) == wanted } }
            ?? spec.ports.first
        var targetPort: Int?
        if let servicePort {
            let wanted = servicePort.targetPort ?? "\(servicePort.port)"
            targetPort = Int(wanted) ?? workload?.workload?.containers.flatMap(\.ports).first { $0.name == wanted }?.port
        }
        return Backend(label: service.key, targetGroup: nil, service: service, rules: rules, workload: workload,
                       targetPort: targetPort, nodePort: servicePort?.nodePort)
    }

    /// Service objects, sorted by key.
    func services() -> [KubernetesObject] {
        env.kubernetes.filter { $0.kind == "Service" && $0.service != nil }.sorted { $0.key < $1.key }
    }

    /// Objects with a pod template, sorted by key.
    func workloads() -> [KubernetesObject] {
        env.kubernetes.filter { $0.workload != nil }.sorted { $0.key < $1.key }
    }
}
