import EKSDocAnalysis
import EKSDocModel

/// `md/<env>/findings.md`: the findings grouped by severity, each with its rule id, entity, message, fix and
/// source, and the rules that were checked.
public enum FindingsPage: EnvironmentPageBuilder {
    /// The file name: `md/<env>/findings.md`.
    public static let slug = "findings"
    /// The title in navigation.
    public static let title = "Findings"
    /// The position in navigation.
    public static let order = 90

    static let severities: [(Severity, String)] = [(.error, "Errors"), (.warning, "Warnings"), (.note, "Notes")]

    /// The page for one environment, built from its model and facts.
    public static func build(_ context: PageContext) -> Page {
        let findings = context.facts.findings
        var doc = PageDocument(title: NetworkText.title(title, context.env))
        doc.paragraph("Problems and risks eksdoc found by checking the facts of this environment against its rules. "
                      + "Each rule has a stable id, which `eksdoc lint` reports too.")
        if findings.isEmpty {
            doc.callout("TIP", "No findings: all \(FindingRules.all.count) rules passed.")
        } else {
            let counts = severities.map { severity, _ in
                NetworkText.count(findings.filter { $0.severity == severity }.count, severity.rawValue)
            }
            doc.paragraph("**\(NetworkText.count(findings.count, "finding"))**: " + counts.joined(separator: ", ") + ".")
            doc.table(["Severity", "Rule", "Entity", "Message"], findings.map { finding in
                [finding.severity.rawValue, NetworkText.code(finding.id), NetworkText.code(finding.entity), MD.text(finding.message)]
            })
        }
        for (severity, heading) in severities {
            let group = findings.filter { $0.severity == severity }
            guard !group.isEmpty else { continue }
            doc.heading(2, "\(heading) (\(group.count))")
            for finding in group { section(finding, &doc) }
        }
        doc.heading(2, "Rules checked")
        doc.table(["Rule", "What it checks", "Findings here"], FindingRules.all.map { rule in
            [NetworkText.code(rule.id), MD.text(rule.summary), MD.number(findings.filter { $0.id == rule.id }.count)]
        }, align: [.left, .left, .right])
        return doc.page(path: context.path(slug), title: title)
    }

    static func section(_ finding: Finding, _ doc: inout PageDocument) {
        doc.source(finding.source)
        doc.heading(3, NetworkText.oneLine("\(finding.id): \(finding.entity)"))
        doc.bullets([
            "Rule: " + NetworkText.code(finding.id) + " (\(finding.severity.rawValue))",
            "Entity: " + NetworkText.code(finding.entity),
            "What: " + MD.text(finding.message),
            "Fix: " + MD.text(finding.hint),
            "Source: " + NetworkText.location(finding.source),
        ])
    }
}
