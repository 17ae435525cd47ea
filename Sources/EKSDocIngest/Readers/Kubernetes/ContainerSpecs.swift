import EKSDocModel

/// Containers of a pod template: image, ports, environment and mounts. Literal env values that look secret
/// are withheld; references (`valueFrom`, `envFrom`) are kept as short text.
extension KubernetesSpecs {
    static func container(_ f: Fields, _ d: inout Diagnostics) -> Container? {
        guard let name = f.mandatoryString("name", &d) else { return nil }
        var container = Container(name: name, image: f.string("image", &d))
        container.ports = f.itemFields("ports", &d).compactMap { port in
            guard let number = port.mandatoryPort("containerPort", &d) else { return nil }
            return ContainerPort(name: port.string("name", &d), port: number, protocol: port.string("protocol", &d))
        }
        container.env = f.itemFields("env", &d).compactMap { envVar($0, &d) }
        container.envFrom = f.itemFields("envFrom", &d).compactMap { source in
            if let ref = source.fields("configMapRef", &d) { return "configMap:" + (ref.string("name", &d) ?? "") }
            if let ref = source.fields("secretRef", &d) { return "secret:" + (ref.string("name", &d) ?? "") }
            return nil
        }
        container.volumeMounts = f.itemFields("volumeMounts", &d).compactMap { mount in
            guard let volume = mount.mandatoryString("name", &d) else { return nil }
            return volume + ":" + (mount.string("mountPath", &d) ?? "")
        }
        return container
    }

    /// An env entry: a reference, a literal value, or a withheld value when the name or value looks secret.
    static func envVar(_ f: Fields, _ d: inout Diagnostics) -> EnvVar? {
        guard let name = f.mandatoryString("name", &d) else { return nil }
        if let source = f.fields("valueFrom", &d) {
            return EnvVar(name: name, from: reference(source, &d))
        }
        guard let value = f.string("value", &d) else { return EnvVar(name: name) }
        if SecretPolicy.shouldWithhold(name: name, value: value) {
            return EnvVar(name: name, withheld: true)
        }
        return EnvVar(name: name, value: value)
    }

    /// `secret:NAME/KEY`, `configMap:NAME/KEY`, `field:PATH` or `resource:[CONTAINER/]RESOURCE`.
    static func reference(_ source: Fields, _ d: inout Diagnostics) -> String? {
        if let ref = source.fields("secretKeyRef", &d) {
            return "secret:\(ref.string("name", &d) ?? "")/\(ref.string("key", &d) ?? "")"
        }
        if let ref = source.fields("configMapKeyRef", &d) {
            return "configMap:\(ref.string("name", &d) ?? "")/\(ref.string("key", &d) ?? "")"
        }
        if let ref = source.fields("fieldRef", &d) {
            return "field:" + (ref.string("fieldPath", &d) ?? "")
        }
        if let ref = source.fields("resourceFieldRef", &d) {
            let resource = ref.string("resource", &d) ?? ""
            return "resource:" + (ref.string("containerName", &d).map { "\($0)/\(resource)" } ?? resource)
        }
        return nil
    }
}
