import EKSDocAnalysis
import EKSDocModel

/// One generated page: Markdown text and where it came from.
public struct Page: Equatable, Sendable {
    /// Path under `md/`, such as `leadertools-qas/network.md`.
    public var path: String
    public var title: String
    /// The page body without its sources footer.
    public var markdown: String
    /// Content files that contributed, relative to the content folder, sorted.
    public var sources: [String]
    /// Every heading anchor on the page, in order.
    public var anchors: [String]
    /// Where each source file links to: an absolute URL, or a path under `md/` with a fragment
    /// (`sources.md#...`). Set when the site is assembled; files without an entry are listed unlinked.
    public var sourceLinks: [String: String] = [:]

    public init(path: String, title: String, markdown: String, sources: [String], anchors: [String]) {
        self.path = path; self.title = title; self.markdown = markdown; self.sources = sources; self.anchors = anchors
    }

    /// The full Markdown file: body, then the source files that contributed to it.
    public var text: String {
        var out = markdown
        if !out.hasSuffix("\n") { out += "\n" }
        out += "\n---\n\n**Generated from:** "
        out += sources.isEmpty ? "no input files." : sources.map(sourceItem).joined(separator: ", ") + "."
        return out + "\n"
    }

    /// One "Generated from" entry: the file name in code, linked when the site knows where it can be read.
    private func sourceItem(_ file: String) -> String {
        guard let target = sourceLinks[file] else { return MD.code(file) }
        let href = SourceLinks.isAbsolute(target) ? target : SourceLinks.relative(from: path, to: target)
        return "[\(MD.code(file))](\(MD.destination(href)))"
    }
}

/// Builds a page's Markdown: headings get stable, unique anchors; the sources used are collected.
public struct PageDocument {
    public private(set) var lines: [String] = []
    public private(set) var anchors: [String] = []
    private var anchorState = Anchors()
    private var sourceSet = Set<String>()

    public init(title: String) {
        heading(1, title)
    }

    /// A heading (its text escaped); returns the anchor.
    @discardableResult
    public mutating func heading(_ level: Int, _ raw: String) -> String {
        let text = raw.split(whereSeparator: \.isNewline).joined(separator: " ")
        let anchor = anchorState.anchor(for: text)
        anchors.append(anchor)
        if let last = lines.last, !last.isEmpty { lines.append("") }
        lines.append(String(repeating: "#", count: level) + " " + MD.text(text))
        lines.append("")
        return anchor
    }

    /// A paragraph of already-escaped Markdown.
    public mutating func paragraph(_ markdown: String) {
        lines.append(markdown)
        lines.append("")
    }

    /// A bulleted list of already-escaped items.
    public mutating func bullets(_ items: [String]) {
        guard !items.isEmpty else { return }
        lines.append(contentsOf: items.map { "- " + $0 })
        lines.append("")
    }

    /// A table (cells already escaped).
    public mutating func table(_ headers: [String], _ rows: [[String]], align: [MD.Align] = []) {
        lines.append(MD.table(headers, rows, align: align))
    }

    /// A fenced code block; the fence is longer than any backtick run inside.
    public mutating func codeBlock(_ code: String, language: String = "") {
        var longest = 2, run = 0
        for ch in code { run = ch == "`" ? run + 1 : 0; longest = max(longest, run) }
        let fence = String(repeating: "`", count: longest + 1)
        lines.append(fence + language)
        lines.append(code.hasSuffix("\n") ? String(code.dropLast()) : code)
        lines.append(fence)
        lines.append("")
    }

    /// A GitHub admonition (`> [!NOTE]`, `> [!WARNING]` ...) around already-escaped text.
    public mutating func callout(_ kind: String, _ markdown: String) {
        lines.append("> [!\(kind)]")
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) { lines.append("> " + line) }
        lines.append("")
    }

    /// Embeds a diagram's SVG, relative to a page under `md/<env>/`.
    public mutating func diagram(_ diagram: DiagramRef, caption: String) {
        lines.append("![\(MD.text(caption))](../../diagrams/\(diagram.fileName).svg)")
        lines.append("")
    }

    /// Records the files behind what the page shows.
    public mutating func source(_ location: SourceLocation?) {
        if let file = location?.file, !file.isEmpty, !file.hasPrefix("("), file != "builtin" { sourceSet.insert(file) }
    }

    public mutating func sources<S: Sequence>(_ locations: S) where S.Element == SourceLocation {
        for location in locations { source(location) }
    }

    public func page(path: String, title: String) -> Page {
        var body = lines
        while body.last == "" { body.removeLast() }
        return Page(path: path, title: title, markdown: body.joined(separator: "\n") + "\n",
                    sources: sourceSet.sorted(), anchors: anchors)
    }
}
