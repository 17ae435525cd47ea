@testable import EKSDocRender
import EKSDocAnalysis
import EKSDocModel
import XCTest

/// The traffic-flows page: one section per flow grouped by kind, its diagram, its hops with blocked ones marked,
/// and the note that flows are derived, not written by hand.
final class TrafficFlowsPageTests: XCTestCase {
    func testPageIsRegisteredWithItsSlugAndOrder() {
        XCTAssertTrue(EnvironmentPages.builders.contains { $0 == TrafficFlowsPage.self })
        XCTAssertEqual(TrafficFlowsPage.slug, "traffic-flows")
        XCTAssertEqual(TrafficFlowsPage.order, 80)
        let page = TrafficFlowsPage.build(Example.context("leadertools-qas"))
        XCTAssertEqual(page.path, "leadertools-qas/traffic-flows.md")
        XCTAssertEqual(page.title, "Traffic flows")
    }

    func testOneSectionAndDiagramPerFlowGroupedByKind() {
        for env in DiagramDeterminismTests.environments {
            let context = Example.context(env)
            let page = TrafficFlowsPage.build(context)
            let markdown = page.markdown
            XCTAssertTrue(markdown.contains("derived by eksdoc from the route tables"), env)
            let diagrams = Set(DiagramGroup.diagrams(context).map(\.ref.fileName))
            for flow in context.facts.flows {
                XCTAssertTrue(markdown.contains("### " + MD.text(flow.name)), flow.name)
                let file = "\(env)-\(DiagramGroup.flowDiagramName(flow, in: context.facts.flows))"
                XCTAssertTrue(diagrams.contains(file), file)
                XCTAssertTrue(markdown.contains("(../../diagrams/\(file).svg)"), file)
            }
            // Kinds appear in the listing order.
            let headings = TrafficFlowsPage.kinds.map(\.heading).filter { markdown.contains("## " + $0 + "\n") }
            let positions = headings.map { markdown.range(of: "## " + $0 + "\n")!.lowerBound }
            XCTAssertEqual(positions, positions.sorted(), env)
            XCTAssertFalse(page.sources.isEmpty, env)
        }
    }

    func testHopsAreListedAndBlockedOnesMarked() throws {
        let context = Example.context("leadertools-qas")
        let markdown = TrafficFlowsPage.build(context).markdown
        let flow = try XCTUnwrap(context.facts.flows.first { $0.blocked })
        let section = try XCTUnwrap(markdown.components(separatedBy: "### " + MD.text(flow.name)).dropFirst().first)
        let table = section.components(separatedBy: "\n###")[0]
        XCTAssertTrue(table.contains("**Status: blocked.**"))
        XCTAssertTrue(table.contains("| # | Hop | Kind | Let through by (route or rule) | Note | Status |"))
        XCTAssertEqual(table.components(separatedBy: "| **blocked** |").count - 1, flow.hops.filter(\.blocked).count)
        XCTAssertTrue(markdown.contains("> [!WARNING]"), "blocked flows are called out")
        XCTAssertTrue(markdown.contains("## Internal load balancers"))
        XCTAssertTrue(markdown.contains("the internet cannot reach it"))
        XCTAssertFalse(markdown.contains("## Inbound from the internet"), "leadertools-qas has no internet-facing load balancer")
    }

    func testSubnetsAreShownByNameAndSourcesNameTheInputs() {
        let page = TrafficFlowsPage.build(Example.context("leadertools-qas"))
        XCTAssertTrue(page.markdown.contains("leadertools.qas.pods.prv.az1 (`subnet-09d92cbf937adefe5`)"))
        XCTAssertTrue(page.sources.contains { $0.contains("route-tables") }, "\(page.sources)")
        XCTAssertTrue(page.sources.contains { $0.contains("security-groups") }, "\(page.sources)")
        let retail = TrafficFlowsPage.build(Example.context("retail-store"))
        XCTAssertTrue(retail.sources.contains { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }, "manifests: \(retail.sources)")
    }

    func testHostileFlowTextIsEscaped() {
        let page = TrafficFlowsPage.build(DiagramSupport.hostileContext)
        XCTAssertFalse(page.markdown.contains("<script"))
        XCTAssertTrue(page.markdown.contains("&lt;script&gt;"))
        for line in page.markdown.split(separator: "\n") where line.hasPrefix("| ") {
            XCTAssertFalse(line.contains("\n"))
            XCTAssertTrue(line.hasSuffix(" |"), String(line))
        }
    }

    func testAnEnvironmentWithoutFlowsSaysSo() {
        let page = TrafficFlowsPage.build(Example.context(for: Environment(name: "empty")))
        XCTAssertTrue(page.markdown.contains("No traffic flow can be derived"))
        XCTAssertFalse(page.markdown.contains("../../diagrams/"))
    }
}
