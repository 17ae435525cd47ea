import Foundation

/// Compares a freshly built site with what is on disk (`eksdoc build --check`).
public struct SiteComparison: Equatable, Sendable {
    public var stale: [String] = []
    public var missing: [String] = []
    public var extra: [String] = []

    public var isClean: Bool { stale.isEmpty && missing.isEmpty && extra.isEmpty }

    /// Files other commands write into the output folder; `--check` does not own them.
    /// (`handout.pdf` comes from `eksdoc handout --pdf`, which `make site` runs after the build.)
    public static let auxiliaryFiles: Set<String> = ["handout.pdf"]

    public static func compare(_ site: SiteFiles, with existing: [String: Data]) -> SiteComparison {
        var result = SiteComparison()
        for path in site.paths {
            guard let old = existing[path] else { result.missing.append(path); continue }
            if old != site.files[path] { result.stale.append(path) }
        }
        result.extra = existing.keys.filter { site.files[$0] == nil && !auxiliaryFiles.contains($0) }.sorted()
        return result
    }
}
