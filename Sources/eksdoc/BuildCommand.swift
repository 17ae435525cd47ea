import ArgumentParser
import EKSDocRender
import EKSDocSite
import Foundation

/// `eksdoc build [DIR] [--out site] [--check]`: builds the documentation site.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Build the documentation site from a content folder.")

    @OptionGroup var content: ContentOptions

    @Option(name: .shortAndLong, help: "The output folder.")
    var out: String = "site"

    @Flag(help: "Build without writing; exit 1 when the output folder differs from what would be built.")
    var check = false

    @Flag(help: "Build even when nothing changed since the last build into the output folder.")
    var force = false

    func run() throws {
        try content.requireFolder()
        let folder = URL(fileURLWithPath: out)
        // A build whose inputs and output folder are as the last build left them would write the same files.
        let stampURL = DiagramRenderer.defaultCacheDirectory.map { BuildStamp.location(for: folder, cache: $0) }
        let inputs = StepTimings.measure("inputs digest") { BuildStamp.inputsDigest(contentDirectory: content.url, excluding: folder) }
        if !check, !force, let stampURL, let stamp = BuildStamp.read(stampURL), stamp.inputs == inputs,
           stamp.output == BuildStamp.outputDigest(folder) {
            for line in stamp.warnings { Console.error(line) }
            Console.error("\(out): up to date (nothing changed since the last build; --force rebuilds)")
            return
        }
        let output: SitePipeline.Output
        do {
            output = try SitePipeline.build(contentDirectory: content.url)
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(3)
        }
        let reported = Console.lines(output.diagnostics, root: content.directory)
        for line in reported { Console.error(line) }
        guard let site = output.site else { throw ExitCode(2) }
        if check {
            let comparison = SiteComparison.compare(site, with: SiteWriter.readTree(folder))
            if comparison.isClean { return }
            let existing = SiteWriter.readTree(folder)
            var shown = 0
            for path in comparison.stale {
                Console.error("\(out)/\(path): stale")
                guard let old = existing[path], let new = site.files[path], shown < 20,
                      let oldText = String(data: old, encoding: .utf8), let newText = String(data: new, encoding: .utf8) else { continue }
                shown += 1
                FileHandle.standardError.write(Data(UnifiedDiff.diff(old: oldText, new: newText, oldName: "\(out)/\(path)",
                                                                     newName: "built/\(path)").utf8))
            }
            if comparison.stale.count > shown { Console.error("(\(comparison.stale.count - shown) stale files without a diff: binary or over the 20-file cap)") }
            for path in comparison.missing { Console.error("\(out)/\(path): missing") }
            for path in comparison.extra { Console.error("\(out)/\(path): extra (not produced by this build)") }
            throw ExitCode(1)
        }
        do {
            try StepTimings.measure("write site") { try SiteWriter.write(site, to: folder) }
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(3)
        }
        if let stampURL, let written = StepTimings.measure("output digest", { BuildStamp.outputDigest(folder) }) {
            BuildStamp(inputs: inputs, output: written, warnings: reported).write(to: stampURL)
        }
    }
}
