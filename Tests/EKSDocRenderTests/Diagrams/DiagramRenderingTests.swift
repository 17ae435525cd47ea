@testable import EKSDocRender
import EKSDocAnalysis
import EKSDocModel
import XCTest

/// Every diagram of both examples lays out with libgvc in-process and shows what the seeds show, with the
/// seeds' wrong facts corrected (internal load balancers are not reachable from the internet).
final class DiagramRenderingTests: XCTestCase {
    func testEveryDiagramOfBothExamplesRenders() throws {
        for env in DiagramDeterminismTests.environments {
            for diagram in DiagramSupport.diagrams(env) {
                switch diagram.content {
                case .dot(let dot):
                    let svg = try DiagramSupport.svg(dot)
                    XCTAssertTrue(svg.contains("<svg"), "\(env) \(diagram.ref.name)")
                    XCTAssertTrue(DiagramSupport.parseXML(svg).ok, "\(env) \(diagram.ref.name): Graphviz SVG is XML")
                case .svg(let svg):
                    XCTAssertTrue(DiagramSupport.parseXML(svg).ok, "\(env) \(diagram.ref.name)")
                }
            }
        }
    }

    /// libgvc names anonymous graphs with a process-wide counter (`%3`, `%11`) that would leak into the SVG, so
    /// every diagram is a named graph. Rendering again in the same process gives the same drawing. (libgvc orders
    /// sibling clusters by the address of their interned names, so the order in which cluster groups are written
    /// can change between renders in one process: the lines are compared as a set, see the report of issue 4.)
    func testRenderedSVGIsTheSameDrawingAcrossRenders() throws {
        let dots = DiagramSupport.diagrams("leadertools-qas").prefix(3).compactMap { diagram -> String? in
            if case .dot(let text) = diagram.content { return text }
            return nil
        }
        for dot in dots {
            let first = try DiagramSupport.svg(dot)
            _ = try GraphvizRenderer.shared.render(dot: "digraph { x -> y }", format: "svg")
            let second = try DiagramSupport.svg(dot)
            XCTAssertEqual(first.split(separator: "\n").sorted(), second.split(separator: "\n").sorted())
            XCTAssertFalse(first.contains("<title>%"), "no anonymous graph names")
        }
        // Without clusters, the bytes are the same.
        let flow = try XCTUnwrap(DiagramSupport.diagrams("retail-store").first { $0.ref.name.hasPrefix("flow-") })
        guard case .dot(let text) = flow.content else { return XCTFail("a flow is DOT") }
        let once = try DiagramSupport.svg(text)
        _ = try GraphvizRenderer.shared.render(dot: "digraph { x -> y }", format: "svg")
        XCTAssertEqual(once, try DiagramSupport.svg(text))
    }

    func testLeadertoolsTopologyShowsEverySubnetAndGatewayOfTheSeeds() throws {
        let svg = try DiagramSupport.svg(DiagramSupport.dot("leadertools-qas", DiagramGroup.topology))
        // Graphviz writes `-` as `&#45;` in SVG text.
        func shown(_ text: String) -> Bool { svg.contains(text.replacingOccurrences(of: "-", with: "&#45;")) }
        let expected = ["igw-0e74bf1068b4cd3dd", "i-0919b0c12ffebfc98", "i-022003229928b80a1", "10.142.32.0/21",
                        "100.96.32.0/21", "vpc-078e600d57da47c6c", "leadertools-qas-main-rt", "us-west-2a", "us-west-2b",
                        "subnet-0de9b50b551f454d0", "subnet-03597db27bc94efd6", "subnet-06582423b4bddaaef",
                        "subnet-090a8b74a06b832c8", "subnet-09d9027f49f79565c", "subnet-0a905b3024a4760ee",
                        "subnet-05739fcadd9426dc4", "subnet-06302ddeb741c622f", "subnet-09d92cbf937adefe5",
                        "subnet-0282b6517b060ced4", "1,019 usable", "123 usable", "251 usable", "16 internal ALBs",
                        "service CIDR 172.20.0.0/16", "Kubernetes 1.33", "14 ranges"]
        for text in expected { XCTAssertTrue(shown(text), text) }
        for wrong in ["1,022", "254 usable", "126 usable"] { XCTAssertFalse(shown(wrong), wrong) }
    }

