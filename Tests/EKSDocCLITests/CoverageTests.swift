import EKSDocTestSupport
import Foundation
import XCTest

/// `docs/coverage.md` maps every `##` and `###` section of seeds 000, 001 and 004 to the generated pages that cover
/// it; `docs/coverage-qa.md` maps the seeds' talking points and interview questions to question ids. These tests
/// build the site from the shipped content and check both documents against it.
final class CoverageTests: XCTestCase {
    /// Seed number, file name under `shared/seeds/`.
    static let seeds = [("000", "000_36ae9472c571dee9.md"), ("001", "001_c5ff158376b6d0dd.md"),
                        ("004", "004_5ff8bd134eae70a0.md")]

    static var docs: URL { TestSupport.packageRoot.appendingPathComponent("docs") }

    // MARK: - The built site, once per run

    private static let lock = NSLock()
    nonisolated(unsafe) private static var builtSite: URL?

    /// The `md/` folder of a site built with `eksdoc build content --out <tmp>`.
    static func siteMarkdown() throws -> URL {
        lock.lock()
        defer { lock.unlock() }
        if let site = builtSite { return site }
        let out = try TestSupport.temporaryDirectory("eksdoc-coverage").appendingPathComponent("site")
        let result = try TestSupport.eksdoc(["build", "content", "--out", out.path],
                                            currentDirectory: TestSupport.packageRoot, timeout: 900)
        guard result.status == 0 else {
            throw NSError(domain: "CoverageTests", code: Int(result.status),
                          userInfo: [NSLocalizedDescriptionKey: "eksdoc build failed (\(result.status)): \(result.stderr)"])
        }
        let md = out.appendingPathComponent("md")
        builtSite = md
        return md
    }

    // MARK: - (a) every seed section has a row

