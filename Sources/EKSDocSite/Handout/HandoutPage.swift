import EKSDocRender
import Foundation

/// One site page rendered for the handout: HTML whose ids are unique across the whole document.
struct HandoutPage {
    var section: HandoutPlan.Section
    /// The page body, links not yet rewritten.
    var html: String
    /// The "Generated from" footer, rendered.
    var sourcesHTML: String?
    /// The text of the page's first level-1 heading.
    var title: String
    /// Page-local anchor (as Markdown links write it) -> handout id.
    var anchors: [String: String]

    static let footerMarker = "\n---\n\n**Generated from:** "
    static let callouts = ["NOTE": "Note", "TIP": "Tip", "IMPORTANT": "Important", "WARNING": "Warning", "CAUTION": "Caution"]

    /// Renders the Markdown (raw HTML off), turns GitHub admonitions into callouts and gives every heading the id
    /// `<section id>--<GitHub anchor>`.
    init(section: HandoutPlan.Section, markdown: String) {
        self.section = section
        var body = markdown
        if let footer = markdown.lastByteRange(of: HandoutPage.footerMarker) {
            body = String(markdown[..<footer.lowerBound])
            let sources = String(markdown[footer.lowerBound...].dropFirst("\n---\n\n".count))
            sourcesHTML = MarkdownHTML.render(sources, allowRawHTML: false)
        }
        var html = MarkdownHTML.render(body, allowRawHTML: false)
        for (kind, label) in HandoutPage.callouts.sorted(by: { $0.key < $1.key }) {
            html = html.replacingAll("<blockquote>\n<p>[!\(kind)]\n",
                with: "<blockquote class=\"callout callout-\(kind.lowercased())\">\n<p class=\"callout-title\">\(label)</p>\n<p>")
        }
        var anchors: [String: String] = [:]
        // Ids cmark writes itself (footnotes) get the section prefix too.
        let prefix = section.id + "--"
        var prefixed = ""
        var rest = html[...]
        while let found = rest.byteRange(of: " id=\"") {
            prefixed += rest[..<found.upperBound]
            rest = rest[found.upperBound...]
            if let end = rest.utf8.firstIndex(of: UInt8(ascii: "\"")) {
                let id = HTMLText.decodeEntities(String(rest[..<end]))
                anchors[id] = prefix + id
            }
            prefixed += prefix
        }
        html = prefixed + rest
        (self.html, self.title) = HandoutPage.headingIDs(html, prefix: prefix, anchors: &anchors)
        self.anchors = anchors
        if title.isEmpty { title = section.path }
    }

    /// Adds `id` to every `<hN>`; returns the HTML and the first level-1 heading's text.
    static func headingIDs(_ html: String, prefix: String, anchors: inout [String: String]) -> (String, String) {
        var out = ""
        out.reserveCapacity(html.utf8.count + html.utf8.count / 10)
        var state = Anchors()
        var title = ""
        var rest = html[...]
        while let open = rest.byteRange(of: "<h") {
            let levelIndex = open.upperBound
            guard levelIndex < rest.endIndex, let level = rest[levelIndex].wholeNumberValue, (1...6).contains(level),
                  rest.index(after: levelIndex) < rest.endIndex, rest[rest.index(after: levelIndex)] == ">",
                  let close = rest[levelIndex...].byteRange(of: "</h\(level)>") else {
                out += rest[..<open.upperBound]
                rest = rest[open.upperBound...]
                continue
            }
            let inner = rest[rest.index(levelIndex, offsetBy: 2)..<close.lowerBound]
            let text = HTMLText.plainText(String(inner))
            let anchor = state.anchor(for: text)
            let id = prefix + anchor
            if anchors[anchor] == nil { anchors[anchor] = id }
            if level == 1 && title.isEmpty { title = text }
            out += rest[..<open.lowerBound]
            out += "<h\(level) id=\"\(HandoutText.escape(id))\">" + inner + "</h\(level)>"
            rest = rest[close.upperBound...]
        }
        out += rest
        return (out, title)
    }
}

/// The second pass over a page: links to pages in the handout become in-document anchors, other relative links
/// become plain text, and diagram images are replaced by their SVG.
struct HandoutLinker {
    /// Site path -> rendered page, for every page in the handout.
    var pages: [String: HandoutPage]
    var site: SiteFiles
    /// Counts inlined diagrams, so each gets its own id prefix.
    private(set) var diagramCount = 0
    /// Starts every inlined diagram's id prefix (`<prefix><count>-`); one per section keeps ids unique when the
    /// sections are linked on several threads.
    var diagramPrefix = "diagram"

    init(pages: [String: HandoutPage], site: SiteFiles) {
        self.pages = pages; self.site = site
    }

