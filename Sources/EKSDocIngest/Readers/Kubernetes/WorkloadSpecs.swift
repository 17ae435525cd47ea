import EKSDocModel

/// Workloads: the pod template of Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs and CronJobs,
/// and the spec of a bare Pod.
extension KubernetesSpecs {
    /// Reads the workload of `kind`; nil when the object has no `spec`.
    static func workload(_ object: Fields, kind: String, labels: [String: String],
                         _ d: inout Diagnostics) -> WorkloadSpec? {
        guard let spec = object.fields("spec", &d) else { return nil }
        var workload = WorkloadSpec()
        switch kind {
        case "Pod":
            workload.podLabels = labels
            readPod(spec, into: &workload, &d)
        case "CronJob":
            guard let job = spec.fields(path: ["jobTemplate", "spec"], &d) else { return workload }
            readTemplate(of: job, into: &workload, &d)
        default:
            workload.replicas = spec.int("replicas", &d)
            readTemplate(of: spec, into: &workload, &d)
        }
        return workload
    }

    /// Reads `selector.matchLabels` and `template` of a controller spec.
    static func readTemplate(of spec: Fields, into workload: inout WorkloadSpec, _ d: inout Diagnostics) {
        workload.selector = spec.fields("selector", &d)?.stringMap("matchLabels", &d) ?? [:]
        guard let template = spec.fields("template", &d) else { return }
        workload.podLabels = template.fields("metadata", &d)?.stringMap("labels", &d) ?? [:]
        if let pod = template.fields("spec", &d) { readPod(pod, into: &workload, &d) }
    }

    /// Reads a pod spec: service account, containers (regular ones first, then init containers), volumes and
    /// node selector.
    static func readPod(_ pod: Fields, into workload: inout WorkloadSpec, _ d: inout Diagnostics) {
        workload.serviceAccount = pod.string("serviceAccountName", &d) ?? pod.string("serviceAccount", &d)
        let containers = pod.itemFields("containers", &d) + pod.itemFields("initContainers", &d)
        workload.containers = containers.compactMap { container($0, &d) }
        workload.volumes = pod.itemFields("volumes", &d).compactMap { volume($0, &d) }
        workload.nodeSelector = pod.stringMap("nodeSelector", &d)
    }

    /// Reads one pod volume and what it refers to.
    static func volume(_ f: Fields, _ d: inout Diagnostics) -> Volume? {
        guard let name = f.mandatoryString("name", &d) else { return nil }
        if let source = f.fields("configMap", &d) {
            return Volume(name: name, type: "configMap", reference: source.string("name", &d))
        }
        if let source = f.fields("secret", &d) {
            return Volume(name: name, type: "secret", reference: source.string("secretName", &d))
        }
        if let source = f.fields("persistentVolumeClaim", &d) {
            return Volume(name: name, type: "persistentVolumeClaim", reference: source.string("claimName", &d))
        }
        if let source = f.fields("csi", &d) {
            let driver = source.string("driver", &d) ?? ""
            let providerClass = source.fields("volumeAttributes", &d)?.string("secretProviderClass", &d)
            return Volume(name: name, type: "csi", reference: providerClass.map { "\(driver) \($0)" } ?? driver)
        }
        if f.node["emptyDir"] != nil { return Volume(name: name, type: "emptyDir") }
        if let source = f.fields("projected", &d) {
            let sources = source.itemFields("sources", &d).compactMap { projection($0, &d) }
            return Volume(name: name, type: "projected", reference: sources.joined(separator: ", "))
        }
        if let source = f.fields("hostPath", &d) {
            return Volume(name: name, type: "hostPath", reference: source.string("path", &d))
        }
        let other = f.node.keys.first { $0 != "name" }
        return Volume(name: name, type: "other", reference: other)
    }

    /// One source of a projected volume: `configMap:NAME`, `secret:NAME` or the source's kind.
    static func projection(_ f: Fields, _ d: inout Diagnostics) -> String? {
        if let source = f.fields("configMap", &d) { return "configMap:" + (source.string("name", &d) ?? "") }
        if let source = f.fields("secret", &d) { return "secret:" + (source.string("name", &d) ?? "") }
        return f.node.keys.first
    }
}
