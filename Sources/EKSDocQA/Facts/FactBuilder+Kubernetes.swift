import EKSDocAnalysis
import EKSDocModel

extension FactBuilder {
    static let workloadKinds: Set<String> = ["Deployment", "StatefulSet", "DaemonSet"]

    /// Kubernetes objects sorted by namespace, then name.
    func objects(_ include: (KubernetesObject) -> Bool) -> [KubernetesObject] {
        env.kubernetes.filter(include).sorted { ($0.namespace ?? "", $0.name, $0.kind) < ($1.namespace ?? "", $1.name, $1.kind) }
    }

    /// IRSA (eksctl/Terraform bindings and `eks.amazonaws.com/role-arn` annotations) and Pod Identity associations.
    mutating func identities() {
        var irsa = env.identities.filter { $0.kind == .irsa }.map { ($0.namespace, $0.serviceAccount, $0.roleArn ?? "") }
        for object in objects({ $0.serviceAccount?.roleArn != nil }) {
            let namespace = object.namespace ?? "default"
            if !irsa.contains(where: { $0.0 == namespace && $0.1 == object.name }) {
                irsa.append((namespace, object.name, object.serviceAccount?.roleArn ?? ""))
            }
        }
        let pods = env.identities.filter { $0.kind == .podIdentity }.map { ($0.namespace, $0.serviceAccount, $0.roleArn ?? "") }
        func items(_ rows: [(String, String, String)]) -> [FactValue] {
            rows.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map {
                .item(["namespace": .string($0.0), "serviceAccount": .string($0.1), "roleArn": .string($0.2)])
            }
        }
        set("irsa.count", irsa.count)
        set("podIdentity.count", pods.count)
        set("irsa.accounts", items: items(irsa))
        set("podIdentity.accounts", items: items(pods))
        set("has.irsa", !irsa.isEmpty)
        set("has.podIdentity", !pods.isEmpty)
    }

    /// Workloads, services, ingresses, storage, secrets, autoscalers and what the add-ons and objects imply.
    mutating func kubernetes() {
        let workloads = objects { Self.workloadKinds.contains($0.kind) && $0.workload != nil && $0.namespace != "kube-system" }
        set("workloads.count", workloads.count)
        set("workloads", items: workloads.map { object in
            let replicas: FactValue = object.kind == "DaemonSet" ? .string("one per node")
                : object.workload?.replicas.map(FactValue.number) ?? .string("1 (default)")
            let images = Self.unique((object.workload?.containers ?? []).compactMap(\.image))
            return .item(["kind": .string(object.kind), "namespace": .string(object.namespace ?? "default"),
                          "name": .string(object.name), "replicas": replicas, "image": .string(Self.joined(images))])
        })
        set("services", items: objects { $0.service != nil }.map { object in
            let spec = object.service!
            return .item(["namespace": .string(object.namespace ?? "default"), "name": .string(object.name),
                          "type": .string(spec.type), "ports": .string(Self.joined(spec.ports.map(Self.portText)))])
        })
        let ingresses = objects { $0.ingress != nil }
        set("ingresses", items: ingresses.map(Self.ingressItem))
        let classes = objects { $0.storageClass != nil }
        set("storageClasses", items: classes.map {
            .item(["name": .string($0.name), "provisioner": .string($0.storageClass!.provisioner),
                   "type": .string($0.storageClass!.parameters["type"])])
        })
        let claims = objects { $0.claim != nil }
        set("pvcs", items: claims.map {
            .item(["namespace": .string($0.namespace ?? "default"), "name": .string($0.name),
                   "storageClass": .string($0.claim!.storageClass), "size": .string($0.claim!.size)])
        })
        let providers = objects { $0.secretProvider != nil }
        set("secretProviderClasses", items: providers.map {
            .item(["namespace": .string($0.namespace ?? "default"), "name": .string($0.name),
                   "provider": .string($0.secretProvider!.provider),
                   "objects": .string(Self.joined($0.secretProvider!.objects))])
        })
        let hpas = objects { $0.autoscaler != nil }
        set("hpas", items: hpas.map {
            let spec = $0.autoscaler!
            return .item(["namespace": .string($0.namespace ?? "default"), "name": .string($0.name),
                          "target": .string(spec.target), "min": .number(spec.min ?? 1),
                          "max": .number(spec.max ?? 0), "metrics": .string(Self.joined(spec.metrics))])
        })

        let addons = Set(env.addons.map(\.name))
        let accounts = Set(env.identities.map(\.serviceAccount) + objects { $0.serviceAccount != nil }.map(\.name))
        let workloadNames = Set(env.kubernetes.filter { $0.workload != nil }.map(\.name))
        func present(_ name: String) -> Bool {
            addons.contains(name) || accounts.contains(name) || workloadNames.contains(name)
        }
        set("has.storage", !classes.isEmpty || !claims.isEmpty || addons.contains("aws-ebs-csi-driver"))
        set("has.secretsStoreCsi", !providers.isEmpty || addons.contains { $0.contains("secrets-store") }
            || workloadNames.contains { $0.contains("secrets-store") })
        set("has.externalDns", present("external-dns"))
        set("has.hpa", !hpas.isEmpty)
        set("has.networkPolicy", env.kubernetes.contains { $0.networkPolicy != nil || $0.kind == "NetworkPolicy" })
        let albIngress = ingresses.contains { Self.isALB($0) }
        let controllerGroups = env.securityGroups.contains { $0.tags["elbv2.k8s.aws/cluster"] != nil }
        set("has.loadBalancerController", present("aws-load-balancer-controller") || albIngress || controllerGroups)
    }

    /// `80/TCP -> 8080` (target port shown when it differs), with the node port when there is one.
    static func portText(_ port: ServicePort) -> String {
        var text = "\(port.port)/\(port.protocol ?? "TCP")"
        if let target = port.targetPort, target != String(port.port) { text += " -> \(target)" }
        if let node = port.nodePort { text += " (node port \(node))" }
        return text
    }

    /// True for an Ingress the AWS Load Balancer Controller serves (class `alb` or `alb.ingress.kubernetes.io/*`).
    static func isALB(_ object: KubernetesObject) -> Bool {
        className(object) == "alb" || object.annotations.keys.contains { $0.hasPrefix("alb.ingress.kubernetes.io/") }
    }

    static func className(_ object: KubernetesObject) -> String? {
        object.ingress?.className ?? object.annotations["kubernetes.io/ingress.class"]
    }

    /// An ingress item; scheme and target type fall back to the controller's defaults (`internal`, `instance`).
    static func ingressItem(_ object: KubernetesObject) -> FactValue {
        let spec = object.ingress!
        let alb = isALB(object)
        let scheme = object.annotations["alb.ingress.kubernetes.io/scheme"] ?? (alb ? "internal" : nil)
        let target = object.annotations["alb.ingress.kubernetes.io/target-type"] ?? (alb ? "instance" : nil)
        let hosts = unique(spec.rules.compactMap(\.host) + spec.tlsHosts)
        let backends = unique(spec.rules.map { $0.service + ($0.port.map { ":\($0)" } ?? "") })
        return .item(["namespace": .string(object.namespace ?? "default"), "name": .string(object.name),
                      "className": .string(className(object)), "scheme": .string(scheme),
                      "targetType": .string(target), "hosts": .string(joined(hosts)), "backends": .string(joined(backends))])
    }
}
