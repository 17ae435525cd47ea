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
        for line in markdown.split(separator: "\n") {
            if line.hasPrefix("```") { inFence.toggle(); continue }
            guard !inFence, line.hasPrefix("#") else { continue }
            let text = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
            result.append(anchors.anchor(for: text))
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
