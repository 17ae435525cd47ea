import EKSDocIngest
import EKSDocModel
import Foundation

/// A concept page shipped with eksdoc: front matter plus hand-written Markdown.
public struct Concept: Equatable, Sendable {
    public var slug: String
    public var title: String
    public var weight: Int
    public var terms: [String]
    public var related: [String]
    /// The Markdown body after the front matter.
    public var body: String
    public var location: SourceLocation
}

/// One glossary entry.
public struct GlossaryTerm: Equatable, Sendable {
    public var term: String
    public var definition: String
    /// The concept page that explains it.
    public var concept: String
}

/// Reads concept pages (`*.md` with YAML front matter) and `glossary.yml`.
public enum ConceptLibrary {
    /// The built-in concepts folder inside the resource bundle.
    public static var builtinDirectory: URL? { BuiltinResources.folder("concepts") }

    public static func load(_ directory: URL) -> (concepts: [Concept], glossary: [GlossaryTerm], diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
        var concepts: [Concept] = []
        var glossary: [GlossaryTerm] = []
        for name in names where !name.hasPrefix(".") {
            let display = "concepts/\(name)"
            guard case .success(let file) = SourceFile.read(directory.appendingPathComponent(name), displayPath: display) else {
                diagnostics.error("cannot read \(display)", at: SourceLocation(file: display))
                continue
            }
            if name.hasSuffix(".md") {
                if let concept = parseConcept(file, slug: String(name.dropLast(3)), diagnostics: &diagnostics) {
                    concepts.append(concept)
                }
            } else if name == "glossary.yml" {
                glossary = parseGlossary(file, diagnostics: &diagnostics)
            }
        }
        return (concepts.sorted { ($0.weight, $0.slug) < ($1.weight, $1.slug) }, glossary, diagnostics)
    }

    /// Splits `---` front matter from the body and reads title, weight, terms and related (concept pages and
    /// hand-written pages). Front matter that is missing or not YAML is an error in `diagnostics`, and nil.
    public static func parseConcept(_ file: SourceFile, slug: String, diagnostics: inout Diagnostics) -> Concept? {
        let start = SourceLocation(file: file.path, line: 1, column: 1)
        guard file.text.hasPrefix("---\n"), let end = file.text.range(of: "\n---\n", range: file.text.index(file.text.startIndex, offsetBy: 3)..<file.text.endIndex) else {
            diagnostics.error("concept page needs front matter between '---' lines", at: start)
            return nil
        }
        // `---\n---\n` (empty front matter) finds the closing line at the opening one's newline.
        let yamlStart = file.text.index(file.text.startIndex, offsetBy: 4)
        let yaml = end.lowerBound > yamlStart ? String(file.text[yamlStart..<end.lowerBound]) : ""
        let (documents, d) = YAMLLoader.load(yaml, file: file.path)
        var local = d
        let fields = Fields(documents.first ?? Node(.map([]), at: start), context: "front matter")
        let title = fields.string("title", &local)
        let concept = Concept(slug: slug, title: title ?? slug, weight: fields.int("weight", &local) ?? 100,
                              terms: fields.strings("terms", &local), related: fields.strings("related", &local),
                              body: String(file.text[end.upperBound...]), location: start)
        // Front-matter lines start at line 2 of the file.
        diagnostics.append(contentsOf: local.items.map { item in
            var shifted = item
            if shifted.location.line > 0 { shifted.location.line += 1 }
            return shifted
        })
        if title == nil { diagnostics.error("front matter has no 'title'", at: start) }
        return concept
    }

    static func parseGlossary(_ file: SourceFile, diagnostics: inout Diagnostics) -> [GlossaryTerm] {
        let (documents, d) = YAMLLoader.load(file.text, file: file.path)
        diagnostics.append(contentsOf: d)
        guard let root = documents.first else { return [] }
        guard root.isList else {
            diagnostics.error("glossary must be a list of {term, definition, concept}", at: root.location)
            return []
        }
        return root.items.compactMap { item in
            let fields = Fields(item, context: "glossary entry")
            guard let term = fields.string("term", &diagnostics), let definition = fields.string("definition", &diagnostics),
                  let concept = fields.string("concept", &diagnostics) else {
                diagnostics.error("glossary entry needs term, definition and concept", at: item.location)
                return nil
            }
            return GlossaryTerm(term: term, definition: definition, concept: concept)
        }.sorted { $0.term.lowercased() < $1.term.lowercased() }
    }
}
