import ArgumentParser
import EKSDocSite
import Foundation

/// `eksdoc handout [DIR] [--env E] [--pdf] [--out FILE]`: the whole documentation as one printable,
/// self-contained HTML file, or as a PDF rendered by weasyprint.
struct HandoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handout",
        abstract: "Write the documentation as one self-contained HTML file, or a PDF with --pdf.",
        discussion: """
        The handout has a cover, a table of contents and one printed page per section: every page of each \
        environment in navigation order, its Q&A, and the glossary. --pdf renders it with weasyprint \
        (SOURCE_DATE_EPOCH=0, so the same content gives the same bytes). Bad input or a missing weasyprint exits 2; \
        the output file is replaced only when everything succeeded.
        """)

    @OptionGroup var content: ContentOptions

    @Option(help: "Only this environment (the glossary is always included).")
    var env: String?

    @Flag(help: "Render a PDF with weasyprint instead of writing HTML.")
    var pdf = false

    @Option(name: .shortAndLong, help: "The output file (default handout.html, or handout.pdf with --pdf).")
    var out: String?

    @Option(help: "Seconds weasyprint may take before it is stopped.")
    var timeout: Int = 300

    func run() throws {
        try content.requireFolder()
        if pdf && HandoutPDF.weasyprint(path: ProcessInfo.processInfo.environment["PATH"]) == nil {
            Console.error("error: \(HandoutPDF.notInstalledMessage)")
            throw ExitCode(2)
        }
        let output: SitePipeline.Output
        do {
            output = try SitePipeline.build(contentDirectory: content.url)
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(3)
        }
        Console.report(output.diagnostics, root: content.directory)
        guard let site = output.site else { throw ExitCode(2) }
        let html: String
        do {
            html = try Handout.html(site, inventory: output.inventory, environment: env)
        } catch let error as HandoutError {
            Console.error("error: \(error)")
            throw ExitCode(2)
        }
        let target = URL(fileURLWithPath: out ?? (pdf ? "handout.pdf" : "handout.html"))
        do {
            if pdf {
                try HandoutPDF.render(html: html, to: target, timeout: TimeInterval(timeout))
            } else {
                try HandoutPDF.writeAtomically(Data(html.utf8), to: target)
            }
        } catch HandoutPDF.Failure.notInstalled {
            Console.error("error: \(HandoutPDF.notInstalledMessage)")
            throw ExitCode(2)
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(3)
        }
    }
}
