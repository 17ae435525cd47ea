@testable import EKSDocRender
import EKSDocTestSupport
import Foundation
import XCTest

/// What holds for every page of this group on both example environments: paths, sources footer, no seed errors,
/// well-formed tables, determinism and safe HTML.
final class NetworkPagesCommonTests: XCTestCase {
    let environments = ["leadertools-qas", "retail-store"]

    func testRegisteredInNavigationOrder() {
        let slugs = EnvironmentPages.builders.map { $0.slug }
        for builder in NetworkPages.builders { XCTAssertTrue(slugs.contains(builder.slug), builder.slug) }
        XCTAssertEqual(NetworkPages.builders.map { $0.order }, [10, 20, 30, 40, 90, 100])
    }

    func testPathsFooterAndSources() {
        for env in environments {
            let context = Example.context(env)
            for builder in NetworkPages.builders {
                let page = builder.build(context)
                XCTAssertEqual(page.path, "\(env)/\(builder.slug).md")
                XCTAssertFalse(page.sources.isEmpty, "\(page.path) names no source")
                for source in page.sources {
                    XCTAssertTrue(context.env.sources.contains(source), "\(page.path): \(source) is not an input of \(env)")
                    XCTAssertTrue(FileManager.default.fileExists(atPath: TestSupport.content.appendingPathComponent(source).path), source)
                }
                let footer = page.text.components(separatedBy: "\n").last { !$0.isEmpty } ?? ""
                XCTAssertTrue(footer.hasPrefix("**Generated from:** `"), "\(page.path) footer: \(footer)")
                for source in page.sources { XCTAssertTrue(footer.contains("`\(source)`"), "\(page.path) footer lacks \(source)") }
                XCTAssertEqual(Set(page.anchors).count, page.anchors.count, "\(page.path) has duplicate anchors")
            }
        }
    }

    func testNoSeedErrors() {
        for env in environments {
            for builder in NetworkPages.builders {
                let text = NetworkPages.text(builder, env)
                for wrong in Example.seedErrors {
                    XCTAssertFalse(text.contains(wrong), "\(env)/\(builder.slug) prints the seed's wrong figure \(wrong)")
                }
            }
        }
    }

    func testTablesAreWellFormed() {
        for env in environments {
            for builder in NetworkPages.builders {
                NetworkPages.assertTablesWellFormed(NetworkPages.text(builder, env), "\(env)/\(builder.slug)")
            }
        }
    }

    func testDeterministic() {
        for env in environments {
            for builder in NetworkPages.builders {
                let context = Example.context(env)
                XCTAssertEqual(builder.build(context), builder.build(context), "\(env)/\(builder.slug)")
            }
        }
    }

    func testRendersToSafeHTML() {
        for env in environments {
            for builder in NetworkPages.builders {
                let text = NetworkPages.text(builder, env)
                let html = MarkdownHTML.render(text)
                XCTAssertTrue(html.contains("<table>"), "\(env)/\(builder.slug): no table in HTML")
                XCTAssertFalse(html.contains("<script"), "\(env)/\(builder.slug)")
                XCTAssertFalse(html.contains("raw HTML omitted"), "\(env)/\(builder.slug) emits raw HTML")
                let rows = text.components(separatedBy: "\n").filter { line in
                    line.hasPrefix("|") && !line.allSatisfy { "|-: ".contains($0) }
                }
                XCTAssertEqual(html.components(separatedBy: "<tr>").count - 1, rows.count,
                               "\(env)/\(builder.slug): every Markdown row becomes an HTML row")
            }
        }
    }
}
