import EKSDocModel

/// ConfigMaps, Secrets and ServiceAccounts: configuration and identity. Secret values are never read into the
/// model, and ConfigMap values that look secret are withheld.
extension KubernetesSpecs {
    /// The IRSA annotation of a service account.
    static let roleArnAnnotation = "eks.amazonaws.com/role-arn"

    /// ConfigMap `data` (values kept unless they look secret) then `binaryData` (keys only: binary content is
    /// never kept).
    static func configMapData(_ object: Fields, _ d: inout Diagnostics) -> [DataEntry] {
        var entries: [DataEntry] = []
        for (key, value) in object.map("data", &d)?.pairs ?? [] {
            if let text = value.text {
                entries.append(SecretPolicy.shouldWithhold(name: key, value: text)
                    ? DataEntry(key: key, withheld: true) : DataEntry(key: key, value: text))
            } else {
                if !value.isNull {
                    d.error("\(object.context): values of 'data' must be strings, found \(value.kindName)",
                            at: value.location)
                }
                entries.append(DataEntry(key: key))
            }
        }
        for key in object.map("binaryData", &d)?.keys ?? [] {
            entries.append(DataEntry(key: key, withheld: true))
        }
        return entries
    }

    /// The keys of Secret `data` and `stringData`, every value withheld. An empty or null `data` is fine.
    static func secretKeys(_ object: Fields, _ d: inout Diagnostics) -> [DataEntry] {
        var seen = Set<String>()
        let keys = (object.map("data", &d)?.keys ?? []) + (object.map("stringData", &d)?.keys ?? [])
        return keys.filter { seen.insert($0).inserted }.map { DataEntry(key: $0, withheld: true) }
    }

    static func serviceAccount(_ object: KubernetesObject) -> ServiceAccountSpec {
        ServiceAccountSpec(roleArn: object.annotations[roleArnAnnotation])
    }

    /// The IRSA binding of a service account with a role annotation (namespace `default` when unset).
    static func identity(of object: KubernetesObject, account: ServiceAccountSpec) -> IdentityBinding? {
        guard let role = account.roleArn else { return nil }
        return IdentityBinding(kind: .irsa, namespace: object.namespace ?? "default", serviceAccount: object.name,
                               roleArn: role, source: object.source)
    }
}
