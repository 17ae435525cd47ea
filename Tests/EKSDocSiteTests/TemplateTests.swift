import EKSDocModel
import EKSDocRender
import EKSDocSite
import EKSDocTestSupport
import XCTest

/// Built-in templates embedded in the binary, overridden by a project theme.
final class TemplateTests: XCTestCase {
    func testEmbeddedTemplatesMatchTheTemplatesFolder() throws {
        let folder = TestSupport.packageRoot.appendingPathComponent("templates")
        let onDisk = SiteWriter.readTree(folder).mapValues { String(decoding: $0, as: UTF8.self) }
        let embedded = TemplateSet.builtin.files.mapValues { String(decoding: $0, as: UTF8.self) }
        XCTAssertEqual(Set(embedded.keys), Set(onDisk.keys), "run scripts/embed-templates")
        for (path, text) in onDisk { XCTAssertEqual(embedded[path], text, "\(path) is stale: run scripts/embed-templates") }
    }

    func testGeneratedFileIsWhatTheScriptWrites() throws {
        let python = URL(fileURLWithPath: "/usr/bin/python3")
        guard FileManager.default.isExecutableFile(atPath: python.path) else { throw XCTSkip("python3 not installed") }
        let script = TestSupport.packageRoot.appendingPathComponent("scripts/embed-templates")
        let result = try TestSupport.run(python, [script.path, "--stdout"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let committed = try String(contentsOf: TestSupport.packageRoot
            .appendingPathComponent("Sources/EKSDocSite/Generated/EmbeddedTemplates.swift"), encoding: .utf8)
        XCTAssertEqual(result.stdout, committed, "Generated/EmbeddedTemplates.swift is stale: run scripts/embed-templates")
    }

    func testStylesheetCoversDarkModeNarrowScreensAndPrint() throws {
        let css = String(decoding: try XCTUnwrap(TemplateSet.builtin.files["assets/eksdoc.css"]), as: UTF8.self)
        for rule in ["@media (prefers-color-scheme: dark)", ":root[data-theme=\"dark\"]", "@media (max-width: 900px)",
                     "@media print", "details.answer { display: none; }", ".diagram-frame.zoomed"] {
            XCTAssertTrue(css.contains(rule), rule)
        }
        let js = String(decoding: try XCTUnwrap(TemplateSet.builtin.files["assets/eksdoc.js"]), as: UTF8.self)
        XCTAssertTrue(js.contains("localStorage"))
        XCTAssertFalse(js.contains("innerHTML"), "index text is written with textContent only")
    }

    func testThemeOverridesATemplateAndAddsAssets() throws {
        let content = try TestSupport.makeTree([
            "mytheme/partials/pager.mustache": "<p class=\"custom-pager\">{{#next}}{{title}}{{/next}}</p>\n",
            "mytheme/assets/extra.css": "body { color: red; }\n",
        ])
        let (templates, diagnostics) = TemplateSet.load(theme: "mytheme", contentDirectory: content)
        XCTAssertFalse(diagnostics.hasErrors)
        XCTAssertEqual(templates.overridden, ["partials/pager.mustache", "assets/extra.css"])
        let overview = MiniSite.page("dev/overview.md", "Overview", "# Overview\n")
        let network = MiniSite.page("dev/network.md", "Network", "# Network\n")
        let index = MiniSite.page("index.md", "Mini", "# Mini\n")
        let (files, published) = try MiniSite.publish(site: [index], dev: [overview, network], templates: templates)
        XCTAssertFalse(published.hasErrors, "\(published.sorted)")
        XCTAssertTrue(MiniSite.text(files, "dev/index.html").contains("<p class=\"custom-pager\">Network</p>"))
        XCTAssertFalse(MiniSite.text(files, "dev/index.html").contains("class=\"pager\""))
        XCTAssertNotNil(files["assets/extra.css"])
        XCTAssertNotNil(files["assets/eksdoc.css"], "built-in assets stay")
    }

    func testThemeFromEksdocYmlIsUsedByTheBuild() throws {
        let yml = try String(contentsOf: TestSupport.content.appendingPathComponent("eksdoc.yml"), encoding: .utf8)
        let content = try MiniSite.exampleCopy(adding: [
            "eksdoc.yml": yml + "theme: site-theme\n",
            "site-theme/layout.mustache": "<!DOCTYPE html>\n<html><head><title>{{pageTitle}}</title></head><body>"
                + "<nav id=\"sidebar\"></nav><main id=\"content\">THEMED {{{content}}}</main></body></html>\n",
        ])
        let output = try SitePipeline.build(contentDirectory: content, progress: .silent)
        let site = try XCTUnwrap(output.site, "\(output.diagnostics.sorted)")
        XCTAssertTrue(String(decoding: site.files["leadertools-qas/network.html"]!, as: UTF8.self).contains("THEMED"))
    }

    func testMissingThemeAndBrokenTemplateAreErrors() throws {
        let content = try TestSupport.makeTree(["theme/page.mustache": "{{#unclosed}}\n"])
        let (_, missing) = TemplateSet.load(theme: "nope", contentDirectory: content)
        XCTAssertEqual(missing.sorted.map(\.description),
                       ["eksdoc.yml: error: theme folder 'nope' not found (relative to the content folder)"])
        let (templates, _) = TemplateSet.load(theme: "theme", contentDirectory: content)
        let (_, broken) = templates.library()
        XCTAssertTrue(broken.sorted.contains { $0.location.file == "theme/page.mustache" && $0.severity == .error },
                      "\(broken.sorted)")
    }
}
