import EKSDocModel

/// One entry of a question bank (docs/questions.md, "Entry format").
public struct Question: Hashable, Sendable {
    /// Unique, stable; a project entry with the same id replaces the built-in one.
    public var id: String
    /// The topic it is grouped under (`QATopics.order`; other topics follow alphabetically).
    public var topic: String
    /// The question, as plain text.
    public var question: String
    /// The condition under which the question applies; nil for always.
    public var when: Condition?
    /// The answer: Markdown with facts (see `Template`).
    public var answer: Template
    /// Follow-up questions; they may use facts like the answer.
    public var followUps: [Template]
    /// Concept page slugs (`route-tables` links to `concepts/route-tables.md`).
    public var concepts: [String]
    /// References: plain text, or URLs shown as links.
    public var sources: [String]
    /// Where the entry starts.
    public var location: SourceLocation

    /// An entry; loaders check the fields, this initialiser does not.
    public init(id: String, topic: String, question: String, when: Condition? = nil, answer: Template,
                followUps: [Template] = [], concepts: [String] = [], sources: [String] = [],
                location: SourceLocation) {
        self.id = id; self.topic = topic; self.question = question; self.when = when; self.answer = answer
        self.followUps = followUps; self.concepts = concepts; self.sources = sources; self.location = location
    }

    /// Fact names the answer and follow-ups use.
    public var referencedNames: [String] {
        var names: [String] = []
        for name in ([answer] + followUps).flatMap(\.referencedNames) where !names.contains(name) { names.append(name) }
        return names
    }

    /// True when the entry uses no fact at all: it renders the same for every environment.
    public var isGeneral: Bool { when == nil && referencedNames.isEmpty }

    /// True when the question applies to an environment with these facts.
    public func applies(to facts: Facts) -> Bool { when?.evaluate(facts) ?? true }
}
