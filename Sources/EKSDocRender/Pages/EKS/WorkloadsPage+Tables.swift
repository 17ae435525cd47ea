import EKSDocAnalysis
import EKSDocModel

extension WorkloadsPage {
    static func services(_ objects: [KubernetesObject], _ index: WorkloadIndex, _ doc: inout PageDocument) {
        let services = objects.filter { $0.service != nil }
        guard !services.isEmpty else { return }
        doc.heading(3, "Services")
        let rows: [[String]] = services.map { object in
            let spec = object.service!
            let ports = spec.ports.map { port -> String in
                var text = "\(port.port) → \(port.targetPort ?? String(port.port))/\(port.protocol ?? "TCP")"
                if let node = port.nodePort { text += " (node port \(node))" }
                return MD.code(text)
            }
            let selected = index.selected(by: object)
            let selects: String
            if spec.selector.isEmpty {
                selects = spec.type == "ExternalName" ? "none: a DNS alias for a name outside the cluster" : "none (no selector)"
            } else {
                selects = selected.isEmpty ? "no workload in the manifests" : refs(selected)
            }
            let ingresses = index.routes(to: object).map(\.ingress)
            var seen = Set<String>()
            return [MD.code(object.name), MD.text(spec.type), ports.isEmpty ? "—" : ports.joined(separator: ", "),
                    EKSText.labels(spec.selector), selects, refs(ingresses.filter { seen.insert($0.name).inserted })]
        }
        doc.table(["Service", "Type", "Ports (port → target)", "Selector", "Selects", "Reached from"], rows)
    }

    static func ingresses(_ objects: [KubernetesObject], _ context: PageContext, _ doc: inout PageDocument) {
        let ingresses = objects.filter { $0.ingress != nil }
        guard !ingresses.isEmpty else { return }
        doc.heading(3, "Ingresses")
        for object in ingresses {
            let spec = object.ingress!
            let ingressClass = IngressFacts.className(object)
            let alb = ingressClass == "alb"
            var facts: [[String]] = [
                ["Class", ingressClass.map { MD.code($0) } ?? "— (the cluster's default class)"],
                ["Scheme", IngressFacts.annotation(object, "scheme").map { MD.code($0) } ?? (alb ? "`internal` (default)" : "—")],
                ["Target type", IngressFacts.annotation(object, "target-type").map { MD.code($0) } ?? (alb ? "`instance` (default)" : "—")],
            ]
            if let ports = IngressFacts.annotation(object, "listen-ports") { facts.append(["Listeners", MD.code(ports)]) }
            if !spec.tlsHosts.isEmpty { facts.append(["TLS hosts", EKSText.codes(spec.tlsHosts)]) }
            if let host = object.annotations["external-dns.alpha.kubernetes.io/hostname"] {
                facts.append(["DNS name (ExternalDNS)", MD.code(host)])
            }
            let balancers = IngressFacts.loadBalancers(object, in: context.env)
            for balancer in balancers { doc.source(balancer.source) }
            facts.append(["Load balancer", balancers.isEmpty ? "none found in the inputs"
                          : balancers.map { "\(MD.code($0.name)) (\(MD.text($0.scheme ?? "scheme unknown")))" }.joined(separator: ", ")])
            doc.paragraph("\(ref(object)):")
            doc.table(["Setting", "Value"], facts)
            let rules: [[String]] = spec.rules.map { rule in
                [MD.code(rule.host ?? "*"), MD.code(rule.path ?? "/"),
                 MD.code(rule.service) + (rule.port.map { ":" + MD.code($0) } ?? "")]
            }
            doc.table(["Host", "Path", "Service:port"], rules)
        }
    }

    static func configMaps(_ objects: [KubernetesObject], _ index: WorkloadIndex, _ doc: inout PageDocument) {
        let maps = objects.filter { $0.kind == "ConfigMap" }
        guard !maps.isEmpty else { return }
        doc.heading(3, "ConfigMaps")
        let rows: [[String]] = maps.map { object in
            let entries = (object.data ?? []).map { entry -> String in
                guard entry.withheld != true, let value = entry.value,
                      !SecretPolicy.shouldWithhold(name: entry.key, value: value) else { return "\(MD.code(entry.key)) (withheld)" }
                return MD.code("\(entry.key)=\(value)")
            }
            return [MD.code(object.name), entries.isEmpty ? "—" : entries.joined(separator: ", "),
                    refs(index.users(of: object.name, \.configMaps, namespace: object.namespace))]
        }
        doc.table(["ConfigMap", "Keys and values", "Used by"], rows)
    }

    /// Secrets: keys only, every value withheld whatever the model holds.
    static func secrets(_ objects: [KubernetesObject], _ index: WorkloadIndex, _ doc: inout PageDocument) {
        let secrets = objects.filter { $0.kind == "Secret" }
        guard !secrets.isEmpty else { return }
        doc.heading(3, "Secrets")
        let rows: [[String]] = secrets.map { object in
            let keys = (object.data ?? []).map { "\(MD.code($0.key)) (withheld)" }
            return [MD.code(object.name), keys.isEmpty ? "—" : keys.joined(separator: ", "),
                    refs(index.users(of: object.name, \.secrets, namespace: object.namespace))]
        }
        doc.table(["Secret", "Keys", "Used by"], rows)
    }

