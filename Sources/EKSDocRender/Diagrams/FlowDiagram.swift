import EKSDocAnalysis
import EKSDocModel
import Foundation

/// One traffic flow as DOT: its hops left to right, each edge labelled with the route or rule that lets the
/// traffic reach the next hop. A blocked hop and the edge into it are red and bold, with what is missing.
enum FlowDiagram {
    /// The DOT text; `name` is the diagram's name (`DiagramGroup.flowDiagramName`), used as the graph's name.
    static func dot(_ flow: Flow, name: String? = nil, context: PageContext) -> String {
        let name = name ?? DiagramGroup.flowDiagramName(flow, in: context.facts.flows)
        let title = DiagramText.wrap("\(flow.kind) flow: \(flow.name)", width: 110).joined(separator: "\n")
            + (flow.blocked ? "\nBLOCKED" : "")
        var graph = DiagramStyle.graph(name, rankdir: "LR", label: title,
                                       extra: ["nodesep": "0.4", "ranksep": "0.5", "fontcolor": flow.blocked ? DiagramStyle.blocked : "black"])
        let ids = nodeIDs(flow.hops)
        for (index, hop) in flow.hops.enumerated() {
            var attributes = style(hop.entityKind)
            attributes["tooltip"] = tooltip(hop)
            if hop.blocked {
                attributes["color"] = DiagramStyle.blocked
                attributes["fontcolor"] = DiagramStyle.blocked
                attributes["style"] = (attributes["style"] ?? "filled") + ",bold"
                attributes["fillcolor"] = "#ffebee"
                attributes["penwidth"] = "2"
            }
            graph.node(ids[index], label: label(hop, index: index, context: context), attributes)
        }
        for index in flow.hops.indices.dropFirst() {
            let hop = flow.hops[index]
            var attributes = ["tooltip": hop.via, "labeltooltip": hop.via, "penwidth": "1.3"]
            if hop.blocked {
                attributes["color"] = DiagramStyle.blocked
                attributes["fontcolor"] = DiagramStyle.blocked
                attributes["style"] = "bold"
                attributes["penwidth"] = "2"
            }
            graph.edge(ids[index - 1], ids[index], label: edgeLabel(hop), attributes)
        }
        return graph.text
    }

    /// Characters per line in node and edge labels: narrow, so a five-hop flow still fits a page.
    static let width = 30

    /// Node ids from the hops' entities; an entity met again (pod to pod on one node) gets `#2`, `#3` ...
    static func nodeIDs(_ hops: [Hop]) -> [String] {
        var seen: [String: Int] = [:]
        return hops.map { hop in
            let count = seen[hop.entity, default: 0] + 1
            seen[hop.entity] = count
            return count == 1 ? hop.entity : "\(hop.entity)#\(count)"
        }
    }

    /// The route or rule, shortened: at most three of its `;`-separated parts (what is missing first when the
    /// hop is blocked), each wrapped; the full text is in the edge's tooltip and the page's hop table.
    static func edgeLabel(_ hop: Hop) -> String {
        var parts = hop.via.components(separatedBy: "; ").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        if hop.blocked {
            parts = parts.filter { $0.hasPrefix("no ") } + parts.filter { !$0.hasPrefix("no ") }
        }
        var lines = parts.prefix(3).flatMap { DiagramText.block($0, width: width, maxLines: 3) }
        if parts.count > 3 { lines.append("+ \(parts.count - 3) more (see the hop table)") }
        if hop.blocked { lines.insert("BLOCKED", at: 0) }
        return lines.joined(separator: "\n")
    }

