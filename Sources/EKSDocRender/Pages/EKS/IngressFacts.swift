import EKSDocModel

/// What an Ingress asks of the AWS Load Balancer Controller, and the load balancer it made.
enum IngressFacts {
    /// The AWS Load Balancer Controller's annotation prefix.
    static let albPrefix = "alb.ingress.kubernetes.io/"

    /// `spec.ingressClassName`, else the legacy `kubernetes.io/ingress.class` annotation.
    static func className(_ object: KubernetesObject) -> String? {
        object.ingress?.className ?? object.annotations["kubernetes.io/ingress.class"]
    }

    /// An `alb.ingress.kubernetes.io/<key>` annotation.
    static func annotation(_ object: KubernetesObject, _ key: String) -> String? {
        object.annotations[albPrefix + key]
    }

    /// Load balancers the controller named after this Ingress (or Service of type LoadBalancer):
    /// `k8s-<namespace>-<name>-<hash>`, or `k8s-<group>-<hash>` for an ingress group, each part cut to 8 letters
    /// and digits.
    static func loadBalancers(_ object: KubernetesObject, in env: Environment) -> [LoadBalancer] {
        func part(_ text: String) -> String {
            String(text.unicodeScalars.filter { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
                .prefix(8).map(Character.init))
        }
        let prefix: String
        if let group = annotation(object, "group.name") {
            prefix = "k8s-\(part(group))-"
        } else {
            prefix = "k8s-\(part(object.namespace ?? "default"))-\(part(object.name))-"
        }
        return env.loadBalancers.filter { $0.name.hasPrefix(prefix) }.sorted { $0.name < $1.name }
    }
}
