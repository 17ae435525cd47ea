import EKSDocHCL
import EKSDocModel

/// Reads Terraform inputs: `.tfvars` / `.tfvars.json` attributes (values) and `variable` blocks
/// (declarations with type, default and description). Other blocks (resources, modules) are not inputs.
public enum TerraformInputsReader {
    /// Adds the body's variables to `environment.terraform`. Values whose names or shapes look secret
    /// are replaced by `.withheld` before they enter the model.
    public static func read(_ body: HCLBody, into environment: inout Environment) {
        for attribute in body.attributes {
            let value = SecretScrubber.scrub(attribute.value, name: attribute.name)
            environment.terraform.append(TerraformVariable(
                name: attribute.name, value: value, valueSource: attribute.valueLocation,
                source: attribute.location))
        }
        for block in body.blocks where block.type == "variable" && block.labels.count == 1 {
            let name = block.labels[0]
            let attributes = Dictionary(block.body.attributes.map { ($0.name, $0) }, uniquingKeysWith: { $1 })
            let sensitive = attributes["sensitive"]?.value.boolValue
            var defaultValue = attributes["default"].map { SecretScrubber.scrub($0.value, name: name) }
            if sensitive == true, defaultValue != nil, defaultValue != .null { defaultValue = .withheld }
            environment.terraform.append(TerraformVariable(
                name: name, type: attributes["type"]?.valueText, defaultValue: defaultValue,
                description: attributes["description"]?.value.stringValue, sensitive: sensitive,
                source: block.location))
        }
    }
}

/// Replaces secret values inside a `Value` tree with `.withheld`, keeping keys.
public enum SecretScrubber {
    /// `name` is the key the value is stored under; nested object keys are checked too.
    public static func scrub(_ value: Value, name: String) -> Value {
        if SecretPolicy.isSecretName(name), value != .null { return .withheld }
        switch value {
        case .string(let text):
            return SecretPolicy.looksSecret(text) ? .withheld : value
        case .expression(let text):
            return SecretPolicy.looksSecret(text) ? .withheld : value
        case .list(let items):
            return .list(items.map { scrub($0, name: "") })
        case .object(let members):
            return .object(members.map { Value.Member($0.key, scrub($0.value, name: $0.key)) })
        default:
            return value
        }
    }
}
