import EKSDocModel
import EKSDocQA
import EKSDocRender
import Foundation

/// Which pages of a built site go into the handout, in what order, and under which anchor prefix.
struct HandoutPlan {
    /// One section of the handout: one Markdown page of the site.
    struct Section {
        /// Site path of the page, such as `md/leadertools-qas/network.md`.
        var path: String
        /// The environment the page belongs to; nil for site-wide pages (glossary).
        var environment: String?
        /// Prefix of every id in the section, and the section's own id (`leadertools-qas--network`).
        var id: String
    }

    /// An environment with its sections, in navigation order.
    struct Group {
        var environment: Environment
        var sections: [Section]
    }

    var groups: [Group]
    /// Site-wide pages after the environments (hand-written pages, the glossary).
    var appendix: [Section]

    var sections: [Section] { groups.flatMap(\.sections) + appendix }

    /// The plan for `site`: every environment page in navigation order (the Q&A page last, its practice version
    /// left out), then the hand-written pages, then the glossary. `environment` restricts the handout to one
    /// environment (and leaves the hand-written pages out).
    static func make(_ site: SiteFiles, inventory: Inventory, environment: String?) throws -> HandoutPlan {
        var environments = inventory.environments
        if let environment {
            environments = environments.filter { $0.name == environment }
            guard !environments.isEmpty else {
                throw HandoutError.unknownEnvironment(environment, available: inventory.environments.map(\.name))
            }
        }
        var ids = Set<String>()
        func unique(_ base: String) -> String {
            var id = base, n = 1
            while !ids.insert(id).inserted { n += 1; id = "\(base)-\(n)" }
            return id
        }
        let known = EnvironmentPages.builders.map { $0.slug }
        var groups: [Group] = []
        for env in environments {
            let folder = "md/\(env.name)/"
            let present = site.paths.filter { $0.hasPrefix(folder) && $0.hasSuffix(".md") }
                .map { String($0.dropFirst(folder.count).dropLast(3)) }
                .filter { !$0.contains("/") && $0 != QAPages.practiceSlug }
            let extra = present.filter { !known.contains($0) && $0 != QAPages.slug }.sorted()
            let tail = present.contains(QAPages.slug) ? [QAPages.slug] : []
            let slugs = known.filter(present.contains) + extra + tail
            let sections = slugs.map { Section(path: folder + $0 + ".md", environment: env.name, id: unique("\(env.name)--\($0)")) }
            groups.append(Group(environment: env, sections: sections))
        }
        var appendix: [Section] = []
        if environment == nil {
            for page in handWrittenPages(site) {
                appendix.append(Section(path: "md/" + page, environment: nil, id: unique(String(page.dropLast(3)).replacingOccurrences(of: "/", with: "--"))))
            }
        }
        if site.files["md/glossary.md"] != nil { appendix.append(Section(path: "md/glossary.md", environment: nil, id: unique("glossary"))) }
        return HandoutPlan(groups: groups, appendix: appendix)
    }

    /// The hand-written pages (`pages/<name>.md`) in the order the home page lists them, which is their weight
    /// order; any the home page does not list follow by name.
    static func handWrittenPages(_ site: SiteFiles) -> [String] {
        let present = site.paths.filter { $0.hasPrefix("md/pages/") && $0.hasSuffix(".md") }.map { String($0.dropFirst(3)) }
        guard !present.isEmpty else { return [] }
        let index = site.files["md/index.md"].map { String(decoding: $0, as: UTF8.self) } ?? ""
        let available = Set(present)
        var ordered: [String] = [], listed = Set<String>()
        var rest = Substring(index)
        while let open = rest.byteRange(of: "](pages/") {
            let start = rest.utf8.index(open.lowerBound, offsetBy: 2)
            guard let close = rest[start...].utf8.firstIndex(of: UInt8(ascii: ")")) else { break }
            let target = String(rest[start..<close])
            if available.contains(target), listed.insert(target).inserted { ordered.append(target) }
            rest = rest[close...]
        }
        return ordered + present.filter { !listed.contains($0) }.sorted()
    }
}

/// Why a handout cannot be made.
public enum HandoutError: Error, CustomStringConvertible, Equatable {
    /// `--env` names no environment of the content.
    case unknownEnvironment(String, available: [String])
    /// A page of the plan is not valid UTF-8.
    case unreadablePage(String)

    public var description: String {
        switch self {
        case .unknownEnvironment(let name, let available):
            return "no environment '\(name)' (environments: \(available.joined(separator: ", ")))"
        case .unreadablePage(let path): return "\(path) is not UTF-8 text"
        }
    }
}
