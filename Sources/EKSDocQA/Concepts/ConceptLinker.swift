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
        let text = Array(ConceptLinker.prose(markdown).lowercased().utf8)
        var found = Set<String>()
        for entry in terms where titles[entry.concept] != nil && !found.contains(entry.concept)
            && ConceptLinker.containsWord(text, Array(entry.pattern.utf8)) {
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

    /// True when `word` occurs in `text` with no letter or digit right before or after it.
    static func containsWord(_ text: String, _ word: String) -> Bool {
        containsWord(Array(text.utf8), Array(word.utf8))
    }

    /// The same on UTF-8 bytes: a byte search, then the scalars either side of each match are checked.
    static func containsWord(_ text: [UInt8], _ word: [UInt8]) -> Bool {
        guard !word.isEmpty else { return false }
        return text.withUnsafeBufferPointer { bytes in
            var start = 0
            while let hit = ByteSearch.first(word, in: bytes, from: start) {
                if isBoundary(scalarBefore(text, hit)) && isBoundary(scalarAt(text, hit + word.count)) { return true }
                start = hit + 1
            }
            return false
        }
    }

    private static func isBoundary(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return true }
        let properties = scalar.properties
        return !(properties.isAlphabetic || properties.numericType != nil)
    }

    /// The scalar that ends right before byte `index`.
    private static func scalarBefore(_ bytes: [UInt8], _ index: Int) -> Unicode.Scalar? {
        guard index > 0 else { return nil }
        var start = index - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalarAt(bytes, start)
    }

    /// The scalar that starts at byte `index`.
    private static func scalarAt(_ bytes: [UInt8], _ index: Int) -> Unicode.Scalar? {
        guard index < bytes.count else { return nil }
        var iterator = bytes[index...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }
}
