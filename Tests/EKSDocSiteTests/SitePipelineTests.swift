import EKSDocSite
import EKSDocTestSupport
import XCTest

final class SitePipelineTests: XCTestCase {
    func testExampleContentBuildsAndBadInputGivesNoSite() throws {
        let output = try SitePipeline.build(contentDirectory: TestSupport.content)
        XCTAssertFalse(output.diagnostics.hasErrors)
        XCTAssertTrue(output.site?.paths.contains("md/leadertools-qas/network.md") ?? false)
        let bad = try TestSupport.makeTree(["x.tfvars": "a = \"unterminated\n"])
        let failed = try SitePipeline.build(contentDirectory: bad)
        XCTAssertNil(failed.site)
        XCTAssertTrue(failed.diagnostics.hasErrors)
    }
}
