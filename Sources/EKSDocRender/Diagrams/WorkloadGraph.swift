import EKSDocModel

/// How the Kubernetes objects of an environment link, derived from their specs: ingress backends, service
/// selectors matching pod labels, env and volume references, service accounts and the IAM roles bound to them
/// (IRSA annotations and `env.identities`), claims to storage classes, autoscalers to their targets.
/// Objects that are referenced but absent from the inputs become `missing` nodes.
struct WorkloadGraph {
    struct Node {
        /// The object's `kind/namespace/name` key, an IAM role ARN, or `aws-secret:<name>`.
        var id: String
        var kind: String
        var namespace: String?
        var name: String
        var object: KubernetesObject?
        var missing: Bool
    }

    struct Link: Hashable {
        var from: String
        var to: String
        var label: String
    }

    static let workloadKinds: Set<String> = ["Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicaSet"]
    static let shownKinds: Set<String> = workloadKinds.union(["Ingress", "Service", "ConfigMap", "Secret",
        "PersistentVolumeClaim", "StorageClass", "ServiceAccount", "SecretProviderClass", "HorizontalPodAutoscaler"])

    private(set) var nodes: [String: Node] = [:]
    /// `from|to` -> the labels of every reason the two are linked.
    private var linkLabels: [String: (from: String, to: String, labels: Set<String>)] = [:]

    /// One link per pair of nodes, its reasons joined, sorted.
    var links: [Link] {
        linkLabels.keys.sorted().map { key in
            let entry = linkLabels[key]!
            return Link(from: entry.from, to: entry.to, label: entry.labels.sorted().joined(separator: "\n"))
        }
    }
    var isEmpty: Bool { nodes.isEmpty }

    init(_ env: Environment) {
        let objects = env.kubernetes.filter { WorkloadGraph.shownKinds.contains($0.kind) }.sorted { $0.key < $1.key }
        for object in objects {
            let namespace = object.kind == "StorageClass" ? nil : (object.namespace ?? "default")
            nodes[object.key] = Node(id: object.key, kind: object.kind, namespace: namespace, name: object.name,
                                     object: object, missing: false)
        }
        for object in objects { link(object, in: objects) }
        for binding in env.identities.sorted(by: { ($0.namespace, $0.serviceAccount) < ($1.namespace, $1.serviceAccount) }) {
            let account = reference("ServiceAccount", binding.namespace, binding.serviceAccount)
            if let role = binding.roleArn {
                add(account, role: role, label: binding.kind == .irsa ? "IRSA" : "EKS Pod Identity")
            }
        }
    }

    private mutating func link(_ object: KubernetesObject, in objects: [KubernetesObject]) {
        let namespace = object.namespace ?? "default"
        if let ingress = object.ingress {
            for rule in ingress.rules {
                let target = reference("Service", namespace, rule.service)
                let path = (rule.host ?? "*") + (rule.path ?? "")
                add(object.key, target, path + (rule.port.map { " → :\($0)" } ?? ""))
            }
        }
        if let service = object.service, !service.selector.isEmpty {
            for workload in objects where WorkloadGraph.workloadKinds.contains(workload.kind)
                && (workload.namespace ?? "default") == namespace {
                guard let labels = workload.workload?.podLabels,
                      service.selector.allSatisfy({ labels[$0.key] == $0.value }) else { continue }
                let ports = service.ports.map { "\($0.port) → \($0.targetPort ?? String($0.port))" }
                add(object.key, workload.key, "selects " + ports.joined(separator: ", "))
            }
        }
        if let spec = object.workload { linkWorkload(object.key, spec, namespace: namespace) }
        if let claim = object.claim, let storageClass = claim.storageClass {
            add(object.key, reference("StorageClass", nil, storageClass), claim.size ?? "storage class")
        }
        if let account = object.serviceAccount, let role = account.roleArn {
            add(object.key, role: role, label: "IRSA")
        }
        if let autoscaler = object.autoscaler {
            let parts = autoscaler.target.split(separator: "/", maxSplits: 1).map(String.init)
            if parts.count == 2 {
                let range = "\(autoscaler.min.map(String.init) ?? "?")–\(autoscaler.max.map(String.init) ?? "?")"
                add(object.key, reference(parts[0], namespace, parts[1]),
                    (["scales \(range)"] + autoscaler.metrics).joined(separator: ", "))
            }
        }
        if let provider = object.secretProvider, provider.provider == "aws" {
            let names = Set(provider.objects.compactMap { $0.split(separator: " ").first.map(String.init) }).sorted()
            for name in names {
                let id = "aws-secret:" + name
                if nodes[id] == nil { nodes[id] = Node(id: id, kind: "AWS secret", name: name, missing: false) }
                add(object.key, id, "mounts")
            }
        }
    }

