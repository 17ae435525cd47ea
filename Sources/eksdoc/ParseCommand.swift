import ArgumentParser
import EKSDocHCL
import EKSDocIngest
import EKSDocModel
import Foundation

/// `eksdoc parse FILE`: what an HCL/tfvars (or .tfvars.json) file parsed to, as canonical JSON.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse", abstract: "Print what a Terraform (.tf, .tfvars, .tfvars.json) file parses to, as canonical JSON.")

    @Argument(help: "The file to parse.")
    var file: String

    func run() throws {
        let source: SourceFile
        switch SourceFile.read(URL(fileURLWithPath: file), displayPath: file) {
        case .success(let s): source = s
        case .failure(let d):
            Console.report(Diagnostics([d]), root: nil)
            throw ExitCode(2)
        }
        let (body, diagnostics) = file.hasSuffix(".json")
            ? TFVarsJSON.parse(source.text, file: file)
            : HCLParser.parse(source.text, file: file)
        let all = Diagnostics(diagnostics)
        Console.report(all, root: nil)
        if all.hasErrors { throw ExitCode(2) }
        Console.write(Data(HCLCanonicalJSON.render(body).utf8))
    }
}
