import EKSDocAnalysis
import EKSDocModel

extension WorkloadsPage {
    /// The chain from ingress to IAM role, derived by matching names and label selectors.
    static func links(_ index: WorkloadIndex, _ identities: [ServiceAccountIdentity], _ context: PageContext,
                      _ doc: inout PageDocument) {
        doc.heading(2, "How they link")
        doc.paragraph("Derived from the manifests by name and label: an Ingress rule names a Service; a Service "
                      + "selects the workloads whose pod labels include its selector; a workload names its ConfigMaps, "
                      + "Secrets, volume claims, SecretProviderClasses and service account; the service account's IAM "
                      + "role comes from IRSA or EKS Pod Identity. A name followed by \"not in the manifests\" is "
                      + "referenced but not declared.")
        doc.diagram(context.diagram(DiagramGroup.workloads), caption: "Workloads of \(context.env.name): ingress, services, workloads, configuration, storage and identities")
        let ingresses = index.objects.filter { $0.ingress != nil }
        if ingresses.contains(where: { !$0.ingress!.rules.isEmpty }) {
            doc.heading(3, "Request paths")
            var lines: [String] = []
            for ingress in ingresses {
                for rule in ingress.ingress!.rules {
                    lines.append(path(rule, ingress, index, identities))
                }
            }
            doc.bullets(lines)
        }
        let workloads = index.workloads
        guard !workloads.isEmpty else { return }
        doc.heading(3, "Per workload")
        let rows: [[String]] = workloads.map { workload in
            let uses = WorkloadIndex.uses(workload)
            let reached = index.services(selecting: workload).map { service -> String in
                let ingresses = index.routes(to: service).map(\.ingress.name)
                let names = Array(Set(ingresses)).sorted()
                return "Service \(MD.code(service.name))" + (names.isEmpty ? "" : " ← Ingress " + names.map { MD.code($0) }.joined(separator: ", "))
            }
            let ns = workload.namespace
            let configs = uses.configMaps.map { named("ConfigMap", $0, ns, index) }
            var secrets = uses.secrets.map { named("Secret", $0, ns, index) }
            secrets += uses.providerClasses.map { name -> String in
                let objects = index.find("SecretProviderClass", ns, name)?.secretProvider?.objects ?? []
                let names = Array(Set(objects.compactMap { $0.split(separator: " ").first.map(String.init) })).sorted()
                return named("SecretProviderClass", name, ns, index) + (names.isEmpty ? "" : " (\(EKSText.codes(names)))")
            }
            var storage = uses.claims.map { name -> String in
                let claim = index.find("PersistentVolumeClaim", ns, name)?.claim
                let details = [claim?.storageClass.map { "StorageClass \(MD.code($0))" }, claim?.size.map { MD.code($0) }].compactMap { $0 }
                return named("PersistentVolumeClaim", name, ns, index) + (details.isEmpty ? "" : " → " + details.joined(separator: ", "))
            }
            storage += uses.claimTemplates.map { "volume claim template \(MD.code($0))" }
            return [ref(workload), reached.isEmpty ? "—" : reached.joined(separator: "; "), list(configs), list(secrets),
                    list(storage), account(workload, uses, index, identities)]
        }
        doc.table(["Workload", "Reached through", "ConfigMaps", "Secrets", "Storage", "Service account → IAM role"], rows)
    }

    /// One ingress rule followed to the IAM roles of the workloads behind it.
    static func path(_ rule: IngressRule, _ ingress: KubernetesObject, _ index: WorkloadIndex,
                     _ identities: [ServiceAccountIdentity]) -> String {
        var line = MD.code((rule.host ?? "*") + (rule.path ?? "/")) + " (Ingress \(MD.code(ingress.name)))"
        let port = rule.port.map { ":" + MD.code($0) } ?? ""
        guard let service = index.find("Service", ingress.namespace, rule.service) else {
            return line + " → Service \(MD.code(rule.service))\(port) (not in the manifests)"
        }
        line += " → Service \(MD.code(service.name))\(port)"
        let workloads = index.selected(by: service)
        guard !workloads.isEmpty else { return line + " → no workload selected" }
        let tails = workloads.map { workload in
            "\(ref(workload)) → \(account(workload, WorkloadIndex.uses(workload), index, identities))"
        }
        return line + " → " + tails.joined(separator: " and ")
    }

    /// `ServiceAccount name → role (mechanism)`.
    static func account(_ workload: KubernetesObject, _ uses: WorkloadUses, _ index: WorkloadIndex,
                        _ identities: [ServiceAccountIdentity]) -> String {
        let name = uses.serviceAccount
        var text = "ServiceAccount \(MD.code(name))"
        if name != "default" && index.find("ServiceAccount", workload.namespace, name) == nil {
            text += " (not in the manifests)"
        }
        let bound = EKSIdentities.of(namespace: workload.namespace ?? "default", serviceAccount: name, in: identities)
        guard !bound.isEmpty else { return text + " → no IAM role" }
        return text + " → " + bound.map { identity in
            "IAM role " + (identity.roleArn.map { MD.code(EKSText.roleName($0)) } ?? "unknown") + " (\(identity.mechanism))"
        }.joined(separator: ", ")
    }

    /// `Kind name`, marked when the object is not in the manifests.
    static func named(_ kind: String, _ name: String, _ namespace: String?, _ index: WorkloadIndex) -> String {
        "\(kind) \(MD.code(name))" + (index.find(kind, namespace, name) == nil ? " (not in the manifests)" : "")
    }

    static func list(_ items: [String]) -> String { items.isEmpty ? "—" : items.joined(separator: "; ") }
}
