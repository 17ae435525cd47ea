import Foundation

/// Compares a freshly built site with what is on disk (`eksdoc build --check`).
public struct SiteComparison: Equatable, Sendable {
    public var stale: [String] = []
    public var missing: [String] = []
    public var extra: [String] = []

    public var isClean: Bool { stale.isEmpty && missing.isEmpty && extra.isEmpty }

    public static func compare(_ site: SiteFiles, with existing: [String: Data]) -> SiteComparison {
        var result = SiteComparison()
        for path in site.paths {
            guard let old = existing[path] else { result.missing.append(path); continue }
            if old != site.files[path] { result.stale.append(path) }
        }
        result.extra = existing.keys.filter { site.files[$0] == nil }.sorted()
        return result
    }
}