    private mutating func linkWorkload(_ key: String, _ spec: WorkloadSpec, namespace: String) {
        if let account = spec.serviceAccount {
            add(key, reference("ServiceAccount", namespace, account), "runs as")
        }
        for container in spec.containers {
            for source in container.envFrom {
                if let (kind, name) = WorkloadGraph.split(source) { add(key, reference(kind, namespace, name), "envFrom") }
            }
            for variable in container.env {
                guard let from = variable.from, let (kind, rest) = WorkloadGraph.split(from) else { continue }
                let name = String(rest.split(separator: "/").first ?? "")
                add(key, reference(kind, namespace, name), "env " + variable.name)
            }
        }
        for volume in spec.volumes {
            guard let target = volume.reference, !target.isEmpty else { continue }
            switch volume.type {
            case "configMap": add(key, reference("ConfigMap", namespace, target), "volume " + volume.name)
            case "secret": add(key, reference("Secret", namespace, target), "volume " + volume.name)
            case "persistentVolumeClaim":
                add(key, reference("PersistentVolumeClaim", namespace, target), "volume " + volume.name)
            case "csi":
                guard target.hasPrefix("secrets-store.csi.k8s.io "), let name = target.split(separator: " ").last else { continue }
                add(key, reference("SecretProviderClass", namespace, String(name)), "CSI volume " + volume.name)
            default: continue
            }
        }
    }

    /// `configMap:NAME` / `secret:NAME` -> (kind, name).
    static func split(_ source: String) -> (String, String)? {
        if source.hasPrefix("configMap:") { return ("ConfigMap", String(source.dropFirst("configMap:".count))) }
        if source.hasPrefix("secret:") { return ("Secret", String(source.dropFirst("secret:".count))) }
        return nil
    }

    /// The key of a referenced object, adding a `missing` node when the inputs lack it.
    private mutating func reference(_ kind: String, _ namespace: String?, _ name: String) -> String {
        let key = "\(kind)/\(namespace ?? "")/\(name)"
        // An object written without a namespace lives in `default`; its key has an empty namespace.
        let unqualified = "\(kind)//\(name)"
        if nodes[key] == nil, namespace == "default", nodes[unqualified] != nil { return unqualified }
        if nodes[key] == nil {
            nodes[key] = Node(id: key, kind: kind, namespace: namespace, name: name, object: nil, missing: true)
        }
        return key
    }

    private mutating func add(_ from: String, role: String, label: String) {
        if nodes[role] == nil {
            let name = role.split(separator: "/").last.map(String.init) ?? role
            nodes[role] = Node(id: role, kind: "IAM role", name: name, missing: false)
        }
        add(from, role, label)
    }

    private mutating func add(_ from: String, _ to: String, _ label: String) {
        let key = from + "\u{0}" + to
        var entry = linkLabels[key] ?? (from, to, [])
        entry.labels.insert(label)
        linkLabels[key] = entry
    }
}

extension WorkloadGraph.Node {
    init(id: String, kind: String, name: String, missing: Bool) {
        self.init(id: id, kind: kind, namespace: nil, name: name, object: nil, missing: missing)
    }
}
