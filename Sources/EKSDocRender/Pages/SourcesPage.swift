import EKSDocModel

/// `md/sources.md`: every input file some page was generated from, with the pages that use it and, when
/// `sourceURL` is set, a link to the file in the repository. Each page's "Generated from" entries link here.
public enum SourcesPage {
    public static let path = "sources.md"
    public static let title = "Input files"

    /// The page, and for each listed file the target its "Generated from" entries link to.
    public static func build(sitePages: [Page], environmentPages: [(name: String, pages: [Page])],
                             sourceURL: String?) -> (page: Page, links: [String: String])? {
        var usedBy: [String: [(group: String, page: Page)]] = [:]
        for page in sitePages {
            for file in page.sources where isContentFile(file) { usedBy[file, default: []].append(("site", page)) }
        }
        for (name, pages) in environmentPages {
            for page in pages {
                for file in page.sources where isContentFile(file) { usedBy[file, default: []].append((name, page)) }
            }
        }
        guard !usedBy.isEmpty else { return nil }
        var doc = PageDocument(title: title)
        doc.paragraph("The input files behind the pages of this site, relative to the content folder, with the pages "
                      + "that show what they hold. Editing a file changes those pages on the next build.")
        var links: [String: String] = [:]
        for file in usedBy.keys.sorted() {
            let anchor = doc.heading(2, file)
            let repository = sourceURL.map { SourceLinks.repositoryURL(base: $0, file: file) }
            links[file] = repository ?? "\(path)#\(anchor)"
            if let repository { doc.paragraph(MD.link("Open in the repository", repository)) }
            let uses = usedBy[file] ?? []
            var lines: [String] = []
            for group in Set(uses.map(\.group)).sorted(by: { ($0 == "site" ? 0 : 1, $0) < ($1 == "site" ? 0 : 1, $1) }) {
                let pages = uses.filter { $0.group == group }.map(\.page)
                let list = pages.map { MD.link($0.title, SourceLinks.relative(from: path, to: $0.path)) }
                lines.append((group == "site" ? "Site" : MD.text(group)) + ": " + list.joined(separator: ", "))
            }
            doc.bullets(lines)
        }
        return (doc.page(path: path, title: title), links)
    }
}

extension SourcesPage {
    /// Sources eksdoc ships itself (`eksdoc built-in: concepts/cni.md`) are named in footers but not listed.
    static func isContentFile(_ source: String) -> Bool {
        !source.hasPrefix("eksdoc built-in")
    }
}

/// Link targets between pages of the Markdown tree and to the repository.
public enum SourceLinks {
    /// True for `http://` and `https://` addresses.
    public static func isAbsolute(_ target: String) -> Bool {
        target.hasPrefix("https://") || target.hasPrefix("http://")
    }

    /// `target` (a path under `md/`, perhaps with a fragment) as seen from the page at `from`.
    public static func relative(from: String, to target: String) -> String {
        let fromDirs = from.split(separator: "/").dropLast()
        let parts = target.split(separator: "/", omittingEmptySubsequences: false)
        var common = 0
        while common < fromDirs.count, common < parts.count - 1, fromDirs[common] == parts[common] { common += 1 }
        return String(repeating: "../", count: fromDirs.count - common) + parts[common...].joined(separator: "/")
    }

    /// The repository address of a content file: the base followed by the path, each segment percent-encoded.
    public static func repositoryURL(base: String, file: String) -> String {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
        let encoded = file.split(separator: "/").map { segment -> String in
            var out = ""
            for byte in segment.utf8 {
                if allowed.contains(byte) { out.unicodeScalars.append(Unicode.Scalar(byte)) } else {
                    out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
                }
            }
            return out
        }
        return (base.hasSuffix("/") ? base : base + "/") + encoded.joined(separator: "/")
    }
}
