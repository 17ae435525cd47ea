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
///
/// The folder swapped out is kept as `.<name>.spare` and becomes the next build's staging folder: its files are
/// overwritten in place and the ones no longer produced removed, so a rebuild reuses inodes instead of deleting
/// and creating thousands of files (on ext4 that allocation was a third of a 1,000-page build).
public enum SiteWriter {
    public static func write(_ site: SiteFiles, to output: URL) throws {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name).building-\(pid)")
        let previous = parent.appendingPathComponent(".\(name).previous-\(pid)")
        let spare = parent.appendingPathComponent(".\(name).spare")
        removeAbandoned(in: parent, name: name, output: output)
        do {
            try? fm.removeItem(at: staging)
            // Claim the spare folder (one rename, so two builds cannot both take it), else start empty.
            if rename(spare.path, staging.path) != 0 {
                try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            }
            try fill(staging, with: site)
            if fm.fileExists(atPath: output.path) {
                if eksdoc_exchange_paths(staging.path, output.path) == 0 {
                    // `staging` now holds the previous site: keep it for the next build.
                    if rename(staging.path, spare.path) != 0 { try? fm.removeItem(at: staging) }
                    return
                }
                try fm.moveItem(at: output, to: previous)
                do {
                    try fm.moveItem(at: staging, to: output)
                } catch {
                    try? fm.moveItem(at: previous, to: output)
                    throw error
                }
                if rename(previous.path, spare.path) != 0 { try? fm.removeItem(at: previous) }
            } else {
                try fm.moveItem(at: staging, to: output)
            }
        } catch {
            try? fm.removeItem(at: staging)
            if let e = error as? PublishError { throw e }
            throw PublishError.io("cannot publish to \(output.path): \(error.localizedDescription)")
        }
    }

    /// Makes `folder` hold exactly the site's files: folders first, then the files (on every core; a file whose
    /// bytes are already there is not rewritten), then everything else removed.
    static func fill(_ folder: URL, with site: SiteFiles) throws {
        let fm = FileManager.default
        let paths = site.paths
        var folders: Set<String> = [""]
        for path in paths {
            let parentFolder = path.split(separator: "/").dropLast().joined(separator: "/")
            if folders.insert(parentFolder).inserted {
                var isDirectory: ObjCBool = false
                let url = folder.appendingPathComponent(parentFolder)
                if fm.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue { try fm.removeItem(at: url) }
                try fm.createDirectory(at: url, withIntermediateDirectories: true)
            }
        }
        let failures = Parallel.map(paths) { path -> String? in
            let file = folder.path + "/" + path
            let data = site.files[path] ?? Data()
            if write(data, to: file) { return nil }
            // A folder (or a link) of an older site where this file now goes.
            try? FileManager.default.removeItem(atPath: file)
            return write(data, to: file) ? nil : file
        }
        if let failed = failures.compactMap({ $0 }).first { throw PublishError.io("cannot write \(failed)") }
        let wanted = Set(paths)
        var keptFolders: Set<String> = []
        for path in folders where !path.isEmpty {
            var prefix = ""
            for part in path.split(separator: "/") {
                prefix += prefix.isEmpty ? String(part) : "/" + part
                keptFolders.insert(prefix)
            }
        }
        var staleFolders: [String] = []
        // Symbolic links and other special files left in the folder are stale too (removed, never followed).
        let entries = FileWalker.walk(folder.path, includeHidden: true, includeOther: true) { relative in
            if keptFolders.contains(relative) { return false }
            staleFolders.append(relative)
            return true
        }
        let stale = staleFolders + entries.filter { !$0.isDirectory && !wanted.contains($0.relative) }.map(\.relative)
        for relative in stale.sorted() { try fm.removeItem(atPath: folder.path + "/" + relative) }
    }

    /// Writes a file with plain POSIX calls (Foundation's createFile adds a temporary file and a rename). A file
    /// that already holds exactly these bytes is not rewritten, only its time set: a rebuild into the spare folder
    /// writes only what changed.
    static func write(_ data: Data, to path: String) -> Bool {
        // O_NOFOLLOW: a link left where a file goes is replaced (by the caller), never written through.
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        if fstat(descriptor, &info) == 0, Int(info.st_size) == data.count, holds(descriptor, data) {
            // The bytes are from the build before last: the time moves to now, as if written, so servers and
            // sync tools that compare times never see a file older than what they served.
            return futimens(descriptor, nil) == 0
        }
        guard ftruncate(descriptor, 0) == 0 else { return false }
        return data.withUnsafeBytes { raw -> Bool in
            guard var pointer = raw.baseAddress else { return true }
            var left = raw.count
            while left > 0 {
                let written = Foundation.write(descriptor, pointer, left)
                if written < 0 { if errno == EINTR { continue }; return false }
                pointer += written
                left -= written
            }
            return true
        }
    }

    /// True when the open file's bytes equal `data` (its size already matched).
    private static func holds(_ descriptor: Int32, _ data: Data) -> Bool {
        if data.isEmpty { return true }
        var buffer = [UInt8](repeating: 0, count: data.count)
        var offset = 0
        while offset < data.count {
            let read = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + offset, data.count - offset, off_t(offset)) }
            if read < 0 { if errno == EINTR { continue }; return false }
            if read == 0 { return false }
            offset += read
        }
        return data.withUnsafeBytes { raw in memcmp(raw.baseAddress!, buffer, data.count) == 0 }
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
        let base = folder.standardizedFileURL.path
        for entry in FileWalker.walk(base) where !entry.isDirectory {
            result[entry.relative] = FileManager.default.contents(atPath: base + "/" + entry.relative)
        }
        return result
    }
}
