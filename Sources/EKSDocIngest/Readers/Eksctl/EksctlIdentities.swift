import EKSDocModel

/// Add-ons and IAM bindings of a ClusterConfig: `addons`, `iam.serviceAccounts` (IRSA) and
/// `iam.podIdentityAssociations` (EKS Pod Identity).
enum EksctlIdentities {
    /// The service account (in `kube-system`) that an add-on's IAM role is for, when eksctl creates one.
    static let addonServiceAccounts = [
        "vpc-cni": "aws-node", "aws-ebs-csi-driver": "ebs-csi-controller-sa",
        "aws-efs-csi-driver": "efs-csi-controller-sa",
    ]

    static func read(_ config: Fields, into environment: inout Environment, _ d: inout Diagnostics) {
        for item in config.itemFields("addons", &d) {
            guard let name = item.mandatoryString("name", &d) else { continue }
            let role = item.string("serviceAccountRoleARN", &d)
            let policies = item.strings("attachPolicyARNs", &d)
            environment.addons.append(Addon(name: name, version: item.string("version", &d),
                                            serviceAccountRole: role, source: item.node.location))
            if let account = addonServiceAccounts[name], role != nil || !policies.isEmpty {
                environment.identities.append(IdentityBinding(kind: .irsa, namespace: "kube-system",
                                                              serviceAccount: account, roleArn: role,
                                                              policies: policies, source: item.node.location))
            }
            environment.identities += podIdentities(item, defaultNamespace: "kube-system", &d)
        }
        guard let iam = config.fields("iam", &d) else { return }
        _ = iam.bool("withOIDC", &d)  // checked only: the issuer URL exists once the cluster does
        for account in iam.itemFields("serviceAccounts", &d) {
            guard let metadata = account.mandatoryMap("metadata", &d),
                  let name = metadata.mandatoryString("name", &d) else { continue }
            environment.identities.append(IdentityBinding(
                kind: .irsa, namespace: metadata.string("namespace", &d) ?? "default", serviceAccount: name,
                roleArn: account.string("roleARN", &d), policies: account.strings("attachPolicyARNs", &d),
                source: account.node.location))
        }
        environment.identities += podIdentities(iam, defaultNamespace: "default", &d)
    }

    /// `podIdentityAssociations` of `iam` or of an add-on. The role is `roleARN` (for cross-account
    /// associations, the role in the cluster's account).
    static func podIdentities(_ owner: Fields, defaultNamespace: String, _ d: inout Diagnostics) -> [IdentityBinding] {
        owner.itemFields("podIdentityAssociations", &d).compactMap { item in
            guard let account = item.mandatoryString("serviceAccountName", &d) else { return nil }
            return IdentityBinding(kind: .podIdentity, namespace: item.string("namespace", &d) ?? defaultNamespace,
                                   serviceAccount: account, roleArn: item.string("roleARN", &d),
                                   policies: item.strings("permissionPolicyARNs", &d), source: item.node.location)
        }
    }
}
