import EKSDocAnalysis
import EKSDocModel
import EKSDocRender

/// The Q&A pages of an environment: `md/<env>/qa.md` with every applicable question and its answer, grouped by
/// topic, and `md/<env>/qa-practice.md` with the answers folded.
///
/// The practice page folds answers in `<details><summary>Answer</summary> ... </details>`. cmark-gfm keeps this raw
/// HTML only when rendering with `CMARK_OPT_UNSAFE`: the HTML site must allow raw HTML for these generated pages
/// (the only HTML in them is those fixed tags; every fact value is escaped), and its print style sheet can hide
/// `details` so printed practice sheets show questions only.
public enum QAPages {
    /// The Q&A page: `md/<env>/qa.md`.
    public static let slug = "qa"
    /// The practice page: `md/<env>/qa-practice.md`.
    public static let practiceSlug = "qa-practice"

    /// A built page and the anchor of each question's heading by question id.
    public struct Output: Sendable {
        /// The page.
        public var page: Page
        /// Question id -> heading anchor.
        public var anchors: [String: String]
    }

    /// The facts questions see for the context's environment.
    public static func facts(_ context: PageContext) -> Facts {
        FactRegistry.facts(context.env, context.facts)
    }

    /// `md/<env>/qa.md`.
    public static func page(_ context: PageContext, questions: [Question]) -> Page {
        build(context, questions: questions, practice: false).page
    }

    /// `md/<env>/qa-practice.md`: the same questions, answers folded.
    public static func practicePage(_ context: PageContext, questions: [Question]) -> Page {
        build(context, questions: questions, practice: true).page
    }

    /// The questions whose condition is false for the environment, with the reason.
    public static func skipped(_ context: PageContext, questions: [Question]) -> [(question: Question, reason: String)] {
        QARendering(questions, facts: facts(context)).skipped
    }

    /// Builds either page. Each question's heading is `Q: <question>`, so its anchor is the GitHub slug of that
    /// text (unique within the page: `-1`, `-2` for repeats); `anchors` maps question ids to them.
    public static func build(_ context: PageContext, questions: [Question], practice: Bool,
                             conceptTitles: [String: String] = ConceptTitles.builtin) -> Output {
        let rendering = QARendering(questions, facts: facts(context))
        let groups = rendering.byTopic
        let title = practice ? "Practice questions" : "Questions and answers"
        var doc = PageDocument(title: title)

        // Anchors are known before the headings are written so the topic list can link to them.
        var planned = Anchors()
        _ = planned.anchor(for: title)
        var topicAnchors: [String: String] = [:]
        for group in groups {
            topicAnchors[group.topic] = planned.anchor(for: group.topic)
            for item in group.questions { _ = planned.anchor(for: heading(item.question)) }
        }

        doc.paragraph(intro(context, rendering, practice: practice))
        if !groups.isEmpty {
            let links = groups.map { "[\(MD.text($0.topic))](#\(topicAnchors[$0.topic]!)) (\($0.questions.count))" }
            doc.paragraph("**Topics:** " + links.joined(separator: " · "))
        }
        var anchors: [String: String] = [:]
        for group in groups {
            doc.heading(2, group.topic)
            for item in group.questions {
                anchors[item.question.id] = doc.heading(3, heading(item.question))
                if practice {
                    doc.paragraph("<details>\n<summary>Answer</summary>")
                    body(item, &doc, conceptTitles)
                    doc.paragraph("</details>")
                } else {
                    body(item, &doc, conceptTitles)
                }
                doc.source(item.question.location)
            }
        }
        if rendering.rendered.contains(where: { !$0.question.isGeneral }) {
            doc.sources(context.env.sources.map { SourceLocation(file: $0) })
        }
        let page = doc.page(path: context.path(practice ? practiceSlug : slug), title: title)
        return Output(page: page, anchors: anchors)
    }

    /// The heading text of a question.
    public static func heading(_ question: Question) -> String { "Q: " + question.question }

    static func intro(_ context: PageContext, _ rendering: QARendering, practice: Bool) -> String {
        let count = rendering.rendered.count
        guard count > 0 else {
            return "No question of the bank applies to \(MD.code(context.env.name))."
        }
        var text = "\(MD.number(count)) interview question\(count == 1 ? "" : "s") about \(MD.code(context.env.name)) "
            + "and the fundamentals behind it, grouped by topic. Answers quote this environment's own ids, CIDRs and "
            + "numbers and are regenerated from the inputs on every build."
        if !rendering.skipped.isEmpty {
            let n = rendering.skipped.count
            text += " \(MD.number(n)) question\(n == 1 ? "" : "s") of the bank do\(n == 1 ? "es" : "") not apply here."
        }
        text += practice
            ? " Answers are folded: try each question first, then open its answer. " + linkTo(slug, "All answers, unfolded")
            : " " + linkTo(practiceSlug, "Practice version, answers folded")
        return text
    }

    static func linkTo(_ slug: String, _ label: String) -> String { MD.link(label, "\(slug).md") + "." }

    /// Answer, follow-ups, concept links and sources of one question.
    static func body(_ item: RenderedQuestion, _ doc: inout PageDocument, _ titles: [String: String]) {
        let answer = item.answer.trimmingWhitespace
        if !answer.isEmpty { doc.paragraph(answer) }
        let followUps = item.followUps.map(\.trimmingWhitespace).filter { !$0.isEmpty }
        if !followUps.isEmpty {
            doc.paragraph("**Follow-ups:**")
            doc.bullets(followUps)
        }
        if !item.question.concepts.isEmpty {
            let links = item.question.concepts.map { MD.link(ConceptTitles.label($0, titles: titles), "../concepts/\($0).md") }
            doc.paragraph("**Concepts:** " + links.joined(separator: ", "))
        }
        if !item.question.sources.isEmpty {
            doc.paragraph("**Sources:** " + item.question.sources.map(source).joined(separator: "; "))
        }
    }

    /// A source: a URL as an autolink, anything else as escaped text.
    static func source(_ text: String) -> String {
        let isURL = (text.hasPrefix("https://") || text.hasPrefix("http://"))
            && !text.contains { $0.isWhitespace || $0 == "<" || $0 == ">" }
        return isURL ? "<\(text)>" : MD.text(text)
    }
}
