import EKSDocIngest
import EKSDocModel

/// Reads bank entries, checking fields, the condition and the templates, with `file:line:col` diagnostics.
struct QuestionReader {
    static let fields = ["id", "topic", "question", "when", "answer", "followUps", "concepts", "sources"]

    let file: SourceFile
    private let lines: [[Character]]

    init(file: SourceFile) {
        self.file = file
        lines = file.text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { Array($0) }
    }

    /// The question of one entry, or nil (with errors) when it is unusable.
    func read(_ node: Node, _ d: inout Diagnostics) -> Question? {
        guard node.isMap else {
            d.error("a question entry is a mapping (id, topic, question, answer ...), found \(node.kindName)", at: node.location)
            return nil
        }
        let fields = Fields(node, context: "question")
        let before = d.items.count
        let id = fields.string("id", &d)?.trimmingWhitespace
        let label = id.map { "question '\($0)'" } ?? "question"
        for (key, value) in node.pairs where !Self.fields.contains(key) {
            let hint = Self.fields.first { $0.lowercased() == key.lowercased().replacingOccurrences(of: "_", with: "") }
            d.error("\(label): unknown field '\(key)'" + (hint.map { " (did you mean '\($0)'?)" } ?? "")
                    + "; fields are \(Self.fields.joined(separator: ", "))", at: value.location)
        }
        if let id, !Self.isValidID(id) {
            d.error("\(label): id must be letters, digits, '-', '_' or '.', starting with a letter or digit", at: node["id"]!.location)
        }
        let topic = required("topic", fields, node, label, &d)
        let question = required("question", fields, node, label, &d)
        let answerText = required("answer", fields, node, label, &d)
        if id == nil && node["id"]?.isNull ?? true { d.error("question: missing 'id'", at: node.location) }

        var condition: Condition?
        if let whenNode = node["when"], !whenNode.isNull {
            if let text = whenNode.text {
                let (parsed, errors) = Condition.check(text)
                let locator = ScalarLocator(value: text, start: whenNode.location, lines: lines)
                for error in errors { d.error("\(label): when: \(error.message)", at: locator.location(error.offset)) }
                condition = parsed
            } else {
                d.error("\(label): field 'when' must be a condition (a string), found \(whenNode.kindName)", at: whenNode.location)
            }
        }
        let answer = answerText.flatMap { template($0, node["answer"]!, "answer", label, &d) }
        var followUps: [Template] = []
        for (text, item) in strings("followUps", fields, label, &d) {
            if let t = template(text, item, "followUps", label, &d) { followUps.append(t) }
        }
        var concepts: [String] = []
        for (slug, item) in strings("concepts", fields, label, &d) {
            if Self.isValidSlug(slug) { concepts.append(slug) } else {
                d.error("\(label): concept '\(slug)' is not a page slug (lower-case letters, digits and '-')", at: item.location)
            }
        }
        let sources = strings("sources", fields, label, &d).map(\.text)
        guard d.items.count == before, let id, let topic, let question, let answer else { return nil }
        return Question(id: id, topic: topic, question: question, when: condition, answer: answer, followUps: followUps,
                        concepts: concepts, sources: sources, location: node.location)
    }

    /// The non-empty string items of a list field with their nodes; other items are errors.
    private func strings(_ key: String, _ fields: Fields, _ label: String, _ d: inout Diagnostics) -> [(text: String, node: Node)] {
        fields.list(key, &d).compactMap { item in
            if let text = item.text, !text.trimmingWhitespace.isEmpty { return (text.trimmingWhitespace, item) }
            let hint = item.isMap ? " (quote the text: an unquoted ': ' makes YAML read a mapping)" : ""
            d.error("\(label): \(key) items must be non-empty strings, found \(item.isNull ? "an empty item" : item.kindName)\(hint)",
                    at: item.location)
            return nil
        }
    }

    /// A required, non-empty string field.
    private func required(_ key: String, _ fields: Fields, _ node: Node, _ label: String, _ d: inout Diagnostics) -> String? {
        guard let child = node[key], !child.isNull else {
            d.error("\(label): missing '\(key)'", at: node.location)
            return nil
        }
        guard let text = fields.string(key, &d) else { return nil }
        guard !text.trimmingWhitespace.isEmpty else {
            d.error("\(label): '\(key)' is empty", at: child.location)
            return nil
        }
        return key == "answer" ? text : text.trimmingWhitespace
    }

    /// Parses and checks a template field, reporting each problem at its tag.
    private func template(_ text: String, _ node: Node, _ field: String, _ label: String, _ d: inout Diagnostics) -> Template? {
        let locator = ScalarLocator(value: text, start: node.location, lines: lines)
        let (parsed, errors) = Template.parse(text)
        for error in errors { d.error("\(label): \(field): \(error.message)", at: locator.location(error.offset)) }
        guard let parsed else { return nil }
        let nameErrors = parsed.nameErrors
        for error in nameErrors { d.error("\(label): \(field): \(error.message)", at: locator.location(error.offset)) }
        return nameErrors.isEmpty ? parsed : nil
    }

    static func isValidID(_ id: String) -> Bool {
        guard let first = id.first, first.isASCII, first.isLetter || first.isNumber else { return false }
        return id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }

    static func isValidSlug(_ slug: String) -> Bool {
        !slug.isEmpty && slug.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
    }
}
