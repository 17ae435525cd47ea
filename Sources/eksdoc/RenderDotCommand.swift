import ArgumentParser
import EKSDocRender
import Foundation

/// `eksdoc render-dot --out DIR FILE.dot...`: renders DOT files to SVG and PNG in this process with libgvc, one
/// layout per file. Hidden: the diagram benchmark compares it with the `dot` command on the same files, and a
/// build runs it with `--cache DIR` on its other cores to render diagrams into the diagram cache
/// (``DiagramRenderer/prefetch(_:helper:cores:)``).
struct RenderDotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render-dot", abstract: "Render DOT files to SVG and PNG in-process (benchmarks).",
        shouldDisplay: false)

    @Option(name: .shortAndLong, help: "The folder the images are written to.")
    var out: String?

    @Option(help: "Render into this diagram cache folder instead of --out.")
    var cache: String?

    @Argument(help: "DOT files.")
    var files: [String]

    func validate() throws {
        guard (out == nil) != (cache == nil) else { throw ValidationError("give exactly one of --out and --cache") }
    }

    func run() throws {
        var failed = false
        if let cache {
            let renderer = DiagramRenderer(cacheDirectory: URL(fileURLWithPath: cache))
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { failed = true; continue }
                do { try renderer.warm(String(decoding: data, as: UTF8.self)) } catch { failed = true }
            }
            if failed { throw ExitCode(2) }
            return
        }
        let folder = URL(fileURLWithPath: out ?? ".")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                Console.error("\(file): error: cannot read the file")
                failed = true
                continue
            }
            let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            do {
                let images = try GraphvizRenderer.shared.render(dot: String(decoding: data, as: UTF8.self), formats: ["svg", "png"])
                // An empty PNG: the layout is over the bitmap limit, so there is none (as in a site build).
                for (format, image) in zip(["svg", "png"], images) where !image.isEmpty {
                    try image.write(to: folder.appendingPathComponent("\(name).\(format)"))
                }
            } catch {
                Console.error("\(file): error: \(error)")
                failed = true
            }
        }
        if failed { throw ExitCode(2) }
    }
}
