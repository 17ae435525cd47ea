/// A Terraform input variable: its value in this environment and, when `variables.tf` is present, its declaration.
public struct TerraformVariable: Hashable, Sendable, Codable {
    public var name: String
    /// The value from a `.tfvars`/`.tfvars.json` file; `.withheld` when the name or value looks secret.
    public var value: Value?
    public var valueSource: SourceLocation?
    /// The declared type as source text, such as `list(string)`.
    public var type: String?
    public var defaultValue: Value?
    public var description: String?
    public var sensitive: Bool?
    /// Where the variable was declared, or where its value was set when there is no declaration.
    public var source: SourceLocation

    public init(name: String, value: Value? = nil, valueSource: SourceLocation? = nil, type: String? = nil,
                defaultValue: Value? = nil, description: String? = nil, sensitive: Bool? = nil,
                source: SourceLocation) {
        self.name = name; self.value = value; self.valueSource = valueSource; self.type = type
        self.defaultValue = defaultValue; self.description = description; self.sensitive = sensitive
        self.source = source
    }
}
