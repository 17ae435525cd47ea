import EKSDocAnalysis
import EKSDocModel
import Foundation

extension ClusterPage {
    /// Service accounts with an IAM role: which mechanism each uses and what that implies.
    static func identities(_ context: PageContext, _ doc: inout PageDocument) {
        let env = context.env
        let identities = EKSIdentities.all(env)
        doc.heading(2, "Workload identities")
        guard !identities.isEmpty else {
            doc.paragraph("No Kubernetes service account is bound to an IAM role in the inputs: no pod has AWS "
                          + "credentials of its own.")
            return
        }
        let issuer = env.cluster?.oidcIssuer
        let irsaHow = "the service account carries the `\(EKSIdentities.irsaAnnotation)` annotation; the pod's "
            + "projected token is exchanged with STS (`AssumeRoleWithWebIdentity`), so the role must trust the "
            + "cluster's OIDC provider" + (issuer.map { " (\(MD.code($0)))" } ?? "")
        let podIdentityHow = "an association made through the EKS API maps the namespace and service account to the "
            + "role; no annotation and no OIDC provider are involved, the `eks-pod-identity-agent` add-on hands out the "
            + "credentials and the role trusts `pods.eks.amazonaws.com`"
        var intro: [String] = []
        if identities.contains(where: { $0.kind == .irsa }) { intro.append("**IRSA**: \(irsaHow).") }
        if identities.contains(where: { $0.kind == .podIdentity }) { intro.append("**EKS Pod Identity**: \(podIdentityHow).") }
        intro.append("Pods get temporary credentials (access key ids starting with `ASIA`), never long-lived keys.")
        doc.paragraph(intro.joined(separator: " "))

        let rows: [[String]] = identities.map { identity in
            doc.sources(identity.sources)
            var subject = identity.serviceAccount.isEmpty ? "service account of the add-on"
                : "\(MD.code(identity.namespace))/\(MD.code(identity.serviceAccount))"
            if let addon = identity.addon { subject += " (\(MD.code(addon)) add-on)" }
            let wiring = identity.kind == .irsa ? "`\(EKSIdentities.irsaAnnotation)` annotation + OIDC provider"
                : "Pod Identity association (no annotation)"
            let files = Array(Set(identity.sources.map(\.file))).sorted()
            return [subject, identity.mechanism, identity.roleArn.map { MD.code($0) } ?? "—", wiring, EKSText.codes(files)]
        }
        doc.table(["Service account", "Mechanism", "IAM role", "How the role is found", "Declared in"], rows)

        var warnings: [String] = []
        if identities.contains(where: { $0.kind == .podIdentity }), !env.addons.isEmpty,
           !env.addons.contains(where: { $0.name == "eks-pod-identity-agent" }) {
            warnings.append("Pod Identity associations exist but the `eks-pod-identity-agent` add-on is not installed: "
                            + "those pods get no credentials.")
        }
        if identities.contains(where: { $0.kind == .irsa }), env.cluster != nil, issuer == nil {
            warnings.append("IRSA is used but the inputs show no OIDC issuer for the cluster.")
        }
        let both = Dictionary(grouping: identities.filter { !$0.serviceAccount.isEmpty }) { "\($0.namespace)/\($0.serviceAccount)" }
            .filter { $0.value.count > 1 }.keys.sorted()
        if !both.isEmpty {
            warnings.append("Both IRSA and Pod Identity are configured for \(EKSText.codes(both)); keep one so it is "
                            + "clear which role the pods get.")
        }
        for warning in warnings { doc.callout("WARNING", warning) }
    }

