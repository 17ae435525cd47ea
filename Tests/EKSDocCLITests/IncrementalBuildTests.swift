import EKSDocTestSupport
import Foundation
import XCTest

/// A build with nothing changed is skipped; any change to the inputs or to the output folder builds again.
final class IncrementalBuildTests: XCTestCase {
    func testNoOpRebuildIsSkippedAndAnyChangeRebuilds() throws {
        let root = try TestSupport.makeTree([
            "vars.tfvars": "cluster_name = \"a\"\nunused_value = 1\n",
            "pages/notes.md": "# Notes\n\nHello.\n",
        ])
        let work = try TestSupport.temporaryDirectory()
        let out = work.appendingPathComponent("out")
        let cache = ["EKSDOC_CACHE_DIR": work.appendingPathComponent("cache").path]
        func build(_ extra: [String] = []) throws -> TestSupport.ProcessResult {
            try TestSupport.eksdoc(["build", root.path, "--out", out.path] + extra, environment: cache)
        }
        let first = try build()
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertFalse(first.stderr.contains("up to date"))
        let page = out.appendingPathComponent("pages/notes.html")
        let built = try Data(contentsOf: page)

        let second = try build()
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stderr.contains("up to date"), second.stderr)
        // The first build's warnings are repeated when the build is skipped.
        let warnings = { (text: String) in text.split(separator: "\n").filter { $0.contains(": warning: ") } }
        XCTAssertEqual(warnings(second.stderr), warnings(first.stderr))

        // An edited input builds again.
        try Data("# Notes\n\nChanged.\n".utf8).write(to: root.appendingPathComponent("pages/notes.md"))
        let third = try build()
        XCTAssertFalse(third.stderr.contains("up to date"), third.stderr)
        XCTAssertNotEqual(try Data(contentsOf: page), built)
        XCTAssertTrue(String(decoding: try Data(contentsOf: page), as: UTF8.self).contains("Changed."))

        // A file removed from the output builds again and comes back.
        try FileManager.default.removeItem(at: page)
        let fourth = try build()
        XCTAssertFalse(fourth.stderr.contains("up to date"), fourth.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: page.path))

        // --force and --check never take the shortcut.
        XCTAssertFalse(try build(["--force"]).stderr.contains("up to date"))
        let check = try build(["--check"])
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertFalse(check.stderr.contains("up to date"))
    }

    func testAFolderOfPagesOnlyIsAPlainDocumentationSite() throws {
        let root = try TestSupport.makeTree([
            "docs/pages/b.md": "---\ntitle: Second\nweight: 2\n---\n\n## Part\n\nSee [first](a.md).\n",
            "docs/pages/a.md": "---\ntitle: First\nweight: 1\n---\n\nText.\n",
        ])
        let out = try TestSupport.temporaryDirectory().appendingPathComponent("out")
        let result = try TestSupport.eksdoc(["build", root.appendingPathComponent("docs").path, "--out", out.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let files = try XCTUnwrap(FileManager.default.subpathsOfDirectory(atPath: out.path)).filter { $0.hasSuffix(".html") }.sorted()
        XCTAssertEqual(files, ["handout.html", "index.html", "pages/a.html", "pages/b.html", "sources.html"])
        let index = try String(contentsOf: out.appendingPathComponent("md/index.md"), encoding: .utf8)
        XCTAssertTrue(index.contains("- [First](pages/a.md)\n- [Second](pages/b.md)"), index)
        XCTAssertFalse(index.contains("Environments"), index)
        let model = try String(contentsOf: out.appendingPathComponent("model.json"), encoding: .utf8)
        XCTAssertTrue(model.contains("\"environments\" : [\n\n  ]") || model.contains("\"environments\":[]") || model.contains("\"environments\" : []"), model)
    }

    func testRenderDotRendersSVGAndPNGAndRejectsBadDOT() throws {
        let dir = try TestSupport.makeTree([
            "a.dot": "digraph g { a -> b }\n",
            "bad.dot": "digraph g { a -> }\n",
        ])
        let out = dir.appendingPathComponent("out")
        let good = try TestSupport.eksdoc(["render-dot", "--out", out.path, dir.appendingPathComponent("a.dot").path])
        XCTAssertEqual(good.status, 0, good.stderr)
        let svg = try String(contentsOf: out.appendingPathComponent("a.svg"), encoding: .utf8)
        XCTAssertTrue(svg.contains("<svg") && svg.contains(">a</text>"), svg)
        let png = try Data(contentsOf: out.appendingPathComponent("a.png"))
        XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        let bad = try TestSupport.eksdoc(["render-dot", "--out", out.path, dir.appendingPathComponent("bad.dot").path])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("bad.dot: error: graphviz: invalid DOT"), bad.stderr)
    }
}
