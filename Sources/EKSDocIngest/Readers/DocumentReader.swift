import EKSDocModel

/// A reader for one kind of parsed document (an AWS CLI call's output, a Terraform state, a Kubernetes object,
/// an eksctl ClusterConfig). Readers recognise documents by their content, never by file name.
public protocol DocumentReader {
    /// Declared (intent) or live (what exists).
    static var origin: Origin { get }

    /// True when the document has this reader's shape (its top-level keys, or apiVersion and kind).
    static func recognizes(_ document: Node) -> Bool

    /// Adds the document's facts to `environment`, reporting problems with their locations.
    /// Unknown keys are ignored; a known field of the wrong type is an error at that field.
    static func read(_ document: Node, into environment: inout Environment, diagnostics: inout Diagnostics)
}

/// The facts one input file contributed, split by origin.
public struct Fragment: Sendable {
    public var file: String
    public var origin: Origin
    public var environment: Environment

    public init(file: String, origin: Origin, environment: Environment = Environment(name: "")) {
        self.file = file
        self.origin = origin
        self.environment = environment
    }
}