    /// Karpenter settings, NodePools and EC2NodeClasses; nothing when the environment has no Karpenter.
    static func karpenter(_ context: PageContext, _ doc: inout PageDocument) {
        let env = context.env
        let pools = env.kubernetes.filter { $0.nodePool != nil }.sorted { $0.name < $1.name }
        let classes = env.kubernetes.filter { $0.nodeClass != nil }.sorted { $0.name < $1.name }
        guard env.karpenter != nil || !pools.isEmpty || !classes.isEmpty else { return }
        doc.heading(2, "Karpenter")
        doc.paragraph("Karpenter launches nodes for pending pods that the node groups cannot hold, choosing instance "
                      + "types within each NodePool's requirements and placing them with its EC2NodeClass.")
        if let settings = env.karpenter {
            doc.source(settings.source)
            doc.table(["Setting", "Value"], [
                ["Version", settings.version.map { MD.code($0) } ?? "—"],
                ["AMI selector", settings.amiSelector.map { MD.code($0) } ?? "—"],
            ])
            if let selector = settings.amiSelector, !classes.isEmpty,
               !classes.contains(where: { ($0.nodeClass?.amiSelectors ?? []).contains { $0.hasSuffix(selector) } }) {
                doc.callout("WARNING", "No EC2NodeClass selects the AMI \(MD.code(selector)) the Terraform inputs ask for.")
            }
        }
        if !pools.isEmpty {
            doc.heading(3, "NodePools")
            let rows: [[String]] = pools.map { object in
                doc.source(object.source)
                let pool = object.nodePool!
                let limits = pool.limits.keys.sorted().map { "\($0) \(pool.limits[$0] ?? "")" }
                let taints = pool.taints.isEmpty ? "—" : pool.taints.map(EKSText.taint).joined(separator: ", ")
                return [MD.code(object.name), pool.nodeClass.map { MD.code($0) } ?? "—",
                        pool.requirements.isEmpty ? "—" : pool.requirements.map { MD.code($0) }.joined(separator: ", "),
                        EKSText.codes(limits), taints, MD.cell(pool.consolidationPolicy)]
            }
            doc.table(["NodePool", "EC2NodeClass", "Requirements", "Limits", "Taints", "Consolidation"], rows)
        }
        if !classes.isEmpty {
            doc.heading(3, "EC2NodeClasses")
            let rows: [[String]] = classes.map { object in
                doc.source(object.source)
                let nodeClass = object.nodeClass!
                let subnets = context.facts.capacity.nodeSubnets.filter { $0.usedBy.contains("EC2NodeClass \(object.name)") }
                let subnetText = subnets.isEmpty ? "none matched" : subnets.map { EKSText.subnet($0.subnet, context) }.joined(separator: "; ")
                let groups = KarpenterGroups.resolve(nodeClass.securityGroupSelectors, in: env.securityGroups)
                let groupText = groups.isEmpty ? "none matched" : groups.map { context.groupLabel($0) }.joined(separator: ", ")
                return [MD.code(object.name), MD.cell(nodeClass.amiFamily), EKSText.codes(nodeClass.amiSelectors),
                        MD.cell(nodeClass.role),
                        "\(EKSText.codes(nodeClass.subnetSelectors)) → \(subnetText)",
                        "\(EKSText.codes(nodeClass.securityGroupSelectors)) → \(groupText)"]
            }
            doc.table(["EC2NodeClass", "AMI family", "AMI selectors", "Node role", "Subnets", "Security groups"], rows)
        }
    }
}

/// Resolves Karpenter security-group selector terms (`tag KEY=VALUE`, `id ID`, `name NAME`, comma-separated parts
/// all matching) against the environment's security groups.
enum KarpenterGroups {
    static func resolve(_ terms: [String], in groups: [SecurityGroup]) -> [String] {
        var ids: [String] = []
        for term in terms {
            let parts = term.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            for group in groups where !parts.isEmpty && !ids.contains(group.id) && parts.allSatisfy({ matches($0, group) }) {
                ids.append(group.id)
            }
        }
        return ids
    }

    private static func matches(_ part: String, _ group: SecurityGroup) -> Bool {
        if part.hasPrefix("id ") { return group.id == part.dropFirst(3) }
        if part.hasPrefix("name ") { return group.name == String(part.dropFirst(5)) }
        guard part.hasPrefix("tag "), let equals = part.firstIndex(of: "=") else { return false }
        let key = String(part[part.index(part.startIndex, offsetBy: 4)..<equals])
        let value = String(part[part.index(after: equals)...])
        guard let actual = group.tags[key] else { return false }
        return value == "*" || actual == value
    }
}
