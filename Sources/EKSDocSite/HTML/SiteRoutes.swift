/// Where each Markdown page lands in the HTML site, and how one site file links to another.
///
/// Every URL the site emits is relative, so the site works from `file://` and from any sub-folder of a web server.
public struct SiteRoutes: Sendable {
    /// Environment names: `md/<env>/overview.md` becomes `<env>/index.html`.
    public var environments: Set<String>

    /// - Parameter environments: the environment names (their folders under `md/`).
    public init(environments: Set<String>) {
        self.environments = environments
    }

    /// The HTML page for a Markdown page given relative to `md/`: `index.md` -> `index.html`,
    /// `<env>/overview.md` -> `<env>/index.html`, any other `X.md` -> `X.html`.
    public func htmlPath(forMarkdown path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2, parts[1] == "overview.md", environments.contains(String(parts[0])) {
            return "\(parts[0])/index.html"
        }
        guard path.hasSuffix(".md") else { return path }
        return String(path.dropLast(3)) + ".html"
    }

    /// The folder part of a site path (`a/b.html` -> `a/`, `index.html` -> ``).
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// `../` once per folder level of a site path: the way from that file back to the site root.
    public static func rootPrefix(of path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/", omittingEmptySubsequences: false).count - 1)
    }

    /// Resolves a relative reference against a folder (both relative to the site root). Nil when the result
    /// would leave the site.
    public static func resolve(_ reference: String, inFolder folder: String) -> String? {
        var parts: [Substring] = []
        let joined = folder + reference
        let segments = joined.split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            switch segment {
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            case ".": continue
            case "" where index < segments.count - 1: continue
            default: parts.append(segment)
            }
        }
        return parts.joined(separator: "/")
    }

    /// The relative URL from the site file `from` to the site file `to`: `../` for each folder of `from` below
    /// the folders both share, then the rest of `to`. Compared byte by byte (every sidebar link of every page
    /// comes through here).
    public static func relative(from: String, to: String) -> String {
        let slash = UInt8(ascii: "/")
        var (common, ups) = (0, 0)
        var fromIndex = from.utf8.startIndex, toIndex = to.utf8.startIndex
        var offset = 0
        while fromIndex < from.utf8.endIndex, toIndex < to.utf8.endIndex, from.utf8[fromIndex] == to.utf8[toIndex] {
            if from.utf8[fromIndex] == slash { common = offset + 1 }
            from.utf8.formIndex(after: &fromIndex); to.utf8.formIndex(after: &toIndex)
            offset += 1
        }
        for byte in from.utf8.dropFirst(common) where byte == slash { ups += 1 }
        let rest = Substring(to.utf8.dropFirst(common))
        return ups == 0 ? String(rest) : String(repeating: "../", count: ups) + rest
    }

    /// True for `https:`, `mailto:`, `//host` and other references that leave the site.
    public static func isExternal(_ reference: String) -> Bool {
        if reference.hasPrefix("//") { return true }
        guard let colon = reference.utf8.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let scheme = reference[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }
    }

    /// Splits `path#fragment` (a query, if any, is dropped from the path).
    public static func split(_ reference: String) -> (path: String, fragment: String?) {
        var path = reference, fragment: String?
        if let hash = reference.utf8.firstIndex(of: UInt8(ascii: "#")) {
            path = String(reference[..<hash])
            fragment = String(reference[reference.utf8.index(after: hash)...])
        }
        if let query = path.utf8.firstIndex(of: UInt8(ascii: "?")) { path = String(path[..<query]) }
        return (path, fragment)
    }
}
