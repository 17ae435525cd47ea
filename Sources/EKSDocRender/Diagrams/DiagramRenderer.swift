import Foundation

/// Renders diagrams to files (`.dot`, `.svg`, `.png`), reusing earlier renderings of the same DOT text from a
/// cache folder, since Graphviz layout is the expensive step of a build.
public struct DiagramRenderer: Sendable {
    /// Where renderings are kept between builds; nil disables the cache.
    public var cacheDirectory: URL?

    public init(cacheDirectory: URL? = DiagramRenderer.defaultCacheDirectory) {
        self.cacheDirectory = cacheDirectory
    }

    /// `$EKSDOC_CACHE_DIR`, else `$XDG_CACHE_HOME/eksdoc`, else `~/.cache/eksdoc`.
    public static var defaultCacheDirectory: URL? {
        let env = ProcessInfo.processInfo.environment
        if let dir = env["EKSDOC_CACHE_DIR"] { return dir.isEmpty ? nil : URL(fileURLWithPath: dir) }
        if let xdg = env["XDG_CACHE_HOME"], !xdg.isEmpty { return URL(fileURLWithPath: xdg).appendingPathComponent("eksdoc") }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/eksdoc")
    }

    /// The files of one diagram, relative to the site root.
    public func files(for diagram: Diagram) throws -> [(path: String, data: Data)] {
        let base = "diagrams/\(diagram.ref.fileName)"
        switch diagram.content {
        case .svg(let svg):
            return [(base + ".svg", Data(svg.utf8))]
        case .dot(let dot):
            let images = try rendered(dot, formats: ["svg", "png"])
            // An empty PNG: the layout is over the bitmap limit, so the diagram is SVG only.
            return [(base + ".dot", Data(dot.utf8)), (base + ".svg", images[0])] + (images[1].isEmpty ? [] : [(base + ".png", images[1])])
        }
    }

    /// The DOT text in each format, from the cache where it is there; the rest from one layout.
    func rendered(_ dot: String, formats: [String]) throws -> [Data] {
        let cached = formats.map { cachedFile(dot, format: $0).flatMap { FileManager.default.contents(atPath: $0.path) } }
        if cached.allSatisfy({ $0 != nil }) { return cached.compactMap { $0 } }
        let data = try GraphvizRenderer.shared.render(dot: dot, formats: formats)
        for (format, image) in zip(formats, data) { store(image, dot, format: format) }
        return data
    }

    /// Renders DOT text into the cache (SVG and PNG), as a build would: what `eksdoc render-dot --cache` runs.
    public func warm(_ dot: String) throws {
        _ = try rendered(dot, formats: ["svg", "png"])
    }

    /// Renders the DOT texts missing from the cache on every core before the build asks for them one by one.
    /// libgvc keeps global state and cannot lay out on two threads, so the other cores run helper processes
    /// (`<helper> render-dot --cache DIR FILE...`, the eksdoc binary itself) while this process renders its own
    /// share. Shares are balanced by DOT size. Nothing is required of the helpers: whatever they did not render
    /// is rendered here when it is asked for, so a failed helper costs time, never output. Without a cache,
    /// a helper binary or a second core this does nothing.
    public func prefetch(_ dots: [String], helper: URL? = DiagramRenderer.helperExecutable,
                         cores: Int = ProcessInfo.processInfo.activeProcessorCount) {
        guard let cacheDirectory, let helper, cores > 1 else { return }
        var seen = Set<String>()
        let misses = dots.filter { dot in
            seen.insert(dot).inserted && ["svg", "png"].contains { format in
                cachedFile(dot, format: format).map { !FileManager.default.fileExists(atPath: $0.path) } ?? true
            }
        }.sorted { ($0.utf8.count, $0) > ($1.utf8.count, $1) }
        guard misses.count >= 4 else { return }
        let workers = min(cores, 8)
        var shares = Array(repeating: [String](), count: workers), loads = Array(repeating: 0, count: workers)
        for dot in misses {
            let lightest = loads.indices.min { loads[$0] < loads[$1] }!
            shares[lightest].append(dot)
            loads[lightest] += dot.utf8.count
        }
        let fm = FileManager.default
        let folder = cacheDirectory.appendingPathComponent(".prefetch-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? fm.removeItem(at: folder) }
        guard (try? fm.createDirectory(at: folder, withIntermediateDirectories: true)) != nil else { return }
        var helpers: [Process] = []
        for (worker, share) in shares.enumerated().dropFirst() where !share.isEmpty {
            var paths: [String] = []
            for (index, dot) in share.enumerated() {
                let file = folder.appendingPathComponent("\(worker)-\(index).dot")
                if fm.createFile(atPath: file.path, contents: Data(dot.utf8)) { paths.append(file.path) }
            }
            let process = Process()
            process.executableURL = helper
            process.arguments = ["render-dot", "--cache", cacheDirectory.path] + paths
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            if (try? process.run()) != nil { helpers.append(process) }
        }
        for dot in shares[0] { try? warm(dot) }
        for process in helpers { process.waitUntilExit() }
    }

    /// The eksdoc binary when this process is one (`/proc/self/exe` named `eksdoc`); nil inside test runners.
    public static var helperExecutable: URL? {
        guard let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"),
              URL(fileURLWithPath: path).lastPathComponent == "eksdoc" else { return nil }
        return URL(fileURLWithPath: path)
    }

    func rendered(_ dot: String, format: String) throws -> Data {
        try rendered(dot, formats: [format])[0]
    }

    private func cachedFile(_ dot: String, format: String) -> URL? {
        let key = DiagramRenderer.hash(dot + "\u{0}" + format + "\u{0}" + DiagramRenderer.rendererVersion)
        return cacheDirectory?.appendingPathComponent("\(key).\(format)")
    }

    private func store(_ data: Data, _ dot: String, format: String) {
        if let cached = cachedFile(dot, format: format) {
            let key = cached.deletingPathExtension().lastPathComponent
            try? FileManager.default.createDirectory(at: cached.deletingLastPathComponent(), withIntermediateDirectories: true)
            let temporary = cached.deletingLastPathComponent().appendingPathComponent(".\(key).\(ProcessInfo.processInfo.processIdentifier).tmp")
            if FileManager.default.createFile(atPath: temporary.path, contents: data) {
                // rename(2) replaces atomically and, unlike `replaceItemAt` on Linux, works when the entry is new.
                if rename(temporary.path, cached.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
            }
        }
    }

    /// Changes when the rendering code changes, so stale cache entries are not reused.
    static let rendererVersion = "graphviz-3-bitmap-limit"

    /// FNV-1a 64-bit, hex: a stable key for the cache (not a security boundary).
    public static func hash(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
        }
        return String(h, radix: 16).leftPadded(16)
    }
}
