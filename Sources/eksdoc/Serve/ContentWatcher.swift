import Foundation

/// Watches folders by polling: each call to `scan()` lists every regular file under the roots with its
/// modification time and size. Portable (no inotify or FSEvents); hidden files and folders (editor swap files,
/// `.git`) are skipped.
struct ContentWatcher: Sendable {
    /// What is known about one file.
    struct Stamp: Equatable, Sendable {
        var modified: Double
        var size: Int
    }

    /// All files under the roots: absolute path -> stamp.
    typealias Snapshot = [String: Stamp]

    /// The folders (or single files) watched; missing ones are looked at again on every scan.
    let roots: [URL]

    /// Lists every file under the roots now.
    func scan() -> Snapshot {
        var snapshot: Snapshot = [:]
        let fm = FileManager.default
        let keys: [URLResourceKey] = [.isRegularFileKey, .contentModificationDateKey, .fileSizeKey]
        for root in roots {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: root.path, isDirectory: &isDirectory) else { continue }
            guard isDirectory.boolValue else {
                if let stamp = ContentWatcher.stamp(root, keys: keys) { snapshot[root.path] = stamp }
                continue
            }
            guard let files = fm.enumerator(at: root, includingPropertiesForKeys: keys,
                                            options: [.skipsHiddenFiles]) else { continue }
            for case let url as URL in files {
                if let stamp = ContentWatcher.stamp(url, keys: keys) { snapshot[url.path] = stamp }
            }
        }
        return snapshot
    }

    private static func stamp(_ url: URL, keys: [URLResourceKey]) -> Stamp? {
        guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { return nil }
        return Stamp(modified: values.contentModificationDate?.timeIntervalSince1970 ?? 0, size: values.fileSize ?? 0)
    }

    /// The paths that were added, removed or changed between two snapshots, sorted.
    static func changes(from old: Snapshot, to new: Snapshot) -> [String] {
        var paths = Set<String>()
        for (path, stamp) in new where old[path] != stamp { paths.insert(path) }
        for path in old.keys where new[path] == nil { paths.insert(path) }
        return paths.sorted()
    }

    /// The folders `eksdoc serve` watches for a content folder: the content itself (its `questions/` and a theme
    /// inside it included), a theme named in `eksdoc.yml` that lies outside it, and a `templates/` folder beside
    /// the content folder or in the working directory.
    static func roots(forContent content: URL) -> [URL] {
        let content = content.standardizedFileURL
        var roots = [content]
        if let theme = themeFolder(content), !theme.path.hasPrefix(content.path + "/") { roots.append(theme) }
        let candidates = [content.deletingLastPathComponent().appendingPathComponent("templates"),
                          URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("templates")]
        for candidate in candidates.map(\.standardizedFileURL) where !roots.contains(candidate) {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
                roots.append(candidate)
            }
        }
        return roots
    }

    /// The `theme:` folder of `eksdoc.yml` (a top-level scalar), relative to the content folder.
    static func themeFolder(_ content: URL) -> URL? {
        guard let text = try? String(contentsOf: content.appendingPathComponent("eksdoc.yml"), encoding: .utf8) else {
            return nil
        }
        for line in text.split(separator: "\n") where line.hasPrefix("theme:") {
            var value = line.dropFirst("theme:".count).trimmingCharacters(in: .whitespaces)
            if let hash = value.range(of: " #") { value = String(value[..<hash.lowerBound]) }
            value = value.trimmingCharacters(in: CharacterSet(charactersIn: "\"' "))
            guard !value.isEmpty else { return nil }
            return content.appendingPathComponent(value).standardizedFileURL  // as TemplateSet resolves it
        }
        return nil
    }
}
