/// Where a fact came from: a declaration of intent or a record of what exists.
public enum Origin: String, Hashable, Sendable, Codable {
    /// Terraform inputs, eksctl ClusterConfig, Kubernetes manifests.
    case declared
    /// AWS CLI snapshots, Terraform state, `kubectl get -o json` output.
    case live
}

/// Tags on an AWS resource, as a sorted dictionary.
public typealias Tags = [String: String]

extension Dictionary where Key == String, Value == String {
    /// The `Name` tag, when present.
    public var nameTag: String? { self["Name"] }
}
