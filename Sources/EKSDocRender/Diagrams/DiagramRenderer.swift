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
