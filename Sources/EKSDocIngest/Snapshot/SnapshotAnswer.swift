import EKSDocModel

/// A parsed AWS CLI answer, the pages of one call merged, with the helpers the snapshot needs.
public struct SnapshotAnswer: Sendable {
    /// The merged answer: lists of every page concatenated, page tokens removed.
    public var node: Node

    public init(node: Node) {
        self.node = node
    }

    /// The token of the next page and the option that asks for it, when the answer carries one.
    public static func nextPage(of page: Node) -> (option: String, token: String)? {
        for (key, option) in SnapshotCalls.pageTokens {
            if let token = page[key]?.text, !token.isEmpty { return (option, token) }
        }
        return nil
    }

    /// Adds a page: lists are appended to the lists already held under the same key; other keys keep their
    /// first value; page tokens are dropped.
    public mutating func merge(_ page: Node) {
        guard case .map(var pairs) = node.content else { node = page; dropTokens(); return }
        for (key, value) in page.pairs {
            if let index = pairs.firstIndex(where: { $0.key == key }) {
                if case .list(let old) = pairs[index].value.content, case .list(let new) = value.content {
                    pairs[index].value = Node(.list(old + new), at: pairs[index].value.location)
                }
            } else {
                pairs.append((key, value))
            }
        }
        node = Node(.map(pairs), at: node.location)
        dropTokens()
    }

    mutating func dropTokens() {
        guard case .map(let pairs) = node.content else { return }
        let tokens = Set(SnapshotCalls.pageTokens.map(\.answerKey))
        node = Node(.map(pairs.filter { !tokens.contains($0.key) }), at: node.location)
    }

    /// The number of items under `key`: a list's length, 1 for an object, 0 otherwise.
    public func itemCount(_ key: String) -> Int {
        switch node[key]?.content {
        case .list(let items): return items.count
        case .map: return 1
        default: return 0
        }
    }

    /// The strings of the top-level list `key` (`{"nodegroups": ["a", "b"]}`).
    public func names(_ key: String) -> [String] {
        (node[key]?.items ?? []).compactMap { item in
            if case .string(let text) = item.content, !text.isEmpty { return text }
            return nil
        }
    }

    /// Keeps only the items of the top-level list `key` whose `VpcId` is one of `vpcs`.
    public mutating func keepItems(_ key: String, inVPCs vpcs: Set<String>) {
        guard case .map(var pairs) = node.content, let index = pairs.firstIndex(where: { $0.key == key }),
              case .list(let items) = pairs[index].value.content else { return }
        let kept = items.filter { item in item["VpcId"]?.text.map(vpcs.contains) ?? false }
        pairs[index].value = Node(.list(kept), at: pairs[index].value.location)
        node = Node(.map(pairs), at: node.location)
    }

    /// The instance types of `describe-instances` (`Reservations[].Instances[].InstanceType`).
    public var instanceTypesOfInstances: [String] {
        (node["Reservations"]?.items ?? []).flatMap { reservation in
            (reservation["Instances"]?.items ?? []).compactMap { $0["InstanceType"]?.text }
        }
    }

    /// The VPC of an `eks describe-cluster` answer, when it states one.
    public var clusterVPC: String? {
        node[["cluster", "resourcesVpcConfig", "vpcId"]]?.text.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The subnets of an `eks describe-cluster` answer.
    public var clusterSubnets: [String] {
        (node[["cluster", "resourcesVpcConfig", "subnetIds"]]?.items ?? []).compactMap(\.text)
    }

    /// The distinct `VpcId`s of the top-level list `key`, in order of appearance.
    public func vpcIDs(_ key: String) -> [String] {
        var seen: [String] = []
        for item in node[key]?.items ?? [] {
            if let id = item["VpcId"]?.text, !id.isEmpty, !seen.contains(id) { seen.append(id) }
        }
        return seen
    }
}
