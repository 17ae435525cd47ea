@testable import EKSDocRender
import EKSDocAnalysis
import EKSDocModel
import XCTest

/// Helpers for the overview, network, routing, security-group, findings and drift page tests.
enum NetworkPages {
    static var builders: [any EnvironmentPageBuilder.Type] {
        [OverviewPage.self, NetworkPage.self, RoutingPage.self, SecurityGroupsPage.self, FindingsPage.self, DriftPage.self]
    }

    /// The full text (body and sources footer) of one page of an example environment.
    static func text(_ builder: any EnvironmentPageBuilder.Type, _ env: String) -> String {
        builder.build(Example.context(env)).text
    }

    /// The lines of a page from the heading `start` (exclusive) up to the next heading of the same or higher level.
    static func section(_ text: String, heading start: String) -> String {
        let lines = text.components(separatedBy: "\n")
        guard let i = lines.firstIndex(of: start) else { return "" }
        let level = start.prefix { $0 == "#" }.count
        var out: [String] = []
        for line in lines[(i + 1)...] {
            let hashes = line.prefix { $0 == "#" }.count
            if hashes > 0, hashes <= level, line.dropFirst(hashes).hasPrefix(" ") { break }
            out.append(line)
        }
        return out.joined(separator: "\n")
    }

    /// The first table row (a line starting with `|`) containing every needle.
    static func row(_ text: String, containing needles: String...) -> String? {
        text.components(separatedBy: "\n").first { line in line.hasPrefix("|") && needles.allSatisfy(line.contains) }
    }

    /// Pipes that separate table cells. As in cmark-gfm's table scanner, a pipe right after a backslash is part
    /// of the cell (even after `\\`, and inside code spans); every other pipe separates cells.
    static func unescapedPipes(_ line: String) -> Int {
        var count = 0, previous: Character = " "
        for ch in line {
            if ch == "|" && previous != "\\" { count += 1 }
            previous = ch
        }
        return count
    }

    /// Checks that every row of every table has as many cell separators as its header.
    static func assertTablesWellFormed(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        var expected: Int?
        var tables = 0
        for row in text.components(separatedBy: "\n") {
            guard row.hasPrefix("|") else { expected = nil; continue }
            let pipes = unescapedPipes(row)
            if let expected {
                XCTAssertEqual(pipes, expected, "\(name): row has the wrong number of cells: \(row)", file: file, line: line)
            } else {
                expected = pipes
                tables += 1
            }
        }
        XCTAssertGreaterThan(tables, 0, "\(name) has no table", file: file, line: line)
    }
}
