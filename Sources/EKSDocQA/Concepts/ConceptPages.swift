import EKSDocModel
import EKSDocRender

/// Turns concept files into site pages: `md/concepts/<slug>.md`, `md/concepts/index.md` and `md/glossary.md`.
/// Fenced ```dot blocks become rendered diagrams (`diagrams/concept-<slug>-<n>.svg`).
public enum ConceptPages {
    public static func build(_ concepts: [Concept], glossary: [GlossaryTerm]) -> (pages: [Page], diagrams: [Diagram]) {
        var pages: [Page] = []
        var diagrams: [Diagram] = []
        let titles = Dictionary(uniqueKeysWithValues: concepts.map { ($0.slug, $0.title) })
        for concept in concepts {
            let (body, blocks) = extractDiagrams(concept.body, slug: concept.slug)
            diagrams += blocks
            // Each page writes its own "Related" section; the front matter's `related` is checked by tests.
            var markdown = body.trimmingTrailingNewlines()
            let terms = glossary.filter { $0.concept == concept.slug }
            if !terms.isEmpty {
                markdown += "\n\n## Terms\n\n" + terms.map { "- **\(MD.text($0.term))**: \(MD.text($0.definition))" }.joined(separator: "\n")
            }
            let title = concept.title
            let heading = markdown.hasPrefix("# ") ? "" : "# \(MD.text(title))\n\n"
            pages.append(Page(path: "concepts/\(concept.slug).md", title: title, markdown: heading + markdown + "\n",
                              sources: ["eksdoc built-in: concepts/\(concept.slug).md"], anchors: anchors(of: heading + markdown)))
        }
        pages.append(glossaryPage(glossary, titles: titles))
        return (pages, diagrams)
    }

    /// Replaces each ```dot fence with an image of its rendering.
    static func extractDiagrams(_ body: String, slug: String) -> (String, [Diagram]) {
        var out: [String] = []
        var diagrams: [Diagram] = []
        var dot: [String]? = nil
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            if dot == nil, line.trimmingCharacters(in: .whitespaces) == "```dot" {
                dot = []
            } else if var lines = dot {
                if line.trimmingCharacters(in: .whitespaces) == "```" {
                    let ref = DiagramRef(environment: "concept", name: "\(slug)-\(diagrams.count + 1)")
                    diagrams.append(Diagram(ref: ref, content: .dot(lines.joined(separator: "\n") + "\n")))
                    out.append("![Diagram: \(MD.text(slug))](../../diagrams/\(ref.fileName).svg)")
                    dot = nil
                } else {
                    lines.append(String(line))
                    dot = lines
                }
            } else {
                out.append(String(line))
            }
        }
        return (out.joined(separator: "\n"), diagrams)
    }

    static func glossaryPage(_ glossary: [GlossaryTerm], titles: [String: String]) -> Page {
        var doc = PageDocument(title: "Glossary")
        doc.paragraph("Every term the documentation uses, with the concept page that explains it.")
        doc.table(["Term", "Definition", "Concept"], glossary.map { term in
            [MD.text(term.term), MD.cell(term.definition),
             titles[term.concept].map { MD.link($0, "concepts/\(term.concept).md") } ?? MD.cell(term.concept)]
        })
        var page = doc.page(path: "glossary.md", title: "Glossary")
        page.sources = ["eksdoc built-in: concepts/glossary.yml"]
        return page
    }

    /// GitHub-style anchors of the Markdown headings outside code fences.
    static func anchors(of markdown: String) -> [String] {
        var anchors = Anchors()
        var result: [String] = []
        var inFence = false
        // One pass over the bytes; only heading lines become strings.
        var text = markdown
        text.withUTF8 { bytes in
            var lineStart = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                guard lineEnd > lineStart else { continue }
                let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
                if line.starts(with: "```".utf8) { inFence.toggle(); continue }
                guard !inFence, line[0] == UInt8(ascii: "#") else { continue }
                var from = 0, to = line.count
                while from < to, line[from] == UInt8(ascii: "#") { from += 1 }
                while from < to, line[from] == 0x20 || line[from] == 0x09 { from += 1 }
                while to > from, line[to - 1] == 0x20 || line[to - 1] == 0x09 { to -= 1 }
                var heading = String(decoding: UnsafeBufferPointer(rebasing: line[from..<to]), as: UTF8.self)
                // Other Unicode spaces at either end are trimmed as before.
                if from < to, line[from] >= 0x80 || line[to - 1] >= 0x80 { heading = heading.trimmingCharacters(in: .whitespaces) }
                result.append(anchors.anchor(for: heading))
            }
        }
        return result
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        while s.hasPrefix("\n") { s.removeFirst() }
        return s
    }
}
