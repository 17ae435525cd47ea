import EKSDocModel

/// SecretProviderClass (`secrets-store.csi.x-k8s.io/v1`): the provider and the names of the external secrets it
/// mounts. `spec.parameters.objects` is YAML inside a string: a list of `{objectName, objectType, jmesPath}`
/// (AWS provider) or a map whose `array` holds one YAML string per object (Azure provider).
extension KubernetesSpecs {
    static func secretProvider(_ object: Fields, _ d: inout Diagnostics) -> SecretProviderSpec? {
        guard let spec = object.fields("spec", &d) else { return nil }
        var provider = SecretProviderSpec(provider: spec.string("provider", &d))
        if let objects = spec.fields("parameters", &d)?.node["objects"], !objects.isNull {
            provider.objects = secretObjects(objects, context: object.context, &d)
        }
        provider.objects += spec.itemFields("secretObjects", &d).compactMap { synced in
            synced.string("secretName", &d).map { "secret:" + $0 }
        }
        return provider
    }

    /// Object names (and `NAME jmesPath PATH as ALIAS` for JMESPath entries) of the `objects` parameter.
    /// Invalid embedded YAML is one error at the parameter: locations inside the string would mislead.
    static func secretObjects(_ objects: Node, context: String, _ d: inout Diagnostics) -> [String] {
        guard let items = embeddedItems(objects, context: context, &d) else { return [] }
        var names: [String] = []
        for item in items {
            guard let name = item["objectName"]?.text else { continue }
            names.append(name)
            for entry in item["jmesPath"]?.items ?? [] {
                guard let path = entry["path"]?.text else { continue }
                names.append("\(name) jmesPath \(path)" + (entry["objectAlias"]?.text.map { " as \($0)" } ?? ""))
            }
        }
        return names
    }

    /// The object maps of the parameter: parsed from its text, or taken as written when already a list.
    private static func embeddedItems(_ objects: Node, context: String, _ d: inout Diagnostics) -> [Node]? {
        guard let text = objects.text else {
            if objects.isList { return objects.items }
            d.error("\(context): field 'objects' must be a string, found \(objects.kindName)", at: objects.location)
            return nil
        }
        guard let root = parseEmbedded(text, at: objects, context: context, &d) else { return nil }
        if root.isList { return root.items }
        var items: [Node] = []
        for entry in root["array"]?.items ?? [] {
            guard let entryText = entry.text,
                  let parsed = parseEmbedded(entryText, at: objects, context: context, &d) else { continue }
            items.append(parsed)
        }
        return items
    }

    private static func parseEmbedded(_ text: String, at node: Node, context: String,
                                      _ d: inout Diagnostics) -> Node? {
        let loaded = YAMLLoader.load(text, file: node.location.file)
        if let problem = loaded.diagnostics.items.first(where: { $0.severity == .error }) {
            d.error("\(context): 'objects' is not valid YAML (\(problem.message))", at: node.location)
            return nil
        }
        return loaded.documents.first
    }
}
