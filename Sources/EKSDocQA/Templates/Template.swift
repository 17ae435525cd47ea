import EKSDocRender

/// A node of a parsed template.
indirect enum TemplateNode: Hashable, Sendable {
    case text(String)
    /// `{{name}}` (escaped for its Markdown context) or `{{{name}}}` / `{{& name}}` (raw).
    case variable(name: String, raw: Bool, context: TextContext, offset: Int)
    /// `{{#name}}...{{/name}}`, or `{{^name}}...{{/name}}` when inverted.
    case section(name: String, inverted: Bool, children: [TemplateNode], offset: Int)
}

/// A Mustache-subset template over facts (docs/questions.md):
/// - `{{name}}` inserts a value escaped for Markdown (`MD.text`); inside an inline code span or a fenced code block
///   the value is inserted as code (backticks and fences broken up, nothing escaped);
/// - `{{{name}}}` and `{{& name}}` insert the value unescaped;
/// - `{{#name}}...{{/name}}` repeats over a list (each item's fields visible by name, `{{.}}` for the item itself)
///   or shows its body once for a truthy value; `{{^name}}...{{/name}}` shows its body for a falsy or missing one;
/// - `{{! comment }}` is dropped; dotted names resolve through nested maps;
/// - section, inverted, closing and comment tags alone on a line take the line with them.
public struct Template: Hashable, Sendable {
    /// The template text as written.
    public let source: String
    let nodes: [TemplateNode]

    /// Parses template text; the errors carry 0-based character offsets into `text`.
    public static func parse(_ text: String) -> (template: Template?, errors: [TemplateError]) {
        var parser = TemplateParser(text)
        let nodes = parser.parse()
        return parser.errors.isEmpty ? (Template(source: text, nodes: nodes), []) : (nil, parser.errors)
    }

    /// A template from text known to be valid (tests, built-in strings); invalid text renders as plain text.
    public init(_ text: String) {
        self = Template.parse(text).template ?? Template(source: text, nodes: [.text(text)])
    }

    init(source: String, nodes: [TemplateNode]) {
        self.source = source; self.nodes = nodes
    }

    /// The result of rendering: the Markdown and the names that gave an empty value where one was expected.
    public struct Rendering: Hashable, Sendable {
        /// The rendered Markdown.
        public var text: String
        /// Names of `{{name}}` tags that rendered nothing (a missing fact or an empty string), in order, once each.
        public var emptyNames: [String]
    }

    /// Renders the template over `facts`.
    public func render(_ facts: Facts) -> String { rendering(facts).text }

    /// Renders the template and records empty substitutions.
    public func rendering(_ facts: Facts) -> Rendering {
        var renderer = TemplateRenderer(root: facts)
        renderer.render(nodes)
        return Rendering(text: renderer.output, emptyNames: renderer.empty)
    }

    /// Fact names the template uses, in order, once each: every tag name except `.` and the item fields of an
    /// enclosing list section. Empty for a general answer.
    public var referencedNames: [String] {
        var names: [String] = []
        TemplateWalker.walk(nodes, sections: []) { name, sections, _, _ in
            guard name != "." else { return }
            let isField = sections.contains { FactRegistry.names[$0]?.fields.contains(Facts.head(name)) ?? false }
            if !isField && !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// Names that are neither facts nor item fields of an enclosing list section, and list facts used as plain
    /// values: messages with the offset of their tag.
    public var nameErrors: [TemplateError] {
        var errors: [TemplateError] = []
        TemplateWalker.walk(nodes, sections: []) { name, sections, isSection, offset in
            if name == "." {
                if sections.isEmpty { errors.append(TemplateError("'{{.}}' outside a section", at: offset)) }
                return
            }
            guard Facts.isKnown(name, inside: sections) else {
                let fields = sections.flatMap { FactRegistry.names[$0]?.fields ?? [] }
                errors.append(TemplateError("unknown fact '\(name)'" + FactSuggestions.hint(for: name, extra: fields), at: offset))
                return
            }
            if !isSection, case .list(let fields)? = FactRegistry.names[name] {
                errors.append(TemplateError("'\(name)' is a list of {\(fields.joined(separator: ", "))}: "
                                            + "use '{{#\(name)}}...{{/\(name)}}'", at: offset))
            }
        }
        return errors
    }
}

extension Facts {
    /// The first segment of a dotted name.
    static func head(_ name: String) -> String {
        name.split(separator: ".", maxSplits: 1).first.map(String.init) ?? name
    }
}

/// Visits every tag name with the names of the sections around it (outermost first).
enum TemplateWalker {
    static func walk(_ nodes: [TemplateNode], sections: [String],
                     _ visit: (_ name: String, _ sections: [String], _ isSection: Bool, _ offset: Int) -> Void) {
        for node in nodes {
            switch node {
            case .text: continue
            case .variable(let name, _, _, let offset): visit(name, sections, false, offset)
            case .section(let name, let inverted, let children, let offset):
                visit(name, sections, true, offset)
                // An inverted section's body sees no new item scope.
                walk(children, sections: inverted ? sections : sections + [name], visit)
            }
        }
    }
}

/// Renders template nodes over a stack of scopes: the facts, then each section's current value.
struct TemplateRenderer {
    let root: Facts
    var scopes: [FactValue] = []
    var output = ""
    var empty: [String] = []

    init(root: Facts) { self.root = root }

    func lookup(_ name: String) -> FactValue? {
        if name == "." { return scopes.last }
        for scope in scopes.reversed() {
            if case .map(let fields) = scope, let value = Facts.resolve(name, in: fields) { return value }
        }
        return root[name]
    }

    mutating func render(_ nodes: [TemplateNode]) {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .variable(let name, let raw, let context, _):
                let text = lookup(name)?.text ?? ""
                if text.isEmpty {
                    if !empty.contains(name) { empty.append(name) }
                    continue
                }
                output += raw ? text : Self.escape(text, context)
            case .section(let name, let inverted, let children, _):
                let value = lookup(name)
                if inverted {
                    if !(value?.isTruthy ?? false) { render(children) }
                    continue
                }
                guard let value, value.isTruthy else { continue }
                let items: [FactValue]
                if case .list(let list) = value { items = list } else { items = [value] }
                for item in items {
                    scopes.append(item)
                    render(children)
                    scopes.removeLast()
                }
            }
        }
    }

    static func escape(_ text: String, _ context: TextContext) -> String {
        switch context {
        case .prose:
            return MD.text(text)
        case .codeSpan:
            return text.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "\n", with: " ")
        case .codeBlock:
            return text.replacingOccurrences(of: "```", with: "` ` `").replacingOccurrences(of: "~~~", with: "~ ~ ~")
        }
    }
}
