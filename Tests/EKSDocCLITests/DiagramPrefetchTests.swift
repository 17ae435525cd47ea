import EKSDocRender
import EKSDocTestSupport
import Foundation
import XCTest

/// Diagrams missing from the cache are rendered by helper processes (`eksdoc render-dot --cache`) on the other
/// cores before a build asks for them; the helpers' renderings are the ones this process would have made, and a
/// helper that fails costs nothing but time.
final class DiagramPrefetchTests: XCTestCase {
    static let dots = (0..<6).map { n in
        "digraph g\(n) {\n  rankdir=LR;\n" + (0...n).map { "  a\(n)_\($0) -> b\(n)_\($0) [label=\"edge \($0)\"];" }.joined(separator: "\n") + "\n}\n"
    }

    func testHelpersFillTheCacheWithWhatThisProcessWouldRender() throws {
        let cache = try TestSupport.temporaryDirectory()
        let renderer = DiagramRenderer(cacheDirectory: cache)
        renderer.prefetch(Self.dots, helper: TestSupport.eksdocBinary, cores: 3)
        let cached = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { !$0.hasPrefix(".") }
        XCTAssertEqual(cached.filter { $0.hasSuffix(".svg") }.count, Self.dots.count)
        XCTAssertEqual(cached.filter { $0.hasSuffix(".png") }.count, Self.dots.count)
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: cache.path).contains { $0.hasPrefix(".prefetch-") },
                       "the DOT files handed to helpers are removed")
        // Cached renderings equal fresh in-process ones.
        let fresh = DiagramRenderer(cacheDirectory: nil)
        for (index, dot) in Self.dots.enumerated() {
            let diagram = Diagram(ref: DiagramRef(environment: "t", name: "d\(index)"), content: .dot(dot))
            let fromCache = try renderer.files(for: diagram), rendered = try fresh.files(for: diagram)
            XCTAssertEqual(fromCache.map(\.path), rendered.map(\.path))
            XCTAssertEqual(fromCache.map(\.data), rendered.map(\.data), "diagram \(index)")
        }
    }

    func testAFailingHelperCostsNothingButTime() throws {
        let cache = try TestSupport.temporaryDirectory()
        let renderer = DiagramRenderer(cacheDirectory: cache)
        renderer.prefetch(Self.dots, helper: URL(fileURLWithPath: "/bin/false"), cores: 2)
        // This process rendered its own share only; everything else is rendered on demand, the same as ever.
        let svgs = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(".svg") }
        XCTAssertGreaterThan(svgs.count, 0)
        XCTAssertLessThan(svgs.count, Self.dots.count)
        let fresh = DiagramRenderer(cacheDirectory: nil)
        for (index, dot) in Self.dots.enumerated() {
            let diagram = Diagram(ref: DiagramRef(environment: "t", name: "d\(index)"), content: .dot(dot))
            XCTAssertEqual(try renderer.files(for: diagram).map(\.data), try fresh.files(for: diagram).map(\.data))
        }
    }

    func testNothingHappensWithoutACacheOrASecondCore() throws {
        let cache = try TestSupport.temporaryDirectory()
        DiagramRenderer(cacheDirectory: cache).prefetch(Self.dots, helper: TestSupport.eksdocBinary, cores: 1)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cache.path), [])
        XCTAssertNil(DiagramRenderer.helperExecutable, "a test runner is not eksdoc: builds inside it render alone")
    }
}
