import EKSDocRender

/// Maps a request path onto a file of the in-memory site. Paths are percent-decoded, split on `/`, and refused
/// when a segment is `..`, `.`-only tricks, a backslash or NUL appear, so no request can name anything outside
/// the site (the site lives in memory anyway: there is no file system behind it).
enum SitePath {
    /// What a request path names.
    enum Resolution: Equatable {
        /// A file of the site, by its relative path.
        case file(String)
        /// A folder asked for without its trailing slash: redirect so relative links work.
        case redirect(String)
        /// A folder without `index.html`: list its files.
        case listing(String)
        case notFound
        case badRequest
    }

    /// Normalises `path` (as received, maybe percent-encoded) to segments; nil when it tries to escape.
    static func segments(_ path: String) -> [String]? {
        guard path.hasPrefix("/"), !path.contains("\\"), path.utf8.count < 2048 else { return nil }
        let decoded = path.removingPercentEncoding ?? path
        guard !decoded.contains("\0"), !decoded.contains("\\") else { return nil }
        var result: [String] = []
        for part in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { return nil }
            result.append(String(part))
        }
        return result
    }

    /// Resolves a request path against the site's files.
    static func resolve(_ path: String, in site: SiteFiles) -> Resolution {
        guard let parts = segments(path) else { return .badRequest }
        let joined = parts.joined(separator: "/")
        let wantsFolder = path.hasSuffix("/") || parts.isEmpty
        if !wantsFolder, site.files[joined] != nil { return .file(joined) }
        let index = joined.isEmpty ? "index.html" : joined + "/index.html"
        let isFolder = site.files[index] != nil || isDirectory(joined, in: site)
        guard isFolder else { return .notFound }
        if !wantsFolder { return .redirect("/" + joined + "/") }
        return site.files[index] != nil ? .file(index) : .listing(joined)
    }

    /// Whether some file of the site lies under `folder` ("" is the root).
    static func isDirectory(_ folder: String, in site: SiteFiles) -> Bool {
        if folder.isEmpty { return true }
        let prefix = folder + "/"
        return site.files.keys.contains { $0.hasPrefix(prefix) }
    }

    /// The immediate children of `folder`: files by name, sub-folders with a trailing `/`, sorted.
    static func children(of folder: String, in site: SiteFiles) -> [String] {
        let prefix = folder.isEmpty ? "" : folder + "/"
        var names = Set<String>()
        for key in site.files.keys where key.hasPrefix(prefix) {
            let rest = key.dropFirst(prefix.count)
            if let slash = rest.firstIndex(of: "/") {
                names.insert(String(rest[..<slash]) + "/")
            } else {
                names.insert(String(rest))
            }
        }
        return names.sorted()
    }
}
