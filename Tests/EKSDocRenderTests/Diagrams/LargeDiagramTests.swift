@testable import EKSDocRender
import EKSDocAnalysis
import EKSDocModel
import XCTest

/// Diagrams of large estates stay drawable: address ranges fold into their groups above a number of edges, and a
/// layout too big for a bitmap is published as SVG only.
final class LargeDiagramTests: XCTestCase {
    static func context(groups: Int, rangesPerGroup: Int) -> PageContext {
        var env = Environment(name: "big")
        let at = SourceLocation(file: "sg.json")
        env.securityGroups = (0..<groups).map { g in
            var ingress = (0..<rangesPerGroup).map { r in
                SecurityGroupRule(protocol: "tcp", fromPort: 2000 + r, toPort: 2000 + r, peer: "10.\(r).0.0/16", peerKind: .cidr, source: at)
            }
            ingress.append(SecurityGroupRule(protocol: "tcp", fromPort: 443, toPort: 443, peer: "sg-\((g + 1) % groups)", peerKind: .securityGroup, source: at))
            ingress.append(SecurityGroupRule(protocol: "tcp", fromPort: 22, toPort: 22, peer: "0.0.0.0/0", peerKind: .cidr, source: at))
            return SecurityGroup(id: "sg-\(g)", name: "group-\(g)", ingress: ingress, source: at)
        }
        return PageContext(inventory: Inventory(environments: [env]), env: env, facts: EnvironmentAnalysis.analyze(env))
    }

    func testAddressRangesFoldIntoGroupsAboveTheEdgeLimit() {
        let small = SecurityGroupDiagram.dot(Self.context(groups: 4, rangesPerGroup: 5))
        XCTAssertEqual(DiagramSupport.edges(small).count, 4 * 5 + 4 + 4, "every edge drawn below the limit")
        XCTAssertFalse(small.contains("folded"))

        let big = SecurityGroupDiagram.dot(Self.context(groups: 20, rangesPerGroup: 12))
        let edges = DiagramSupport.edges(big)
        // Group-to-group and internet edges stay; the 240 range edges are folded into the 20 group labels.
        XCTAssertEqual(edges.count, 20 + 20, big)
        XCTAssertTrue(big.contains("Address ranges are folded into the groups they reach: 280 edges"), big)
        XCTAssertEqual(big.components(separatedBy: "+ rules with 12 address ranges").count - 1, 20)
        XCTAssertFalse(big.contains("10.3.0.0/16"), "folded ranges have no node")
    }

    func testHugeLayoutsAreSVGOnly() throws {
        let chain = (0..<300).map { "n\($0) -> n\($0 + 1);" }.joined(separator: " ")
        let images = try GraphvizRenderer.shared.render(dot: "digraph g { \(chain) }", formats: ["svg", "png"])
        XCTAssertTrue(String(decoding: images[0], as: UTF8.self).contains("<svg"))
        XCTAssertTrue(images[1].isEmpty, "a 300-node chain is over 16,000 pixels tall")
        let small = try GraphvizRenderer.shared.render(dot: "digraph g { a -> b }", formats: ["svg", "png"])
        XCTAssertEqual(Array(small[1].prefix(4)), [0x89, 0x50, 0x4E, 0x47])

        let renderer = DiagramRenderer(cacheDirectory: nil)
        let diagram = Diagram(ref: DiagramRef(environment: "e", name: "chain"), content: .dot("digraph g { \(chain) }"))
        XCTAssertEqual(try renderer.files(for: diagram).map(\.path).sorted(), ["diagrams/e-chain.dot", "diagrams/e-chain.svg"])
    }
}
