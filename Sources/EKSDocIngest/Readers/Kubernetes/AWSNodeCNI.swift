import EKSDocModel

/// The VPC CNI settings: the literal environment of the `aws-node` container of the `aws-node` DaemonSet in
/// `kube-system` (aws-facts §3). References (`valueFrom`) are skipped; values that look secret are withheld.
enum AWSNodeCNI {
    static let namespace = "kube-system"
    static let name = "aws-node"

    /// The settings when `object` is the VPC CNI DaemonSet with an `aws-node` container, else nil.
    /// `object.workload` must already be read; `f` gives the location of the env list.
    static func config(of object: KubernetesObject, from f: Fields) -> CNIConfig? {
        guard object.kind == "DaemonSet", object.namespace == namespace, object.name == name,
              let container = object.workload?.containers.first(where: { $0.name == name }) else { return nil }
        var settings: [String: String] = [:]
        for env in container.env where env.from == nil {
            if env.withheld == true {
                settings[env.name] = KubernetesMetadata.withheldText
            } else if let value = env.value {
                settings[env.name] = value
            }
        }
        let containers = f.node[["spec", "template", "spec", "containers"]]?.items ?? []
        let raw = containers.first { $0["name"]?.text == name }
        return CNIConfig(settings: settings, source: raw?["env"]?.location ?? raw?.location ?? object.source)
    }
}
