import EKSDocModel

/// Reads `aws eks describe-addon` output (`{"addon": {...}}`): name, version, IRSA role and status.
public enum AWSAddonReader: DocumentReader {
    public static var origin: Origin { .live }

    public static func recognizes(_ document: Node) -> Bool {
        AWSReaderSupport.isAnswer(document, objectKey: "addon")
    }

    public static func read(_ document: Node, into environment: inout Environment,
                            diagnostics: inout Diagnostics) {
        guard let item = Fields(document, context: "eks describe-addon").fields("addon", &diagnostics),
              let name = AWSReaderSupport.requiredID(item, "addonName", &diagnostics) else { return }
        environment.addons.append(Addon(
            name: name, version: AWSReaderSupport.text(item, "addonVersion", &diagnostics),
            serviceAccountRole: AWSReaderSupport.text(item, "serviceAccountRoleArn", &diagnostics),
            status: AWSReaderSupport.text(item, "status", &diagnostics), source: item.node.location))
    }
}
