import EKSDocAnalysis
import EKSDocModel

/// `traffic-flows.md`: every traffic flow the analysis derives, grouped by kind (inbound, internal, egress, AWS
/// services, pod to pod, control plane), each with its summary, its diagram and its hops: the entity reached,
/// the route or rule that lets the traffic through, notes, and a clear mark where nothing does.
public enum TrafficFlowsPage: EnvironmentPageBuilder {
    /// `traffic-flows.md`.
    public static let slug = "traffic-flows"
    /// The navigation title.
    public static let title = "Traffic flows"
    /// After workloads (70), before findings (90).
    public static let order = 80

    /// Kinds in page order, with a heading and a line saying what they cover.
    static let kinds: [(kind: String, heading: String, about: String)] = [
        ("inbound", "Inbound from the internet",
         "Traffic from the internet through internet-facing load balancers to the workloads behind them."),
        ("internal", "Internal load balancers",
         "Traffic from inside the VPC and the networks its route tables reach through internal load balancers. "
            + "An internal load balancer has private addresses only: the internet cannot reach it."),
        ("egress", "Egress to the internet",
         "Traffic from pods to the internet, through the default route of the node's subnet."),
        ("aws-service", "AWS services",
         "Traffic from pods to AWS APIs such as ECR, S3 and STS: through a VPC endpoint when there is one, else out "
            + "through the default route."),
        ("pod-to-pod", "Pod to pod",
         "Traffic between pods: on one node through its virtual interfaces, across nodes by the VPC's local route."),
        ("control-plane", "Control plane",
         "Traffic between the nodes and the EKS control plane: kubelets to the API server and the API server to "
            + "the kubelets."),
    ]

    /// The page of one environment; its diagrams are named by `DiagramGroup.flowDiagramName`.
    public static func build(_ context: PageContext) -> Page {
        var doc = PageDocument(title: title)
        let flows = context.facts.flows
        doc.callout("NOTE", "These flows are derived by eksdoc from the route tables, security-group rules, load "
                    + "balancers, target groups, CNI settings and Kubernetes objects in the inputs, not written by hand. "
                    + "Each hop names the route or rule that lets the traffic through; a hop that nothing lets through "
                    + "is marked **blocked**. Change the inputs, not this page.")
        guard !flows.isEmpty else {
            doc.paragraph("No traffic flow can be derived for \(MD.text(context.env.name)): the inputs hold no load "
                          + "balancer, pod subnet or cluster to trace from.")
            return doc.page(path: context.path(slug), title: title)
        }
        summary(flows, context: context, into: &doc)
        // Analysis names are unique, so a flow's name finds its diagram.
        let names = Dictionary(zip(flows.map(\.name), DiagramGroup.flowDiagramNames(flows)), uniquingKeysWith: { first, _ in first })
        let known = Set(kinds.map(\.kind))
        let extra = Set(flows.map(\.kind)).subtracting(known).sorted().map { ($0, $0, "") }
        for (kind, heading, about) in kinds + extra {
            let members = flows.filter { $0.kind == kind }
            guard !members.isEmpty else { continue }
            doc.heading(2, heading)
            if !about.isEmpty { doc.paragraph(MD.text(about)) }
            for flow in members { section(flow, diagram: names[flow.name] ?? "", context: context, into: &doc) }
        }
        doc.sources(FlowPageSources.locations(flows, env: context.env))
        return doc.page(path: context.path(slug), title: title)
    }

    /// How many flows of each kind, how many blocked, and which.
    static func summary(_ flows: [Flow], context: PageContext, into doc: inout PageDocument) {
        let blocked = flows.filter(\.blocked)
        doc.paragraph("\(MD.text(context.env.name)) has \(count(flows.count, "traffic flow")), "
                      + (blocked.isEmpty ? "none of them blocked." : "\(blocked.count) of them blocked somewhere on the way."))
        let rows = (kinds.map(\.kind) + Set(flows.map(\.kind)).subtracting(kinds.map(\.kind)).sorted()).compactMap { kind -> [String]? in
            let members = flows.filter { $0.kind == kind }
            guard !members.isEmpty else { return nil }
            let heading = kinds.first { $0.kind == kind }?.heading ?? kind
            let stopped = members.filter(\.blocked).count
            return [MD.text(heading), MD.number(members.count), stopped == 0 ? "0" : "**\(MD.number(stopped))**"]
        }
        doc.table(["Kind", "Flows", "Blocked"], rows, align: [.left, .right, .right])
        if !blocked.isEmpty {
            doc.callout("WARNING", "Blocked flows: traffic the inputs intend (a load balancer with targets, a pod "
                        + "subnet, a cluster) that no rule or route lets through.\n"
                        + blocked.prefix(12).map { "- " + MD.text($0.name) }.joined(separator: "\n")
                        + (blocked.count > 12 ? "\n- and \(blocked.count - 12) more, below." : ""))
        }
    }

    /// One flow: heading, status and summary, diagram, hop table.
    static func section(_ flow: Flow, diagram name: String, context: PageContext, into doc: inout PageDocument) {
        doc.heading(3, flow.name)
        let status = flow.blocked ? "**Status: blocked.**" : "**Status: open.**"
        doc.paragraph(status + " " + MD.text(flow.summary))
        doc.diagram(DiagramRef(environment: context.env.name, name: name), caption: "Traffic flow: \(flow.name)")
        let rows = flow.hops.enumerated().map { index, hop -> [String] in
            [String(index + 1), entity(hop, context: context), MD.cell(FlowDiagram.title(hop, env: context.env)),
             MD.cell(hop.via), MD.cell(hop.note), hop.blocked ? "**blocked**" : "ok"]
        }
        doc.table(["#", "Hop", "Kind", "Let through by (route or rule)", "Note", "Status"], rows,
                  align: [.right, .left, .left, .left, .left, .left])
    }

    /// The hop's entity: subnets as `name (id)`, other ids in code, free text as text.
    static func entity(_ hop: Hop, context: PageContext) -> String {
        hop.entity.components(separatedBy: ", ").map { part in
            if context.env.subnet(part) != nil { return context.subnetLabel(part) }
            if let instance = context.env.instances.first(where: { $0.id == part }), let name = instance.name, !name.isEmpty {
                return "\(MD.text(name)) (\(MD.code(part)))"
            }
            let looksLikeID = !part.isEmpty && !part.contains(" ")
            return looksLikeID && hop.entityKind != "internet" ? MD.code(part) : MD.cell(part)
        }.joined(separator: ", ")
    }

    static func count(_ value: Int, _ noun: String) -> String { "\(MD.number(value)) \(noun)\(value == 1 ? "" : "s")" }
}