    static func storage(_ objects: [KubernetesObject], _ index: WorkloadIndex, _ doc: inout PageDocument) {
        let claims = objects.filter { $0.claim != nil }
        if !claims.isEmpty {
            doc.heading(3, "Persistent volume claims")
            let rows: [[String]] = claims.map { object in
                let claim = object.claim!
                let storageClass = claim.storageClass.flatMap { index.find("StorageClass", nil, $0)?.storageClass }
                let classText = claim.storageClass.map { MD.code($0) + (storageClass.map { " (\(MD.code($0.provisioner)))" } ?? "") }
                    ?? "— (the default class)"
                return [MD.code(object.name), classText, claim.size.map { MD.code($0) } ?? "—", EKSText.codes(claim.accessModes),
                        refs(index.users(of: object.name, \.claims, namespace: object.namespace))]
            }
            doc.table(["Claim", "StorageClass", "Size", "Access modes", "Used by"], rows)
        }
        let classes = objects.filter { $0.storageClass != nil }
        if !classes.isEmpty {
            doc.heading(3, "Storage classes")
            let rows: [[String]] = classes.map { object in
                let spec = object.storageClass!
                let claimsUsing = index.objects.filter { $0.claim?.storageClass == object.name }
                return [MD.code(object.name), MD.code(spec.provisioner), EKSText.labels(spec.parameters),
                        MD.cell(spec.reclaimPolicy), MD.cell(spec.volumeBindingMode), spec.isDefault ? "yes" : "no",
                        refs(claimsUsing)]
            }
            doc.table(["StorageClass", "Provisioner", "Parameters", "Reclaim", "Binding", "Default", "Claims"], rows)
        }
    }

    static func providerClasses(_ objects: [KubernetesObject], _ index: WorkloadIndex, _ doc: inout PageDocument) {
        let classes = objects.filter { $0.secretProvider != nil }
        guard !classes.isEmpty else { return }
        doc.heading(3, "Secret provider classes")
        doc.paragraph("The Secrets Store CSI driver mounts these external secrets as files; only their names are known here.")
        let rows: [[String]] = classes.map { object in
            let spec = object.secretProvider!
            return [MD.code(object.name), MD.cell(spec.provider), EKSText.codes(spec.objects),
                    refs(index.users(of: object.name, \.providerClasses, namespace: object.namespace))]
        }
        doc.table(["SecretProviderClass", "Provider", "Objects", "Mounted by"], rows)
    }

    static func autoscalers(_ objects: [KubernetesObject], _ index: WorkloadIndex, _ doc: inout PageDocument) {
        let hpas = objects.filter { $0.autoscaler != nil }
        guard !hpas.isEmpty else { return }
        doc.heading(3, "Horizontal pod autoscalers")
        let rows: [[String]] = hpas.map { object in
            let spec = object.autoscaler!
            let parts = spec.target.split(separator: "/", maxSplits: 1).map(String.init)
            let target = parts.count == 2 ? index.find(parts[0], object.namespace, parts[1]) : nil
            let targetText = MD.code(spec.target) + (target == nil ? " (not in the manifests)" : "")
            let replicas = target?.workload?.replicas.map { MD.number($0) } ?? "—"
            return [MD.code(object.name), targetText, EKSText.number(spec.min), EKSText.number(spec.max),
                    EKSText.codes(spec.metrics), replicas]
        }
        doc.table(["Autoscaler", "Target", "Min", "Max", "Metrics", "Replicas in the manifest"], rows,
                  align: [.left, .left, .right, .right, .left, .right])
    }

    static func networkPolicies(_ objects: [KubernetesObject], _ index: WorkloadIndex, _ doc: inout PageDocument) {
        let policies = objects.filter { $0.networkPolicy != nil }
        guard !policies.isEmpty else { return }
        doc.heading(3, "Network policies")
        let rows: [[String]] = policies.map { object in
            let spec = object.networkPolicy!
            let selected = index.workloads.filter { workload in
                workload.namespace == object.namespace
                    && spec.podSelector.allSatisfy { workload.workload?.podLabels[$0.key] == $0.value }
            }
            return [MD.code(object.name), spec.podSelector.isEmpty ? "all pods" : EKSText.labels(spec.podSelector),
                    EKSText.codes(spec.policyTypes), MD.number(spec.ingressRules), MD.number(spec.egressRules), refs(selected)]
        }
        doc.table(["NetworkPolicy", "Pod selector", "Types", "Ingress rules", "Egress rules", "Applies to"], rows)
    }

    static func serviceAccounts(_ objects: [KubernetesObject], _ index: WorkloadIndex,
                                _ identities: [ServiceAccountIdentity], _ doc: inout PageDocument) {
        let accounts = objects.filter { $0.kind == "ServiceAccount" }
        guard !accounts.isEmpty else { return }
        doc.heading(3, "Service accounts")
        let rows: [[String]] = accounts.map { object in
            let bound = EKSIdentities.of(namespace: object.namespace ?? "default", serviceAccount: object.name, in: identities)
            let role = bound.isEmpty ? "none (no IRSA or Pod Identity binding)" : bound.map { identity in
                (identity.roleArn.map { MD.code($0) } ?? "unknown role") + " (\(identity.mechanism))"
            }.joined(separator: ", ")
            return [MD.code(object.name), role, refs(index.users(ofServiceAccount: object.name, namespace: object.namespace))]
        }
        doc.table(["Service account", "IAM role", "Used by"], rows)
    }
}
