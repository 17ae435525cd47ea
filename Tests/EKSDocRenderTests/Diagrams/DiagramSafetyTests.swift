@testable import EKSDocRender
import EKSDocAnalysis
import EKSDocModel
import XCTest

/// Untrusted names cannot break out of DOT or SVG; environments without the subject of a diagram still get a
/// small one; the capacity chart is well-formed XML with escaped text and unknown free counts drawn as unknown.
final class DiagramSafetyTests: XCTestCase {
    func testHostileLabelsCannotBreakOutOfDOT() throws {
        let diagrams = DiagramGroup.diagrams(DiagramSupport.hostileContext)
        XCTAssertTrue(diagrams.contains { $0.ref.name.hasPrefix("flow-") })
        for diagram in diagrams {
            guard case .dot(let dot) = diagram.content else { continue }
            let svg = try DiagramSupport.svg(dot)
            XCTAssertTrue(DiagramSupport.parseXML(svg).ok, diagram.ref.name)
            XCTAssertFalse(svg.contains("<script"), diagram.ref.name)
            // A node or edge injected by the label would show up with its own title.
            for injected in ["<title>x</title>", "<title>evil</title>", "<title>pwned</title>", "&#45;&gt;x</title>"] {
                XCTAssertFalse(svg.contains(injected), "\(diagram.ref.name): \(injected)")
            }
            // Every DOT line is a statement of ours: nothing after a label's closing quote.
            for line in dot.split(separator: "\n") where line.contains("evil") {
                XCTAssertTrue(line.hasSuffix("];") || line.hasSuffix("\";") || line.hasSuffix("{") || line.hasSuffix("; }"),
                              String(line))
            }
        }
        let topology = try DiagramSupport.svg(DiagramSupport.dot(for: DiagramSupport.hostileContext, DiagramGroup.topology))
        XCTAssertTrue(topology.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "shown as text")
        XCTAssertTrue(topology.contains("back\\slash \\N"), "backslashes stay literal, no Graphviz \\N substitution")
    }

    func testHostileFlowIsDrawnAsText() throws {
        let context = DiagramSupport.hostileContext
        let flow = try XCTUnwrap(context.facts.flows.last)
        let svg = try DiagramSupport.svg(FlowDiagram.dot(flow, context: context))
        XCTAssertTrue(svg.contains("&lt;script&gt;"))
        XCTAssertTrue(svg.contains("stroke=\"red\""), "the blocked hop is red")
        XCTAssertEqual(FlowDiagram.nodeIDs(flow.hops), [DiagramSupport.evil, "subnet-a", DiagramSupport.evil + "#2"])
    }

    func testEnvironmentsWithoutTheSubjectGetASmallDiagram() throws {
        let context = Example.context(for: Environment(name: "empty"))
        let diagrams = DiagramGroup.diagrams(context)
        XCTAssertEqual(diagrams.map(\.ref.name), ["topology", "security-groups", "workloads", "capacity"])
        let messages = ["No VPC or subnet", "No security group", "No Kubernetes workloads", "No subnet in the inputs"]
        for (diagram, message) in zip(diagrams, messages) {
            switch diagram.content {
            case .dot(let dot):
                XCTAssertTrue(try DiagramSupport.svg(dot).contains(message), diagram.ref.name)
            case .svg(let svg):
                XCTAssertTrue(svg.contains(message))
                XCTAssertTrue(DiagramSupport.parseXML(svg).ok)
            }
        }
        // leadertools-qas has Kubernetes objects but no Service or Ingress: its workloads diagram still draws.
        XCTAssertTrue(DiagramSupport.dot("leadertools-qas", DiagramGroup.workloads).contains("DaemonSet\\naws-node"))
    }

    func testCapacityChartIsXMLWithEscapedText() throws {
        for env in DiagramDeterminismTests.environments {
            let svg = CapacityChart.svg(Example.context(env))
            let parsed = DiagramSupport.parseXML(svg)
            XCTAssertTrue(parsed.ok, env)
            XCTAssertEqual(parsed.elements.first, "svg")
            XCTAssertTrue(svg.contains("width=\"1000\"") && svg.contains("viewBox=\"0 0 1000 "), env)
        }
        let leadertools = CapacityChart.svg(Example.context("leadertools-qas"))
        for text in ["leadertools.qas.pods.prv.az1", "144 in use · 875 free now", "1,019 usable · 14% in use",
                     "211 in use · 40 free now", "Pod subnets", "Node subnets"] {
            XCTAssertTrue(leadertools.contains(text), text)
        }
        XCTAssertFalse(leadertools.contains("1,022"))
        let retail = CapacityChart.svg(Example.context("retail-store"))
        XCTAssertTrue(retail.contains("Pod and node subnets"), "shared subnets are listed once")
        XCTAssertTrue(retail.contains("free now unknown"), "no snapshot figure")

        let hostile = CapacityChart.svg(DiagramSupport.hostileContext)
        let parsed = DiagramSupport.parseXML(hostile)
        XCTAssertTrue(parsed.ok, hostile)
        XCTAssertFalse(hostile.contains("<script"))
        XCTAssertTrue(parsed.text.contains("<script>alert"), "the parsed text is the name itself")
        XCTAssertTrue(hostile.contains("the snapshot reports 4,091 free: more than the subnet holds"),
                      "an impossible free count is drawn as unknown")
        XCTAssertEqual(parsed.elements.filter { $0 == "svg" }.count, 1)
    }

    func testCapacityChartWithoutAClusterShowsEverySubnet() {
        var env = DiagramSupport.hostileEnvironment
        env.cluster = nil
        env.nodeGroups = []
        let svg = CapacityChart.svg(Example.context(for: env))
        XCTAssertTrue(svg.contains(">Subnets<"))
        XCTAssertTrue(svg.contains("subnet-a · 10.0.1.0/24") && svg.contains("subnet-b · 10.0.2.0/24"))
        XCTAssertTrue(svg.contains("151 in use · 100 free now"))
    }

    func testLargeVPCsCollapsePerAZAndTier() throws {
        let src = SourceLocation(file: "big.json")
        var env = Environment(name: "big")
        env.vpcs = [VPC(id: "vpc-big", cidrs: ["10.0.0.0/16"], source: src)]
        env.subnets = (0..<60).map { index in
            Subnet(id: String(format: "subnet-%03d", index), vpc: "vpc-big", cidr: "10.0.\(index).0/24",
                   az: "us-east-1" + ["a", "b", "c"][index % 3], availableAddresses: 200, source: src)
        }
        env.routeTables = [RouteTable(id: "rtb-big", vpc: "vpc-big", main: true,
                                      routes: [Route(destination: "10.0.0.0/16", target: "local", source: src)], source: src)]
        let dot = TopologyDiagram.dot(Example.context(for: env))
        XCTAssertNil(DiagramSupport.nodeLine(dot, "subnet-000"), "no node per subnet")
        XCTAssertTrue(dot.contains("20 isolated subnets"), dot)
        XCTAssertTrue(try DiagramSupport.svg(dot).contains("5,020 usable"))
    }
}
