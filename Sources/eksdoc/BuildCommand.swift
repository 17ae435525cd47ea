import ArgumentParser
import EKSDocQA
import EKSDocRender
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
        let inventory = try content.load()
        let (extensions, diagnostics) = DocumentationExtensions.load(contentDirectory: content.url)
        Console.report(diagnostics, root: content.directory)
        if diagnostics.hasErrors { throw ExitCode(2) }
        let site: SiteFiles
        do {
            site = try SiteBuilder.build(inventory, extensions: extensions)
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(3)
        }
        let output = URL(fileURLWithPath: out)
        if check {
            let comparison = SiteComparison.compare(site, with: SiteWriter.readTree(output))
            if comparison.isClean { return }
            for path in comparison.stale { Console.error("\(out)/\(path): stale") }
            for path in comparison.missing { Console.error("\(out)/\(path): missing") }
            for path in comparison.extra { Console.error("\(out)/\(path): extra (not produced by this build)") }
            throw ExitCode(1)
        }
        do {
            try SiteWriter.write(site, to: output)
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(3)
        }
    }
}
