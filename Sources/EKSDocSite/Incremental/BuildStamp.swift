import EKSDocIngest
import EKSDocRender
import Foundation

/// What lets `eksdoc build` skip a build that would change nothing: a digest of everything the build reads (each
/// content file's path and bytes, and the eksdoc binary itself, which carries the templates and the question
/// bank), and a listing of the output folder as the last build left it (paths, sizes, modification times). Both
/// are kept in the cache folder, never in the site. When both match, the site on disk is what a build would write.
public struct BuildStamp: Codable, Equatable, Sendable {
    /// Digest of the inputs.
    public var inputs: String
    /// Digest of the output folder's listing after the build wrote it.
    public var output: String
    /// The warnings the build printed, repeated when it is skipped.
    public var warnings: [String]

    public init(inputs: String, output: String, warnings: [String]) {
        self.inputs = inputs; self.output = output; self.warnings = warnings
    }

    /// The digest of a content folder (hidden files and the output folder left out) and of the running binary.
    public static func inputsDigest(contentDirectory: URL, excluding output: URL) -> String {
        var hasher = Hasher64()
        hasher.add("eksdoc-build-stamp-1\n")
        if let binary = executableIdentity() { hasher.add(binary) }
        let base = contentDirectory.standardizedFileURL.resolvingSymlinksInPath().path
        let excluded = output.standardizedFileURL.resolvingSymlinksInPath().path
        for (relative, path) in regularFiles(under: base, excluding: excluded) {
            hasher.add("\u{0}file\u{0}\(relative)\u{0}")
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if Int(info.st_size) > SourceFile.maxBytes {
                // Refused by the build anyway; its size and time stand for it.
                hasher.add("\(info.st_size)\u{0}\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)")
            } else if let data = FileManager.default.contents(atPath: path) {
                hasher.add(data)
            }
        }
        return hasher.hex
    }

    /// The digest of an output folder's listing: each file's path, size and modification time. Nil when the
    /// folder does not exist.
    public static func outputDigest(_ folder: URL) -> String? {
        let base = folder.standardizedFileURL.resolvingSymlinksInPath().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: base, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        var hasher = Hasher64()
        for (relative, path) in regularFiles(under: base, excluding: nil, includeHidden: true) {
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            hasher.add("\(relative)\u{0}\(info.st_size)\u{0}\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)\n")
        }
        return hasher.hex
    }

    /// Where the stamp of an output folder is kept: `<cache>/builds/<digest of the folder's path>.json`.
    public static func location(for output: URL, cache: URL) -> URL {
        let path = output.standardizedFileURL.resolvingSymlinksInPath().path
        return cache.appendingPathComponent("builds").appendingPathComponent(DiagramRenderer.hash(path) + ".json")
    }

    /// The stamp recorded at `url`, if any.
    public static func read(_ url: URL) -> BuildStamp? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try? JSONDecoder().decode(BuildStamp.self, from: data)
    }

    /// Records the stamp; a cache that cannot be written only costs the next build its shortcut.
    public func write(to url: URL) {
        let fm = FileManager.default
        try? fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard let data = try? JSONEncoder().encode(self) else { return }
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier)")
        guard fm.createFile(atPath: temporary.path, contents: data) else { return }
        if rename(temporary.path, url.path) != 0 { try? fm.removeItem(at: temporary) }
    }

    /// The running binary's path, size and modification time: a rebuilt eksdoc invalidates every stamp.
    static func executableIdentity() -> String? {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first
        guard let path else { return nil }
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "binary\u{0}\(path)\u{0}\(info.st_size)\u{0}\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)\n"
    }

    /// Regular files under `base`, sorted by relative path; hidden entries skipped unless asked for.
    static func regularFiles(under base: String, excluding: String?, includeHidden: Bool = false) -> [(String, String)] {
        let entries = FileWalker.walk(base, includeHidden: includeHidden) { relative in
            guard let excluding else { return false }
            let path = base + "/" + relative
            return path == excluding
        }
        return entries.filter { !$0.isDirectory }.map { ($0.relative, base + "/" + $0.relative) }
    }
}

/// 64-bit FNV-1a over strings and bytes.
struct Hasher64 {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        for byte in text.utf8 { mix(byte) }
    }

    mutating func add(_ data: Data) {
        data.withUnsafeBytes { raw in
            for byte in raw.bindMemory(to: UInt8.self) { mix(byte) }
        }
    }

    @inline(__always) private mutating func mix(_ byte: UInt8) {
        state ^= UInt64(byte)
        state = state &* 0x0000_0100_0000_01b3
    }

    var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
