import EKSDocAnalysis
import EKSDocModel

/// `md/<env>/drift.md`: where the declared configuration (Terraform inputs, eksctl, manifests) and the live
/// records (AWS CLI snapshots, Terraform state) disagree, and which sources were compared.
public enum DriftPage: EnvironmentPageBuilder {
    /// The file name: `md/<env>/drift.md`.
    public static let slug = "drift"
    /// The title in navigation.
    public static let title = "Drift"
    /// The position in navigation.
    public static let order = 100

    /// The page for one environment, built from its model and facts.
    public static func build(_ context: PageContext) -> Page {
        let env = context.env
        var doc = PageDocument(title: NetworkText.title(title, env))
        doc.paragraph("*Declared* values are what the configuration asks for: Terraform variables, eksctl "
                      + "ClusterConfig, Kubernetes manifests. *Live* values are what the AWS CLI snapshots and the "
                      + "Terraform state record as existing. eksdoc matches each declared entity with the live entity "
                      + "of the same id or name and compares them field by field; where they differ the live value is "
                      + "what runs, and the declared one is what the next apply or rollout would set.")
        let sources = DriftSources(env)
        if env.drift.isEmpty {
            doc.callout("TIP", "No drift: every declared value that has a live counterpart matches it.")
        } else {
            doc.heading(2, "Differences (\(env.drift.count))")
            var rows: [[String]] = []
            for item in env.drift {
                doc.source(item.declaredAt)
                doc.source(item.liveAt)
                rows.append([NetworkText.code(item.entity), NetworkText.code(item.field), NetworkText.code(item.declared),
                             NetworkText.location(item.declaredAt), live(item), NetworkText.location(item.liveAt)])
            }
            doc.table(["Entity", "Field", "Declared", "Declared in", "Live", "Live in"], rows)
            doc.bullets(env.drift.map(explain))
        }
        doc.heading(2, "Sources compared")
        if sources.declared.isEmpty || sources.live.isEmpty {
            let missing = sources.declared.isEmpty ? "no declared input" : "no live record (snapshot or state)"
            doc.paragraph("The environment has \(missing), so there was nothing to compare against.")
        }
        var rows = [
            ["Declared", sources.declared.isEmpty ? "none" : sources.declared.map(NetworkText.code).joined(separator: ", ")],
            ["Live", sources.live.isEmpty ? "none" : sources.live.map(NetworkText.code).joined(separator: ", ")],
        ]
        if !sources.other.isEmpty {
            rows.append(["Read, nothing to compare", sources.other.map(NetworkText.code).joined(separator: ", ")])
        }
        doc.table(["Side", "Files"], rows)
        doc.sources((sources.declared + sources.live + sources.other).map { SourceLocation(file: $0) })
        return doc.page(path: context.path(slug), title: title)
    }

    static func live(_ item: DriftItem) -> String {
        item.liveAt.file.hasPrefix("(") ? "not found" : NetworkText.code(item.live)
    }

    /// One sentence per item: what differs and what applying the declaration would do.
    static func explain(_ item: DriftItem) -> String {
        if item.field == "exists" {
            return "\(NetworkText.code(item.entity)) is declared at \(NetworkText.location(item.declaredAt)) but no live record "
                + "has it: it was never created, was deleted, or the snapshot predates it."
        }
        let (entity, field) = (NetworkText.code(item.entity), NetworkText.code(item.field))
        return "\(entity): \(field) is declared as \(NetworkText.code(item.declared)) at "
            + "\(NetworkText.location(item.declaredAt)) but live is \(NetworkText.code(item.live)) at "
            + "\(NetworkText.location(item.liveAt)). Apply the declaration, or change it to match what runs."
    }
}
