import EKSDocRender
import Foundation

/// Links the glossary terms an environment page uses to their concept pages, in a closing
/// "Concepts on this page" section.
public struct ConceptLinker: Sendable {
    let terms: [(pattern: String, term: String, concept: String)]
    let titles: [String: String]

    public init(glossary: [GlossaryTerm], concepts: [Concept]) {
        terms = glossary.map { ($0.term.lowercased(), $0.term, $0.concept) }.sorted { $0.pattern < $1.pattern }
        titles = Dictionary(uniqueKeysWithValues: concepts.map { ($0.slug, $0.title) })
    }

    /// The concepts whose terms appear in the text (outside code), in title order.
    public func concepts(in markdown: String) -> [String] {
        let text = ConceptLinker.prose(markdown).lowercased()
        var found = Set<String>()
        for entry in terms where titles[entry.concept] != nil && ConceptLinker.containsWord(text, entry.pattern) {
            found.insert(entry.concept)
        }
        return found.sorted { (titles[$0] ?? $0, $0) < (titles[$1] ?? $1, $1) }
    }

    /// Adds the section to pages of an environment (`<env>/<page>.md`); other pages are returned unchanged.
    public func annotate(_ page: Page) -> Page {
        guard page.path.split(separator: "/").count == 2, !page.path.hasPrefix("concepts/") else { return page }
        let slugs = concepts(in: page.markdown)
        guard !slugs.isEmpty else { return page }
        var result = page
        var markdown = page.markdown
        while markdown.hasSuffix("\n") { markdown.removeLast() }
        markdown += "\n\n## Concepts on this page\n\n"
        markdown += slugs.map { "- " + MD.link(titles[$0] ?? $0, "../concepts/\($0).md") }.joined(separator: "\n") + "\n"
        result.markdown = markdown
        var anchors = Anchors()
        for anchor in page.anchors { _ = anchors.anchor(for: anchor) }
        result.anchors.append(anchors.anchor(for: "Concepts on this page"))
        return result
    }

    /// The text without fenced code blocks and inline code spans.
    static func prose(_ markdown: String) -> String {
        var out: [Substring] = []
        var inFence = false
        for line in markdown.split(separator: "\n") {
            if line.hasPrefix("```") { inFence.toggle(); continue }
            if !inFence { out.append(line) }
        }
        var text = ""
        var inCode = false
        for ch in out.joined(separator: "\n") {
            if ch == "`" { inCode.toggle(); continue }
            if !inCode { text.append(ch) }
        }
        return text
    }

    static func containsWord(_ text: String, _ word: String) -> Bool {
        var searchRange = text.startIndex..<text.endIndex
        while let range = text.range(of: word, range: searchRange) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            let boundary: (Character?) -> Bool = { c in c.map { !($0.isLetter || $0.isNumber) } ?? true }
            if boundary(before) && boundary(after) { return true }
            searchRange = range.upperBound..<text.endIndex
        }
        return false
    }
}
