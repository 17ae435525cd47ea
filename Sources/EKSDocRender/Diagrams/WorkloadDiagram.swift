import EKSDocModel

/// Kubernetes workloads as DOT, left to right: ingress -> service -> workload -> config, secrets, volumes and
/// service account -> IAM role. Namespaces are boxes; IAM roles and AWS secrets sit in an AWS box. Secret
/// values are never shown: only names and key counts.
enum WorkloadDiagram {
    static func dot(_ context: PageContext) -> String {
        let env = context.env
        let title = "Kubernetes workloads: \(env.name)"
        let model = WorkloadGraph(env)
        guard !model.isEmpty else {
            return DiagramStyle.placeholder(DiagramGroup.workloads, title: title,
                message: "No Kubernetes workloads, services or ingresses in the inputs of \(env.name).")
        }
        var graph = DiagramStyle.graph(DiagramGroup.workloads, rankdir: "LR", label: title,
                                       extra: ["ranksep": "0.8", "nodesep": "0.2"])
        let nodes = model.nodes.values.sorted { $0.id < $1.id }
        let namespaces = Set(nodes.compactMap(\.namespace)).sorted()
        for namespace in namespaces {
            graph.cluster("namespace:" + namespace, label: "namespace " + namespace,
                          ["style": "rounded,filled", "fillcolor": "#fafafa", "color": "#9e9e9e"]) { box in
                for node in nodes where node.namespace == namespace { draw(node, into: &box) }
            }
        }
        let aws = nodes.filter { $0.kind == "IAM role" || $0.kind == "AWS secret" }
        if !aws.isEmpty {
            graph.cluster("aws", label: "AWS", ["style": "rounded,dashed", "color": "#ff8f00"]) { box in
                for node in aws { draw(node, into: &box) }
            }
        }
        for node in nodes where node.namespace == nil && node.kind != "IAM role" && node.kind != "AWS secret" {
            draw(node, into: &graph)
        }
        for link in model.links {
            let target = model.nodes[link.to]
            var style = ["tooltip": link.label]
            if target?.missing == true { style["style"] = "dashed" }
            if target?.kind == "IAM role" { style["color"] = "#ff8f00"; style["fontcolor"] = "#e65100" }
            graph.edge(link.from, link.to, label: DiagramText.shorten(link.label, to: 60), style)
        }
        return graph.text
    }

    static func draw(_ node: WorkloadGraph.Node, into graph: inout DOTGraph) {
        var style = colours(node.kind)
        style["tooltip"] = node.id
        if node.missing {
            style["style"] = "rounded,dashed"
            style["color"] = DiagramStyle.muted
            style["fontcolor"] = DiagramStyle.muted
        }
        graph.node(node.id, label: label(node), style)
    }

    static func label(_ node: WorkloadGraph.Node) -> String {
        var lines = [node.kind, DiagramText.shorten(node.name, to: 48)]
        if node.missing { lines.append("not in the inputs") }
        guard let object = node.object else { return lines.joined(separator: "\n") }
        if let spec = object.workload {
            if let replicas = spec.replicas { lines.append(DiagramText.count(replicas, "replica")) }
            for container in spec.containers.prefix(2) {
                let image = container.image.map { String($0.split(separator: "/").last ?? Substring($0)) } ?? container.name
                lines.append(DiagramText.shorten(image, to: 44))
            }
        }
        if let service = object.service {
            let ports = service.ports.map { "\($0.port)" + ($0.protocol.map { "/\($0.lowercased())" } ?? "") }
            lines.append(([service.type] + ports).joined(separator: " · "))
        }
        if let ingress = object.ingress {
            if let className = ingress.className { lines.append("class " + className) }
            let hosts = Set(ingress.rules.compactMap(\.host)).sorted()
            lines.append(contentsOf: DiagramText.list(hosts.map { DiagramText.shorten($0, to: 44) }, limit: 2))
        }
        if let data = object.data {
            let withheld = object.kind == "Secret" || data.contains { $0.withheld == true }
            lines.append(DiagramText.count(data.count, "key") + (withheld && object.kind == "Secret" ? " (values withheld)" : ""))
        }
        if let claim = object.claim {
            lines.append([claim.size, claim.storageClass].compactMap { $0 }.joined(separator: " · "))
        }
        if let storage = object.storageClass {
            lines.append(DiagramText.shorten(storage.provisioner, to: 44) + (storage.isDefault ? " (default)" : ""))
        }
        if let provider = object.secretProvider?.provider { lines.append("provider " + provider) }
        return lines.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    static func colours(_ kind: String) -> [String: String] {
        switch kind {
        case "Ingress": return ["fillcolor": "#ede7f6", "color": "#5e35b1"]
        case "Service": return ["fillcolor": "#e3f2fd", "color": "#1565c0"]
        case "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicaSet":
            return ["fillcolor": "#e8f5e9", "color": "#2e7d32", "style": "rounded,filled,bold"]
        case "ConfigMap": return ["fillcolor": "#fffde7", "color": "#9e9d24"]
        case "Secret", "SecretProviderClass", "AWS secret": return ["fillcolor": "#fce4ec", "color": "#ad1457"]
        case "PersistentVolumeClaim", "StorageClass": return ["fillcolor": "#efebe9", "color": "#5d4037"]
        case "ServiceAccount": return ["fillcolor": "#e0f7fa", "color": "#00838f"]
        case "IAM role": return ["fillcolor": "#fff3e0", "color": "#ef6c00", "shape": "component", "style": "filled"]
        case "HorizontalPodAutoscaler": return ["fillcolor": "#f5f5f5", "color": "#616161"]
        default: return [:]
        }
    }
}
