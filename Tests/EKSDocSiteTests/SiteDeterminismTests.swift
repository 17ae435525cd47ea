import EKSDocIngest
import EKSDocRender
import EKSDocSite
import EKSDocTestSupport
import XCTest

/// Issue 7: the example site is byte-identical whatever order the input files are read in, diagrams and search
/// index included (the loader's order is the only thing that changes between the builds).
final class SiteDeterminismTests: XCTestCase {
    func testInputFileOrderDoesNotChangeAnyOutputByte() throws {
        let renderer = DiagramRenderer(cacheDirectory: nil)
        let sorted = try XCTUnwrap(SitePipeline.build(contentDirectory: TestSupport.content, order: .sorted, renderer: renderer).site)
        for order: ContentLoader.FileOrder in [.reversed, .shuffled(seed: 20_261_124)] {
            let other = try XCTUnwrap(SitePipeline.build(contentDirectory: TestSupport.content, order: order, renderer: renderer).site)
            XCTAssertEqual(sorted.paths, other.paths, "\(order)")
            for path in sorted.paths where sorted.files[path] != other.files[path] {
                XCTFail("\(path) differs with file order \(order)")
            }
        }
        XCTAssertTrue(sorted.paths.contains("diagrams/leadertools-qas-topology.svg"))
        XCTAssertGreaterThan(sorted.paths.count, 200)
    }
}
