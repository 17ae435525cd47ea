import EKSDocModel

/// Reads `aws eks describe-nodegroup` output (`{"nodegroup": {...}}`): a managed node group's
/// scaling, instance types, subnets, AMI and capacity type, disk size, labels, taints and node role.
public enum AWSNodeGroupReader: DocumentReader {
    public static var origin: Origin { .live }

    public static func recognizes(_ document: Node) -> Bool {
        AWSReaderSupport.isAnswer(document, objectKey: "nodegroup")
    }

    public static func read(_ document: Node, into environment: inout Environment,
                            diagnostics: inout Diagnostics) {
        guard let item = Fields(document, context: "eks describe-nodegroup").fields("nodegroup", &diagnostics),
              let name = AWSReaderSupport.requiredID(item, "nodegroupName", &diagnostics) else { return }
        read(item, name: name, into: &environment, &diagnostics)
    }

    static func read(_ item: Fields, name: String, into environment: inout Environment, _ d: inout Diagnostics) {
        let scaling = item.fields("scalingConfig", &d)
        let taints = AWSReaderSupport.objects(item, "taints", &d).compactMap { taint -> Taint? in
            guard let key = AWSReaderSupport.requiredID(taint, "key", &d),
                  let effect = AWSReaderSupport.requiredID(taint, "effect", &d) else { return nil }
            return Taint(key: key, value: AWSReaderSupport.text(taint, "value", &d), effect: effect)
        }
        environment.nodeGroups.append(NodeGroup(
            name: name, cluster: AWSReaderSupport.text(item, "clusterName", &d), managed: true,
            instanceTypes: AWSReaderSupport.strings(item, "instanceTypes", &d),
            min: scaling?.int("minSize", &d), max: scaling?.int("maxSize", &d),
            desired: scaling?.int("desiredSize", &d), subnets: AWSReaderSupport.strings(item, "subnets", &d),
            amiType: AWSReaderSupport.text(item, "amiType", &d),
            capacityType: AWSReaderSupport.text(item, "capacityType", &d), diskSize: item.int("diskSize", &d),
            labels: item.stringMap("labels", &d), taints: taints,
            nodeRole: AWSReaderSupport.text(item, "nodeRole", &d), source: item.node.location))
    }
}
