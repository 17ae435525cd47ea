import EKSDocAnalysis
import EKSDocModel

/// The input files behind a set of flows: every resource a hop names (as its entity or in the route or rule
/// that lets it through), the cluster, and the CNI settings that decide SNAT.
enum FlowPageSources {
    static func locations(_ flows: [Flow], env: Environment) -> [SourceLocation] {
        var tokens = Set<String>()
        for hop in flows.flatMap(\.hops) {
            for text in [hop.entity, hop.via, hop.note ?? ""] { tokens.formUnion(words(text)) }
            tokens.formUnion(hop.entity.components(separatedBy: ", "))
        }
        var out: [SourceLocation] = []
        func pick<T>(_ items: [T], _ id: (T) -> String, _ source: (T) -> SourceLocation) {
            out.append(contentsOf: items.filter { tokens.contains(id($0)) }.map(source))
        }
        pick(env.vpcs, \.id, \.source)
        pick(env.subnets, \.id, \.source)
        pick(env.routeTables, \.id, \.source)
        pick(env.internetGateways, \.id, \.source)
        pick(env.natGateways, \.id, \.source)
        pick(env.vpcEndpoints, \.id, \.source)
        pick(env.securityGroups, \.id, \.source)
        pick(env.instances, \.id, \.source)
        pick(env.loadBalancers, \.name, \.source)
        pick(env.targetGroups, \.name, \.source)
        pick(env.kubernetes, \.key, \.source)  // hops name Kubernetes objects as `Kind/namespace/name`
        // ENIConfigs decide the pod subnets of egress and pod-to-pod flows.
        if flows.contains(where: { $0.kind == "egress" || $0.kind == "pod-to-pod" }) {
            out.append(contentsOf: env.kubernetes.filter { $0.eniConfig != nil }.map(\.source))
        }
        if let cluster = env.cluster, tokens.contains(cluster.name) || flows.contains(where: { $0.kind == "control-plane" }) {
            out.append(cluster.source)
        }
        if let cni = env.cni, flows.contains(where: { $0.kind == "egress" || $0.kind == "aws-service" }) {
            out.append(cni.source)
        }
        return out
    }

    /// Words of a text that could be ids: runs of letters, digits and `-_./:`, with trailing punctuation dropped.
    static func words(_ text: String) -> Set<String> {
        var out = Set<String>()
        var current = ""
        func flush() {
            var word = current
            while let last = word.last, ".:/".contains(last) { word.removeLast() }
            if !word.isEmpty { out.insert(word) }
            current = ""
        }
        for character in text {
            if character.isLetter || character.isNumber || "-_./:".contains(character) {
                current.append(character)
            } else {
                flush()
            }
        }
        flush()
        return out
    }
}
