import EKSDocAnalysis
import EKSDocModel

/// `troubleshooting.md`: the checks engineers run on this platform (pod IP exhaustion, CNI configuration, node
/// scaling and Karpenter, load balancers and target health, DNS, egress, security groups, endpoint access,
/// workload credentials), each with shell commands filled in with the environment's real ids. A check whose subject
/// does not exist in the environment is left out.
public enum TroubleshootingPage: EnvironmentPageBuilder {
    public static let slug = "troubleshooting"
    public static let title = "Troubleshooting"
    public static let order = 120

    public static func build(_ context: PageContext) -> Page {
        var doc = PageDocument(title: title)
        let env = context.env
        doc.paragraph("Checks for the problems met most often on an EKS platform like \(MD.text(env.name)), with the "
                      + "commands filled in with its ids. Run the `aws` commands with credentials for its account and "
                      + "`kubectl` against its cluster; `eksdoc trace` answers from the documented inputs alone.")
        if let cluster = env.cluster {
            doc.source(cluster.source)
            var commands = Commands()
            commands.comment("Point kubectl at the cluster")
            commands.add("aws eks update-kubeconfig --name \(Shell.quote(cluster.name))\(Shell.region(env))")
            doc.codeBlock(commands.text, language: "sh")
        }
        podAddresses(context, &doc)
        cniConfiguration(context, &doc)
        nodeScaling(context, &doc)
        karpenter(context, &doc)
        loadBalancers(context, &doc)
        dns(context, &doc)
        egress(context, &doc)
        securityGroups(context, &doc)
        endpoint(context, &doc)
        credentials(context, &doc)
        return doc.page(path: context.path(slug), title: title)
    }

    /// The cluster name, quoted for the shell; `CLUSTER` never appears because checks needing it are skipped.
    static func clusterName(_ env: Environment) -> String? { env.cluster.map { Shell.quote($0.name) } }

    /// The subnets pods and nodes use, pod subnets first, without repeats.
    static func workloadSubnets(_ context: PageContext) -> [String] {
        var seen = Set<String>()
        let capacity = context.facts.capacity
        return (capacity.podSubnets + capacity.nodeSubnets).map(\.subnet).filter { seen.insert($0).inserted }
    }

    /// An address inside the subnet for `eksdoc trace`: the first one AWS does not reserve (base + 4).
    static func sampleAddress(_ subnet: String, _ env: Environment) -> String? {
        guard let text = env.subnet(subnet)?.cidr, let network = IPv4Network(text), network.prefixLength <= 28 else { return nil }
        return IPv4Address(network.first.value &+ 4).description
    }

    /// An address inside a route destination: the address itself for a /32, else the second one.
    static func addressIn(_ destination: String) -> String? {
        guard let network = IPv4Network(destination) else { return nil }
        return network.prefixLength == 32 ? network.first.description : IPv4Address(network.first.value &+ 1).description
    }

    /// `eksdoc trace` from a subnet to a destination.
    static func trace(_ env: Environment, from subnet: String, to destination: String, udp: Bool = false) -> String {
        "eksdoc trace --env \(Shell.quote(env.name)) --from \(Shell.quote(subnet)) --to \(Shell.quote(destination))"
            + (udp ? " --protocol udp" : "")
    }

    /// The port to try pod-to-pod: a target group's, else a container's, else 443.
    static func applicationPort(_ env: Environment) -> Int {
        if let port = env.targetGroups.compactMap(\.port).min() { return port }
        if let port = env.kubernetes.compactMap(\.workload).flatMap(\.containers).flatMap(\.ports).map(\.port).min() {
            return port
        }
        return 443
    }
}

/// Lines of a shell snippet. Comments are written from trusted text only and lose any line break, so nothing in
/// them can become a command; every untrusted value in a command goes through `Shell.quote`.
struct Commands {
    private(set) var lines: [String] = []

    mutating func comment(_ text: String) {
        let flat = text.map { $0.isNewline || $0 == "\t" ? " " : String($0) }.joined()
        lines.append("# " + flat)
    }

    mutating func add(_ line: String) { lines.append(line) }

    /// A command whose arguments continue on further lines (joined with ` \`).
    mutating func add(_ first: String, continued: [String]) {
        guard !continued.isEmpty else { lines.append(first); return }
        lines.append(first + " \\")
        for (index, part) in continued.enumerated() {
            lines.append("  " + part + (index == continued.count - 1 ? "" : " \\"))
        }
    }

    mutating func blank() { if lines.last != "" && !lines.isEmpty { lines.append("") } }

    var text: String {
        var out = lines
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n")
    }
}
