import EKSDocModel
import Foundation

/// What a workload's pod template refers to, by name: ConfigMaps, Secrets (with the keys it reads), claims,
/// SecretProviderClasses, and its service account.
struct WorkloadUses: Equatable {
    var configMaps: [String] = []
    var secrets: [String] = []
    var claims: [String] = []
    var providerClasses: [String] = []
    /// StatefulSet volume claim templates (mounts that name no pod volume).
    var claimTemplates: [String] = []
    var serviceAccount: String = "default"

    mutating func add(_ value: String, to list: WritableKeyPath<WorkloadUses, [String]>) {
        guard !value.isEmpty, !self[keyPath: list].contains(value) else { return }
        self[keyPath: list].append(value)
    }
}

/// The environment's Kubernetes objects, indexed for the links the workloads page and the troubleshooting page
/// draw: ingress -> service -> workload -> config, secrets, claims, service account.
struct WorkloadIndex {
    /// Kinds that run pods.
    static let workloadKinds = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod"]

    let objects: [KubernetesObject]

    init(_ env: Environment) {
        objects = env.kubernetes.sorted { ($0.namespace ?? "", $0.kind, $0.name) < ($1.namespace ?? "", $1.kind, $1.name) }
    }

    /// Namespaces in use, sorted; cluster-scoped objects are under the empty string.
    var namespaces: [String] { Array(Set(objects.map { $0.namespace ?? "" })).sorted() }

    func objects(in namespace: String) -> [KubernetesObject] { objects.filter { ($0.namespace ?? "") == namespace } }

    func find(_ kind: String, _ namespace: String?, _ name: String) -> KubernetesObject? {
        objects.first { $0.kind == kind && $0.name == name && ($0.namespace ?? "") == (namespace ?? "") }
    }

    var workloads: [KubernetesObject] { objects.filter { $0.workload != nil } }

    /// Workloads in the service's namespace whose pod labels include every selector pair; none for an empty selector.
    func selected(by service: KubernetesObject) -> [KubernetesObject] {
        guard let selector = service.service?.selector, !selector.isEmpty else { return [] }
        return workloads.filter { workload in
            workload.namespace == service.namespace
                && selector.allSatisfy { workload.workload?.podLabels[$0.key] == $0.value }
        }
    }

    /// Services in the workload's namespace that select its pods.
    func services(selecting workload: KubernetesObject) -> [KubernetesObject] {
        objects.filter { $0.service != nil && $0.namespace == workload.namespace && selected(by: $0).contains(workload) }
    }

    /// Ingress rules (with their ingress) that send traffic to the service.
    func routes(to service: KubernetesObject) -> [(ingress: KubernetesObject, rule: IngressRule)] {
        objects.filter { $0.ingress != nil && $0.namespace == service.namespace }.flatMap { ingress in
            ingress.ingress!.rules.filter { $0.service == service.name }.map { (ingress, $0) }
        }
    }

    /// Autoscalers whose scale target is the workload.
    func autoscalers(of workload: KubernetesObject) -> [KubernetesObject] {
        objects.filter { $0.namespace == workload.namespace && $0.autoscaler?.target == "\(workload.kind)/\(workload.name)" }
    }

    /// Workloads in the namespace that use the named ConfigMap, Secret, claim, provider class or service account.
    func users(of name: String, _ list: KeyPath<WorkloadUses, [String]>, namespace: String?) -> [KubernetesObject] {
        workloads.filter { $0.namespace == namespace && Self.uses($0)[keyPath: list].contains(name) }
    }

    func users(ofServiceAccount name: String, namespace: String?) -> [KubernetesObject] {
        workloads.filter { $0.namespace == namespace && Self.uses($0).serviceAccount == name }
    }

    /// What the workload's pod template refers to.
    static func uses(_ object: KubernetesObject) -> WorkloadUses {
        var uses = WorkloadUses()
        guard let spec = object.workload else { return uses }
        if let account = spec.serviceAccount, !account.isEmpty { uses.serviceAccount = account }
        for container in spec.containers {
            for source in container.envFrom { reference(source, &uses) }
            for variable in container.env {
                if let from = variable.from { reference(from, &uses) }
            }
        }
        for volume in spec.volumes {
            let reference = volume.reference ?? ""
            switch volume.type {
            case "configMap": uses.add(reference, to: \.configMaps)
            case "secret": uses.add(reference, to: \.secrets)
            case "persistentVolumeClaim": uses.add(reference, to: \.claims)
            case "csi":
                let parts = reference.split(separator: " ", maxSplits: 1).map(String.init)
                if parts.count == 2 { uses.add(parts[1], to: \.providerClasses) }
            case "projected":
                for part in reference.split(separator: ",") {
                    Self.reference(part.trimmingCharacters(in: .whitespaces), &uses)
                }
            default: break
            }
        }
        // StatefulSet mounts that name no pod volume come from its volume claim templates.
        if object.kind == "StatefulSet" {
            let volumes = Set(spec.volumes.map(\.name))
            for container in spec.containers {
                for mount in container.volumeMounts {
                    let name = String(mount.split(separator: ":", maxSplits: 1).first ?? "")
                    if !volumes.contains(name) { uses.add(name, to: \.claimTemplates) }
                }
            }
        }
        return uses
    }

    /// `configMap:NAME[/KEY]` or `secret:NAME[/KEY]` into the lists.
    private static func reference(_ text: String, _ uses: inout WorkloadUses) {
        let name = { (prefix: String) in String(text.dropFirst(prefix.count).split(separator: "/").first ?? "") }
        if text.hasPrefix("configMap:") { uses.add(name("configMap:"), to: \.configMaps) }
        if text.hasPrefix("secret:") { uses.add(name("secret:"), to: \.secrets) }
    }
}
