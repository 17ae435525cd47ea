import EKSDocModel
import EKSDocRender
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

    /// Sorted-key JSON, the same bytes for the same site: the bytes `JSONEncoder` writes with sorted keys and
    /// unescaped slashes (a test holds the two equal), written by hand with pages encoded on all cores, since
    /// the encoder took longer than building the index.
    public func json() throws -> Data {
        let entries = Parallel.map(pages) { entry -> [UInt8] in
            var out: [UInt8] = []
            out.reserveCapacity(256 + entry.sections.reduce(0) { $0 + $1.text.utf8.count + 64 })
            out += #"{"environment":"#.utf8; JSONText.append(entry.environment, to: &out)
            out += #","sections":["#.utf8
            for (index, section) in entry.sections.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                out += #"{"anchor":"#.utf8; JSONText.append(section.anchor, to: &out)
                out += #","heading":"#.utf8; JSONText.append(section.heading, to: &out)
                out += #","text":"#.utf8; JSONText.append(section.text, to: &out)
                out.append(UInt8(ascii: "}"))
            }
            out += #"],"title":"#.utf8; JSONText.append(entry.title, to: &out)
            out += #","url":"#.utf8; JSONText.append(entry.url, to: &out)
            out.append(UInt8(ascii: "}"))
            return out
        }
        var data = Data(#"{"pages":["#.utf8)
        for (index, entry) in entries.enumerated() {
            if index > 0 { data.append(UInt8(ascii: ",")) }
            data.append(contentsOf: entry)
        }
        data.append(contentsOf: "]}".utf8)
        return data
    }

    /// The index as a script defining `window.EKSDOC_SEARCH`.
    public func script() throws -> Data {
        SearchIndex.script(json: try json())
    }

    /// The script for JSON already encoded (the build writes both files from one encoding).
    public static func script(json: Data) -> Data {
        var data = Data("window.EKSDOC_SEARCH = ".utf8)
        data.append(json)
        data.append(Data(";\n".utf8))
        return data
    }
}

/// JSON string literals as `JSONEncoder` writes them: quotes, backslashes and control characters escaped, the
/// rest (slashes, non-ASCII) as is.
enum JSONText {
    static func append(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += #"\""#.utf8
            case UInt8(ascii: "\\"): out += #"\\"#.utf8
            case 0x0A: out += #"\n"#.utf8
            case 0x0D: out += #"\r"#.utf8
            case 0x09: out += #"\t"#.utf8
            case 0x08: out += #"\b"#.utf8
            case 0x0C: out += #"\f"#.utf8
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += #"\u00"#.utf8
                out.append(hex[Int(byte >> 4)]); out.append(hex[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
