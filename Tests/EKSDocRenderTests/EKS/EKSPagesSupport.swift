import EKSDocAnalysis
import EKSDocModel
@testable import EKSDocRender
import EKSDocTestSupport
import Foundation
import XCTest

/// Helpers for the cluster, CNI and capacity, workloads, Terraform inputs and troubleshooting page tests.
enum EKSPages {
    /// The builders under test.
    static let builders: [any EnvironmentPageBuilder.Type] = [
        ClusterPage.self, CNICapacityPage.self, WorkloadsPage.self, TerraformInputsPage.self, TroubleshootingPage.self,
    ]

    static let examples = ["leadertools-qas", "retail-store"]

    /// A page of an example environment.
    static func page(_ builder: any EnvironmentPageBuilder.Type, _ env: String) -> Page {
        builder.build(Example.context(env))
    }

    /// The full Markdown file (body and footer) of a page of an example environment.
    static func text(_ builder: any EnvironmentPageBuilder.Type, _ env: String) -> String {
        page(builder, env).text
    }

    /// Every page of both examples.
    static var allPages: [Page] { examples.flatMap { env in builders.map { page($0, env) } } }

    /// The part of a page from a heading line to the next heading of the same or a higher level.
    static func section(_ text: String, _ heading: String) -> String {
        let lines = text.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: heading) else { return "" }
        let level = heading.prefix { $0 == "#" }.count
        var out: [String] = []
        for line in lines[(start + 1)...] {
            let hashes = line.prefix { $0 == "#" }.count
            if hashes > 0 && hashes <= level && line.dropFirst(hashes).hasPrefix(" ") { break }
            out.append(line)
        }
        return out.joined(separator: "\n")
    }

    /// The lines of fenced code blocks.
    static func codeLines(_ text: String) -> [String] {
        var inside = false
        var out: [String] = []
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("```") { inside.toggle(); continue }
            if inside { out.append(line) }
        }
        return out
    }

    /// The Markdown outside fenced code blocks and inline code spans, where escaping must hold.
    static func prose(_ text: String) -> String {
        var lines: [String] = []
        var inside = false
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("```") { inside.toggle(); continue }
            if !inside { lines.append(line) }
        }
        let chars = Array(lines.joined(separator: "\n"))
        var out = ""
        var i = 0
        while i < chars.count {
            guard chars[i] == "`", i == 0 || chars[i - 1] != "\\" else { out.append(chars[i]); i += 1; continue }
            var run = 0
            while i + run < chars.count && chars[i + run] == "`" { run += 1 }
            var j = i + run
            var closed = false
            while j < chars.count {
                if chars[j] == "`" {
                    var other = 0
                    while j + other < chars.count && chars[j + other] == "`" { other += 1 }
                    if other == run { closed = true; j += other; break }
                    j += other
                } else {
                    j += 1
                }
            }
            if closed { i = j } else { out.append(contentsOf: chars[i..<(i + run)]); i += run }
        }
        return out
    }

    /// `|` that delimit cells: not escaped with a backslash.
    static func delimiters(_ line: String) -> Int {
        var count = 0
        var escaped = false
        for ch in line {
            if escaped { escaped = false; continue }
            if ch == "\\" { escaped = true } else if ch == "|" { count += 1 }
        }
        return count
    }

    /// Every table row has as many cells as its header, and each row is a single line.
    static func assertTables(_ text: String, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        var header: Int?
        var rows = 0
        for row in text.components(separatedBy: "\n") {
            guard row.hasPrefix("|") else { header = nil; continue }
            XCTAssertTrue(row.hasSuffix("|"), "\(label): row does not end with |: \(row)", file: file, line: line)
            let cells = delimiters(row)
            if let header {
                XCTAssertEqual(cells, header, "\(label): row has \(cells - 1) cells, header \(header - 1): \(row)", file: file, line: line)
            } else {
                header = cells
            }
            rows += 1
        }
        _ = rows
    }

    /// Table rows in the Markdown (header and body, not the separator) and `<tr>` elements in its HTML agree.
    static func assertHTMLTables(_ text: String, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        let html = MarkdownHTML.render(text)
        let markdownRows = text.components(separatedBy: "\n").filter { $0.hasPrefix("|") && !$0.hasPrefix("|---") && !$0.hasPrefix("|:-") && !$0.hasPrefix("|--") }
        let htmlRows = html.components(separatedBy: "<tr>").count - 1
        XCTAssertEqual(markdownRows.count, htmlRows, "\(label): table rows lost in HTML", file: file, line: line)
        if !markdownRows.isEmpty { XCTAssertTrue(html.contains("<table>"), "\(label): no <table>", file: file, line: line) }
        XCTAssertFalse(html.lowercased().contains("<script"), "\(label): raw <script> in HTML", file: file, line: line)
    }

    /// The fake secret values planted in the retail-store inputs: tfvars values of secret-looking variables,
    /// literal env values containing "not-a-real", and the data of Secret objects (base64 and decoded).
    static let plantedSecrets: [String] = {
        var found = Set<String>()
        let root = TestSupport.content
        let tfvars = (try? String(contentsOf: root.appendingPathComponent("environments/retail-store/terraform.tfvars"), encoding: .utf8)) ?? ""
        for line in tfvars.components(separatedBy: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, SecretPolicy.isSecretName(parts[0]), parts[1].hasPrefix("\"") else { continue }
            found.insert(String(parts[1].dropFirst().prefix { $0 != "\"" }))
        }
        let folder = root.appendingPathComponent("manifests/retail")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        for name in files where name.hasSuffix(".yaml") {
            let text = (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
            for document in text.components(separatedBy: "\n---") {
                let isSecret = document.contains("\nkind: Secret")
                var inData = false
                for line in document.components(separatedBy: "\n") {
                    let trimmed = line.trimmingCharacters(in: .whitespaces)
                    if trimmed.contains("not-a-real"), let colon = trimmed.firstIndex(of: ":") {
                        let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                        found.insert(value.trimmingCharacters(in: CharacterSet(charactersIn: "\"'")))
                    }
                    if isSecret && (line.hasPrefix("data:") || line.hasPrefix("stringData:")) { inData = true; continue }
                    if inData && !line.hasPrefix(" ") { inData = false }
                    if inData, let colon = trimmed.firstIndex(of: ":") {
                        let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                        found.insert(value)
                        if let data = Data(base64Encoded: value), let decoded = String(data: data, encoding: .utf8) {
                            found.insert(decoded)
                        }
                    }
                }
            }
        }
        return found.filter { $0.count >= 8 }.sorted()
    }()
}
