@preconcurrency import CGraphviz
@testable import EKSDocRender
import XCTest

/// The stable reader keeps subgraphs (clusters) in the order of the DOT text, whatever the heap looks like, so
/// libgvc lays out and writes them the same way in every build. (With `agmemread` their order follows the
/// addresses of their interned names.)
final class GraphvizStableReadTests: XCTestCase {
    static let dot = """
        digraph "g" {
          subgraph cluster_zeta { a; }
          subgraph cluster_alpha { b; subgraph cluster_inner_2 { c; } subgraph cluster_inner_1 { d; } }
          subgraph cluster_mid { e; }
          a -> b -> c -> d -> e;
        }
        """

    /// Names of the subgraphs of `graph`, depth first, in libcgraph's iteration order.
    static func subgraphs(_ graph: UnsafeMutablePointer<Agraph_t>) -> [String] {
        var out: [String] = []
        var child = agfstsubg(graph)
        while let current = child {
            out.append(String(cString: agnameof(UnsafeMutableRawPointer(current))))
            out.append(contentsOf: subgraphs(current))
            child = agnxtsubg(current)
        }
        return out
    }

    func testSubgraphsKeepTheOrderOfTheText() throws {
        let expected = ["cluster_zeta", "cluster_alpha", "cluster_inner_2", "cluster_inner_1", "cluster_mid"]
        for round in 0..<20 {
            // Disturb the heap between reads, as earlier renders of a build do.
            let noise = (0..<(round * 7 + 1)).map { String(repeating: "x", count: $0 % 97 + 1) }
            let graph = try XCTUnwrap(GraphvizStableRead.read(Self.dot))
            XCTAssertEqual(Self.subgraphs(graph), expected, "round \(round), \(noise.count)")
            var node = agfstnode(graph), names: [String] = []
            while let current = node {
                names.append(String(cString: agnameof(UnsafeMutableRawPointer(current))))
                node = agnxtnode(graph, current)
            }
            XCTAssertEqual(names, ["a", "b", "c", "d", "e"])
            agclose(graph)
        }
    }

    func testInvalidDOTIsReportedAndEmptyTextReadsNothing() {
        XCTAssertNil(GraphvizStableRead.read("digraph { a -> }"))
        XCTAssertNil(GraphvizStableRead.read(""))
    }

    func testNamesWithAnyBytesRoundTrip() throws {
        let graph = try XCTUnwrap(GraphvizStableRead.read(#"digraph "g" { "a\"b" -> "é ü"; "a\"b" -> "x"; }"#))
        defer { agclose(graph) }
        var node = agfstnode(graph), names: [String] = []
        while let current = node {
            names.append(String(cString: agnameof(UnsafeMutableRawPointer(current))))
            node = agnxtnode(graph, current)
        }
        XCTAssertEqual(names, ["a\"b", "é ü", "x"])
        XCTAssertNotNil(agnode(graph, UnsafeMutablePointer(mutating: ("x" as NSString).utf8String), 0), "lookup by name")
        XCTAssertNil(agnode(graph, UnsafeMutablePointer(mutating: ("y" as NSString).utf8String), 0))
    }
}
