import EKSDocModel

/// Services and Ingresses: how traffic reaches pods.
extension KubernetesSpecs {
    /// Annotation prefixes that configure the load balancer of a Service (AWS Load Balancer Controller,
    /// in-tree cloud provider); they are copied to `ServiceSpec.annotations`.
    static let loadBalancerAnnotationPrefixes = ["service.beta.kubernetes.io/", "service.kubernetes.io/"]

    static func service(_ object: Fields, annotations: [String: String], _ d: inout Diagnostics) -> ServiceSpec {
        let spec = object.fields("spec", &d)
        var service = ServiceSpec(type: spec?.string("type", &d) ?? "ClusterIP",
                                  selector: spec?.stringMap("selector", &d) ?? [:])
        service.ports = spec?.itemFields("ports", &d).compactMap { port in
            guard let number = port.mandatoryPort("port", &d) else { return nil }
            return ServicePort(name: port.string("name", &d), port: number,
                               targetPort: port.portOrName("targetPort", &d), nodePort: port.port("nodePort", &d),
                               protocol: port.string("protocol", &d))
        } ?? []
        let balancer = annotations.filter { key, _ in
            loadBalancerAnnotationPrefixes.contains { key.hasPrefix($0) }
        }
        service.annotations = balancer.isEmpty ? nil : balancer
        return service
    }

    /// Reads an Ingress: `networking.k8s.io/v1` backends (`service.name`, `service.port.number|name`) and the
    /// older `serviceName`/`servicePort`. The default backend comes last, without host or path.
    static func ingress(_ object: Fields, annotations: [String: String], _ d: inout Diagnostics) -> IngressSpec {
        var ingress = IngressSpec(className: annotations["kubernetes.io/ingress.class"])
        guard let spec = object.fields("spec", &d) else { return ingress }
        ingress.className = spec.string("ingressClassName", &d) ?? ingress.className
        for rule in spec.itemFields("rules", &d) {
            let host = rule.string("host", &d)
            for path in rule.fields("http", &d)?.itemFields("paths", &d) ?? [] {
                guard let backend = path.fields("backend", &d),
                      let target = ingressBackend(backend, &d) else { continue }
                ingress.rules.append(IngressRule(host: host, path: path.string("path", &d),
                                                 service: target.service, port: target.port))
            }
        }
        let fallback = spec.fields("defaultBackend", &d) ?? spec.fields("backend", &d)
        if let fallback, let target = ingressBackend(fallback, &d) {
            ingress.rules.append(IngressRule(service: target.service, port: target.port))
        }
        ingress.tlsHosts = spec.itemFields("tls", &d).flatMap { $0.strings("hosts", &d) }
        return ingress
    }

    /// The Service and port of a backend; nil for resource backends.
    static func ingressBackend(_ backend: Fields, _ d: inout Diagnostics) -> (service: String, port: String?)? {
        if let service = backend.fields("service", &d) {
            guard let name = service.mandatoryString("name", &d) else { return nil }
            let port = service.fields("port", &d)
            return (name, port?.string("number", &d) ?? port?.string("name", &d))
        }
        guard let name = backend.string("serviceName", &d) else { return nil }
        return (name, backend.string("servicePort", &d))
    }
}
