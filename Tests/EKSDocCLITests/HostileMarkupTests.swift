import EKSDocRender
import EKSDocTestSupport
import Foundation
import XCTest

/// Script and markup payloads in tags, names, descriptions, tfvars, manifests and a hand-written page
/// (Tests/Fixtures/hostile/markup, written by its generate.py) are shown as text in every output format.
final class HostileMarkupTests: XCTestCase {
    /// Markup that may never appear as markup: each would run script or load something if it were parsed.
    static let forbidden = ["<script>window", "<img src=x", "<svg onload", "<iframe", "onclick=\"window",
                            "onmouseover=\"window", "onerror=\"window", "href=\"javascript:", "src=\"javascript:",
                            "xlink:href=\"javascript:"]

    static func violations(_ text: String) -> [String] {
        let lowered = text.lowercased()
        return forbidden.filter { lowered.contains($0.lowercased()) }
    }

    static func build() throws -> URL {
        let out = try TestSupport.temporaryDirectory().appendingPathComponent("site")
        let result = try TestSupport.eksdoc(["build", TestSupport.fixture("hostile/markup").path, "--out", out.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        return out
    }

    func testPayloadsAreTextInHTMLSVGAndMarkdown() throws {
        let out = try Self.build()
        let files = SiteFilesOnDisk.read(out)
        XCTAssertGreaterThan(files.count, 50)
        var html = 0, svg = 0, markdown = 0
        for (path, data) in files {
            let text = String(decoding: data, as: UTF8.self)
            if path.hasSuffix(".html") {
                html += 1
                XCTAssertEqual(Self.violations(text), [], path)
            } else if path.hasSuffix(".svg") {
                svg += 1
                XCTAssertEqual(Self.violations(text), [], path)
                XCTAssertFalse(text.lowercased().contains("<script"), path)
            } else if path.hasSuffix(".md") {
                markdown += 1
                // Rendered by a permissive CommonMark renderer (raw HTML on), the Markdown still holds no markup.
                XCTAssertEqual(Self.violations(MarkdownHTML.render(text, allowRawHTML: true)), [], path)
            }
        }
        XCTAssertGreaterThan(html, 20); XCTAssertGreaterThan(svg, 3); XCTAssertGreaterThan(markdown, 20)
        // Shown, not dropped: the payloads are on the pages as text.
        let all = files.filter { $0.key.hasSuffix(".html") }.map { String(decoding: $0.value, as: UTF8.self) }.joined()
        for escaped in ["&lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;",
                        "&quot;&gt;&lt;svg onload=window.__pwned=3&gt;", "javascript:window.__pwned=4"] {
            XCTAssertTrue(all.contains(escaped), "\(escaped) is shown as text somewhere")
        }
        let notes = String(decoding: files["pages/notes.html"] ?? Data(), as: UTF8.self)
        XCTAssertTrue(notes.contains("<p>&lt;div onclick=&quot;window.__pwned=7&quot;&gt;"), notes)
        XCTAssertTrue(notes.contains("<a href=\"\">click me</a>"), "javascript: link target dropped")
    }

    /// Headless Chromium opens every page and checks that nothing ran; a control page with live payloads must be
    /// caught, so the check itself is shown to work.
    func testNoPayloadRunsInChromium() throws {
        let out = try Self.build()
        try Data("<html><body><img src=x onerror=\"window.__pwned=2\"><a href=\"javascript:alert(1)\">x</a></body></html>".utf8)
            .write(to: out.appendingPathComponent("control.html"))
        let script = TestSupport.packageRoot.appendingPathComponent("Tests/Browser/browser_check.py")
        let result = try TestSupport.shell(["python3", script.path, "--no-script", out.path], timeout: 240)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let failures = lines.filter { $0.hasPrefix("FAIL ") }
        XCTAssertEqual(failures.count, 1, result.stdout + result.stderr)
        XCTAssertTrue(failures.first?.hasPrefix("FAIL no script in control.html: window.__pwned = 2") ?? false, result.stdout)
        XCTAssertGreaterThan(lines.filter { $0.hasPrefix("PASS no script in ") }.count, 30, result.stdout)
        XCTAssertTrue(lines.contains("PASS no script in pages/notes.html"), result.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("PASS no script in handout.html") }, result.stdout)
    }
}

/// Every regular file under a folder, relative path -> bytes.
enum SiteFilesOnDisk {
    static func read(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [:] }
        for case let relative as String in enumerator {
            var isDirectory: ObjCBool = false
            let full = base + "/" + relative
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files[relative] = FileManager.default.contents(atPath: full)
        }
        return files
    }
}
