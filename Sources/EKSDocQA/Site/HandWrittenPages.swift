import EKSDocIngest
import EKSDocModel
import EKSDocRender
import Foundation

/// Hand-written pages of a content project: `pages/*.md`, each with optional front matter (`title`, `weight`),
/// published as `md/pages/<name>.md` and `pages/<name>.html` beside the generated pages.
public enum HandWrittenPages {
    /// Reads `pages/*.md` of the content folder, ordered by weight then title. File names become page names and
    /// must be letters, digits, `-` and `_`. Unless `allowRawHTML`, raw HTML in a page becomes literal text in its
    /// Markdown too, so the Markdown tree shows it as the HTML site does.
    public static func load(_ contentDirectory: URL, allowRawHTML: Bool = false) -> ([Page], Diagnostics) {
        let folder = contentDirectory.appendingPathComponent("pages")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
        // Pages are read and parsed on all cores; results are gathered in name order.
        let results = Parallel.map(names) { page(named: $0, in: folder, allowRawHTML: allowRawHTML) }
        var diagnostics = Diagnostics()
        var pages: [(weight: Int, page: Page)] = []
        for result in results {
            diagnostics.append(contentsOf: result.diagnostics)
            if let page = result.page { pages.append(page) }
        }
        return (pages.sorted { ($0.weight, $0.page.title, $0.page.path) < ($1.weight, $1.page.title, $1.page.path) }.map(\.page), diagnostics)
    }

    /// One page file: its weight and page, or diagnostics.
    static func page(named name: String, in folder: URL, allowRawHTML: Bool) -> (page: (weight: Int, page: Page)?, diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        let display = "pages/\(name)"
        let slug = String(name.dropLast(3))
        guard !slug.isEmpty, slug.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) && $0.isASCII || $0 == "-" || $0 == "_" }) else {
            diagnostics.error("page file name '\(name)' must be letters, digits, '-' or '_' followed by .md", at: SourceLocation(file: display))
            return (nil, diagnostics)
        }
        switch SourceFile.read(folder.appendingPathComponent(name), displayPath: display) {
        case .failure(let d):
            diagnostics.append(d)
            return (nil, diagnostics)
        case .success(let file):
            var (title, weight, body) = (slug, 100, file.text)
            if file.text.hasPrefix("---\n") {
                guard let concept = ConceptLibrary.parseConcept(file, slug: slug, diagnostics: &diagnostics) else { return (nil, diagnostics) }
                (title, weight, body) = (concept.title, concept.weight, concept.body)
            } else if let first = body.split(separator: "\n").first, first.hasPrefix("# ") {
                title = String(first.dropFirst(2))
            }
            var markdown = (allowRawHTML ? body : MarkdownHTML.escapingRawHTML(body)).trimmingTrailingNewlines()
            if !markdown.hasPrefix("# ") { markdown = "# \(MD.text(title))\n\n" + markdown }
            let page = Page(path: "pages/\(slug).md", title: title, markdown: markdown + "\n",
                            sources: [display], anchors: ConceptPages.anchors(of: markdown))
            return ((weight, page), diagnostics)
        }
    }
}
