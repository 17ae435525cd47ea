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

    func run() throws {
        try content.requireFolder()
        let output: SitePipeline.Output
        do {
            output = try SitePipeline.build(contentDirectory: content.url)
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(3)
        }
        Console.report(output.diagnostics, root: content.directory)
        guard let site = output.site else { throw ExitCode(2) }
        let folder = URL(fileURLWithPath: out)
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
            try SiteWriter.write(site, to: folder)
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(3)
        }
    }
}
