import ArgumentParser
import EKSDocAnalysis
import EKSDocIngest
import EKSDocModel
import EKSDocRender
import Foundation

/// `eksdoc diff OLD NEW [--json] [--fail-on RISKS]`: what changed between two content folders, snapshot folders
/// or `eksdoc model --json` files, with risk notes; Markdown for a pull-request comment by default.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two content folders, snapshot folders or model exports.",
        discussion: """
        OLD and NEW are each a folder (loaded like `eksdoc build` loads content) or a JSON file written by \
        `eksdoc model --json`. --fail-on takes a comma list of risk ids and severities (note, warning, error: \
        that severity or above) and exits 1 when a matching risk is present. Bad input exits 2. Risks: \
        \(DiffRisks.ids.joined(separator: ", ")).
        """)

    @Argument(help: "The old side: a content folder, a snapshot folder or an `eksdoc model --json` file.")
    var old: String

    @Argument(help: "The new side, of any of the same kinds.")
    var new: String

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Option(help: "Risk ids or severities that make the command exit 1, comma separated (e.g. error,subnet-removed).")
    var failOn: String?

    func run() throws {
        let (severities, risks) = try parseFailOn()
        let before = try Self.load(old), after = try Self.load(new)
        let report = ModelDiff.diff(old: before, new: after)
        if json {
            Console.write(try ModelJSON.encode(report))
        } else {
            Console.write(Data(DiffMarkdown.render(report).utf8))
        }
        let failing = report.risks.contains { note in
            risks.contains(note.risk) || severities.contains { note.severity >= $0 }
        }
        if failing { throw ExitCode(1) }
    }

    /// The severities and risk ids of `--fail-on`; exits 2 on an unknown item.
    func parseFailOn() throws -> (severities: [Severity], risks: Set<String>) {
        var severities: [Severity] = [], risks = Set<String>()
        for item in (failOn ?? "").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() })
        where !item.isEmpty {
            if let severity = Severity(rawValue: item) {
                severities.append(severity)
            } else if DiffRisks.ids.contains(item) {
                risks.insert(item)
            } else {
                Console.error("error: --fail-on: unknown risk or severity '\(item)' (use note, warning, error, "
                    + DiffRisks.ids.joined(separator: ", ") + ")")
                throw ExitCode(2)
            }
        }
        return (severities, risks)
    }

    /// Loads a folder with the content loader, or a file as a model export; prints diagnostics, exits 2 on errors.
    static func load(_ path: String) throws -> Inventory {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            Console.error("\(path): error: not found (expected a content folder, a snapshot folder or a model JSON file)")
            throw ExitCode(2)
        }
        if isDirectory.boolValue {
            let (inventory, diagnostics) = ContentLoader.load(URL(fileURLWithPath: path))
            Console.report(diagnostics, root: path)
            if diagnostics.hasErrors { throw ExitCode(2) }
            return inventory
        }
        guard path.lowercased().hasSuffix(".json") else {
            Console.error("\(path): error: expected a folder or an `eksdoc model --json` file (.json)")
            throw ExitCode(2)
        }
        do {
            return try ModelExport.decode(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch let failure as ModelExport.Failure {
            Console.error("\(path): error: \(failure)")
        } catch {
            Console.error("\(path): error: cannot read: \(error.localizedDescription)")
        }
        throw ExitCode(2)
    }
}

/// The Markdown report: a summary line, the risks, then one table per environment and entity kind. Every piece
/// of text from the inputs goes through `MD`.
enum DiffMarkdown {
    static func render(_ report: DiffReport) -> String {
        var out = "## eksdoc diff\n\n"
        guard !report.isEmpty else { return out + "No changes.\n" }
        out += summary(report) + "\n\n"
        if !report.risks.isEmpty {
            out += "### Risks\n\n"
            out += MD.table(["Severity", "Risk", "Environment", "Entity", "Note"], report.risks.map {
                [severity($0.severity), MD.code($0.risk), MD.cell($0.environment), MD.cell($0.entity), MD.cell($0.message)]
            }) + "\n"
        }
        for env in report.environments where env.change != nil || !env.changes.isEmpty {
            out += "### Environment " + MD.code(env.name)
            if let oldName = env.oldName { out += " (was " + MD.code(oldName) + ")" }
            out += "\n\n"
            if let change = env.change {
                out += "The whole environment was \(change.rawValue).\n\n"
                continue
            }
            for kind in DiffEntityKind.allCases {
                let rows = env.changes.filter { $0.kind == kind }
                guard !rows.isEmpty else { continue }
                out += "#### \(kind.title)\n\n"
                out += MD.table(["Change", "Entity", "Details"], rows.map { [$0.change.rawValue, MD.cell($0.entity), details($0)] })
                out += "\n"
            }
        }
        return out
    }

    /// `**2 added, 1 removed, 3 changed** in 1 environment · risks: 1 error, 2 warnings`.
    static func summary(_ report: DiffReport) -> String {
        let touched = report.environments.filter { $0.change != nil || !$0.changes.isEmpty }
        var parts = ChangeKind.allCases.map { "\(report.count($0)) \($0.rawValue)" }
        for change in [ChangeKind.added, .removed] {
            let n = touched.filter { $0.change == change }.count
            if n > 0 { parts.append("\(n) environment\(n == 1 ? "" : "s") \(change.rawValue)") }
        }
        var line = "**" + parts.joined(separator: ", ") + "** in \(touched.count) environment\(touched.count == 1 ? "" : "s")"
        let errors = report.riskCount(.error), warnings = report.riskCount(.warning), notes = report.riskCount(.note)
        line += report.risks.isEmpty ? " · no risks" : " · risks: \(plural(errors, "error")), \(plural(warnings, "warning"))"
        if notes > 0 { line += ", \(plural(notes, "note"))" }
        return line
    }

    static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: return "🔴 error"
        case .warning: return "🟠 warning"
        case .note: return "🔵 note"
        }
    }

    /// The detail for an added or removed entity; `field: old → new` lines for a changed one.
    static func details(_ change: EntityChange) -> String {
        var lines: [String] = []
        if let detail = change.detail, !detail.isEmpty { lines.append(MD.text(detail)) }
        for field in change.fields {
            lines.append(MD.code(field.field) + ": " + MD.cell(field.old) + " → " + MD.cell(field.new))
        }
        return lines.isEmpty ? "—" : lines.joined(separator: "<br>")
    }
}
