@testable import EKSDocQA
import EKSDocRender
import XCTest

final class ConceptPagesTests: XCTestCase {
    static let library = ConceptLibrary.load(ConceptLibrary.builtinDirectory!)

    func testBuiltinConceptsLoadCleanly() {
        let (concepts, glossary, diagnostics) = Self.library
        XCTAssertEqual(diagnostics.items.map(\.description), [])
        XCTAssertGreaterThanOrEqual(concepts.count, 34, "33 concepts and the index")
        XCTAssertGreaterThanOrEqual(glossary.count, 80)
        let slugs = Set(concepts.map(\.slug))
        for concept in concepts {
            for related in concept.related { XCTAssertTrue(slugs.contains(related), "\(concept.slug) -> \(related)") }
        }
        for term in glossary { XCTAssertTrue(slugs.contains(term.concept), "\(term.term) -> \(term.concept)") }
        let glossaryTerms = Set(glossary.map { $0.term.lowercased() })
        for concept in concepts { for term in concept.terms { XCTAssertTrue(glossaryTerms.contains(term.lowercased()), term) } }
    }

    func testPagesDiagramsAndLinks() throws {
        let (concepts, glossary, _) = Self.library
        let (pages, diagrams) = ConceptPages.build(concepts, glossary: glossary)
        XCTAssertEqual(pages.count, concepts.count + 1, "every concept and the glossary")
        XCTAssertGreaterThanOrEqual(diagrams.count, 8)
        for diagram in diagrams {
            guard case .dot(let dot) = diagram.content else { return XCTFail("concept diagrams are DOT") }
            XCTAssertNoThrow(try GraphvizRenderer.shared.render(dot: dot), diagram.ref.fileName)
        }
        let prefix = try XCTUnwrap(pages.first { $0.path == "concepts/prefix-delegation.md" })
        XCTAssertFalse(prefix.markdown.contains("```dot"), "DOT fences are replaced by images")
        XCTAssertTrue(prefix.markdown.contains("](../../diagrams/concept-prefix-delegation-1.svg)"))
        // Every relative link between concept pages points at a page that exists.
        let paths = Set(pages.map(\.path))
        for page in pages where page.path.hasPrefix("concepts/") {
            for match in page.markdown.matches(of: /\]\(([a-z0-9-]+\.md)(#[^)]*)?\)/) {
                XCTAssertTrue(paths.contains("concepts/" + match.1), "\(page.path) -> \(match.1)")
            }
        }
        let glossaryPage = try XCTUnwrap(pages.first { $0.path == "glossary.md" })
        XCTAssertTrue(glossaryPage.markdown.contains("[Prefix delegation](concepts/prefix-delegation.md)"), glossaryPage.markdown.prefix(600).description)
    }

    func testLinkerAddsConceptsUsedOnEnvironmentPages() {
        let (concepts, glossary, _) = Self.library
        let linker = ConceptLinker(glossary: glossary, concepts: concepts)
        let page = Page(path: "qas/cni-capacity.md", title: "CNI", markdown: "# CNI\n\nPrefix delegation is on. `prefix delegation in code` is ignored.\n",
                        sources: [], anchors: ["cni"])
        let annotated = linker.annotate(page)
        XCTAssertTrue(annotated.markdown.contains("## Concepts on this page"))
        XCTAssertTrue(annotated.markdown.contains("(../concepts/prefix-delegation.md)"))
        XCTAssertEqual(annotated.anchors.last, "concepts-on-this-page")
        let conceptPage = Page(path: "concepts/vpc.md", title: "VPC", markdown: "# VPC\n\nPrefix delegation\n", sources: [], anchors: [])
        XCTAssertEqual(linker.annotate(conceptPage), conceptPage, "only environment pages are annotated")
        XCTAssertEqual(linker.concepts(in: "`prefix delegation`"), [])
        XCTAssertTrue(ConceptLinker.containsWord("use nat gateway here", "nat gateway"))
        XCTAssertFalse(ConceptLinker.containsWord("natgateways", "nat gateway"))
    }
}
