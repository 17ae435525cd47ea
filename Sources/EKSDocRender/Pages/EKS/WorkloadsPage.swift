import EKSDocAnalysis
import EKSDocModel

/// `workloads.md`: the Kubernetes objects by namespace and how they link, from ingress to service to workload to
/// configuration, secrets, volumes, service account and IAM role. Secret values are never shown, only keys.
public enum WorkloadsPage: EnvironmentPageBuilder {
    public static let slug = "workloads"
    public static let title = "Workloads"
    public static let order = 70

    public static func build(_ context: PageContext) -> Page {
        var doc = PageDocument(title: title)
        let index = WorkloadIndex(context.env)
        guard !index.objects.isEmpty else {
            doc.paragraph("The inputs of \(MD.text(context.env.name)) hold no Kubernetes manifests.")
            return doc.page(path: context.path(slug), title: title)
        }
        let kinds = Dictionary(grouping: index.objects, by: \.kind).map { ($0.key, $0.value.count) }.sorted { $0.0 < $1.0 }
        doc.paragraph("The Kubernetes objects of \(MD.text(context.env.name)) as declared in the manifests: "
                      + kinds.map { EKSText.count($0.1, MD.text($0.0), MD.text(plural($0.0))) }.joined(separator: ", ") + ". "
                      + "Secret values never appear here, only their keys.")
        let identities = EKSIdentities.all(context.env)
        // The bindings shown: those of service accounts that a workload runs as or a manifest declares.
        var accounts = Set(index.workloads.map { "\($0.namespace ?? "default")/\(WorkloadIndex.uses($0).serviceAccount)" })
        accounts.formUnion(index.objects.filter { $0.kind == "ServiceAccount" }.map { "\($0.namespace ?? "default")/\($0.name)" })
        for identity in identities where accounts.contains("\(identity.namespace)/\(identity.serviceAccount)") {
            doc.sources(identity.sources)
        }
        links(index, identities, context, &doc)
        for namespace in index.namespaces {
            doc.heading(2, namespace.isEmpty ? "Cluster-scoped objects" : "Namespace \(namespace)")
            let objects = index.objects(in: namespace)
            for object in objects { doc.source(object.source) }
            workloads(objects, index, &doc)
            environment(objects, &doc)
            services(objects, index, &doc)
            ingresses(objects, context, &doc)
            configMaps(objects, index, &doc)
            secrets(objects, index, &doc)
            storage(objects, index, &doc)
            providerClasses(objects, index, &doc)
            autoscalers(objects, index, &doc)
            networkPolicies(objects, index, &doc)
            serviceAccounts(objects, index, identities, &doc)
            others(objects, context, &doc)
        }
        return doc.page(path: context.path(slug), title: title)
    }

    /// Kinds with their own table on this page.
    static let tabulated: Set<String> = Set(WorkloadIndex.workloadKinds + [
        "Service", "Ingress", "ConfigMap", "Secret", "PersistentVolumeClaim", "StorageClass", "SecretProviderClass",
        "HorizontalPodAutoscaler", "NetworkPolicy", "ServiceAccount",
    ])

    /// The plural of a kind: `Ingresses`, `NetworkPolicies`, `Deployments`.
    static func plural(_ kind: String) -> String {
        if kind.hasSuffix("ss") { return kind + "es" }
        if kind.hasSuffix("y"), let last = kind.dropLast().last, !"aeiou".contains(last) { return kind.dropLast() + "ies" }
        return kind + "s"
    }

    /// `Kind name` with the name as code.
    static func ref(_ object: KubernetesObject) -> String { "\(MD.text(object.kind)) \(MD.code(object.name))" }

    static func refs(_ objects: [KubernetesObject]) -> String {
        objects.isEmpty ? "—" : objects.map(ref).joined(separator: ", ")
    }

