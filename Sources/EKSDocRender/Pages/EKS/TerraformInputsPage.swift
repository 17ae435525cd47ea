import EKSDocAnalysis
import EKSDocModel

/// `terraform-inputs.md`: every Terraform input variable with its value in this environment, its type, default and
/// description (when `variables.tf` is present), and where the value was set. Secret values are withheld.
public enum TerraformInputsPage: EnvironmentPageBuilder {
    public static let slug = "terraform-inputs"
    public static let title = "Terraform inputs"
    public static let order = 110

    public static func build(_ context: PageContext) -> Page {
        var doc = PageDocument(title: title)
        let variables = context.env.terraform.sorted { $0.name < $1.name }
        guard !variables.isEmpty else {
            doc.paragraph("The inputs of \(MD.text(context.env.name)) hold no Terraform variables: no `variables.tf`, "
                          + "`.tfvars` or `.tfvars.json` file.")
            return doc.page(path: context.path(slug), title: title)
        }
        let declared = variables.filter(isDeclared)
        let set = variables.filter { $0.value != nil }
        let withheld = variables.filter { shown($0.value ?? .null, $0) == .withheld || ($0.value == nil && isSecret($0)) }
        doc.paragraph("The Terraform input variables of \(MD.text(context.env.name)): "
                      + "\(EKSText.count(variables.count, "variable")), \(MD.number(set.count)) set for this environment "
                      + "and \(MD.number(variables.count - set.count)) not set (the default applies). "
                      + "Values whose name or content looks secret, and variables marked `sensitive`, are shown as "
                      + "(withheld)\(withheld.isEmpty ? "" : ": \(MD.number(withheld.count)) here").")
        if declared.isEmpty {
            doc.callout("NOTE", "No `variables.tf` was found for this environment, so types, defaults and "
                        + "descriptions are unknown; only the values set in the variable files are listed.")
        } else if declared.count < variables.count {
            let undeclared = variables.filter { !isDeclared($0) }.map(\.name)
            doc.callout("NOTE", "Set but not declared in `variables.tf`: \(EKSText.codes(undeclared)). Terraform "
                        + "warns about such values and ignores them.")
        }
        let rows: [[String]] = variables.map { variable in
            doc.source(variable.source)
            doc.source(variable.valueSource)
            let value: String
            if let current = variable.value {
                value = render(shown(current, variable))
            } else if let fallback = variable.defaultValue {
                value = render(shown(fallback, variable)) + " (default)"
            } else {
                value = isDeclared(variable) ? "none: required, not set" : "—"
            }
            let type = variable.type.map { MD.code(EKSText.oneLine($0)) } ?? "—"
            let defaultText = variable.defaultValue.map { render(shown($0, variable)) } ?? (isDeclared(variable) ? "none (required)" : "—")
            let setIn = variable.valueSource.map { MD.code($0.description) } ?? "not set (default applies)"
            let description = variable.description.map { MD.text(EKSText.collapsed($0)) } ?? "—"
            let flags = variable.sensitive == true ? " (sensitive)" : ""
            return [MD.code(variable.name) + flags, value, type, defaultText, description, setIn]
        }
        doc.table(["Variable", "Value in \(context.env.name)", "Type", "Default", "Description", "Set in"], rows)
        let files = Set(variables.compactMap { $0.valueSource?.file }).sorted()
        if !files.isEmpty {
            doc.paragraph("Values come from \(EKSText.codes(files)); declarations from "
                          + "\(EKSText.codes(Set(declared.map(\.source.file)).sorted())).")
        }
        return doc.page(path: context.path(slug), title: title)
    }

    /// True when the variable comes from a `variable` block (it has a type, default or description, or its
    /// declaration is a `.tf` file).
    static func isDeclared(_ variable: TerraformVariable) -> Bool {
        variable.type != nil || variable.defaultValue != nil || variable.description != nil
            || variable.sensitive != nil || variable.source.file.hasSuffix(".tf") || variable.source.file.hasSuffix(".tf.json")
    }

    /// A sensitive variable, or one whose name looks secret.
    static func isSecret(_ variable: TerraformVariable) -> Bool {
        variable.sensitive == true || SecretPolicy.isSecretName(variable.name)
    }

    /// The value as it may be shown: everything withheld for secret variables, secret-looking leaves withheld
    /// otherwise.
    static func shown(_ value: Value, _ variable: TerraformVariable) -> Value {
        if case .null = value { return value }
        return isSecret(variable) ? .withheld : scrub(value)
    }

    private static func scrub(_ value: Value) -> Value {
        switch value {
        case .string(let text): return SecretPolicy.looksSecret(text) ? .withheld : value
        case .expression(let text): return SecretPolicy.looksSecret(text) ? .withheld : value
        case .list(let items): return .list(items.map(scrub))
        case .object(let members):
            return .object(members.map { member in
                Value.Member(member.key, SecretPolicy.isSecretName(member.key) ? .withheld : scrub(member.value))
            })
        default: return value
        }
    }

    /// Withheld as plain "(withheld)", anything else as inline code on one line.
    static func render(_ value: Value) -> String {
        switch value {
        case .withheld: return "(withheld)"
        case .string(let text) where EKSText.collapsed(text).isEmpty: return MD.code("\"\"")
        default: return MD.code(EKSText.collapsed(value.displayText))
        }
    }
}
