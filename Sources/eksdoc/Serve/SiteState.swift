import EKSDocRender
import Foundation

/// The site being served and its build version, swapped as a whole so a request sees one build or the next,
/// never a mixture. The version only moves when a rebuild changed at least one file.
actor SiteState {
    /// The current site; nil until the first successful build.
    private(set) var site: SiteFiles?
    /// Starts at 1 with the first site; bumped by every rebuild that changed something.
    private(set) var version = 0
    /// The diagnostics of the last failed build, shown by the placeholder page while there is no site.
    private(set) var failure: String?

    /// The site and version together, for one request.
    func snapshot() -> (site: SiteFiles?, version: Int, failure: String?) { (site, version, failure) }

    /// Publishes a new build; returns how many files were added, removed or changed (0 leaves the version).
    @discardableResult
    func publish(_ next: SiteFiles) -> Int {
        failure = nil
        let changed = site.map { SiteState.changedFiles(from: $0, to: next) } ?? next.files.count
        if site == nil || changed > 0 {
            site = next
            version += 1
        }
        return changed
    }

    /// Records a failed build; the previous site stays in service.
    func fail(_ message: String) {
        failure = message
        if site == nil { version += 1 }
    }

    /// Files added, removed or with different bytes between two builds.
    static func changedFiles(from old: SiteFiles, to new: SiteFiles) -> Int {
        var count = 0
        for (path, data) in new.files where old.files[path] != data { count += 1 }
        for path in old.files.keys where new.files[path] == nil { count += 1 }
        return count
    }
}
