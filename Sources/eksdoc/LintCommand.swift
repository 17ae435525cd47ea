import ArgumentParser
import EKSDocAnalysis
import EKSDocModel
import EKSDocRender
import Foundation

/// `eksdoc lint [DIR] [--json] [--fail-on warning|error]`: the findings of every environment.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint", abstract: "Report findings; exit 1 when any is at or above --fail-on.")

    @OptionGroup var content: ContentOptions

    @Flag(help: "Print findings as JSON.")
    var json = false

    @Option(help: "The lowest severity that makes the command exit 1: note, warning or error.")
    var failOn: Severity = .error

    @Flag(help: "List the finding rules and exit.")
    var list = false

    struct Report: Encodable {
        var environments: [EnvironmentFindings]
    }

    struct EnvironmentFindings: Encodable {
        var name: String
        var findings: [Finding]
    }

    func run() throws {
        if list {
            for rule in FindingRules.all { print("\(rule.id): \(rule.summary)") }
            return
        }
        let inventory = try content.load()
        let facts = SiteBuilder.analyze(inventory)
        let report = Report(environments: inventory.environments.map { EnvironmentFindings(name: $0.name, findings: facts[$0.name]?.findings ?? []) })
        if json {
            Console.write(try ModelJSON.encode(report))
        } else {
            for env in report.environments {
                for finding in env.findings { print(line(finding, environment: env.name)) }
            }
            let counts = Dictionary(grouping: report.environments.flatMap(\.findings), by: \.severity).mapValues(\.count)
            print("\(counts[.error] ?? 0) errors, \(counts[.warning] ?? 0) warnings, \(counts[.note] ?? 0) notes")
        }
        if report.environments.contains(where: { $0.findings.contains { $0.severity >= failOn } }) {
            throw ExitCode(1)
        }
    }

    /// `content/path:line:col: warning: [rule-id] message (fix: hint)`.
    func line(_ finding: Finding, environment: String) -> String {
        var place = environment
        if let source = finding.source, !source.file.isEmpty, !source.file.hasPrefix("(") {
            place = "\(content.directory)/\(source.description)"
        }
        return "\(place): \(finding.severity.rawValue): [\(finding.id)] \(finding.message) (fix: \(finding.hint))"
    }
}

extension Severity: ExpressibleByArgument {}
