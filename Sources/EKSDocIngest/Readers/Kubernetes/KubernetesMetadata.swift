import EKSDocModel

/// An object's `metadata`: identity, labels and annotations, with secret-looking annotation values withheld.
struct KubernetesMetadata {
    /// Written by `kubectl apply`: the whole last applied object, Secret data included. Never kept.
    static let lastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration"
    /// Replaces an annotation value that looks secret.
    static let withheldText = Value.withheld.displayText

    var name: String
    var namespace: String?
    var labels: [String: String]
    var annotations: [String: String]

    /// Reads `metadata` of an object; nil (with an error at the object) when it has no name.
    static func read(_ object: Node, kind: String, _ d: inout Diagnostics) -> KubernetesMetadata? {
        let fields = Fields(object, context: kind)
        let metadata = fields.fields("metadata", &d)
        guard let metadata, let nameNode = metadata.node["name"], !nameNode.isNull else {
            if object["metadata"].map({ $0.isMap || $0.isNull }) ?? true {
                d.error("\(kind) has no metadata.name", at: object.location)
            }
            return nil
        }
        guard let name = metadata.string("name", &d) else { return nil }
        let context = Fields(metadata.node, context: "\(kind) \(name)")
        return KubernetesMetadata(name: name, namespace: context.string("namespace", &d),
                                  labels: context.stringMap("labels", &d),
                                  annotations: filtered(context.stringMap("annotations", &d)))
    }

    /// Drops `last-applied-configuration` and withholds values that look secret.
    static func filtered(_ annotations: [String: String]) -> [String: String] {
        var result: [String: String] = [:]
        for (key, value) in annotations where key != lastAppliedAnnotation {
            result[key] = SecretPolicy.shouldWithhold(name: key, value: value) ? withheldText : value
        }
        return result
    }

    /// `Kind name` or `Kind namespace/name`, the context of diagnostics about the object.
    func describe(kind: String) -> String {
        "\(kind) " + (namespace.map { "\($0)/\(name)" } ?? name)
    }
}