    func testDefaultRoutesGoWhereTheRouteTablesSay() {
        let dot = DiagramSupport.dot("leadertools-qas", DiagramGroup.topology)
        let edges = DiagramSupport.edges(dot)
        let main = DOTGraph.id("rtb-0af593cb336560f42"), publicTable = DOTGraph.id("rtb-0c706da088d700de3")
        // The main table's default route goes to the appliance, not the internet gateway (seeds/README.md).
        XCTAssertTrue(edges.contains { $0.from == main && $0.to == DOTGraph.id("i-0919b0c12ffebfc98")
            && $0.attributes.contains("label=\"0.0.0.0/0\"") })
        XCTAssertFalse(edges.contains {
            Set([$0.from, $0.to]) == Set([main, DOTGraph.id("igw-0e74bf1068b4cd3dd")]) && !$0.attributes.contains("invis")
        })
        XCTAssertTrue(edges.contains { $0.from == DOTGraph.id("igw-0e74bf1068b4cd3dd") && $0.to == publicTable
            && $0.attributes.contains("label=\"0.0.0.0/0\"") })
        // Corporate ranges collapse into a count, listed in the tooltip.
        let corporate = edges.first { $0.from == main && $0.attributes.contains("label=\"14 ranges\"") }
        XCTAssertNotNil(corporate)
        XCTAssertTrue(corporate?.attributes.contains("208.75.8.0/24") == true)
    }

