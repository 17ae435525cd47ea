import EKSDocModel

/// One question rendered for one environment.
public struct RenderedQuestion: Hashable, Sendable {
    /// The bank entry.
    public var question: Question
    /// The answer's Markdown.
    public var answer: String
    /// The follow-ups' Markdown, in order.
    public var followUps: [String]
    /// Facts that rendered empty where a value was expected (answer and follow-ups), once each.
    public var emptyNames: [String]
}

/// The questions of a bank for one environment: those that apply, rendered, and those skipped with the reason.
public struct QARendering: Sendable {
    /// Questions whose condition holds, rendered, in bank order.
    public var rendered: [RenderedQuestion]
    /// Questions whose condition is false, with why (the condition and the values of its facts).
    public var skipped: [(question: Question, reason: String)]

    /// Renders every question whose condition holds for `facts`; the others are skipped.
    public init(_ questions: [Question], facts: Facts) {
        rendered = []
        skipped = []
        for question in questions {
            guard question.applies(to: facts) else {
                let condition = question.when.map { "`when: \($0)` is false" } ?? "false"
                let values = question.when?.explain(facts) ?? ""
                skipped.append((question, values.isEmpty ? condition : "\(condition) (\(values))"))
                continue
            }
            let answer = question.answer.rendering(facts)
            let followUps = question.followUps.map { $0.rendering(facts) }
            var empty: [String] = []
            for name in answer.emptyNames + followUps.flatMap(\.emptyNames) where !empty.contains(name) { empty.append(name) }
            rendered.append(RenderedQuestion(question: question, answer: answer.text, followUps: followUps.map(\.text),
                                             emptyNames: empty))
        }
    }

    /// A warning for each rendered question with an empty substitution, at the question's entry.
    public func problems(environment: String) -> Diagnostics {
        var diagnostics = Diagnostics()
        for item in rendered where !item.emptyNames.isEmpty {
            let names = item.emptyNames.map { "'\($0)'" }.joined(separator: ", ")
            diagnostics.warning("question '\(item.question.id)': \(names) \(item.emptyNames.count == 1 ? "is" : "are") empty "
                                + "for environment '\(environment)'; guard \(item.emptyNames.count == 1 ? "it" : "them") "
                                + "with a condition or a section", at: item.question.location)
        }
        return diagnostics
    }

    /// Rendered questions grouped by topic, in `QATopics.order`.
    public var byTopic: [(topic: String, questions: [RenderedQuestion])] {
        var groups: [String: [RenderedQuestion]] = [:]
        for item in rendered { groups[QATopics.canonical(item.question.topic), default: []].append(item) }
        return QATopics.sorted(Array(groups.keys)).map { ($0, groups[$0]!) }
    }
}

/// The order topics appear in on the Q&A pages.
public enum QATopics {
    /// Known topics in page order; any other topic follows, alphabetically.
    public static let order = [
        "VPC", "Subnets", "Route tables", "Internet gateway", "NAT", "Security groups and NACLs",
        "Peering and endpoints", "Load balancers", "Kubernetes services", "Ingress", "Network policy", "DNS", "CNI",
        "VPC CNI", "Custom networking", "Prefix delegation", "IP exhaustion", "Load balancer controller",
        "IRSA and Pod Identity", "Secrets", "Storage", "External DNS", "Karpenter", "High availability", "Cost",
        "Troubleshooting", "Terraform",
    ]

    /// A known topic in its listed spelling (`nat` -> `NAT`); any other topic as written.
    public static func canonical(_ topic: String) -> String {
        order.first { $0.lowercased() == topic.lowercased() } ?? topic
    }

    /// Topics sorted: known ones in `order` (matched ignoring case), then the rest alphabetically.
    public static func sorted(_ topics: [String]) -> [String] {
        func rank(_ topic: String) -> Int {
            order.firstIndex { $0.lowercased() == topic.lowercased() } ?? order.count
        }
        return topics.sorted { a, b in
            let (ra, rb) = (rank(a), rank(b))
            return ra != rb ? ra < rb : (a.lowercased(), a) < (b.lowercased(), b)
        }
    }
}