    static func workloads(_ objects: [KubernetesObject], _ index: WorkloadIndex, _ doc: inout PageDocument) {
        let workloads = objects.filter { $0.workload != nil }
        guard !workloads.isEmpty else { return }
        doc.heading(3, "Workloads")
        let rows: [[String]] = workloads.map { object in
            let spec = object.workload!
            let images = spec.containers.map { "\(MD.code($0.name)): \($0.image.map { MD.code($0) } ?? "no image")" }
            let ports = spec.containers.flatMap(\.ports).map { port in
                MD.code("\(port.port)/\(port.protocol ?? "TCP")") + (port.name.map { " (\(MD.text($0)))" } ?? "")
            }
            let replicas = object.kind == "DaemonSet" ? "one per node" : (spec.replicas.map { MD.number($0) } ?? "1 (default)")
            return [MD.text(object.kind), MD.code(object.name), replicas, images.joined(separator: ", "),
                    ports.isEmpty ? "—" : ports.joined(separator: ", "), MD.code(WorkloadIndex.uses(object).serviceAccount),
                    EKSText.labels(spec.nodeSelector)]
        }
        doc.table(["Kind", "Name", "Replicas", "Containers and images", "Ports", "Service account", "Node selector"], rows)
    }

    /// Environment variables: literal values unless withheld, references by name; Secret values never.
    static func environment(_ objects: [KubernetesObject], _ doc: inout PageDocument) {
        var rows: [[String]] = []
        for object in objects {
            for container in object.workload?.containers ?? [] {
                for source in container.envFrom {
                    rows.append([MD.code(object.name), MD.code(container.name), "all keys", describe(reference: source)])
                }
                for variable in container.env {
                    rows.append([MD.code(object.name), MD.code(container.name), MD.code(variable.name), value(of: variable)])
                }
            }
        }
        guard !rows.isEmpty else { return }
        doc.heading(3, "Environment variables")
        doc.table(["Workload", "Container", "Variable", "Value"], rows)
    }

    static func value(of variable: EnvVar) -> String {
        if let from = variable.from { return describe(reference: from) }
        if variable.withheld == true { return "(withheld)" }
        guard let value = variable.value else { return "—" }
        return SecretPolicy.shouldWithhold(name: variable.name, value: value) ? "(withheld)" : MD.code(value)
    }

    /// `secret:NAME/KEY` as "key `KEY` of Secret `NAME`", and so on.
    static func describe(reference: String) -> String {
        let kinds = [("secret:", "Secret"), ("configMap:", "ConfigMap"), ("field:", "field"), ("resource:", "resource")]
        for (prefix, kind) in kinds where reference.hasPrefix(prefix) {
            let rest = String(reference.dropFirst(prefix.count))
            guard kind == "Secret" || kind == "ConfigMap" else { return "from \(kind) \(MD.code(rest))" }
            let parts = rest.split(separator: "/", maxSplits: 1).map(String.init)
            if parts.count == 2 { return "key \(MD.code(parts[1])) of \(kind) \(MD.code(parts[0]))" }
            return "from \(kind) \(MD.code(rest))"
        }
        return MD.code(reference)
    }

    static func others(_ objects: [KubernetesObject], _ context: PageContext, _ doc: inout PageDocument) {
        let rest = objects.filter { !tabulated.contains($0.kind) }
        guard !rest.isEmpty else { return }
        doc.heading(3, "Other objects")
        doc.bullets(rest.map { object in
            var line = "\(ref(object)) (\(MD.code(object.apiVersion)))"
            if object.eniConfig != nil { line += ": see " + context.link("CNI and capacity", page: CNICapacityPage.slug, anchor: "eniconfigs") }
            if object.nodePool != nil || object.nodeClass != nil {
                line += ": see " + context.link("Cluster", page: ClusterPage.slug, anchor: "karpenter")
            }
            if !object.labels.isEmpty { line += "; labels \(EKSText.labels(object.labels))" }
            return line
        })
    }
}
