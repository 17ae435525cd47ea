import EKSDocModel

/// Helpers shared by the manifest readers (Kubernetes objects and eksctl ClusterConfig).
extension Fields {
    /// The items of a list of mappings, each as `Fields` with the same context.
    /// Items that are not mappings are reported and skipped.
    func itemFields(_ key: String, _ d: inout Diagnostics) -> [Fields] {
        list(key, &d).compactMap { item in
            if item.isMap { return Fields(item, context: context) }
            if !item.isNull {
                d.error("\(context): items of '\(key)' must be mappings, found \(item.kindName)", at: item.location)
            }
            return nil
        }
    }

    /// A string that must be present: a missing value is an error at this map.
    func mandatoryString(_ key: String, _ d: inout Diagnostics) -> String? {
        if let child = node[key], !child.isNull { return string(key, &d) }
        d.error("\(context): '\(key)' is missing", at: node.location)
        return nil
    }

    /// An integer that must be present: a missing value is an error at this map.
    func mandatoryInt(_ key: String, _ d: inout Diagnostics) -> Int? {
        if let child = node[key], !child.isNull { return int(key, &d) }
        d.error("\(context): '\(key)' is missing", at: node.location)
        return nil
    }

    /// A port number that must be present and within 1-65535.
    func mandatoryPort(_ key: String, _ d: inout Diagnostics) -> Int? {
        guard let number = mandatoryInt(key, &d) else { return nil }
        return checkedPort(key, number, &d)
    }

    /// An optional port number within 1-65535.
    func port(_ key: String, _ d: inout Diagnostics) -> Int? {
        guard let number = int(key, &d) else { return nil }
        return checkedPort(key, number, &d)
    }

    /// A port given as a number or a named port (`targetPort`): a number must be within 1-65535.
    func portOrName(_ key: String, _ d: inout Diagnostics) -> String? {
        guard let text = string(key, &d) else { return nil }
        if let number = Int(text) { return checkedPort(key, number, &d).map(String.init) }
        return text
    }

    private func checkedPort(_ key: String, _ number: Int, _ d: inout Diagnostics) -> Int? {
        guard (1...65535).contains(number) else {
            d.error("\(context): '\(key)' \(number) is outside the port range 1-65535", at: node[key]?.location ?? node.location)
            return nil
        }
        return number
    }

    /// A mapping that must be present: a missing value is an error at this map.
    func mandatoryMap(_ key: String, _ d: inout Diagnostics) -> Fields? {
        if let child = node[key], !child.isNull { return fields(key, &d) }
        d.error("\(context): '\(key)' is missing", at: node.location)
        return nil
    }

    /// Follows a path of nested maps; nil as soon as one is missing (wrong types are reported).
    func fields(path: [String], _ d: inout Diagnostics) -> Fields? {
        var current: Fields? = self
        for key in path { current = current?.fields(key, &d) }
        return current
    }
}
