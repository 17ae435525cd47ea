import EKSDocIngest
import EKSDocModel
import EKSDocQA
import EKSDocTestSupport
import XCTest

/// Inputs the fuzzers (Fuzz/, `make fuzz`) found crashing, kept in Tests/Fixtures/fuzz-regressions/<target>/.
final class FuzzRegressionTests: XCTestCase {
    /// FuzzFrontMatter: `---\n---\ntitle: ...` made the front matter's range run backwards (a trap).
    func testEmptyFrontMatterIsAnErrorNotACrash() throws {
        let url = TestSupport.fixture("fuzz-regressions/FuzzFrontMatter/empty-front-matter.md")
        let file = try SourceFile.read(url, displayPath: "pages/x.md").get()
        XCTAssertTrue(file.text.hasPrefix("---\n---\n"))
        var diagnostics = Diagnostics()
        let concept = ConceptLibrary.parseConcept(file, slug: "x", diagnostics: &diagnostics)
        XCTAssertEqual(concept?.title, "x", "no title in empty front matter: the slug stands in")
        XCTAssertEqual(diagnostics.items.map(\.description), ["pages/x.md:1:1: error: front matter has no 'title'"])
    }

    /// Every kept input still goes through its reader without a crash and with located diagnostics only.
    func testEveryKeptInputIsHandled() throws {
        let root = TestSupport.fixture("fuzz-regressions")
        let targets = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        XCTAssertFalse(targets.isEmpty)
        for target in targets {
            let folder = root.appendingPathComponent(target)
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
                let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
                guard case .success(let file) = SourceFile.decode(bytes, displayPath: name) else { continue }
                var diagnostics = Diagnostics()
                if target == "FuzzFrontMatter" {
                    _ = ConceptLibrary.parseConcept(file, slug: "x", diagnostics: &diagnostics)
                } else {
                    diagnostics.append(contentsOf: FileIngest.ingest(file).diagnostics)
                }
                for item in diagnostics.items { XCTAssertEqual(item.location.file, name, "\(target)/\(name): \(item)") }
            }
        }
    }
}
