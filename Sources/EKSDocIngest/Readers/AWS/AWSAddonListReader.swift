import EKSDocModel

/// Reads `aws eks list-addons` output (`{"addons": ["vpc-cni", ...]}`): one add-on per name, nothing else known.
public enum AWSAddonListReader: DocumentReader {
    public static var origin: Origin { .live }

    public static func recognizes(_ document: Node) -> Bool {
        guard let list = document["addons"], case .list(let items) = list.content,
              document.keys.allSatisfy({ $0 == "addons" || AWSReaderSupport.pagingKeys.contains($0) }) else {
            return false
        }
        return items.allSatisfy { if case .string = $0.content { return true } else { return false } }
    }

    public static func read(_ document: Node, into environment: inout Environment,
                            diagnostics: inout Diagnostics) {
        let names = Fields(document, context: "eks list-addons").list("addons", &diagnostics)
        for item in names {
            guard case .string(let name) = item.content, !name.isEmpty else {
                diagnostics.error(
                    "eks list-addons: items of 'addons' must be non-empty strings, found \(item.kindName)",
                    at: item.location)
                continue
            }
            environment.addons.append(Addon(name: name, source: item.location))
        }
    }
}
