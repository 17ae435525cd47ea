import Foundation

/// The client-side search index, built with the site: per page its URL, title and environment, and per heading
/// section the anchor, heading and plain text. Written as `search-index.json` and as `search-index.js`
/// (`window.EKSDOC_SEARCH = ...`), which a page can load from `file://`, where `fetch` is blocked.
public struct SearchIndex: Codable, Sendable, Equatable {
    /// The text under one heading, up to the next.
    public struct Section: Codable, Sendable, Equatable {
        /// The heading's id (empty for the text above the first heading).
        public var anchor: String
        /// The heading's plain text.
        public var heading: String
        /// Plain text, whitespace collapsed, diagrams left out.
        public var text: String
    }

    /// One page of the site.
    public struct Entry: Codable, Sendable, Equatable {
        /// Site-relative URL of the page.
        public var url: String
        /// The navigation title.
        public var title: String
        /// The environment the page belongs to, empty for site-wide pages.
        public var environment: String
        /// Sections in page order.
        public var sections: [Section]
    }

    /// Pages in build order.
    public var pages: [Entry]

    /// Pages whose text another page already carries (the practice page repeats the Q&A page) are left out.
    public static func build(_ pages: [RenderedPage]) -> SearchIndex {
        let entries = Parallel.map(pages.filter { !$0.page.path.hasSuffix("/qa-practice.md") }) { rendered -> Entry in
            Entry(url: rendered.htmlPath, title: rendered.page.title, environment: rendered.environment ?? "",
                  sections: sections(of: rendered))
        }
        return SearchIndex(pages: entries)
    }

    /// The body cut at every heading; the text before the first heading belongs to the page's top.
    static func sections(of rendered: RenderedPage) -> [Section] {
        var sections: [Section] = []
        var current = Section(anchor: "", heading: rendered.page.title, text: "")
        var text = ""
        var rest = Substring(rendered.body)
        var headings = rendered.headings.makeIterator()
        func flush() {
            current.text = HTMLText.collapseWhitespace(HTMLText.plainText(text))
            if !current.text.isEmpty || !current.anchor.isEmpty { sections.append(current) }
            text = ""
        }
        while let (open, heading) = findHeading(rest) {
            text += withoutFigures(rest[..<open.lowerBound])
            guard let info = headings.next(), let close = rest[open.upperBound...].byteRange(of: "</h\(heading)>") else { break }
            flush()
            current = Section(anchor: info.id, heading: info.text, text: "")
            rest = rest[close.upperBound...]
        }
        text += withoutFigures(rest)
        flush()
        return sections
    }

    private static func findHeading(_ text: Substring) -> (Range<Substring.Index>, Int)? {
        var cursor = text.startIndex
        while let found = text[cursor...].byteRange(of: "<h") {
            if let level = nextHeading(text, at: found.lowerBound) { return (found, level) }
            cursor = found.upperBound
        }
        return nil
    }

    private static func nextHeading(_ text: Substring, at index: Substring.Index) -> Int? {
        let after = text[text.index(index, offsetBy: 2)...]
        guard let level = after.first?.wholeNumberValue, (1...6).contains(level), after.dropFirst().first == " " else {
            return nil
        }
        return level
    }

    /// Inline diagrams carry no searchable prose.
    private static func withoutFigures(_ html: Substring) -> String {
        var out = ""
        var rest = html
        while let open = rest.byteRange(of: "<svg") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].byteRange(of: "</svg>") else { return out }
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// Sorted-key JSON, the same bytes for the same site.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// The index as a script defining `window.EKSDOC_SEARCH`.
    public func script() throws -> Data {
        var data = Data("window.EKSDOC_SEARCH = ".utf8)
        data.append(try json())
        data.append(Data(";\n".utf8))
        return data
    }
}
