import EKSDocModel

/// A Kubernetes service account bound to an IAM role, merged from identity bindings (eksctl, Terraform) and
/// service-account manifests carrying the IRSA annotation.
struct ServiceAccountIdentity: Hashable {
    var kind: IdentityKind
    var namespace: String
    var serviceAccount: String
    var roleArn: String?
    /// The EKS add-on whose service-account role this is, when it comes from an add-on (its service account is
    /// empty when eksdoc does not know the add-on's).
    var addon: String?
    var sources: [SourceLocation]


    /// The mechanism in words.
    var mechanism: String { kind == .irsa ? "IRSA" : "EKS Pod Identity" }
}

enum EKSIdentities {
    /// The annotation IRSA reads on a service account.
    static let irsaAnnotation = "eks.amazonaws.com/role-arn"

    /// The service accounts of EKS add-ons whose `serviceAccountRoleArn` sets up IRSA.
    static let addonServiceAccounts = [
        "vpc-cni": "aws-node",
        "aws-ebs-csi-driver": "ebs-csi-controller-sa",
        "aws-efs-csi-driver": "efs-csi-controller-sa",
    ]

    /// Every identity of the environment, sorted by namespace, service account and mechanism; add-on roles that no
    /// binding names come last.
    static func all(_ env: Environment) -> [ServiceAccountIdentity] {
        var result: [ServiceAccountIdentity] = []
        for binding in env.identities {
            merge(ServiceAccountIdentity(kind: binding.kind, namespace: binding.namespace,
                                         serviceAccount: binding.serviceAccount, roleArn: binding.roleArn,
                                         sources: [binding.source]), into: &result)
        }
        for object in env.kubernetes where object.kind == "ServiceAccount" {
            guard let role = object.serviceAccount?.roleArn, !role.isEmpty else { continue }
            merge(ServiceAccountIdentity(kind: .irsa, namespace: object.namespace ?? "default",
                                         serviceAccount: object.name, roleArn: role, sources: [object.source]),
                  into: &result)
        }
        result.sort { ($0.namespace, $0.serviceAccount, $0.kind.rawValue) < ($1.namespace, $1.serviceAccount, $1.kind.rawValue) }
        let known = Set(result.compactMap(\.roleArn))
        for addon in env.addons.sorted(by: { $0.name < $1.name }) {
            guard let role = addon.serviceAccountRole, !known.contains(role) else { continue }
            result.append(ServiceAccountIdentity(kind: .irsa, namespace: "kube-system",
                                                 serviceAccount: addonServiceAccounts[addon.name] ?? "",
                                                 roleArn: role, addon: addon.name, sources: [addon.source]))
        }
        return result
    }

    /// The identity of one service account, Pod Identity first when both are configured.
    static func of(namespace: String, serviceAccount: String, in identities: [ServiceAccountIdentity]) -> [ServiceAccountIdentity] {
        identities.filter { !$0.serviceAccount.isEmpty && $0.namespace == namespace && $0.serviceAccount == serviceAccount }
            .sorted { ($0.kind == .podIdentity ? 0 : 1) < ($1.kind == .podIdentity ? 0 : 1) }
    }

    private static func merge(_ item: ServiceAccountIdentity, into list: inout [ServiceAccountIdentity]) {
        if let index = list.firstIndex(where: {
            $0.kind == item.kind && $0.namespace == item.namespace && $0.serviceAccount == item.serviceAccount
        }) {
            if list[index].roleArn == nil { list[index].roleArn = item.roleArn }
            list[index].sources += item.sources
        } else {
            list.append(item)
        }
    }
}