    /// The id a link from `page` to `href` lands on, or nil when the target is not in the handout.
    func target(_ href: String, from page: String) -> String? {
        guard let (path, fragment) = HandoutLinker.resolve(href, from: page), let target = pages[path] else { return nil }
        guard let fragment, !fragment.isEmpty else { return target.section.id }
        return target.anchors[fragment] ?? target.section.id
    }

    /// `href` resolved against the site path of `page`: the target's site path and fragment.
    static func resolve(_ href: String, from page: String) -> (String, String?)? {
        if href.utf8.contains(UInt8(ascii: ":")) && !href.hasPrefix("#") { return nil }
        /// Percent-decoding only where there is a `%` (Foundation's decoder is slow; nil for invalid sequences).
        func decoded(_ text: String) -> String? { text.utf8.contains(UInt8(ascii: "%")) ? text.removingPercentEncoding : text }
        var pathPart = Substring(href), fragment: String?
        if let hash = href.utf8.firstIndex(of: UInt8(ascii: "#")) {
            pathPart = href[..<hash]
            fragment = decoded(String(href[href.utf8.index(after: hash)...]))
        }
        if let query = pathPart.utf8.firstIndex(of: UInt8(ascii: "?")) { pathPart = pathPart[..<query] }
        guard let decoded = decoded(String(pathPart)) else { return nil }
        if decoded.isEmpty { return (page, fragment) }
        guard !decoded.hasPrefix("/") else { return nil }
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for part in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { guard !parts.isEmpty else { return nil }; parts.removeLast() } else { parts.append(String(part)) }
        }
        return (parts.joined(separator: "/"), fragment)
    }

    /// The page's HTML with links and images rewritten.
    mutating func link(_ page: HandoutPage) -> String {
        var out = ""
        out.reserveCapacity(page.html.utf8.count)
        var rest = page.html[...]
        var openSpans = 0
        // Byte positions throughout: tags are ASCII, and Character steps would be slower and could swallow a
        // combining mark that follows a `>`.
        while let lt = rest.utf8.firstIndex(of: UInt8(ascii: "<")) {
            out += rest[..<lt]
            rest = rest[lt...]
            if rest.utf8.starts(with: "<a href=\"".utf8), let end = rest.utf8.firstIndex(of: UInt8(ascii: ">")) {
                let tag = rest[..<end]
                let href = HandoutText.attribute("href", in: tag) ?? ""
                if href.hasPrefix("http://") || href.hasPrefix("https://") || href.hasPrefix("mailto:") {
                    out += rest[...end]
                } else if let id = target(href, from: page.section.path) {
                    out += "<a href=\"#\(HandoutText.escape(id))\">"
                } else {
                    out += "<span class=\"xref\">"
                    openSpans += 1
                }
                rest = rest[rest.utf8.index(after: end)...]
            } else if rest.utf8.starts(with: "</a>".utf8) && openSpans > 0 {
                out += "</span>"
                openSpans -= 1
                rest = rest[rest.utf8.index(rest.startIndex, offsetBy: 4)...]
            } else if rest.utf8.starts(with: "<img src=\"".utf8), let end = rest.byteRange(of: "/>") {
                let tag = rest[..<end.lowerBound]
                rest = rest[end.upperBound...]
                let figure = out.utf8.reversed().starts(with: ">p<".utf8) && rest.utf8.starts(with: "</p>".utf8)
                if figure {
                    out = String(out.utf8.dropLast(3))!
                    rest = rest[rest.utf8.index(rest.startIndex, offsetBy: 4)...]
                }
                out += image(src: HandoutText.attribute("src", in: tag) ?? "", alt: HandoutText.attribute("alt", in: tag) ?? "",
                             from: page.section.path, figure: figure)
            } else {
                out += "<"
                rest = rest[rest.utf8.index(after: rest.startIndex)...]
            }
        }
        return out + rest
    }

    /// A diagram inlined as SVG (or a PNG as a data URI); its caption when the file is not in the site.
    mutating func image(src: String, alt: String, from page: String, figure: Bool) -> String {
        var content = "<span class=\"missing-image\">\(HandoutText.escape(alt))</span>"
        if let (path, _) = HandoutLinker.resolve(src, from: page), let data = site.files[path] {
            if path.hasSuffix(".svg") {
                diagramCount += 1
                if let svg = HandoutSVG.inline(data, idPrefix: "\(diagramPrefix)\(diagramCount)-") { content = svg }
            } else if path.hasSuffix(".png") {
                content = "<img src=\"data:image/png;base64,\(data.base64EncodedString())\" alt=\"\(HandoutText.escape(alt))\" />"
            }
        }
        guard figure else { return "<span class=\"diagram\">\(content)</span>" }
        return "<figure class=\"diagram\">\(content)<figcaption>\(HandoutText.escape(alt))</figcaption></figure>"
    }
}