    func testInternalLoadBalancersHaveNoEdgeFromTheInternet() {
        let dot = DiagramSupport.dot("leadertools-qas", DiagramGroup.topology)
        let lbNodes = dot.split(separator: "\n").filter { $0.contains("internal ALB") }
            .compactMap { $0.trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) }
        XCTAssertEqual(lbNodes.count, 1, "the 16 internal ALBs share one node")
        let sources = Set([DOTGraph.id("#internet"), DOTGraph.id("igw-0e74bf1068b4cd3dd")])
        for edge in DiagramSupport.edges(dot) where lbNodes.contains(edge.to) || lbNodes.contains(edge.from) {
            XCTAssertFalse(sources.contains(edge.from) || sources.contains(edge.to), "\(edge)")
        }
        // No flow of leadertools-qas starts on the internet and reaches an internal load balancer.
        for flow in Example.context("leadertools-qas").facts.flows where flow.hops.contains(where: { $0.entityKind == "loadBalancer" }) {
            XCTAssertNotEqual(flow.hops.first?.entityKind, "internet", flow.name)
        }
        // retail-store's internet-facing ALB gets its arrow from the internet gateway.
        let retail = DiagramSupport.dot("retail-store", DiagramGroup.topology)
        XCTAssertTrue(DiagramSupport.edges(retail).contains {
            $0.from == DOTGraph.id("igw-04bb86d0e37c46ad3") && $0.to == DOTGraph.id("lb:k8s-retailpr-retailin-6c1f2a9b3e")
        })
    }

    func testRetailInboundFlowReachesTheUIService() throws {
        let context = Example.context("retail-store")
        let flow = try XCTUnwrap(context.facts.flows.first {
            $0.kind == "inbound" && $0.hops.first?.entityKind == "internet" && $0.hops.contains { $0.entity == "Service/retail-products/ui" }
        })
        XCTAssertFalse(flow.blocked)
        let dot = FlowDiagram.dot(flow, context: context)
        XCTAssertTrue(dot.contains("rankdir=\"LR\""))
        let svg = try DiagramSupport.svg(dot)
        XCTAssertTrue(svg.contains("Service/retail&#45;products/ui"), svg)
        XCTAssertTrue(svg.contains("igw&#45;04bb86d0e37c46ad3"))
        XCTAssertFalse(svg.contains("stroke=\"red\""), "an open flow has no red")
        // Each edge carries the next hop's route or rule.
        let edges = DiagramSupport.edges(dot)
        XCTAssertEqual(edges.count, flow.hops.count - 1)
        XCTAssertTrue(edges[0].attributes.contains("route 0.0.0.0/0 -&gt;") || edges[0].attributes.contains("route 0.0.0.0/0 ->"))
    }

    func testBlockedHopsAreRed() throws {
        let context = Example.context("leadertools-qas")
        let flow = try XCTUnwrap(context.facts.flows.first { $0.blocked })
        let index = try XCTUnwrap(flow.hops.firstIndex { $0.blocked })
        let dot = FlowDiagram.dot(flow, context: context)
        let id = FlowDiagram.nodeIDs(flow.hops)[index]
        let line = try XCTUnwrap(DiagramSupport.nodeLine(dot, id))
        for attribute in ["color=\"red\"", "fontcolor=\"red\"", "bold", "BLOCKED"] { XCTAssertTrue(line.contains(attribute), line) }
        let edge = try XCTUnwrap(DiagramSupport.edges(dot).first { $0.to == DOTGraph.id(id) })
        for attribute in ["color=\"red\"", "fontcolor=\"red\"", "style=\"bold\""] { XCTAssertTrue(edge.attributes.contains(attribute)) }
        let svg = try DiagramSupport.svg(dot)
        XCTAssertTrue(svg.contains("stroke=\"red\"") && svg.contains("fill=\"red\""), "red lines and red text")
        // Hops before the block are not red.
        let first = try XCTUnwrap(DiagramSupport.nodeLine(dot, FlowDiagram.nodeIDs(flow.hops)[0]))
        XCTAssertFalse(first.contains("red"))
    }

    func testSecurityGroupDiagramGroupsPortsAndHighlightsTheInternet() {
        let retail = DiagramSupport.dot("retail-store", DiagramGroup.securityGroups)
        let open = DiagramSupport.edges(retail).filter { $0.from == DOTGraph.id("0.0.0.0/0") }
        XCTAssertEqual(open.count, 1, "HTTP and HTTPS to the ALB group share one edge")
        XCTAssertTrue(open[0].attributes.contains("tcp 80 (HTTP)\\ntcp 443 (HTTPS)"), open[0].attributes)
        XCTAssertTrue(open[0].attributes.contains(DiagramStyle.warning))
        let leadertools = DiagramSupport.dot("leadertools-qas", DiagramGroup.securityGroups)
        XCTAssertTrue(leadertools.contains("16 security groups with the same rules"))
        XCTAssertTrue(leadertools.contains("only on internal load balancers: not reachable from the internet"))
        XCTAssertTrue(leadertools.contains("tcp 10250 (kubelet API)"))
        // SSH open to the world is red.
        let hostile = SecurityGroupDiagram.dot(DiagramSupport.hostileContext)
        let ssh = DiagramSupport.edges(hostile).first { $0.from == DOTGraph.id("0.0.0.0/0") }
        XCTAssertTrue(ssh?.attributes.contains(DiagramStyle.internet) == true, "\(String(describing: ssh))")
    }

    func testWorkloadsLinkIngressServiceWorkloadConfigAndRole() {
        let dot = DiagramSupport.dot("retail-store", DiagramGroup.workloads)
        let edges = DiagramSupport.edges(dot).map { ($0.from, $0.to) }
        func linked(_ from: String, _ to: String) -> Bool { edges.contains { $0 == (DOTGraph.id(from), DOTGraph.id(to)) } }
        XCTAssertTrue(linked("Ingress/retail-products/retail-ingress", "Service/retail-products/ui"))
        XCTAssertTrue(linked("Service/retail-products/ui", "Deployment/retail-products/ui"))
        XCTAssertTrue(linked("Service/retail-products/catalog-cache", "StatefulSet/retail-products/catalog-cache"))
        XCTAssertTrue(linked("Deployment/retail-products/cart", "ConfigMap/retail-products/cart-config"))
        XCTAssertTrue(linked("Deployment/retail-products/checkout", "Secret/retail-products/retail-api-keys"))
        XCTAssertTrue(linked("Deployment/retail-products/orders", "PersistentVolumeClaim/retail-products/orders-storage"))
        XCTAssertTrue(linked("PersistentVolumeClaim/retail-products/orders-storage", "StorageClass//gp3-ebs"))
        XCTAssertTrue(linked("Deployment/retail-products/cart", "ServiceAccount/retail-products/cart"))
        XCTAssertTrue(linked("ServiceAccount/retail-products/cart", "arn:aws:iam::123456789012:role/cart-pod-iam-role"))
        XCTAssertTrue(linked("ServiceAccount/kube-system/aws-load-balancer-controller", "arn:aws:iam::123456789012:role/lbc-controller-role"))
        XCTAssertTrue(dot.contains("subgraph cluster_namespace_3aretail_2dproducts {"), "namespaces are boxes")
        XCTAssertTrue(dot.contains("retail-api-keys\\n3 keys (values withheld)"), "secrets show key counts only")
    }
}
