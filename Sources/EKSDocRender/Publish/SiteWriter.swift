import CSystem
import EKSDocModel
import Foundation

/// A built site held in memory: relative path -> bytes. Paths use `/` and never leave the site folder.
public struct SiteFiles: Sendable, Equatable {
    public private(set) var files: [String: Data] = [:]

    public init() {}

    /// Adds a file. Unsafe paths (absolute, `..`, empty components, NUL) are refused.
    public mutating func add(_ path: String, _ data: Data) throws {
        guard SiteFiles.isSafe(path) else { throw PublishError.unsafePath(path) }
        files[path] = data
    }

    public mutating func add(_ path: String, text: String) throws {
        try add(path, Data(text.utf8))
    }

    public var paths: [String] { files.keys.sorted() }

    static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\0"), path.utf8.count < 1024 else { return false }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return parts.allSatisfy { !$0.isEmpty && $0 != ".." && $0 != "." && $0.utf8.count <= 255 }
    }
}

public enum PublishError: Error, CustomStringConvertible, Equatable {
    case unsafePath(String)
    case io(String)

    public var description: String {
        switch self {
        case .unsafePath(let p): return "refusing to write outside the output folder: \(p)"
        case .io(let m): return m
        }
    }
}

/// Writes a site atomically: into a temporary sibling folder first, then swapped into place in one step
/// (`renameat2` with `RENAME_EXCHANGE` where the filesystem has it), so a failed or killed build leaves the
/// previous output untouched. Staging folders of builds that were killed are removed by the next build.
public enum SiteWriter {
    public static func write(_ site: SiteFiles, to output: URL) throws {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name).building-\(pid)")
        let previous = parent.appendingPathComponent(".\(name).previous-\(pid)")
        removeAbandoned(in: parent, name: name, output: output)
        do {
            try? fm.removeItem(at: staging)
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            for path in site.paths {
                let url = staging.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                guard fm.createFile(atPath: url.path, contents: site.files[path]) else {
                    throw PublishError.io("cannot write \(url.path)")
                }
            }
            if fm.fileExists(atPath: output.path) {
                if eksdoc_exchange_paths(staging.path, output.path) == 0 {
                    // `staging` now holds the previous site.
                    try? fm.removeItem(at: staging)
                    return
                }
                try fm.moveItem(at: output, to: previous)
                do {
                    try fm.moveItem(at: staging, to: output)
                } catch {
                    try? fm.moveItem(at: previous, to: output)
                    throw error
                }
                try? fm.removeItem(at: previous)
            } else {
                try fm.moveItem(at: staging, to: output)
            }
        } catch {
            try? fm.removeItem(at: staging)
            if let e = error as? PublishError { throw e }
            throw PublishError.io("cannot publish to \(output.path): \(error.localizedDescription)")
        }
    }

    /// Removes `.<name>.building-<pid>` folders of builds no longer running; puts back a `.<name>.previous-<pid>`
    /// left by a build killed between its two renames when the output itself is missing.
    static func removeAbandoned(in parent: URL, name: String, output: URL) {
        let fm = FileManager.default
        guard let siblings = try? fm.contentsOfDirectory(atPath: parent.path) else { return }
        for sibling in siblings.sorted() {
            for (marker, restore) in [(".\(name).building-", false), (".\(name).previous-", true)] {
                guard sibling.hasPrefix(marker), let pid = Int32(sibling.dropFirst(marker.count)),
                      pid != ProcessInfo.processInfo.processIdentifier, !isRunning(pid) else { continue }
                let url = parent.appendingPathComponent(sibling)
                if restore && !fm.fileExists(atPath: output.path) {
                    try? fm.moveItem(at: url, to: output)
                } else {
                    try? fm.removeItem(at: url)
                }
            }
        }
    }

    /// True when a process with this id exists.
    static func isRunning(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    /// Every regular file under `folder`, relative path -> bytes (hidden files skipped).
    public static func readTree(_ folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        let fm = FileManager.default
        guard let enumerator = fm.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey],
                                             options: [.skipsHiddenFiles]) else { return [:] }
        let base = folder.standardizedFileURL.path
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let full = url.standardizedFileURL.path
            guard full.hasPrefix(base + "/") else { continue }
            result[String(full.dropFirst(base.count + 1))] = fm.contents(atPath: full)
        }
        return result
    }
}
