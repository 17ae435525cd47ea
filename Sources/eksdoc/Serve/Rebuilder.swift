import EKSDocModel
import EKSDocRender
import EKSDocSite
import Foundation

/// Builds the site with `SitePipeline` and publishes it to the `SiteState`; watches the content and rebuilds
/// on changes, one build at a time, with bursts of changes coalesced into one build.
///
/// Builds run on a Dispatch queue, not the Swift concurrency pool, so requests keep being answered while a
/// build lays out diagrams. Unchanged diagrams come from the `DiagramRenderer` cache (keyed by DOT text), so a
/// rebuild only runs Graphviz for the diagrams a change affects.
actor Rebuilder {
    let content: URL
    /// The content folder as the user wrote it, prefixed to diagnostic paths.
    let displayRoot: String
    let state: SiteState
    let renderer: DiagramRenderer
    private var lastDiagnostics: Diagnostics?
    /// What the first build did, printed after the `serving` line (which must come first on stdout).
    private(set) var initialSummary: String?

    init(content: URL, displayRoot: String, state: SiteState, renderer: DiagramRenderer = DiagramRenderer()) {
        self.content = content
        self.displayRoot = displayRoot
        self.state = state
        self.renderer = renderer
    }

    /// Builds once and publishes the result; returns whether the build produced a site.
    @discardableResult
    func build(initial: Bool) async -> Bool {
        let start = Date()
        let (content, renderer) = (self.content, self.renderer)
        let result: Result<SitePipeline.Output, any Error> = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: Result { try SitePipeline.build(contentDirectory: content, renderer: renderer) })
            }
        }
        let seconds = String(format: "%.1f", Date().timeIntervalSince(start))
        let output: SitePipeline.Output
        switch result {
        case .failure(let error):
            Console.error("error: \(error)")
            await state.fail("error: \(error)")
            await reportFailure(seconds: seconds)
            return false
        case .success(let built):
            output = built
        }
        if output.diagnostics.hasErrors || output.diagnostics != lastDiagnostics {
            Console.report(output.diagnostics, root: displayRoot)
        }
        lastDiagnostics = output.diagnostics
        guard let site = output.site else {
            let lines = output.diagnostics.sorted.filter { $0.severity == .error }.map(\.description)
            await state.fail(lines.joined(separator: "\n"))
            await reportFailure(seconds: seconds)
            return false
        }
        let changed = await state.publish(site)
        let version = await state.version
        if initial {
            initialSummary = "built in \(seconds) s: \(site.files.count) files"
        } else if changed == 0 {
            ServeOutput.line("rebuilt in \(seconds) s: no files changed (version \(version))")
        } else {
            ServeOutput.line("rebuilt in \(seconds) s: \(changed) file\(changed == 1 ? "" : "s") changed (version \(version))")
        }
        return true
    }

    private func reportFailure(seconds: String) async {
        let hasSite = await state.site != nil
        let version = await state.version
        Console.error(hasSite ? "build failed after \(seconds) s; still serving version \(version)"
                              : "build failed after \(seconds) s; fix the errors above and save")
    }

    /// Polls the watched folders every `interval` until cancelled. A change is built once a poll finds the files
    /// quiet again, so an editor saving several files (or a `git checkout`) gives one build; changes made during a
    /// build are seen by the next poll and give one more.
    func watch(_ watcher: ContentWatcher, from initial: ContentWatcher.Snapshot, interval: Duration) async {
        var last = initial
        var pending: [String] = []
        while !Task.isCancelled {
            do { try await Task.sleep(for: interval) } catch { return }
            let now = watcher.scan()
            let changed = ContentWatcher.changes(from: last, to: now)
            last = now
            if !changed.isEmpty {
                pending.append(contentsOf: changed)
                continue
            }
            guard !pending.isEmpty else { continue }
            let unique = Array(Set(pending)).sorted()
            pending = []
            let first = ServeOutput.relative(unique[0])
            ServeOutput.line("changed: \(first)\(unique.count > 1 ? " and \(unique.count - 1) more" : ""); rebuilding")
            await build(initial: false)
        }
    }
}

/// Progress lines of `eksdoc serve` on standard output (the first is always `serving URL`).
enum ServeOutput {
    static func line(_ text: String) {
        Console.write(Data((text + "\n").utf8))
    }

    /// A path relative to the working directory when it lies inside it.
    static func relative(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }
}
