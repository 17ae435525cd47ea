import EKSDocRender

/// Rewrites of cmark-gfm's HTML that give the site its structure: GitHub admonitions as callouts, folded
/// practice answers, and heading ids.
public enum BlockTransforms {
    // MARK: Folded answers

    /// Marker paragraphs standing in for the practice page's `<details>` tags while Markdown is rendered with raw
    /// HTML off. They contain no character cmark-gfm would change, and after rendering only these exact
    /// paragraphs become fixed tags, so no other raw HTML can get through.
    static let openMarker = "EKSDOC\u{E000}DETAILS\u{E000}OPEN"
    static let closeMarker = "EKSDOC\u{E000}DETAILS\u{E000}CLOSE"

    /// Replaces the practice page's `<details>\n<summary>Answer</summary>` and `</details>` blocks by markers.
    public static func markFoldedAnswers(_ markdown: String) -> String {
        guard markdown.byteRange(of: "<details>") != nil else { return markdown }
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        while index < lines.count {
            if lines[index] == "<details>", index + 1 < lines.count, lines[index + 1] == "<summary>Answer</summary>" {
                lines.replaceSubrange(index...index + 1, with: [openMarker])
            } else if lines[index] == "</details>" {
                lines[index] = closeMarker
            }
            index += 1
        }
        return lines.joined(separator: "\n")
    }

    /// Turns the rendered markers into `<details>` elements.
    public static func unfoldMarkers(_ html: String) -> String {
        guard html.byteRange(of: openMarker) != nil || html.byteRange(of: closeMarker) != nil else { return html }
        return html
            .replacingAll("<p>\(openMarker)</p>",
                                  with: "<details class=\"answer\">\n<summary>Answer</summary>")
            .replacingAll("<p>\(closeMarker)</p>", with: "</details>")
    }

    // MARK: Admonitions

    /// The admonition kinds GitHub renders, with their titles.
    public static let admonitions: [(kind: String, title: String)] = [
        ("NOTE", "Note"), ("TIP", "Tip"), ("IMPORTANT", "Important"), ("WARNING", "Warning"), ("CAUTION", "Caution"),
    ]

    /// `<blockquote><p>[!NOTE] ...` becomes `<div class="callout callout-note">` with a title.
    public static func admonitions(_ html: String) -> String {
        guard html.byteRange(of: "<blockquote>\n<p>[!") != nil else { return html }
        var out = ""
        var rest = Substring(html)
        while let open = rest.byteRange(of: "<blockquote>\n<p>[!") {
            out += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            guard let match = admonitions.first(where: { after.hasPrefix($0.kind + "]") }),
                  let close = matchingBlockquoteEnd(rest, from: open.lowerBound) else {
                out += "<blockquote>"
                rest = rest[rest.index(open.lowerBound, offsetBy: "<blockquote>".count)...]
                continue
            }
            var body = after.dropFirst(match.kind.count + 1)
            if body.hasPrefix("\n") { body = body.dropFirst() }
            var inner = "<p>" + body[..<close.lowerBound]
            if inner.hasPrefix("<p></p>\n") { inner = String(inner.dropFirst("<p></p>\n".count)) }
            let kind = match.kind.lowercased()
            out += "<div class=\"callout callout-\(kind)\" role=\"note\">\n"
            out += "<p class=\"callout-title\">\(match.title)</p>\n" + admonitions(String(inner)) + "</div>"
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// The `</blockquote>` closing the one opened at `start`, counting nested quotes.
    private static func matchingBlockquoteEnd(_ text: Substring, from start: Substring.Index) -> Range<Substring.Index>? {
        var depth = 0
        var cursor = start
        while let next = text[cursor...].byteRange(of: "blockquote>") {
            let tagStart = text.index(next.lowerBound, offsetBy: -1)
            if text[tagStart] == "<" { depth += 1 }
            else if text[tagStart] == "/" {
                depth -= 1
                if depth == 0 { return text.index(tagStart, offsetBy: -1)..<next.upperBound }
            }
            cursor = next.upperBound
        }
        return nil
    }

    // MARK: Headings

    /// A heading of a rendered page.
    public struct Heading: Sendable, Equatable {
        /// 1 to 6.
        public var level: Int
        /// The GitHub slug, unique in the page.
        public var id: String
        /// Plain text.
        public var text: String
    }

    /// Gives every `<hN>` the GitHub slug of its text (the same slugs the Markdown pages link to) and a
    /// self-link; returns the headings in order.
    public static func headingIDs(_ html: String) -> (html: String, headings: [Heading]) {
        var anchors = EKSDocRender.Anchors()
        var headings: [Heading] = []
        var out = ""
        var rest = Substring(html)
        while let open = nextHeading(in: rest) {
            out += rest[..<open.range.lowerBound]
            let closeTag = "</h\(open.level)>"
            guard let close = rest[open.range.upperBound...].byteRange(of: closeTag) else { break }
            let inner = rest[open.range.upperBound..<close.lowerBound]
            let text = HTMLText.collapseWhitespace(HTMLText.plainText(String(inner)))
            let id = anchors.anchor(for: text)
            headings.append(Heading(level: open.level, id: id, text: text))
            out += "<h\(open.level) id=\"\(HTMLText.escape(id))\">\(inner)"
            out += "<a class=\"heading-anchor\" href=\"#\(HTMLText.escape(id))\" aria-label=\"Link to this section\">#</a>"
            out += closeTag
            rest = rest[close.upperBound...]
        }
        return (out + rest, headings)
    }

    private static func nextHeading(in text: Substring) -> (range: Range<Substring.Index>, level: Int)? {
        var cursor = text.startIndex
        while let found = text[cursor...].byteRange(of: "<h") {
            let after = text[found.upperBound...]
            if let digit = after.first, let level = digit.wholeNumberValue, (1...6).contains(level),
               after.dropFirst().first == ">" {
                return (found.lowerBound..<text.index(found.upperBound, offsetBy: 2), level)
            }
            cursor = found.upperBound
        }
        return nil
    }
}
