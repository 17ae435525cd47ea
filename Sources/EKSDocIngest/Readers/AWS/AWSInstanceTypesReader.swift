import EKSDocModel

/// Reads `aws ec2 describe-instance-types` output (`{"InstanceTypes": [...]}`): the network limits that
/// decide max pods.
///
/// The ENI limit is the default network card's `MaximumNetworkInterfaces` (`NetworkCards` entry whose
/// index is `DefaultNetworkCardIndex`, else the first card), falling back to
/// `NetworkInfo.MaximumNetworkInterfaces` (the whole instance's total) when no card is listed.
public enum AWSInstanceTypesReader: DocumentReader {
    public static var origin: Origin { .live }

    public static func recognizes(_ document: Node) -> Bool {
        AWSReaderSupport.isAnswer(document, listKey: "InstanceTypes")
    }

    public static func read(_ document: Node, into environment: inout Environment,
                            diagnostics: inout Diagnostics) {
        let items = AWSReaderSupport.objects(in: document, key: "InstanceTypes", call: "describe-instance-types",
                                             &diagnostics)
        for item in items {
            if let info = instanceType(item, &diagnostics) { environment.instanceTypes.append(info) }
        }
    }

    static func instanceType(_ item: Fields, _ d: inout Diagnostics) -> InstanceTypeInfo? {
        guard let name = AWSReaderSupport.requiredID(item, "InstanceType", &d) else { return nil }
        let network = item.fields("NetworkInfo", &d)
        let vcpu = item.fields("VCpuInfo", &d)
        let enis = network.flatMap { defaultCardENIs($0, &d) ?? $0.int("MaximumNetworkInterfaces", &d) }
        let ips = network?.int("Ipv4AddressesPerInterface", &d)
        let vcpus = vcpu?.int("DefaultVCpus", &d)
        var missing: [String] = []
        if enis == nil { missing.append("NetworkInfo.MaximumNetworkInterfaces") }
        if ips == nil { missing.append("NetworkInfo.Ipv4AddressesPerInterface") }
        if vcpus == nil { missing.append("VCpuInfo.DefaultVCpus") }
        guard let enis, let ips, let vcpus else {
            d.error("\(item.context) (\(name)): missing \(missing.joined(separator: ", "))", at: item.node.location)
            return nil
        }
        return InstanceTypeInfo(name: name, maxENIs: enis, ipv4PerENI: ips, vcpus: vcpus,
                                hypervisor: AWSReaderSupport.text(item, "Hypervisor", &d)?.lowercased() ?? "",
                                source: item.node.location)
    }

    /// `MaximumNetworkInterfaces` of the default network card, when `NetworkCards` lists it.
    static func defaultCardENIs(_ network: Fields, _ d: inout Diagnostics) -> Int? {
        let cards = AWSReaderSupport.objects(network, "NetworkCards", &d)
        guard !cards.isEmpty else { return nil }
        let defaultIndex = network.int("DefaultNetworkCardIndex", &d) ?? 0
        let card = cards.first { $0.node["NetworkCardIndex"]?.text.flatMap { Int($0) } == defaultIndex } ?? cards[0]
        return card.int("MaximumNetworkInterfaces", &d)
    }
}