    func testEverySeedSectionHasARowInCoverage() throws {
        let rows = try Self.coverageRows()
        var remaining = Dictionary(grouping: rows, by: \.key).mapValues(\.count)
        var missing: [String] = []
        for (seed, file) in Self.seeds {
            let text = try String(contentsOf: TestSupport.shared.appendingPathComponent("seeds/\(file)"), encoding: .utf8)
            let sections = CoverageMarkdown.headings(text).filter { $0.level == 2 || $0.level == 3 }
            XCTAssertFalse(sections.isEmpty, "no sections found in seed \(file)")
            for section in sections {
                let key = RowKey(seed: seed, level: section.level, text: Self.normalised(section.text))
                if let count = remaining[key], count > 0 {
                    remaining[key] = count - 1
                } else {
                    missing.append("\(seed) \(String(repeating: "#", count: section.level)) \(section.text)")
                }
            }
        }
        XCTAssertEqual(missing, [], "seed sections without a row in docs/coverage.md")
        let extra = remaining.filter { $0.value > 0 }.keys.map { "\($0.seed) level \($0.level) \($0.text)" }.sorted()
        XCTAssertEqual(extra, [], "rows in docs/coverage.md that match no seed section")
        for row in rows where !row.links.contains(where: { $0.hasPrefix("../site/md/") }) {
            XCTFail("row \(row.key.seed) '\(row.section)' links to no generated page")
        }
    }

    // MARK: - (b) every link resolves to a page and a heading anchor

    func testEveryLinkInTheCoverageDocumentsResolves() throws {
        let site = try Self.siteMarkdown()
        var checked = 0
        for name in ["coverage.md", "coverage-qa.md"] {
            let text = try String(contentsOf: Self.docs.appendingPathComponent(name), encoding: .utf8)
            for href in CoverageMarkdown.links(text) where !href.contains("://") && !href.hasPrefix("mailto:") {
                let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let path = parts[0]
                let anchor = parts.count > 1 ? parts[1] : ""
                let file: URL
                if path.hasPrefix("../site/md/") {
                    file = site.appendingPathComponent(String(path.dropFirst("../site/md/".count)))
                } else if path.isEmpty {
                    file = Self.docs.appendingPathComponent(name)
                } else {
                    file = Self.docs.appendingPathComponent(path).standardizedFileURL
                }
                checked += 1
                guard let target = try? String(contentsOf: file, encoding: .utf8) else {
                    XCTFail("\(name): link \(href): \(file.path) does not exist in the built site")
                    continue
                }
                if !anchor.isEmpty && file.pathExtension == "md" {
                    let anchors = CoverageMarkdown.anchors(target)
                    XCTAssertTrue(anchors.contains(anchor),
                                  "\(name): link \(href): no heading with anchor '\(anchor)' in \(file.lastPathComponent)")
                }
            }
        }
        XCTAssertGreaterThan(checked, 100, "docs/coverage.md should link every section to the site")
    }

    // MARK: - (c) every question id of coverage-qa.md exists and renders for its environment

    func testCoverageQAQuestionsExistAndRenderForTheirEnvironment() throws {
        let site = try Self.siteMarkdown()
        let bank = try Self.questionBank()
        XCTAssertGreaterThan(bank.count, 60)
        let text = try String(contentsOf: Self.docs.appendingPathComponent("coverage-qa.md"), encoding: .utf8)

        var environment: String?
        var idColumn: Int?
        var rendered: [String: Set<String>] = [:]
        var rows = 0
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("## ") {
                // "## Seed 000 — "..." (leadertools-qas)": the environment is the last parenthesised word.
                environment = line.range(of: #"\(([A-Za-z0-9._-]+)\)\s*$"#, options: .regularExpression)
                    .map { String(line[$0]).trimmingCharacters(in: CharacterSet(charactersIn: "() ")) }
                XCTAssertNotNil(environment, "coverage-qa.md: section without an environment: \(line)")
                idColumn = nil
                continue
            }
            guard line.hasPrefix("|") else { continue }
            let cells = CoverageMarkdown.cells(line)
            if let index = cells.firstIndex(where: { $0.lowercased() == "question ids" }) {
                idColumn = index
                continue
            }
            guard let env = environment, let column = idColumn, cells.count > column,
                  cells[0].range(of: #"^\d{3}-"#, options: .regularExpression) != nil else { continue }
            rows += 1
            let ids = Self.codeSpans(cells[column])
            XCTAssertFalse(ids.isEmpty, "coverage-qa.md: row \(cells[0]) names no question")
            if rendered[env] == nil {
                let qa = site.appendingPathComponent("\(env)/qa.md")
                guard let page = try? String(contentsOf: qa, encoding: .utf8) else {
                    XCTFail("coverage-qa.md: no Q&A page for environment \(env) (\(qa.path))")
                    rendered[env] = []
                    continue
                }
                rendered[env] = Set(CoverageMarkdown.headings(page).map { CoverageMarkdown.plain($0.text) })
            }
            for id in ids {
                guard let question = bank[id] else {
                    XCTFail("coverage-qa.md: row \(cells[0]): unknown question id '\(id)'")
                    continue
                }
                XCTAssertTrue(rendered[env]!.contains("Q: " + question),
                              "coverage-qa.md: row \(cells[0]): '\(id)' does not render on \(env)/qa.md")
            }
        }
        XCTAssertGreaterThan(rows, 50, "coverage-qa.md rows were not recognised")
    }

    // MARK: - Reading the documents

    struct RowKey: Hashable {
        var seed: String
        var level: Int
        var text: String
    }

    struct Row {
        var key: RowKey
        var section: String
        var links: [String]
    }

    /// Table rows of docs/coverage.md: `| seed | level | section | covered by | note |`.
    static func coverageRows() throws -> [Row] {
        let text = try String(contentsOf: docs.appendingPathComponent("coverage.md"), encoding: .utf8)
        let numbers = Set(seeds.map(\.0))
        return text.components(separatedBy: "\n").compactMap { line -> Row? in
            guard line.hasPrefix("|") else { return nil }
            let cells = CoverageMarkdown.cells(line)
            guard cells.count >= 4, numbers.contains(cells[0]) else { return nil }
            let level = cells[1].filter { $0 == "#" }.count
            return Row(key: RowKey(seed: cells[0], level: level, text: normalised(cells[2])), section: cells[2],
                       links: CoverageMarkdown.links(cells[3]))
        }
    }

    /// Letters and digits only, lower case: emoji, bold markers, punctuation and spacing do not count.
    static func normalised(_ text: String) -> String {
        String(String.UnicodeScalarView(text.lowercased().unicodeScalars.filter {
            ("a"..."z").contains($0) || ("0"..."9").contains($0)
        }))
    }

    static func codeSpans(_ text: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "`([^`]+)`")
        let range = NSRange(text.startIndex..., in: text)
        return pattern.matches(in: text, range: range).compactMap { Range($0.range(at: 1), in: text).map { String(text[$0]) } }
    }

    /// Question id -> question text, from the built-in bank and the project's `content/questions` (which override
    /// built-in questions by id), read with PyYAML.
    static func questionBank() throws -> [String: String] {
        let script = """
        import glob, json, sys, yaml
        bank = {}
        for folder in sys.argv[1:]:
            for path in sorted(glob.glob(folder + '/*.yml')):
                for q in yaml.safe_load(open(path, encoding='utf-8')) or []:
                    if isinstance(q, dict) and 'id' in q and 'question' in q:
                        bank[str(q['id'])] = ' '.join(str(q['question']).split())
        print(json.dumps(bank))
        """
        let folders = [TestSupport.packageRoot.appendingPathComponent("Sources/EKSDocQA/Resources/questions").path,
                       TestSupport.content.appendingPathComponent("questions").path]
        let result = try TestSupport.shell(["python3", "-c", script] + folders)
        guard result.status == 0,
              let bank = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: String] else {
            throw NSError(domain: "CoverageTests", code: Int(result.status), userInfo: [
                NSLocalizedDescriptionKey: "reading the question bank needs python3 with PyYAML (make deps): \(result.stderr)"])
        }
        return bank
    }
}

