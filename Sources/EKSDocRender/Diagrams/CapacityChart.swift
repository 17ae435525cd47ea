import EKSDocAnalysis
import EKSDocModel

/// Per-subnet address capacity as a hand-written SVG bar chart (no Graphviz): one bar per pod and node subnet
/// (every subnet when there is no cluster), as long as the subnet's usable addresses relative to the largest,
/// split into in use and free now. A free-now figure that is missing or impossible (more than the subnet can
/// hold) is drawn as unknown. Integer geometry and `MD.number` keep the text byte-identical across runs.
enum CapacityChart {
    struct Row {
        var subnet: String
        var name: String?
        var cidr: String?
        var usable: Int?
        var freeNow: Int?
        var impossible: Bool
        var usage: String
    }

    static let width = 1000
    static let labelWidth = 330
    static let barWidth = 300
    static let rowHeight = 48

    static func svg(_ context: PageContext) -> String {
        let groups = rows(context)
        let title = "Subnet address capacity: \(context.env.name)"
        var svg = SVGWriter(title: title)
        guard !groups.isEmpty else {
            svg.text(16, 56, "No subnet in the inputs of \(context.env.name).", size: 13)
            return svg.finish(width: width, height: 80)
        }
        legend(&svg)
        let largest = max(1, groups.flatMap(\.rows).compactMap(\.usable).max() ?? 1)
        var y = 84
        for group in groups {
            svg.text(16, y, group.title, size: 13, weight: "bold")
            y += 10
            for row in group.rows {
                draw(row, top: y, largest: largest, into: &svg)
                y += rowHeight
            }
            y += 16
        }
        svg.text(16, y, "Usable = 2^(32 - prefix) - 5 (AWS reserves five addresses per subnet). Free now is the snapshot's "
                 + "AvailableIpAddressCount, not capacity.", size: 10, fill: "#616161")
        return svg.finish(width: width, height: y + 16)
    }

    /// Pod subnets, node subnets (a subnet that is both is listed once), else every subnet.
    static func rows(_ context: PageContext) -> [(title: String, rows: [Row])] {
        let capacity = context.facts.capacity
        let pods = capacity.podSubnets.map(\.subnet), nodes = capacity.nodeSubnets.map(\.subnet)
        guard context.env.cluster != nil || !pods.isEmpty || !nodes.isEmpty else {
            let all = context.env.subnets.sorted { ($0.az ?? "", $0.name ?? "", $0.id) < ($1.az ?? "", $1.name ?? "", $1.id) }
            return all.isEmpty ? [] : [("Subnets", all.map { row($0.id, context: context, usage: "") })]
        }
        let both = pods.filter(nodes.contains)
        func make(_ list: [SubnetCapacity]) -> [Row] {
            list.sorted { ($0.az ?? "", $0.name ?? "", $0.subnet) < ($1.az ?? "", $1.name ?? "", $1.subnet) }
                .map { row($0.subnet, context: context, usage: $0.usedBy.sorted().joined(separator: ", ")) }
        }
        var groups: [(title: String, rows: [Row])] = []
        let shared = capacity.podSubnets.filter { both.contains($0.subnet) }
        if !shared.isEmpty { groups.append(("Pod and node subnets", make(shared))) }
        let podOnly = capacity.podSubnets.filter { !both.contains($0.subnet) }
        if !podOnly.isEmpty { groups.append(("Pod subnets", make(podOnly))) }
        let nodeOnly = capacity.nodeSubnets.filter { !both.contains($0.subnet) }
        if !nodeOnly.isEmpty { groups.append(("Node subnets", make(nodeOnly))) }
        return groups
    }

    static func row(_ id: String, context: PageContext, usage: String) -> Row {
        let subnet = context.env.subnet(id)
        let facts = context.facts.addresses.subnet(id)
        return Row(subnet: id, name: subnet?.name, cidr: subnet?.cidr ?? facts?.cidr,
                   usable: facts?.usable.map { Int(clamping: $0) }, freeNow: facts?.freeNow,
                   impossible: facts?.freeNowImpossible ?? false, usage: usage)
    }

    static func legend(_ svg: inout SVGWriter) {
        let items: [(fill: String, text: String)] = [("#1565c0", "in use"), ("#a5d6a7", "free now"),
                                                    ("url(#eksdoc-unknown)", "free now unknown")]
        var x = 16
        for item in items {
            svg.rect(x, 44, 14, 14, fill: item.fill, stroke: "#616161")
            svg.text(x + 20, 55, item.text, size: 11)
            x += 150
        }
    }

    static func draw(_ row: Row, top: Int, largest: Int, into svg: inout SVGWriter) {
        let second = ([row.name == nil ? nil : row.subnet, row.cidr].compactMap { $0 }).joined(separator: " · ")
        svg.text(16, top + 14, DiagramText.shorten(row.name ?? row.subnet, to: 44), size: 12)
        svg.text(16, top + 28, DiagramText.shorten(second, to: 52), size: 10, fill: "#616161")
        if !row.usage.isEmpty {
            svg.text(16, top + 41, DiagramText.shorten("used by " + row.usage, to: 60), size: 10, fill: "#616161")
        }
        let x = labelWidth
        guard let usable = row.usable, usable > 0 else {
            svg.text(x, top + 20, "no IPv4 CIDR: capacity unknown", size: 11, fill: "#616161")
            return
        }
        let length = max(24, barWidth * usable / largest)
        var lines: [String]
        if let free = row.freeNow, !row.impossible {
            let used = usable - free
            let usedLength = length * used / usable
            svg.rect(x, top + 6, usedLength, 22, fill: "#1565c0", stroke: nil)
            svg.rect(x + usedLength, top + 6, length - usedLength, 22, fill: "#a5d6a7", stroke: nil)
            let percent = (used * 100 + usable / 2) / usable
            lines = ["\(DiagramText.number(used)) in use · \(DiagramText.number(free)) free now",
                     "\(DiagramText.number(usable)) usable · \(percent)% in use"]
        } else {
            svg.rect(x, top + 6, length, 22, fill: "url(#eksdoc-unknown)", stroke: nil)
            lines = ["\(DiagramText.number(usable)) usable · free now unknown"]
            if let free = row.freeNow {
                lines.append("the snapshot reports \(DiagramText.number(free)) free: more than the subnet holds")
            } else {
                lines.append("no free-now figure in the inputs")
            }
        }
        svg.rect(x, top + 6, length, 22, fill: "none", stroke: "#424242")
        for (index, line) in lines.enumerated() {
            svg.text(x + length + 10, top + 15 + index * 14, DiagramText.shorten(line, to: 64), size: index == 0 ? 11 : 10,
                     fill: index == 0 ? "#212121" : "#616161")
        }
    }
}
