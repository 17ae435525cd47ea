import EKSDocModel
import EKSDocRender
import Foundation
import Mustache

/// The templates and static assets of the HTML site: the ones built into eksdoc (from `templates/`, embedded by
/// `scripts/embed-templates`), with any file of the project's `theme` folder replacing the built-in file at the
/// same relative path (or adding a new asset), as Hugo layouts and MkDocs `custom_dir` do.
public struct TemplateSet: Sendable {
    /// Relative path (`layout.mustache`, `partials/nav.mustache`, `assets/eksdoc.css`) -> contents.
    public private(set) var files: [String: Data]
    /// Relative paths that came from the theme folder.
    public private(set) var overridden: Set<String> = []
    /// Where each file came from, for diagnostics (`templates/x` or `<theme>/x`).
    private var origins: [String: String] = [:]

    /// The built-in templates only.
    public static var builtin: TemplateSet {
        var set = TemplateSet(files: [:])
        for (path, text) in EmbeddedTemplates.files {
            set.files[path] = Data(text.utf8)
            set.origins[path] = "templates/" + path
        }
        return set
    }

    private init(files: [String: Data]) {
        self.files = files
    }

    /// The built-in templates with the theme folder's files on top. `theme` is relative to the content folder;
    /// a missing folder is an error reported against `eksdoc.yml`.
    public static func load(theme: String?, contentDirectory: URL) -> (TemplateSet, Diagnostics) {
        var set = builtin
        var diagnostics = Diagnostics()
        guard let theme, !theme.isEmpty else { return (set, diagnostics) }
        let folder = contentDirectory.appendingPathComponent(theme)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            diagnostics.error("theme folder '\(theme)' not found (relative to the content folder)",
                              at: SourceLocation(file: "eksdoc.yml"))
            return (set, diagnostics)
        }
        for (path, data) in SiteWriter.readTree(folder).sorted(by: { $0.key < $1.key }) {
            set.files[path] = data
            set.overridden.insert(path)
            set.origins[path] = theme + "/" + path
        }
        return (set, diagnostics)
    }

    /// Every `*.mustache` file compiled, registered under its path without the extension (`layout`,
    /// `partials/nav`). Parse errors are reported at the file they came from.
    public func library() -> (MustacheLibrary, Diagnostics) {
        var library = MustacheLibrary()
        var diagnostics = Diagnostics()
        for path in files.keys.sorted() where path.hasSuffix(".mustache") {
            let text = String(decoding: files[path]!, as: UTF8.self)
            do {
                try library.register(text, named: String(path.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.error("invalid template: \(error.error)",
                                  at: SourceLocation(file: origins[path] ?? path, line: error.context.lineNumber,
                                                     column: error.context.columnNumber))
            } catch {
                diagnostics.error("invalid template: \(error)", at: SourceLocation(file: origins[path] ?? path))
            }
        }
        for required in ["layout", "page"] where library.getTemplate(named: required) == nil {
            diagnostics.error("the template '\(required).mustache' is missing", at: SourceLocation(file: "templates"))
        }
        return (library, diagnostics)
    }

    /// The static files copied to the site: everything under `assets/`.
    public var assets: [(path: String, data: Data)] {
        files.keys.sorted().filter { $0.hasPrefix("assets/") }.map { ($0, files[$0]!) }
    }
}
