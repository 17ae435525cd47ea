import EKSDocRender
import XCTest

/// The system libraries work in-process: libgvc lays out and renders SVG, cmark-gfm renders GFM tables.
final class SmokeTests: XCTestCase {
    func testGraphvizRendersSVGInProcess() throws {
        let dot = #"digraph G { rankdir=LR; igw [label="igw-0e74bf1068b4cd3dd"]; subnet -> igw [label="0.0.0.0/0"]; }"#
        let svg = String(decoding: try GraphvizRenderer.shared.render(dot: dot, format: "svg"), as: UTF8.self)
        XCTAssertTrue(svg.contains("<svg"), svg)
        XCTAssertTrue(svg.contains("igw&#45;0e74bf1068b4cd3dd"), "the label is laid out as text")
        XCTAssertTrue(svg.contains("0.0.0.0/0"))
        // Same input, same bytes.
        XCTAssertEqual(try GraphvizRenderer.shared.render(dot: dot), try GraphvizRenderer.shared.render(dot: dot))
    }

    func testGraphvizReportsInvalidDOT() {
        XCTAssertThrowsError(try GraphvizRenderer.shared.render(dot: "digraph { a -> }")) { error in
            XCTAssertTrue("\(error)".hasPrefix("graphviz: invalid DOT"), "\(error)")
        }
    }

    func testGraphvizIsSafeFromManyThreads() throws {
        let outputs = UnsafeSendableArray(count: 8)
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            outputs.set(i, (try? GraphvizRenderer.shared.render(dot: "digraph { n\(i) -> m }")) ?? Data())
        }
        for i in 0..<8 { XCTAssertTrue(String(decoding: outputs.get(i), as: UTF8.self).contains("n\(i)")) }
    }

    func testCmarkRendersGFMTable() {
        let html = MarkdownHTML.render("""
        | Subnet | CIDR | Usable |
        |---|---|--:|
        | pods-a | 100.96.32.0/22 | 1,019 |

        ~~old~~ and https://aws.amazon.com
        """)
        XCTAssertTrue(html.contains("<table>"), html)
        XCTAssertTrue(html.contains("<th>Subnet</th>"))
        XCTAssertTrue(html.contains(#"<td align="right">1,019</td>"#), html)
        XCTAssertTrue(html.contains("<del>old</del>"))
        XCTAssertTrue(html.contains(#"<a href="https://aws.amazon.com">"#))
    }

    func testRawHTMLIsOffByDefault() {
        let markdown = "<div class=\"note\">hi</div>\n\n<script>alert(1)</script>\n\ntext"
        let safe = MarkdownHTML.render(markdown)
        XCTAssertFalse(safe.contains("<div class"), safe)
        XCTAssertFalse(safe.contains("<script>"), safe)
        let raw = MarkdownHTML.render(markdown, allowRawHTML: true)
        XCTAssertTrue(raw.contains("<div class=\"note\">hi</div>"), raw)
        // The GFM tag filter still disarms <script> when raw HTML is allowed.
        XCTAssertFalse(raw.contains("<script>"), raw)
        XCTAssertTrue(raw.contains("&lt;script>"), raw)
    }
}

/// A tiny lock-protected array for collecting results from concurrent test work.
final class UnsafeSendableArray: @unchecked Sendable {
    private var items: [Data]
    private let lock = NSLock()
    init(count: Int) { items = Array(repeating: Data(), count: count) }
    func set(_ i: Int, _ v: Data) { lock.lock(); items[i] = v; lock.unlock() }
    func get(_ i: Int) -> Data { lock.lock(); defer { lock.unlock() }; return items[i] }
}
