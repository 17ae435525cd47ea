import EKSDocModel
import EKSDocRender
import Foundation

/// Checks every internal link of the generated HTML: each `href`/`src` must name a file of the site and, with
/// `#anchor`, an element id in that page. A broken link is an error at the Markdown line it was written on
/// (`md/<env>/network.md:42:17: error: broken link to routing.md#x`), or at the HTML page when the link came from
/// a template.
public enum LinkChecker {
    /// Where a page's links came from.
    public struct Source: Sendable {
        /// The page's path relative to `md/`.
        public var markdownPath: String
        /// The page body, to find the line of a link.
        public var markdown: String
        /// Link as written in the HTML -> link as written in the Markdown.
        public var origins: [String: String]

        /// Where one HTML page came from.
        public init(markdownPath: String, markdown: String, origins: [String: String]) {
            self.markdownPath = markdownPath; self.markdown = markdown; self.origins = origins
        }
    }

    /// Checks the HTML pages among `files`; `sources` maps an HTML page's path to its Markdown.
    public static func check(_ files: [String: Data], sources: [String: Source]) -> Diagnostics {
        let pages = files.keys.filter { $0.hasSuffix(".html") }.sorted()
        // Pages are scanned, then checked, on all cores; results are joined in page order.
        let tags = Parallel.map(pages) { page in HTMLScanner.tags(in: String(decoding: files[page]!, as: UTF8.self)) }
        var idsByPage: [String: Set<String>] = [:]
        for (page, pageTags) in zip(pages, tags) {
            idsByPage[page] = Set(pageTags.compactMap { $0.isClosing ? nil : $0.attribute("id") })
        }
        let ids = idsByPage
        // Pages in one folder share most links (the sidebar): each (folder, link) is resolved once.
        let verdicts = Verdicts()
        let found = Parallel.map(Array(pages.indices)) { index -> [Diagnostic] in
            let page = pages[index]
            let folder = SiteRoutes.folder(of: page)
            var reported = Set<String>()
            var diagnostics: [Diagnostic] = []
            for tag in tags[index] where !tag.isClosing {
                for attribute in tag.attributes where attribute.name == "href" || attribute.name == "src" {
                    let value = HTMLText.decodeEntities(attribute.value)
                    // Links within the page (`#x`, `?q`) depend on the page, not only on its folder.
                    let found = value.isEmpty || value.hasPrefix("#") || value.hasPrefix("?")
                        ? problem(value, on: page, files: files, ids: ids)
                        : verdicts.verdict(folder: folder, link: value) { problem(value, on: page, files: files, ids: ids) }
                    guard let problem = found, reported.insert(value).inserted else { continue }
                    diagnostics.append(contentsOf: report(value, problem: problem, page: page, source: sources[page]))
                }
            }
            return diagnostics
        }
        var diagnostics = Diagnostics()
        for list in found { diagnostics.append(contentsOf: list) }
        return diagnostics
    }

    /// Resolved links by folder, shared by the checking threads.
    private final class Verdicts: @unchecked Sendable {
        private let lock = NSLock()
        private var known: [String: [String: String?]] = [:]

        func verdict(folder: String, link: String, _ compute: () -> String?) -> String? {
            if let cached = lock.withLock({ known[folder]?[link] }) { return cached }
            let result = compute()
            lock.withLock { known[folder, default: [:]][link] = .some(result) }
            return result
        }
    }

    /// Why a link does not resolve, or nil when it does (or leaves the site).
    static func problem(_ link: String, on page: String, files: [String: Data], ids: [String: Set<String>]) -> String? {
        guard !link.isEmpty, !SiteRoutes.isExternal(link) else { return nil }
        let (path, fragment) = SiteRoutes.split(link)
        var target = page
        if !path.isEmpty {
            guard let resolved = SiteRoutes.resolve(HTMLText.percentDecode(path), inFolder: SiteRoutes.folder(of: page))
            else { return "it leaves the site" }
            target = resolved.isEmpty || resolved.hasSuffix("/") ? resolved + "index.html" : resolved
            guard files[target] != nil else { return "no file \(target) in the site" }
        }
        if let fragment, !fragment.isEmpty, target.hasSuffix(".html"),
           ids[target]?.contains(HTMLText.percentDecode(fragment)) != true {
            return "no anchor '\(HTMLText.percentDecode(fragment))' in \(target)"
        }
        return nil
    }

    /// One error per Markdown line holding the link (or one at the HTML page for template links).
    static func report(_ link: String, problem: String, page: String, source: Source?) -> [Diagnostic] {
        guard let source, let original = source.origins[link] ?? (source.markdown.contains(link) ? link : nil) else {
            return [.error("broken link to \(link) (\(problem)); it comes from the page template", at: SourceLocation(file: page))]
        }
        let file = "md/" + source.markdownPath
        let message = "broken link to \(original) (\(problem))"
        var diagnostics: [Diagnostic] = []
        let lines = source.markdown.split(separator: "\n", omittingEmptySubsequences: false)
        // Lines holding the link as a Markdown link target; else lines that mention it at all.
        for (needle, skip) in [("](" + original, 2), (original, 0)] where diagnostics.isEmpty {
            for (number, line) in lines.enumerated() {
                guard let found = line.byteRange(of: needle) else { continue }
                let column = line.distance(from: line.startIndex, to: found.lowerBound) + skip + 1
                diagnostics.append(.error(message, at: SourceLocation(file: file, line: number + 1, column: column)))
            }
        }
        return diagnostics.isEmpty ? [.error(message, at: SourceLocation(file: file))] : diagnostics
    }
}