/// The bits of Markdown these tests need: headings outside code fences, GitHub-style anchors, links, table cells.
private enum CoverageMarkdown {
    struct Heading {
        var level: Int
        var text: String
    }

    static func headings(_ text: String) -> [Heading] {
        var result: [Heading] = []
        var fence: String?
        for line in text.components(separatedBy: "\n") {
            let trimmed = line.drop { $0 == " " }
            if let marker = fence {
                if trimmed.hasPrefix(marker) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = String(trimmed.prefix(3))
                continue
            }
            let hashes = line.prefix { $0 == "#" }.count
            guard (1...6).contains(hashes) else { continue }
            let rest = line.dropFirst(hashes)
            guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { continue }
            var heading = rest.trimmingCharacters(in: .whitespaces)
            // An optional closing sequence of #s.
            if let range = heading.range(of: #"\s+#+$"#, options: .regularExpression) { heading.removeSubrange(range) }
            result.append(Heading(level: hashes, text: heading))
        }
        return result
    }

    /// GitHub's slug: lower case, letters, digits, `-` and `_` kept, spaces to `-`, everything else dropped
    /// (as `Anchors` in EKSDocRender does).
    static func slug(_ heading: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in heading.lowercased().unicodeScalars {
            if scalar == " " { out.append("-") }
            else if scalar == "-" || scalar == "_" { out.append(scalar) }
            else if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) { out.append(scalar) }
        }
        return out.isEmpty ? "section" : String(out)
    }

    /// Every heading's anchor, repeats numbered `-1`, `-2` ... in page order.
    static func anchors(_ text: String) -> [String] {
        var used: [String: Int] = [:]
        return headings(text).map { heading in
            let base = slug(heading.text)
            let count = used[base, default: 0]
            used[base] = count + 1
            return count == 0 ? base : "\(base)-\(count)"
        }
    }

    /// Link targets of inline links `[text](target)`.
    static func links(_ text: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"\]\(([^)\s]+)\)"#)
        let range = NSRange(text.startIndex..., in: text)
        return pattern.matches(in: text, range: range).compactMap { Range($0.range(at: 1), in: text).map { String(text[$0]) } }
    }

    /// The cells of a table row; `\|` is a literal bar.
    static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                if character != "|" { current.append("\\") }
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        cells.append(current)
        if cells.first?.trimmingCharacters(in: .whitespaces).isEmpty == true { cells.removeFirst() }
        if cells.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { cells.removeLast() }
        return cells.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// Heading text as a reader sees it: backslash escapes and the entities Markdown escaping produces undone.
    static func plain(_ text: String) -> String {
        var out = ""
        var escaped = false
        for character in text {
            if escaped { out.append(character); escaped = false }
            else if character == "\\" { escaped = true }
            else { out.append(character) }
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: character)
        }
        return out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