    static func label(_ hop: Hop, index: Int, context: PageContext) -> String {
        var lines = ["\(index + 1). " + title(hop, env: context.env)]
        for part in hop.entity.components(separatedBy: ", ")
        where part.lowercased() != lines[0].dropFirst("\(index + 1). ".count).lowercased() {
            lines.append(contentsOf: entityLines(part, kind: hop.entityKind, env: context.env))
        }
        if index == 0 { lines.append(contentsOf: DiagramText.block(hop.via, width: width, maxLines: 3)) }
        if hop.blocked {
            let missing = hop.via.components(separatedBy: "; ").filter { $0.hasPrefix("no ") }
            let reason = hop.note ?? (missing.isEmpty ? hop.via : missing.joined(separator: "; "))
            lines.append(contentsOf: DiagramText.block("BLOCKED: " + reason, width: width, maxLines: 6))
        } else if let note = hop.note {
            lines.append(contentsOf: DiagramText.block(note, width: width, maxLines: 3))
        }
        return lines.joined(separator: "\n")
    }

    /// The entity by name and id: a subnet's name over its id, an instance's name, a load balancer's scheme.
    static func entityLines(_ entity: String, kind: String, env: Environment) -> [String] {
        if let subnet = env.subnet(entity) {
            return [subnet.name, subnet.id + (subnet.cidr.map { " · \($0)" } ?? "")].compactMap { $0 }
                .map { DiagramText.shorten($0, to: 48) }
        }
        if let instance = env.instances.first(where: { $0.id == entity }) {
            return [instance.name, instance.id].compactMap { $0 }.map { DiagramText.shorten($0, to: 48) }
        }
        if kind == "loadBalancer", let lb = env.loadBalancers.first(where: { $0.name == entity }) {
            let kindText = [lb.scheme, lb.type].compactMap { $0 }.joined(separator: " ")
            return [DiagramText.shorten(entity, to: 40)] + (kindText.isEmpty ? [] : ["(\(kindText))"])
        }
        return DiagramText.block(entity, width: 40, maxLines: 2)
    }

    static func title(_ hop: Hop, env: Environment) -> String {
        switch hop.entityKind {
        case "internet": return "Internet"
        case "internetGateway": return "Internet gateway"
        case "natGateway": return "NAT gateway"
        case "instance":
            let appliance = env.instances.first { $0.id == hop.entity }?.sourceDestCheck == false
            return appliance ? "Routing appliance" : "Instance"
        case "networkInterface": return "Network interface"
        case "transitGateway": return "Transit gateway"
        case "vpcEndpoint": return "VPC endpoint"
        case "loadBalancer": return "Load balancer"
        case "targetGroup": return "Target group"
        case "ingress": return "Ingress"
        case "service": return "Service"
        case "subnet": return "Subnet"
        case "vpc": return "VPC"
        case "node": return "Node"
        case "pod": return "Pods"
        case "controlPlane": return "EKS control plane"
        case "routeTable": return "Route table"
        case "awsService": return "AWS services"
        default: return hop.entityKind
        }
    }

    static func style(_ kind: String) -> [String: String] {
        switch kind {
        case "internet", "awsService":
            return ["style": "rounded,filled", "fillcolor": "#eeeeee", "color": "#616161"]
        case "internetGateway", "natGateway", "transitGateway", "vpcEndpoint", "routeTable", "networkInterface":
            return ["fillcolor": "#dbeafe", "color": "#1e40af"]
        case "instance":
            return ["fillcolor": "#fff3cd", "color": "#b26a00", "style": "filled"]
        case "loadBalancer", "targetGroup":
            return ["fillcolor": "#ede7f6", "color": "#5e35b1"]
        case "ingress", "service", "pod":
            return ["fillcolor": "#e8f5e9", "color": "#2e7d32"]
        case "controlPlane":
            return ["shape": "box3d", "style": "filled", "fillcolor": "#fff8e1", "color": "#ff8f00"]
        default:
            return ["fillcolor": "#f5f5f5"]
        }
    }

    static func tooltip(_ hop: Hop) -> String {
        ([hop.entity, hop.via] + (hop.note.map { [$0] } ?? [])).joined(separator: "\n")
    }
}
