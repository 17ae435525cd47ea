import EKSDocTestSupport
import Foundation
import XCTest

/// The built site in headless Chromium (Tests/Browser/browser_check.py over the DevTools protocol): pages load without
/// console errors, search finds the CNI page, the dark-mode toggle is remembered, a sidebar link navigates, and a
/// 1280x800 screenshot of each environment's network page is kept in .build/test-artifacts/browser.
/// Needs the Debian package chromium and the PyPI package websocket-client (`make deps`); fails without them.
final class BrowserTests: XCTestCase {
    func testSiteWorksInHeadlessChromium() throws {
        let site = try TestSupport.temporaryDirectory("eksdoc-browser-site")
        defer { try? FileManager.default.removeItem(at: site) }
        let build = try TestSupport.eksdoc(["build", TestSupport.content.path, "--out", site.path])
        XCTAssertEqual(build.status, 0, build.stderr)
        guard build.status == 0 else { return }

        let artifacts = TestSupport.packageRoot.appendingPathComponent(".build/test-artifacts/browser")
        let names = ["leadertools-qas-network.png", "retail-store-network.png"]
        for name in names { try? FileManager.default.removeItem(at: artifacts.appendingPathComponent(name)) }

        let script = TestSupport.packageRoot.appendingPathComponent("Tests/Browser/browser_check.py")
        let result = try TestSupport.shell(["python3", script.path, site.path, artifacts.path],
                                           currentDirectory: TestSupport.packageRoot, timeout: 120)
        let output = result.stdout + result.stderr
        XCTAssertEqual(result.status, 0,
                       "browser checks failed (if chromium or the Python module websocket is missing, run make deps):\n\(output)")

        let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        for name in names {
            let url = artifacts.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                XCTFail("no screenshot \(url.path)\n\(output)")
                continue
            }
            XCTAssertGreaterThan(data.count, 1000, "\(name) is empty")
            XCTAssertEqual(Array(data.prefix(8)), pngSignature, "\(name) is not a PNG")
            // IHDR width and height, big-endian, at bytes 16..<24.
            if data.count >= 24 {
                let bytes = Array(data[16..<24])
                let width = bytes[0..<4].reduce(0) { $0 << 8 | Int($1) }
                let height = bytes[4..<8].reduce(0) { $0 << 8 | Int($1) }
                XCTAssertEqual([width, height], [1280, 800], "\(name) size")
            }
        }
    }
}
