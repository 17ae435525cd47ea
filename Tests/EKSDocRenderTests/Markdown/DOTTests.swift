import EKSDocRender
import XCTest

final class DOTTests: XCTestCase {
    func testIdsDeriveFromResourceIdsAndAreDistinct() {
        XCTAssertEqual(DOTGraph.id("subnet-0abc"), "n_subnet_2d0abc")
        XCTAssertNotEqual(DOTGraph.id("a-b"), DOTGraph.id("a_b"))
        XCTAssertEqual(DOTGraph.id("0.0.0.0/0"), "n_0_2e0_2e0_2e0_2f0")
    }

    func testHostileLabelsCannotBreakOut() throws {
        var graph = DOTGraph(name: "t\"]; evil")
        graph.node("a", label: "\"]; evil -> x [label=\"pwned")
        graph.node("b", label: "back\\slash\nnew line <script>alert(1)</script>")
        graph.edge("a", "b", label: "tcp 443")
        let dot = graph.text
        // The payload stays inside one quoted label: two node statements and one edge, nothing more.
        XCTAssertTrue(dot.contains(#"label="\"]; evil -> x [label=\"pwned"];"#), dot)
        XCTAssertEqual(dot.split(separator: "\n").filter { $0.hasSuffix("];") }.count, 3, dot)
        let svg = String(decoding: try GraphvizRenderer.shared.render(dot: dot), as: UTF8.self)
        XCTAssertFalse(svg.contains("<script"), svg)
        XCTAssertTrue(svg.contains("&lt;script&gt;"), svg)
        XCTAssertTrue(svg.contains("pwned"))
    }

    func testOutputIsDeterministic() {
        func build() -> String {
            var graph = DOTGraph(name: "g", attributes: ["rankdir": "LR", "bgcolor": "white"], nodeDefaults: ["shape": "box", "fontname": "Helvetica"])
            graph.cluster("vpc-1", label: "VPC") { inner in
                inner.node("subnet-1", label: "10.0.0.0/24", ["color": "green", "style": "rounded"])
            }
            graph.node("igw-1", label: "IGW")
            graph.edge("subnet-1", "igw-1", label: "0.0.0.0/0")
            graph.sameRank(["igw-1", "subnet-1"])
            return graph.text
        }
        XCTAssertEqual(build(), build())
        XCTAssertTrue(build().contains("subgraph cluster_vpc_2d1 {"), build())
        XCTAssertTrue(build().contains("n_subnet_2d1 -> n_igw_2d1 [label=\"0.0.0.0/0\"];"), build())
    }

    func testRendererCachesByDOTText() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("eksdoc-dot-cache-\(UUID().uuidString)")
        let renderer = DiagramRenderer(cacheDirectory: cache)
        let diagram = Diagram(ref: DiagramRef(environment: "e", name: "t"), content: .dot("digraph { a -> b }"))
        let first = try renderer.files(for: diagram)
        XCTAssertEqual(first.map(\.path), ["diagrams/e-t.dot", "diagrams/e-t.svg", "diagrams/e-t.png"])
        let cached = try FileManager.default.contentsOfDirectory(atPath: cache.path).sorted()
        XCTAssertEqual(cached.count, 2, "\(cached)")
        let second = try renderer.files(for: diagram)
        XCTAssertEqual(first.map(\.data), second.map(\.data))
        XCTAssertEqual(DiagramRenderer.hash("a"), DiagramRenderer.hash("a"))
        XCTAssertNotEqual(DiagramRenderer.hash("a"), DiagramRenderer.hash("b"))
        XCTAssertTrue(first[2].data.starts(with: [0x89, 0x50, 0x4E, 0x47]), "PNG signature")
    }
}
