import XCTest
@testable import EKSDocQA

/// The anchors of a hand-written or concept page, as the link checker and the handout expect them.
final class PageAnchorsTests: XCTestCase {
    func testHeadingsFencesRepeatsAndSpaces() {
        let markdown = """
        # Title
        Text with # not a heading.
        ##  Section One  \t
        ```yaml
        # a comment, not a heading
        ```
        ## Section One
        ###\u{a0}Größe ✓\u{3000}
        ####

        """
        XCTAssertEqual(ConceptPages.anchors(of: markdown), ["title", "section-one", "section-one-1", "größe-", "section"])
        XCTAssertEqual(ConceptPages.anchors(of: ""), [])
        XCTAssertEqual(ConceptPages.anchors(of: "# A\r\n## B\r\n"), ["a", "b"], "CRLF line ends")
    }
}
