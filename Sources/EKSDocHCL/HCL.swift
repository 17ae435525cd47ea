import EKSDocModel

/// One `name = expression` attribute of an HCL body (or one top-level key of a `.tfvars.json` file).
public struct HCLAttribute: Hashable, Sendable {
    /// The attribute name as written.
    public var name: String
    /// The value: a literal, or `.expression(source text)` for anything that needs evaluation.
    public var value: Value
    /// Where the attribute name starts.
    public var location: SourceLocation
    /// Where the value expression starts.
    public var valueLocation: SourceLocation
    /// The exact source text of the value expression.
    public var valueText: String

    /// Creates an attribute.
    public init(name: String, value: Value, location: SourceLocation,
                valueLocation: SourceLocation, valueText: String) {
        self.name = name
        self.value = value
        self.location = location
        self.valueLocation = valueLocation
        self.valueText = valueText
    }
}

/// A block such as `resource "aws_eks_cluster" "main" { ... }`.
public struct HCLBlock: Hashable, Sendable {
    /// The block type, e.g. `resource`, `variable`, `dynamic`.
    public var type: String
    /// The labels after the type, in order, with quotes removed.
    public var labels: [String]
    /// The contents between the braces.
    public var body: HCLBody
    /// Where the block type identifier starts.
    public var location: SourceLocation

    /// Creates a block.
    public init(type: String, labels: [String], body: HCLBody, location: SourceLocation) {
        self.type = type
        self.labels = labels
        self.body = body
        self.location = location
    }
}

/// The attributes and nested blocks of a file or of a block, each in source order.
public struct HCLBody: Hashable, Sendable {
    /// Attributes in source order; names are unique within one body.
    public var attributes: [HCLAttribute]
    /// Nested blocks in source order.
    public var blocks: [HCLBlock]

    /// Creates a body.
    public init(attributes: [HCLAttribute] = [], blocks: [HCLBlock] = []) {
        self.attributes = attributes
        self.blocks = blocks
    }

    /// The attribute called `name`, if present.
    public func attribute(_ name: String) -> HCLAttribute? {
        attributes.first { $0.name == name }
    }

    /// The nested blocks whose type is `type`, in source order.
    public func blocks(ofType type: String) -> [HCLBlock] {
        blocks.filter { $0.type == type }
    }
}

/// Parser for the HCL2 native syntax used by Terraform `.tf`, `.tfvars` and `.hcl` files.
public enum HCLParser {
    /// Parses `text` (the contents of `file`) into a body.
    ///
    /// Never throws and never stops at the first problem: syntax errors become diagnostics located
    /// at `file:line:column`, the parser recovers at the next line or closing brace, and whatever could
    /// be read is returned. Diagnostics are sorted by location.
    public static func parse(_ text: String, file: String) -> (body: HCLBody, diagnostics: [Diagnostic]) {
        let source = SourceText(text, file: file)
        var lexer = Lexer(source: source)
        lexer.run()
        var parser = Parser(source: source, tokens: lexer.tokens)
        let body = parser.parseFile()
        let diagnostics = lexer.diagnostics + parser.diagnostics
            + suppressedNote(lexer.suppressed + parser.suppressed, source: source)
        return (body, sortedUnique(diagnostics))
    }

    /// At most this many errors are recorded per stage (lexing, parsing); the rest are counted, which
    /// also keeps pathological inputs (say, one huge line of stray characters) fast.
    static let maxDiagnostics = 100

    /// The "too many errors" diagnostic at the end of the file, when errors were dropped.
    static func suppressedNote(_ count: Int, source: SourceText) -> [Diagnostic] {
        guard count > 0 else { return [] }
        var line = 1
        var lineStart = 0
        for (index, scalar) in source.scalars.enumerated() where scalar == "\n" {
            line += 1
            lineStart = index + 1
        }
        let end = source.location(offset: source.count, line: line, lineStart: lineStart)
        return [.error("too many errors; \(count) more were not reported", at: end)]
    }

    static func sortedUnique(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.sorted().filter { seen.insert($0).inserted }
    }
}
