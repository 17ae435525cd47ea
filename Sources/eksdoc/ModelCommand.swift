import ArgumentParser
import EKSDocRender

/// `eksdoc model [DIR] --json`: the normalised inventory as sorted, stable JSON.
struct ModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model", abstract: "Print the normalised model of a content folder.")

    @OptionGroup var content: ContentOptions

    @Flag(help: "Print JSON (the only format for now).")
    var json = false

    func run() throws {
        let inventory = try content.load()
        Console.write(try ModelJSON.render(inventory, facts: SiteBuilder.analyze(inventory)))
    }
}
