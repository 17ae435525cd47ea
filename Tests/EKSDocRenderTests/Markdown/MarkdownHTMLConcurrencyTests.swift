import EKSDocRender
import Foundation
import XCTest

/// cmark-gfm keeps extension trigger characters in a process-wide table that parsers add to and remove from; pages
/// rendered on several threads at once must still all get their autolinks (they did not before the lock).
final class MarkdownHTMLConcurrencyTests: XCTestCase {
    func testParallelRendersAreIdentical() {
        let markdown = "Tokens are signed by the issuer https://oidc.example.com/id/ABC and www.example.org.\n\n"
            + String(repeating: "| a | b |\n|---|---|\n| ~~x~~ | y |\n\n", count: 20)
        let expected = MarkdownHTML.render(markdown)
        XCTAssertTrue(expected.contains("<a href=\"https://oidc.example.com/id/ABC\">"), expected)
        let differing = Counter()
        DispatchQueue.concurrentPerform(iterations: 400) { _ in
            if MarkdownHTML.render(markdown) != expected { differing.increment() }
        }
        XCTAssertEqual(differing.value, 0, "renders that differ from the serial one")
    }
}

/// A count several threads add to.
final class Counter: @unchecked Sendable {
    private var count = 0
    private let lock = NSLock()

    func increment() { lock.withLock { count += 1 } }

    var value: Int { lock.withLock { count } }
}
